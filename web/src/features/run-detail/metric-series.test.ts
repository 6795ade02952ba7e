import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildMetricCharts, chartOption, formatMetricValue, parseKey, timeAxisLabel, tooltipTime, valueAxis, withGaps, type ChartLine, type MetricChart, type MetricUnit } from './metric-series';

const V1 = 'a'.repeat(32);
const V2 = 'b'.repeat(32);

describe('buildMetricCharts', () => {
  const charts = buildMetricCharts(
    [
      { key: `vertex:${V1}:busyTimeMsPerSecond`, points: [[1000, 100], [2000, 200]] },
      { key: 'tm:tm-1:heapUsed', points: [[1000, 2 ** 20]] },
      { key: `vertex:${V2}:busyTimeMsPerSecond`, points: [] },
      { key: 'job:lastCheckpointSize', points: [[1000, 5]] },
      { key: 'nonsense', points: [[1, 1]] },
    ],
    { vertexNames: { [V1]: 'Source: orders[1]' }, intervalMs: 1000, jobName: 'orders-etl' },
  );

  test('one chart per metric, one line per vertex or TaskManager, in the order first seen', () => {
    assert.deepEqual(charts.map((c) => [c.metric, c.unit, c.lines.length]), [
      ['busyTimeMsPerSecond', 'msPerSecond', 2],
      ['heapUsed', 'bytes', 1],
      ['lastCheckpointSize', 'bytes', 1],
    ]);
  });

  test('lines are named after their operator (readable), TaskManager, or the job by its name', () => {
    assert.deepEqual(charts[0]!.lines.map((l) => l.name), ['Source: orders', 'bbbbbbbb']);
    assert.equal(charts[1]!.lines[0]!.name, 'tm-1');
    assert.equal(charts[2]!.lines[0]!.name, 'orders-etl');
  });

  test('the option has a time axis over the chosen range and values in the unit', () => {
    const option = chartOption(charts[1]!, { from: 0, to: 5000 });
    assert.equal(option.xAxis.min, 0);
    assert.equal(option.xAxis.max, 5000);
    assert.equal(option.yAxis.axisLabel.formatter(2 ** 20), '1.0 MiB');
    assert.equal(option.yAxis.interval, 0.2 * 2 ** 20);
    assert.deepEqual(option.series[0]!.data, [[1000, 2 ** 20]]);
  });
});

describe('gaps and units', () => {
  test('a gap longer than three intervals breaks the line', () => {
    assert.deepEqual(withGaps([[0, 1], [1000, 2], [10_000, 3]], 3000), [[0, 1], [1000, 2], [1001, null], [10_000, 3]]);
    assert.deepEqual(withGaps([[0, 1], [3000, 2]], 3000), [[0, 1], [3000, 2]]);
  });

  test('values read in their unit', () => {
    assert.equal(formatMetricValue(1536, 'bytes'), '1.5 KiB');
    assert.equal(formatMetricValue(42.4, 'ms'), '42 ms');
    assert.equal(formatMetricValue(65_000, 'ms'), '65 s');
    assert.equal(formatMetricValue(1234, 'perSecond'), '1.23K/s');
    assert.equal(formatMetricValue(0.25, 'ratio'), '25%');
    assert.equal(formatMetricValue(500, 'msPerSecond'), '500 ms/s');
    assert.equal(formatMetricValue(null, 'count'), '–');
  });

  test('keys parse into scope, target and metric', () => {
    assert.deepEqual(parseKey(`vertex:${V1}:watermarkLagMs`), { scope: 'vertex', target: V1, metric: 'watermarkLagMs' });
    assert.deepEqual(parseKey('job:numRestarts'), { scope: 'job', target: null, metric: 'numRestarts' });
    assert.equal(parseKey('job:unknown'), null);
  });
});

describe('valueAxis: y-axis ticks never repeat', () => {
  const line = (...values: number[]): ChartLine[] => [{ key: 'k', name: 'n', data: values.map((v, i) => [i * 1000, v]) }];
  const labels = (values: number[], unit: MetricUnit) => {
    const axis = valueAxis(line(...values), unit);
    const out: string[] = [];
    for (let v = axis.min; v <= axis.max + axis.interval / 1e6; v += axis.interval) out.push(axis.label(v));
    return out;
  };
  const cases: Array<[string, number[], MetricUnit]> = [
    ['a checkpoint size that barely moves', [1_250_000, 1_262_000, 1_271_000], 'bytes'],
    ['a few records per second', [0.4, 1.2, 2.6], 'perSecond'],
    ['thousands of records per second', [12_400, 12_950, 13_100], 'perSecond'],
    ['busy time', [3, 7, 12], 'msPerSecond'],
    ['checkpoint durations of seconds', [12_345, 14_001, 15_800], 'ms'],
    ['a flat zero', [0, 0, 0], 'count'],
    ['restarts', [1, 2, 2], 'count'],
    ['CPU load', [0.011, 0.013, 0.012], 'ratio'],
    ['watermark lag under a second', [120, 480, 910], 'ms'],
  ];
  for (const [what, values, unit] of cases) {
    test(`${what}: distinct labels, and the values fit the axis`, () => {
      const shown = labels(values, unit);
      assert.equal(new Set(shown).size, shown.length, shown.join(' | '));
      assert.ok(shown.length >= 2 && shown.length <= 12, shown.join(' | '));
      const axis = valueAxis(line(...values), unit);
      assert.ok(values.every((v) => v >= axis.min && v <= axis.max), `${axis.min}..${axis.max}`);
    });
  }

  test('labels are in the unit a person reads', () => {
    assert.deepEqual(labels([1_250_000, 1_271_000], 'bytes'), ['0', '0.25 MiB', '0.50 MiB', '0.75 MiB', '1.00 MiB', '1.25 MiB']);
    assert.deepEqual(labels([12_400, 13_100], 'perSecond'), ['0', '5K/s', '10K/s', '15K/s']);
    assert.deepEqual(labels([12_345, 15_800], 'ms').at(-1), '20 s');
    assert.deepEqual(labels([0.011, 0.013], 'ratio'), ['0', '0.5%', '1.0%', '1.5%']);
    assert.deepEqual(labels([0.4, 2.6], 'perSecond'), ['0', '1/s', '2/s', '3/s']);
  });
});

describe('the charts in the reader\'s language', () => {
  const line = (...values: number[]): ChartLine[] => [{ key: 'k', name: 'n', data: values.map((v, i) => [i * 1000, v]) }];
  const labels = (values: number[], unit: MetricUnit, language: string) => {
    const axis = valueAxis(line(...values), unit, language);
    const out: string[] = [];
    for (let v = axis.min; v <= axis.max + axis.interval / 1e6; v += axis.interval) out.push(axis.label(v));
    return out;
  };

  test('y-axis units read in Chinese, large numbers in 万, and the ticks still never repeat', () => {
    assert.deepEqual(labels([12_400, 13_100], 'perSecond', 'zh-CN'), ['0', '0.5 万条/秒', '1.0 万条/秒', '1.5 万条/秒']);
    assert.deepEqual(labels([0.4, 2.6], 'perSecond', 'zh-CN'), ['0', '1 条/秒', '2 条/秒', '3 条/秒']);
    assert.deepEqual(labels([12_345, 15_800], 'ms', 'zh-CN').at(-1), '20 秒');
    assert.deepEqual(labels([120, 910], 'ms', 'zh-CN').at(-1), '1000 毫秒');
    assert.deepEqual(labels([3, 12], 'msPerSecond', 'zh-CN').at(-1), '12 毫秒/秒');
    for (const values of [[1_250_000, 1_262_000], [98_000, 101_500, 99_200], [0.4, 1.2]]) {
      const shown = labels(values, 'perSecond', 'zh-CN');
      assert.equal(new Set(shown).size, shown.length, shown.join(' | '));
    }
    assert.deepEqual(labels([12_400, 13_100], 'perSecond', 'en-US'), ['0', '5K/s', '10K/s', '15K/s'], 'English as before');
  });

  test('a value in a tooltip reads in Chinese', () => {
    assert.equal(formatMetricValue(123_456, 'perSecond', 'zh-CN'), '12.3 万条/秒');
    assert.equal(formatMetricValue(42.4, 'ms', 'zh-CN'), '42 毫秒');
    assert.equal(formatMetricValue(65_000, 'ms', 'zh-CN'), '65 秒');
    assert.equal(formatMetricValue(500, 'msPerSecond', 'zh-CN'), '500 毫秒/秒');
    assert.equal(formatMetricValue(1536, 'bytes', 'zh-CN'), '1.5 KiB');
    assert.equal(formatMetricValue(0.25, 'ratio', 'zh-CN'), '25%');
    assert.equal(formatMetricValue(3, 'count', 'zh-CN'), '3');
  });

  test("the time axis reads in the reader's clock, with seconds over a short range and the day over a long one", () => {
    const at = new Date(2026, 11, 7, 14, 5, 30).getTime(); // the reader's own clock, as the page shows it
    const hour = { from: at - 3_600_000, to: at };
    assert.equal(timeAxisLabel(at, hour, 'zh-CN'), '14:05');
    assert.equal(timeAxisLabel(at, hour, 'en-US'), '02:05 PM');
    assert.equal(timeAxisLabel(at, { from: at - 60_000, to: at }, 'zh-CN'), '14:05:30');
    assert.match(timeAxisLabel(at, { from: at - 3 * 86_400_000, to: at }, 'zh-CN'), /^12\/7 14:05$/);
  });

  test('the tooltip says the moment and each line in the language, escaping the names', () => {
    const chart: MetricChart = { metric: 'numRecordsInPerSecond', unit: 'perSecond', lines: [{ key: 'k', name: '<b>Source</b>', data: [[1000, 25_000]] }] };
    const option = chartOption(chart, { from: 0, to: 5000 }, 'zh-CN');
    const html = option.tooltip.formatter([{ marker: '●', seriesName: '<b>Source</b>', value: [1000, 25_000] }]);
    assert.ok(html.startsWith(tooltipTime(1000, 'zh-CN')), html);
    assert.ok(html.endsWith('●&lt;b&gt;Source&lt;/b&gt;: <b>2.5 万条/秒</b>'), html);
    assert.equal(option.xAxis.axisLabel.formatter(1000), timeAxisLabel(1000, { from: 0, to: 5000 }, 'zh-CN'));
  });

  test('the chart makes room for its y-axis labels, however long the language writes them', () => {
    // A fixed margin of 72 px showed '1000 毫秒/秒' as '000 毫秒/秒'.
    const chart: MetricChart = { metric: 'busyTimeMsPerSecond', unit: 'msPerSecond', lines: [{ key: 'k', name: 'Source', data: [[1000, 1000]] }] };
    for (const language of ['zh-CN', 'en-US']) assert.equal(chartOption(chart, { from: 0, to: 5000 }, language).grid.containLabel, true, language);
  });
});
