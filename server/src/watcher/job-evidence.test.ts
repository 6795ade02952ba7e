import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FlinkUnreachableError } from '../errors/errors.js';
import type { JobManagerClient } from '../flink/job-manager.client.js';
import type { RunRecord, RunsStore } from '../runs/runs.store.js';
import { JobEvidence } from './job-evidence.js';
import type { KnownJob } from './known-job.js';

const CACHE_MS = 3_000;

/**
 * A JobManager whose checkpoint statistics come from a cache filled just before the job ended at
 * `endedAt`: chk-3 until that entry expires, then chk-4, the checkpoint Flink kept. Times are the
 * test's clock, so nothing waits.
 */
function fixture(endedAt: number) {
  let clock = endedAt;
  let unreachable = false;
  const saved: { kind: string; body: unknown }[] = [];
  const jm = {
    checkpointStatsCacheMs: async () => CACHE_MS,
    checkpoints: async () => {
      if (unreachable) throw new FlinkUnreachableError('jm: connection refused');
      return { latest: { completed: { id: clock < endedAt - 1 + CACHE_MS ? 3 : 4 } } };
    },
    exceptions: async () => ({ exceptionHistory: { entries: [] } }),
    checkpointConfig: async () => ({}),
    jobConfig: async () => ({}),
    plan: async () => ({}),
  } as unknown as JobManagerClient;
  const runs = { saveSnapshot: async (_runId: string, kind: string, body: string) => void saved.push({ kind, body: JSON.parse(body) }) } as unknown as RunsStore;
  const evidence = new JobEvidence({
    runs,
    events: { publish: () => undefined } as never,
    log: { info() {}, warn() {}, error() {}, debug() {} } as never,
    now: () => clock,
    clusterName: () => 'c',
    refOf: () => ({}) as never,
    writeGuard: () => undefined,
  });
  const known = { run: { id: 'run-1', flinkJobId: 'a'.repeat(32), startTime: 0 } as RunRecord, warnings: new Map() } as unknown as KnownJob;
  const latestSaved = () => (saved.filter((s) => s.kind === 'checkpoints').at(-1)?.body as { latest: { completed: { id: number } } }).latest.completed.id;
  return { evidence, jm, known, latestSaved, advance: (ms: number) => void (clock += ms), refuse: (on: boolean) => void (unreachable = on) };
}

describe('the checkpoints saved when a job ends', () => {
  it('are read again once Flink\'s cache must postdate the end, replacing what the cache named as the job ended', async () => {
    const f = fixture(1_000_000);
    await f.evidence.captureFinalSnapshot(f.jm, f.known, 'CANCELED', true);
    assert.equal(f.latestSaved(), 3, 'the cache still named the earlier checkpoint');
    assert.equal(await f.evidence.rereadEndedCheckpoints(f.jm), 0, 'not read again while the entry may be the old one');
    assert.ok(f.evidence.rereadsPending);
    f.advance(CACHE_MS + 100);
    assert.equal(await f.evidence.rereadEndedCheckpoints(f.jm), 1);
    assert.equal(f.latestSaved(), 4, 'the checkpoint Flink kept');
    assert.equal(f.evidence.rereadsPending, false, 'read once');
  });

  it('are read again after an outage of the JobManager, not given up', async () => {
    const f = fixture(1_000_000);
    await f.evidence.captureFinalSnapshot(f.jm, f.known, 'FAILED', true);
    f.advance(CACHE_MS + 100);
    f.refuse(true);
    await f.evidence.rereadEndedCheckpoints(f.jm);
    assert.ok(f.evidence.rereadsPending, 'kept for the next cycle');
    f.refuse(false);
    await f.evidence.rereadEndedCheckpoints(f.jm);
    assert.equal(f.latestSaved(), 4);
  });

  it('are not read again when they came from a HistoryServer, whose archive is written once the job ended', async () => {
    const f = fixture(1_000_000);
    await f.evidence.captureFinalSnapshot(f.jm, f.known, 'FINISHED', false);
    assert.equal(f.evidence.rereadsPending, false);
  });
});
