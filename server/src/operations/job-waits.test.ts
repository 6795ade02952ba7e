import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FlinkUnreachableError } from '../errors/errors.js';
import type { JobManagerClient } from '../flink/job-manager.client.js';
import type { RunRecord } from '../runs/runs.store.js';
import { JobWaits } from './job-waits.js';

/** JobWaits with only its clock: checkpointKeptAfterEnd needs nothing else. */
const waits = new JobWaits({ now: () => Date.now() } as unknown as ConstructorParameters<typeof JobWaits>[0]);
const run = { flinkJobId: 'a'.repeat(32) } as RunRecord;

/**
 * A JobManager whose checkpoint statistics come from a cache filled just before the job ended:
 * it names chk-3 until that entry expires, then chk-4, the checkpoint Flink kept.
 */
function cachedJobManager(cacheMs: number, filledAt: number): JobManagerClient {
  return {
    checkpointStatsCacheMs: async () => cacheMs,
    latestCheckpointPath: async () => (Date.now() < filledAt + cacheMs ? 'file:/cp/chk-3' : 'file:/cp/chk-4'),
  } as unknown as JobManagerClient;
}

describe('the checkpoint of a job that ended', () => {
  it('is read once Flink\'s cache entry must be newer than the end, not from the entry filled before it', async () => {
    const endKnownAt = Date.now();
    const jm = cachedJobManager(300, endKnownAt - 1);
    assert.equal(await waits.checkpointKeptAfterEnd(jm, run, endKnownAt), 'file:/cp/chk-4');
  });

  it('is read at once for a job that ended longer ago than the cache lives', async () => {
    const endKnownAt = Date.now() - 60_000;
    let reads = 0;
    const jm = { checkpointStatsCacheMs: async () => 3_000, latestCheckpointPath: async () => (reads++, 'file:/cp/chk-9') } as unknown as JobManagerClient;
    const started = Date.now();
    assert.equal(await waits.checkpointKeptAfterEnd(jm, run, endKnownAt), 'file:/cp/chk-9');
    assert.equal(reads, 1);
    assert.ok(Date.now() - started < 3_000, 'no wait for an entry that expired long ago');
  });

  it('says a cluster that does not answer as such, and any other failure as no checkpoint', async () => {
    const failing = (err: Error) => ({ checkpointStatsCacheMs: async () => 0, latestCheckpointPath: async () => Promise.reject(err) }) as unknown as JobManagerClient;
    await assert.rejects(waits.checkpointKeptAfterEnd(failing(new FlinkUnreachableError('jm', 'refused')), run, 0), FlinkUnreachableError);
    assert.equal(await waits.checkpointKeptAfterEnd(failing(new Error('odd answer')), run, 0), null);
  });
});
