import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildMetricCharts, chartOption, formatMetricValue, parseKey, withGaps } from './metric-series';

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
    { vertexNames: { [V1]: 'Source: orders[1]' }, intervalMs: 1000 },
  );

  test('one chart per metric, one line per vertex or TaskManager, in the order first seen', () => {
    assert.deepEqual(charts.map((c) => [c.metric, c.unit, c.lines.length]), [
      ['busyTimeMsPerSecond', 'msPerSecond', 2],
      ['heapUsed', 'bytes', 1],
      ['lastCheckpointSize', 'bytes', 1],
    ]);
  });

  test('lines are named after their vertex (readable), TaskManager, or the job', () => {
    assert.deepEqual(charts[0]!.lines.map((l) => l.name), ['Source: orders', 'bbbbbbbb']);
    assert.equal(charts[1]!.lines[0]!.name, 'tm-1');
    assert.equal(charts[2]!.lines[0]!.name, 'job');
  });

  test('the option has a time axis over the chosen range and values in the unit', () => {
    const option = chartOption(charts[1]!, { from: 0, to: 5000 });
    assert.equal(option.xAxis.min, 0);
    assert.equal(option.xAxis.max, 5000);
    assert.equal(option.yAxis.axisLabel.formatter(2 ** 20), '1 MiB');
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
