import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { GraphVertex } from '@weir/contract';
import { buildJobGraph, formatBytes, formatCount, formatRatio, pressureLevel, VERTEX_WIDTH, vertexTitle } from './job-graph';

const vertex = (id: string, name: string, over: Partial<GraphVertex> = {}): GraphVertex => ({
  id, name, operators: [], parallelism: 2, maxParallelism: 128, status: 'RUNNING', tasks: { RUNNING: 2 }, startTime: 1, durationMs: 1,
  busyRatio: 0.2, backpressureRatio: 0, idleRatio: 0.8, ratioBasis: 'current', recordsIn: 0, recordsOut: 10, bytesIn: 0, bytesOut: 100,
  recordsInPerSecond: 0, recordsOutPerSecond: 5, watermark: null, ...over,
});

//  src ─┬─> agg ─> sink
//  dim ─┘
const graph = {
  vertices: [vertex('sink', 'snk[9]: Writer'), vertex('agg', 'GroupAggregate[5]', { backpressureRatio: 0.7 }), vertex('src', 'Source: orders[1] -> Calc[2]'), vertex('dim', 'Source: dim[3]')],
  edges: [
    { source: 'src', target: 'agg', shipStrategy: 'HASH', exchange: 'pipelined_bounded' },
    { source: 'dim', target: 'agg', shipStrategy: 'HASH', exchange: 'pipelined_bounded' },
    { source: 'agg', target: 'sink', shipStrategy: 'FORWARD', exchange: 'pipelined_bounded' },
    { source: 'gone', target: 'sink', shipStrategy: 'FORWARD', exchange: null },
  ],
};

describe('buildJobGraph', () => {
  const layout = buildJobGraph(graph);
  const x = (id: string) => layout.nodes.find((n) => n.id === id)!.position.x;
  const y = (id: string) => layout.nodes.find((n) => n.id === id)!.position.y;

  test('lays data flow out left to right, whatever order the vertices come in', () => {
    assert.ok(x('src') < x('agg') && x('agg') < x('sink'));
    assert.equal(x('src'), x('dim'));
    assert.ok(x('agg') - x('src') >= VERTEX_WIDTH, 'ranks do not overlap');
    assert.notEqual(y('src'), y('dim'), 'two sources side by side are stacked');
  });

  test('drops edges to vertices that are not in the graph and keeps the ship strategy as label', () => {
    assert.deepEqual(layout.edges.map((e) => [e.id, e.label]), [['src->agg', 'HASH'], ['dim->agg', 'HASH'], ['agg->sink', 'FORWARD']]);
  });

  test('marks sources, sinks and backpressure levels', () => {
    const data = (id: string) => layout.nodes.find((n) => n.id === id)!.data;
    assert.equal(data('src').isSource, true);
    assert.equal(data('sink').isSink, true);
    assert.equal(data('agg').isSource || data('agg').isSink, false);
    assert.equal(data('agg').pressure, 'high');
    assert.equal(data('src').pressure, 'ok');
    assert.equal(data('src').title, 'Source: orders -> Calc');
  });

  test('an empty graph lays out to nothing', () => {
    assert.deepEqual(buildJobGraph({ vertices: [], edges: [] }).nodes, []);
  });
});

describe('formatting', () => {
  test('levels follow the Flink web UI (10 % / 50 %)', () => {
    assert.deepEqual([0, 0.1, 0.11, 0.5, 0.51, null].map(pressureLevel), ['ok', 'ok', 'low', 'low', 'high', 'unknown']);
  });
  test('ratios, counts and bytes', () => {
    assert.equal(formatRatio(0.426), '43%');
    assert.equal(formatRatio(null), '–');
    assert.equal(formatCount(999), '999');
    assert.equal(formatCount(1234), '1.23K');
    assert.equal(formatCount(5_600_000), '5.6M');
    assert.equal(formatCount(2.25), '2.3');
    assert.equal(formatBytes(512), '512 B');
    assert.equal(formatBytes(1536), '1.5 KiB');
    assert.equal(formatBytes(3 * 1024 ** 3), '3 GiB');
    assert.equal(vertexTitle('Sink: x[12]'), 'Sink: x');
  });
});
