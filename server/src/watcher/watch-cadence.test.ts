import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunStatus } from '../events/events.js';
import { detectionBoundMs, isCalm, type CadenceSigns } from './watch-cadence.js';

const settings = { intervalMs: 1_000, calmIntervalMs: 3_000, calmAfterMs: 30_000 };
const quiet = (over: Partial<CadenceSigns> = {}): CadenceSigns => ({
  now: 100_000,
  lastActivityAt: 100_000 - 30_000,
  unanswered: false,
  closelyWatched: false,
  pending: false,
  statuses: ['RUNNING'],
  ...over,
});

describe('watch cadence', () => {
  it('reads a cluster whose running jobs have been stable long enough at the calm interval', () => {
    assert.equal(isCalm(settings, quiet()), true);
    assert.equal(isCalm(settings, quiet({ statuses: ['RUNNING', 'FINISHED', 'CANCELED', 'FAILED'] })), true);
    assert.equal(isCalm(settings, quiet({ statuses: [] })), true, 'a cluster without jobs');
  });

  it('keeps a cluster on every cycle until nothing happened for calmAfterMs', () => {
    assert.equal(isCalm(settings, quiet({ lastActivityAt: 100_000 - 29_999 })), false);
    assert.equal(isCalm(settings, quiet({ lastActivityAt: null })), false, 'never read yet');
  });

  it('brings a cluster back to every cycle at any sign of change', () => {
    assert.equal(isCalm(settings, quiet({ unanswered: true })), false, 'unanswered: probed every cycle');
    assert.equal(isCalm(settings, quiet({ closelyWatched: true })), false, 'an open run page');
    assert.equal(isCalm(settings, quiet({ pending: true })), false, 'stale details or a missing job');
    for (const status of ['INITIALIZING', 'CREATED', 'RESTARTING', 'CANCELLING', 'FAILING', 'RECONCILING', 'SUSPENDED', 'RECONNECTING', 'UNKNOWN'] as RunStatus[]) {
      assert.equal(isCalm(settings, quiet({ statuses: ['RUNNING', status] })), false, status);
    }
  });

  it('never reads calm clusters more often than the ordinary interval, and turns off when the calm interval is not longer', () => {
    assert.equal(isCalm({ ...settings, calmIntervalMs: 1_000 }, quiet()), false);
    assert.equal(isCalm({ ...settings, calmIntervalMs: 500 }, quiet()), false);
    assert.equal(detectionBoundMs({ ...settings, calmIntervalMs: 500 }), 1_000);
    assert.equal(detectionBoundMs(settings), 3_000);
  });
});
