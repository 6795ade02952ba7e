import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import type { WeirEvent } from '../events/events.js';
import { runSql, sharedTestFlink, streamingJobSql, waitUntil, type TestFlink } from '../test-support/flink.js';
import { startTestWeir, type TestWeir } from '../test-support/weir.js';

type CheckpointEvent = Extract<WeirEvent, { type: 'run.checkpoint' }>;

describe('checkpoints of running jobs', () => {
  let flink: TestFlink;
  let weir: TestWeir;
  let jobId: string;
  const events: CheckpointEvent[] = [];

  before(async () => {
    flink = await sharedTestFlink();
    weir = await startTestWeir();
    weir.services.bus.subscribe((e) => void (e.type === 'run.checkpoint' && events.push(e)));
    await weir.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'cp', restUrl: flink.restUrl, gatewayUrl: flink.gatewayUrl });
    [jobId] = (await runSql(flink, [`SET 'execution.checkpointing.interval' = '1 s'`, ...streamingJobSql('watch_checkpoints')])) as [string];
  });
  after(async () => {
    if (jobId) await flink.jm.cancel(jobId).catch(() => undefined);
    await weir?.stop();
  });

  it('publishes each completed checkpoint once, and stores the checkpoint history', async () => {
    const first = await waitUntil('a completed checkpoint event', 30_000, async () => events.find((e) => e.flinkJobId === jobId && e.outcome === 'COMPLETED'));
    assert.equal(first.isSavepoint, false);
    assert.ok(first.checkpointId >= 1);
    const ids = () => events.filter((e) => e.flinkJobId === jobId && e.outcome === 'COMPLETED').map((e) => e.checkpointId);
    await waitUntil('two more checkpoints', 30_000, async () => ids().length >= 3);
    assert.deepEqual(ids(), [...new Set(ids())].sort((a, b) => a - b), 'ids increase and none is announced twice');
    const run = await weir.services.runs.getByJob((await weir.services.clusters.list())[0]!.id, jobId);
    const snapshot = await weir.services.runs.getSnapshot(run!.id, 'checkpoints');
    assert.ok(snapshot && snapshot.data.counts.completed >= 3);
    assert.ok((await weir.services.checkpoints.lastCompletedCheckpointAt(run!.id))! > run!.startTime!);
  });

  it('after a Weir restart, announces only checkpoints it has not announced', async () => {
    const announced = new Set(events.filter((e) => e.flinkJobId === jobId).map((e) => e.checkpointId));
    await weir.stop();
    events.length = 0;
    weir = await startTestWeir({ dataDir: weir.dataDir });
    weir.services.bus.subscribe((e) => void (e.type === 'run.checkpoint' && events.push(e)));
    const next = await waitUntil('a checkpoint event after restart', 30_000, async () => events.find((e) => e.flinkJobId === jobId));
    assert.ok(!announced.has(next.checkpointId) || next.outcome === 'FAILED', `checkpoint ${next.checkpointId} was announced before the restart`);
  });

  it('forgets what it followed of a run once the run ended', async () => {
    const clusterId = (await weir.services.clusters.list())[0]!.id;
    const run = await waitUntil('the run to be known', 30_000, () => weir.services.runs.getByJob(clusterId, jobId));
    await waitUntil('the tracker to know its latest checkpoint', 30_000, async () => weir.services.checkpoints.latestCompleted().has(run.id));
    await flink.jm.cancel(jobId);
    await waitUntil('the run to be recorded CANCELED', 30_000, async () => (await weir.services.runs.get(run.id))?.status === 'CANCELED');
    await weir.services.checkpoints.tick();
    assert.equal(weir.services.checkpoints.latestCompleted().has(run.id), false);
    // What Weir stored of its checkpoints stays readable.
    assert.ok((await weir.services.checkpoints.lastCompletedCheckpointAt(run.id))! > run.startTime!);
  });
});
