// Key-metric chart shaping: stored series (from the API) → one ECharts line chart per metric,
// one line per vertex or TaskManager. Pure, so it is tested without a DOM.
import { METRIC_UNITS } from '@weir/contract';
import { formatBytes, formatCount, vertexTitle } from './job-graph';

export type MetricName = keyof typeof METRIC_UNITS;
export type MetricUnit = (typeof METRIC_UNITS)[MetricName];

export interface ParsedKey {
  scope: 'vertex' | 'job' | 'tm';
  target: string | null;
  metric: MetricName;
}

export function parseKey(key: string): ParsedKey | null {
  const parts = key.split(':');
  const metric = parts.at(-1) as MetricName;
  if (!(metric in METRIC_UNITS)) return null;
  if (parts[0] === 'job' && parts.length === 2) return { scope: 'job', target: null, metric };
  if ((parts[0] === 'vertex' || parts[0] === 'tm') && parts.length === 3 && parts[1]) return { scope: parts[0], target: parts[1], metric };
  return null;
}

export interface ChartLine {
  key: string;
  name: string;
  /** [time, value], with a null value where samples are missing so the line breaks there. */
  data: [number, number | null][];
}

export interface MetricChart {
  metric: MetricName;
  unit: MetricUnit;
  lines: ChartLine[];
}

/**
 * Groups series by metric (in the order first seen), names each line after its vertex or
 * TaskManager, and breaks lines at gaps longer than three sampling intervals (the job was down,
 * or Weir was), rather than drawing a straight line across them.
 */
/** A stored series as the API sends it ([at, value] pairs; the generated client types them as number[]). */
export interface SeriesData {
  key: string;
  points: number[][];
}

export function buildMetricCharts(series: SeriesData[], opts: { vertexNames: Record<string, string>; intervalMs: number; jobName?: string }): MetricChart[] {
  const charts = new Map<MetricName, MetricChart>();
  for (const s of series) {
    const parsed = parseKey(s.key);
    if (!parsed) continue;
    const chart = charts.get(parsed.metric) ?? { metric: parsed.metric, unit: METRIC_UNITS[parsed.metric], lines: [] };
    charts.set(parsed.metric, chart);
    // A legend names what the line is about: the operator, the TaskManager, or for a whole-job metric the job itself.
    const name = parsed.scope === 'job' ? (opts.jobName ?? 'job') : parsed.scope === 'tm' ? parsed.target! : vertexTitle(opts.vertexNames[parsed.target!] ?? parsed.target!.slice(0, 8));
    chart.lines.push({ key: s.key, name, data: withGaps(s.points, opts.intervalMs * 3) });
  }
  return [...charts.values()];
}

export function withGaps(points: number[][], maxGapMs: number): [number, number | null][] {
  const out: [number, number | null][] = [];
  for (let i = 0; i < points.length; i++) {
    const [at, value] = points[i] as [number, number];
    const prev = points[i - 1] as [number, number] | undefined;
    if (prev && at - prev[0] > maxGapMs) out.push([prev[0] + 1, null]);
    out.push([at, value]);
  }
  return out;
}

/** Chinese reads ms and s as words, records as 条, and large numbers in 万 and 亿 rather than K and M. */
function isChinese(language: string): boolean {
  return language.toLowerCase().startsWith('zh');
}

/** A value as its unit reads in the reader's language: bytes, ms, per second, a share, or a count. */
export function formatMetricValue(value: number | null, unit: MetricUnit, language = 'en-US'): string {
  if (value === null || !Number.isFinite(value)) return '–';
  if (isChinese(language) && unit !== 'bytes' && unit !== 'ratio') {
    const [scale, suffix] = scaleOf(Math.abs(value), unit, language);
    const scaled = value / scale;
    return `${WHOLE_VALUES.has(unit) && scale === 1 ? Math.round(scaled) : Number(scaled.toPrecision(3))}${suffix}`;
  }
  switch (unit) {
    case 'bytes':
      return formatBytes(value);
    case 'ms':
      return value >= 10_000 ? `${Number((value / 1000).toPrecision(3))} s` : `${Math.round(value)} ms`;
    case 'msPerSecond':
      return `${Math.round(value)} ms/s`;
    case 'perSecond':
      return `${formatCount(value)}/s`;
    case 'ratio':
      return `${Math.round(value * 100)}%`;
    default:
      return formatCount(value);
  }
}

/** Values shown whole when not scaled (a ms count, busy ms per second). */
const WHOLE_VALUES: ReadonlySet<MetricUnit> = new Set(['ms', 'msPerSecond']);

export interface ValueAxis {
  min: number;
  max: number;
  interval: number;
  /** A tick's label: as many decimals as the interval needs, so two ticks never read the same. */
  label(value: number): string;
}

/** Display scales per unit: the largest whose size fits the top value is used for every tick. */
const SCALES: Record<MetricUnit, Array<[number, string]>> = {
  bytes: [[1024 ** 4, ' TiB'], [1024 ** 3, ' GiB'], [1024 ** 2, ' MiB'], [1024, ' KiB'], [1, ' B']],
  ms: [[1000, ' s'], [1, ' ms']],
  msPerSecond: [[1, ' ms/s']],
  perSecond: [[1e6, 'M/s'], [1e3, 'K/s'], [1, '/s']],
  ratio: [[0.01, '%']],
  count: [[1e6, 'M'], [1e3, 'K'], [1, '']],
};
/** The same in Chinese: 秒 and 毫秒, records per second as 条/秒, large numbers in 万 (10⁴) and 亿 (10⁸). */
const SCALES_ZH: Record<MetricUnit, Array<[number, string]>> = {
  ...SCALES,
  ms: [[1000, ' 秒'], [1, ' 毫秒']],
  msPerSecond: [[1, ' 毫秒/秒']],
  perSecond: [[1e8, ' 亿条/秒'], [1e4, ' 万条/秒'], [1, ' 条/秒']],
  count: [[1e8, ' 亿'], [1e4, ' 万'], [1, '']],
};

/** The scale a value of this size reads in (ms switch to seconds only from 10 s). */
function scaleOf(top: number, unit: MetricUnit, language: string): [number, string] {
  const scales = (isChinese(language) ? SCALES_ZH : SCALES)[unit];
  return scales.find(([size]) => top >= size * (unit === 'ms' ? 10 : 1)) ?? scales.at(-1)!;
}
/** Units whose values are whole numbers: no tick between two of them. */
const WHOLE: ReadonlySet<MetricUnit> = new Set(['count', 'msPerSecond']);

/**
 * The y axis of a chart, computed here rather than by ECharts: its own ticks are "nice" in raw
 * units (bytes, ms), and labels rounded to the unit then repeat (1.2 MiB, 1.2 MiB, 1.3 MiB). Ticks
 * are about five nice steps of the displayed unit, starting at 0 for values that cannot be negative.
 */
export function valueAxis(lines: ChartLine[], unit: MetricUnit, language = 'en-US'): ValueAxis {
  const values = lines.flatMap((l) => l.data.map((d) => d[1])).filter((v): v is number => v !== null && Number.isFinite(v));
  const low = Math.min(0, ...values);
  const high = Math.max(...values, low);
  const [scale, suffix] = scaleOf(Math.abs(high), unit, language);
  const span = (high - low) / scale;
  let step = niceStep(span > 0 ? span / 5 : Math.max(Math.abs(high / scale), 1));
  if (WHOLE.has(unit) && scale === 1) step = Math.max(1, Math.round(step));
  const decimals = decimalsOf(step);
  const min = Math.floor(low / scale / step) * step * scale;
  const max = Math.max(Math.ceil(high / scale / step) * step, min / scale + step) * scale;
  return { min, max, interval: step * scale, label: (value) => (value === 0 ? '0' : `${(value / scale).toFixed(decimals)}${suffix}`) };
}

/** How many decimals a step has (2.5 → 1, 0.02 → 2): what each tick's label shows. */
function decimalsOf(step: number): number {
  let decimals = 0;
  while (decimals < 10 && Math.abs(step * 10 ** decimals - Math.round(step * 10 ** decimals)) > 1e-9 * 10 ** decimals) decimals += 1;
  return decimals;
}

/** 1, 2, 2.5 or 5 times a power of ten, at least `rough`. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10) * power;
}

/**
 * A time-axis tick in the reader's language and clock: hours and minutes (with seconds over a few
 * minutes' range, with the day over more than a day's), so the axis drawn on canvas reads like the
 * rest of the page rather than in ECharts' English default.
 */
export function timeAxisLabel(at: number, range: { from: number; to: number }, language = 'en-US'): string {
  const span = range.to - range.from;
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: isChinese(language) ? 'h23' : undefined };
  if (span <= 5 * 60_000) options.second = '2-digit';
  if (span > 24 * 3_600_000) Object.assign(options, { month: 'numeric', day: 'numeric' });
  return new Intl.DateTimeFormat(language, options).format(at);
}

/** A tooltip's moment: the date and the time to the second, in the reader's language. */
export function tooltipTime(at: number, language = 'en-US'): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium', hourCycle: isChinese(language) ? 'h23' : undefined }).format(at);
}

interface TooltipLine {
  marker?: string;
  seriesName?: string;
  value?: unknown;
}

/** The ECharts option for one chart (time axis, one line per series, values in the metric's unit), in the reader's language. */
export function chartOption(chart: MetricChart, range: { from: number; to: number }, language = 'en-US') {
  const format = (v: number) => formatMetricValue(v, chart.unit, language);
  const axis = valueAxis(chart.lines, chart.unit, language);
  return {
    animation: false,
    // The y-axis labels decide the left margin: '1000 毫秒/秒' is wider than '1000 ms/s', and a fixed one cut it.
    grid: { left: 8, right: 16, top: 28, bottom: 28, containLabel: true },
    legend: { type: 'scroll' as const, top: 0, data: chart.lines.map((l) => l.name) },
    tooltip: {
      trigger: 'axis' as const,
      // Drawn here, not by ECharts: its header would be the time in its own format. Line names
      // are operators' and TaskManagers' names, so they are escaped.
      formatter: (params: TooltipLine | TooltipLine[]) => {
        const lines = Array.isArray(params) ? params : [params];
        const point = (line: TooltipLine) => (Array.isArray(line.value) ? (line.value as [number, number | null]) : null);
        const at = lines.map(point).find((p) => p !== null)?.[0];
        const rows = lines.map((line) => {
          const value = point(line)?.[1];
          return `${line.marker ?? ''}${escapeHtml(line.seriesName ?? '')}: <b>${typeof value === 'number' ? escapeHtml(format(value)) : '–'}</b>`;
        });
        return [at === undefined ? '' : escapeHtml(tooltipTime(at, language)), ...rows].filter(Boolean).join('<br/>');
      },
    },
    xAxis: { type: 'time' as const, min: range.from, max: range.to, axisLabel: { formatter: (at: number) => timeAxisLabel(at, range, language), hideOverlap: true } },
    yAxis: { type: 'value' as const, min: axis.min, max: axis.max, interval: axis.interval, axisLabel: { formatter: axis.label } },
    series: chart.lines.map((l) => ({ name: l.name, type: 'line' as const, showSymbol: l.data.length < 3, connectNulls: false, data: l.data })),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
