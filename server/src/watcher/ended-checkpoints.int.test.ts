// The checkpoints Weir keeps of a run that ended are the ones Flink kept, against a real Flink:
// Flink serves a job's checkpoint statistics from a cache, so the answer read as the job ends can
// still name the checkpoint before the last one, which Flink deleted when the last completed.
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import { checkpointIdOf, completedCheckpointsOnDisk, runSql, sharedTestFlink, streamingJobSql, waitUntil, type TestFlink } from '../test-support/flink.js';
import { startTestWeir, type TestWeir } from '../test-support/weir.js';

describe('the checkpoints of a run that ended', () => {
  let flink: TestFlink;
  let weir: TestWeir;
  let clusterId: string;
  let jobId: string | undefined;

  before(async () => {
    flink = await sharedTestFlink();
    weir = await startTestWeir();
    clusterId = (await weir.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'shared', restUrl: flink.restUrl, gatewayUrl: flink.gatewayUrl })).id;
  });
  after(async () => {
    if (jobId) await flink.jm.cancel(jobId).catch(() => undefined);
    await weir?.stop();
  });

  it('name the last checkpoint Flink completed and kept, not the one its cache named as the job ended', async () => {
    [jobId] = await runSql(flink, [
      `SET 'execution.checkpointing.interval' = '1 s'`,
      `SET 'execution.checkpointing.externalized-checkpoint-retention' = 'RETAIN_ON_CANCELLATION'`,
      ...streamingJobSql(`ended-checkpoints-${process.pid}`),
    ]);
    const jid = jobId!;
    // This read fills Flink's cache; the job is cancelled as soon as a later checkpoint is complete
    // on disk, so the cache still names the earlier one when Weir sees the end.
    const first = await waitUntil('a completed checkpoint', 60_000, () => flink.jm.latestCheckpointPath(jid));
    const checkpointDir = path.dirname(fileURLToPath(first));
    await waitUntil('a later checkpoint complete on disk', 30_000, async () => (completedCheckpointsOnDisk(checkpointDir).at(-1) ?? 0) > checkpointIdOf(first));
    await flink.jm.cancel(jid);
    const run = await waitUntil('the run recorded CANCELED', 60_000, async () => {
      const r = await weir.services.runs.getByJob(clusterId, jid);
      return r?.status === 'CANCELED' ? r : undefined;
    });
    const kept = completedCheckpointsOnDisk(checkpointDir).at(-1)!;
    const saved = await waitUntil(`the saved checkpoints to name chk-${kept}`, 30_000, async () => {
      const snapshot = await weir.services.runs.getSnapshot(run.id, 'checkpoints');
      return snapshot?.data.latest.completed?.id === kept ? snapshot.data : undefined;
    });
    assert.equal(saved.latest.completed?.external_path, `${path.dirname(first)}/chk-${kept}`);
  });
});
