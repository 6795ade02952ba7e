import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { downsample, parseSeriesKey, seriesKeyOf, tickOf } from './series-key.js';

const VID = 'cbc357ccb763df2852fee8c4fc7d55f2';

describe('series keys', () => {
  it('parse the three scopes and round-trip', () => {
    for (const key of [`vertex:${VID}:busyTimeMsPerSecond`, 'job:lastCheckpointDuration', 'tm:tm-1:heapUsed']) {
      const target = parseSeriesKey(key);
      assert.ok(target, key);
      assert.equal(seriesKeyOf(target), key);
    }
    assert.deepEqual(parseSeriesKey(`vertex:${VID}:watermarkLagMs`), { scope: 'vertex', vertexId: VID, metric: 'watermarkLagMs' });
  });

  it('reject unknown metrics and malformed keys', () => {
    for (const key of ['job:nope', `vertex:${VID}:heapUsed`, 'tm:tm-1:busyTimeMsPerSecond', 'vertex::busyTimeMsPerSecond', 'job', '', 'tm:a:b:c']) {
      assert.equal(parseSeriesKey(key), undefined, key);
    }
  });
});

describe('sampler ticks', () => {
  it('two instances sampling within one interval agree on the point time', () => {
    assert.equal(tickOf(1_000_123, 10_000), 1_000_000);
    assert.equal(tickOf(1_009_999, 10_000), 1_000_000);
    assert.equal(tickOf(1_010_000, 10_000), 1_010_000);
  });
});

describe('downsample', () => {
  it('keeps short series as they are', () => {
    const pts: [number, number][] = [[1, 1], [2, 2]];
    assert.equal(downsample(pts, 0, 10, 10), pts);
  });

  it('averages a long series into at most maxPoints buckets, in time order', () => {
    const pts: [number, number][] = Array.from({ length: 1000 }, (_, i) => [i * 10, i % 2 === 0 ? 0 : 10]);
    const out = downsample(pts, 0, 9990, 100);
    assert.equal(out.length, 100);
    for (const [, v] of out) assert.equal(v, 5);
    for (let i = 1; i < out.length; i++) assert.ok(out[i]![0] > out[i - 1]![0]);
    assert.equal(out[0]![0], 45);
  });
});
