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

export function buildMetricCharts(series: SeriesData[], opts: { vertexNames: Record<string, string>; intervalMs: number }): MetricChart[] {
  const charts = new Map<MetricName, MetricChart>();
  for (const s of series) {
    const parsed = parseKey(s.key);
    if (!parsed) continue;
    const chart = charts.get(parsed.metric) ?? { metric: parsed.metric, unit: METRIC_UNITS[parsed.metric], lines: [] };
    charts.set(parsed.metric, chart);
    const name = parsed.scope === 'job' ? 'job' : parsed.scope === 'tm' ? parsed.target! : vertexTitle(opts.vertexNames[parsed.target!] ?? parsed.target!.slice(0, 8));
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

/** A value as its unit reads: bytes, ms, per second, a share, or a count. */
export function formatMetricValue(value: number | null, unit: MetricUnit): string {
  if (value === null || !Number.isFinite(value)) return '–';
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

/** The ECharts option for one chart (time axis, one line per series, values in the metric's unit). */
export function chartOption(chart: MetricChart, range: { from: number; to: number }) {
  const format = (v: number) => formatMetricValue(v, chart.unit);
  return {
    animation: false,
    grid: { left: 72, right: 16, top: 28, bottom: 28 },
    legend: { type: 'scroll' as const, top: 0, data: chart.lines.map((l) => l.name) },
    tooltip: { trigger: 'axis' as const, valueFormatter: (v: unknown) => (typeof v === 'number' ? format(v) : '–') },
    xAxis: { type: 'time' as const, min: range.from, max: range.to },
    yAxis: { type: 'value' as const, min: chart.unit === 'ratio' ? 0 : undefined, axisLabel: { formatter: format } },
    series: chart.lines.map((l) => ({ name: l.name, type: 'line' as const, showSymbol: l.data.length < 3, connectNulls: false, data: l.data })),
  };
}
