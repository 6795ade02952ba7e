import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchDetections, percentile } from './detection.js';

describe('matchDetections', () => {
  it("matches a detection carrying Flink's time to exactly that change", () => {
    const s = matchDetections(
      [
        { jid: 'a', status: 'RESTARTING', at: 1000 },
        { jid: 'a', status: 'RUNNING', at: 2000 },
        { jid: 'a', status: 'RESTARTING', at: 3000 },
      ],
      [
        { jid: 'a', status: 'RESTARTING', at: 3000, recordedAt: 3400 },
        { jid: 'a', status: 'RESTARTING', at: 1000, recordedAt: 2500 },
        { jid: 'a', status: 'RUNNING', at: 2000, recordedAt: 2500 },
      ],
    );
    assert.deepEqual(s.latencies, [400, 500, 1500]);
    assert.equal(s.missed, 0);
    assert.equal(s.p50, 500);
    assert.equal(s.max, 1500);
  });

  it('matches a status-only detection to the change it could have seen, and counts the rest as missed', () => {
    const s = matchDetections(
      [
        { jid: 'a', status: 'RESTARTING', at: 1000 },
        { jid: 'a', status: 'RUNNING', at: 2000 }, // the poller never saw RESTARTING, so it never saw this either
        { jid: 'b', status: 'CANCELLING', at: 1000 },
        { jid: 'b', status: 'CANCELED', at: 1100 },
      ],
      [{ jid: 'b', status: 'CANCELED', recordedAt: 4100 }],
    );
    assert.deepEqual(s.latencies, [3000]);
    assert.equal(s.missed, 3);
    assert.equal(s.p50, Number.POSITIVE_INFINITY, 'more than half missed');
  });

  it('does not credit an old change with a detection made after the job entered the status again', () => {
    const s = matchDetections(
      [
        { jid: 'a', status: 'RESTARTING', at: 1000 },
        { jid: 'a', status: 'RUNNING', at: 1500 },
        { jid: 'a', status: 'RESTARTING', at: 6000 },
      ],
      [{ jid: 'a', status: 'RESTARTING', recordedAt: 7000 }],
    );
    assert.deepEqual(s.latencies, [1000]);
    assert.equal(s.missed, 2);
  });
});

describe('percentile', () => {
  it('uses nearest rank and treats the unknown values as infinite', () => {
    assert.equal(percentile([1, 2, 3, 4], 4, 0.5), 2);
    assert.equal(percentile([1, 2, 3, 4], 4, 0.99), 4);
    assert.equal(percentile([1, 2, 3, 4], 5, 0.99), Number.POSITIVE_INFINITY);
    assert.ok(Number.isNaN(percentile([], 0, 0.5)));
  });
});
