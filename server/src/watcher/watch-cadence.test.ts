import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import type { RunStatus } from '../events/events.js';
import { CalmWait, detectionBoundMs, isCalm, type CadenceSigns } from './watch-cadence.js';

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

describe('a push from Flink (CalmWait.hint)', () => {
  /** A calm wait of 60 s on fake timers; `ended()` says whether it has returned. */
  const setup = () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    mock.method(Math, 'random', () => 1); // the first calm wait is a random part of the interval: take all of it
    let now = 1_000_000;
    const wait = new CalmWait({ now: () => now });
    wait.lastActivityAt = now - 60_000;
    const start = (calm = true) => {
      let done = false;
      void wait.waitWhileCalm(calm, 60_000, now).then(() => (done = true));
      return { ended: async () => { await new Promise((r) => setImmediate(r)); return done; } };
    };
    return { wait, start, advance: (ms: number) => { now += ms; mock.timers.tick(ms); } };
  };
  const teardown = () => { mock.timers.reset(); mock.restoreAll(); };

  it('ends a calm wait at once, without counting as activity (a push that brings nothing leaves the cluster calm)', async () => {
    const { wait, start } = setup();
    try {
      const activityBefore = wait.lastActivityAt;
      const waiting = start();
      assert.equal(await waiting.ended(), false);
      wait.hint();
      assert.equal(await waiting.ended(), true);
      assert.equal(wait.lastActivityAt, activityBefore);
    } finally { teardown(); }
  });

  it('reads once more per flood: a thousand pushes end one wait, and the next wait lasts the whole calm interval', async () => {
    const { wait, start, advance } = setup();
    try {
      const first = start();
      for (let i = 0; i < 1000; i++) wait.hint();
      assert.equal(await first.ended(), true);
      const second = start();
      advance(59_999);
      assert.equal(await second.ended(), false, 'the pushes before this wait do not shorten it');
      advance(1);
      assert.equal(await second.ended(), true);
    } finally { teardown(); }
  });

  it('is not lost when it comes while the cluster is being read: the next calm wait is skipped, once', async () => {
    const { wait, start } = setup();
    try {
      wait.hint(); // no wait in progress: a cycle is reading the cluster
      assert.equal(await start().ended(), true, 'skipped');
      assert.equal(await start().ended(), false, 'the one after waits again');
    } finally { teardown(); }
  });

  it('is dropped while the cluster is read every cycle anyway (not calm): it does not skip a later calm wait', async () => {
    const { wait, start } = setup();
    try {
      wait.hint();
      assert.equal(await start(false).ended(), true);
      assert.equal(await start(true).ended(), false);
    } finally { teardown(); }
  });
});
