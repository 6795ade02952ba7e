import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MIN_SHARE, statusSegments } from './status-segments';

describe('statusSegments: the strip of a run\'s statuses', () => {
  test('each status lasts until the next; the last until the end', () => {
    const segments = statusSegments(
      [
        { toStatus: 'CREATED', at: 0 },
        { toStatus: 'RUNNING', at: 100 },
        { toStatus: 'FAILED', at: 1000 },
      ],
      1000,
    );
    assert.deepEqual(segments.map((s) => [s.status, s.from, s.to]), [['CREATED', 0, 100], ['RUNNING', 100, 1000], ['FAILED', 1000, 1000]]);
    assert.ok(Math.abs(segments.reduce((sum, s) => sum + s.share, 0) - 1) < 1e-9);
  });

  test('a restart too short to see still shows, and the widths add up to the whole strip', () => {
    const segments = statusSegments(
      [
        { toStatus: 'RUNNING', at: 0 },
        { toStatus: 'RESTARTING', at: 3_600_000 },
        { toStatus: 'RUNNING', at: 3_600_200 },
      ],
      7_200_000,
    );
    assert.deepEqual(segments.map((s) => s.status), ['RUNNING', 'RESTARTING', 'RUNNING']);
    assert.equal(segments[1]!.share, MIN_SHARE);
    assert.ok(Math.abs(segments.reduce((sum, s) => sum + s.share, 0) - 1) < 1e-9);
  });

  test('out of order transitions are sorted, repeats folded, nothing after the end', () => {
    const segments = statusSegments(
      [
        { toStatus: 'RUNNING', at: 50 },
        { toStatus: 'CREATED', at: 0 },
        { toStatus: 'RUNNING', at: 60 },
        { toStatus: 'CANCELED', at: 500 },
      ],
      200,
    );
    assert.deepEqual(segments.map((s) => [s.status, s.from, s.to]), [['CREATED', 0, 50], ['RUNNING', 50, 200]]);
    assert.deepEqual(statusSegments([], 10), []);
  });
});
