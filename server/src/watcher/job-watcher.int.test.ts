// The watcher against a real Flink 1.20: exact recorded status sequences for the
// ways a job ends, restarts, loses its JobManager, and outlives a Weir restart.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import type { WeirEvent } from '../events/events.js';
import type { RunRecord } from '../runs/runs.store.js';
import { failingJobSql, ownTestFlink, runJar, runSql, sharedTestFlink, streamingJobSql, waitUntil, type TestFlink } from '../test-support/flink.js';
import { assertFlinkTransitions } from '../test-support/flink-transitions.js';
import { startTestWeir, type TestWeir } from '../test-support/weir.js';

async function runOf(weir: TestWeir, clusterId: string, jobId: string): Promise<RunRecord | undefined> {
  return weir.services.runs.getByJob(clusterId, jobId);
}

async function statuses(weir: TestWeir, runId: string): Promise<string[]> {
  return (await weir.services.runs.listTransitions(runId)).map((t) => t.toStatus);
}

/** The run's transitions marked `flink` are exactly what GET /jobs/:jid reports in `timestamps`. */
async function expectFlinksOwn(weir: TestWeir, flink: TestFlink, run: RunRecord, context: string): Promise<void> {
  assertFlinkTransitions(await weir.services.runs.listTransitions(run.id), (await flink.jm.job(run.flinkJobId)).timestamps, context);
}

async function waitForStatus(weir: TestWeir, clusterId: string, jobId: string, status: string, timeoutMs = 60_000): Promise<RunRecord> {
  return waitUntil(`job ${jobId} to be recorded ${status}`, timeoutMs, async () => {
    const run = await runOf(weir, clusterId, jobId);
    return run?.status === status ? run : undefined;
  });
}

describe('the watcher on the shared test cluster', () => {
  let flink: TestFlink;
  let weir: TestWeir;
  let clusterId: string;
  const events: WeirEvent[] = [];

  before(async () => {
    flink = await sharedTestFlink();
    weir = await startTestWeir();
    weir.services.bus.subscribe((e) => void events.push(e));
    clusterId = (await weir.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'shared', restUrl: flink.restUrl, gatewayUrl: flink.gatewayUrl })).id;
  });
  after(() => weir?.stop());

  it('records a bounded job INITIALIZING → CREATED → RUNNING → FINISHED', async () => {
    const jobId = await runJar(flink, flink.examples.wordCount);
    const run = await waitForStatus(weir, clusterId, jobId, 'FINISHED');
    assert.deepEqual(await statuses(weir, run.id), ['INITIALIZING', 'CREATED', 'RUNNING', 'FINISHED']);
    await expectFlinksOwn(weir, flink, run, 'finished');
    assert.ok(run.endTime && run.startTime && run.endTime >= run.startTime, 'start and end recorded');
    assert.equal(run.durationMs, run.endTime! - run.startTime!);
    assert.equal(run.restartCount, 0);
    const task = await weir.services.tasks.get(run.taskId);
    assert.equal(task?.kind, 'EXTERNAL', 'a job submitted outside Weir is shown as an external task');
    assert.equal(task?.latestStatus, 'FINISHED');
    // Its detail survives the cluster: the final snapshot is stored.
    const kinds = (await weir.services.runs.getSnapshots(run.id)).map((s) => s.kind).sort();
    for (const kind of ['checkpoints', 'config', 'exceptions', 'job', 'plan']) assert.ok(kinds.includes(kind as never), `snapshot ${kind} saved`);
  });

  it('records a cancelled streaming job RUNNING → CANCELLING → CANCELED', async () => {
    const [jobId] = await runSql(flink, streamingJobSql('watch_cancel'));
    assert.ok(jobId);
    await waitForStatus(weir, clusterId, jobId, 'RUNNING');
    await flink.jm.cancel(jobId);
    const run = await waitForStatus(weir, clusterId, jobId, 'CANCELED');
    assert.deepEqual(await statuses(weir, run.id), ['INITIALIZING', 'CREATED', 'RUNNING', 'CANCELLING', 'CANCELED']);
    await expectFlinksOwn(weir, flink, run, 'cancelled');
    const published = events.filter((e) => e.type === 'run.status' && e.flinkJobId === jobId).map((e) => (e as { to: string }).to);
    assert.deepEqual(published, ['INITIALIZING', 'CREATED', 'RUNNING', 'CANCELLING', 'CANCELED'], 'each recorded change is published once, in order');
  });

  it('records a job that fails at run time as FAILED, with its exception stored', async () => {
    const [jobId] = await runSql(flink, failingJobSql('watch_fail'));
    assert.ok(jobId);
    const run = await waitForStatus(weir, clusterId, jobId, 'FAILED');
    assert.deepEqual(await statuses(weir, run.id), ['INITIALIZING', 'CREATED', 'RUNNING', 'FAILING', 'FAILED']);
    await expectFlinksOwn(weir, flink, run, 'failed');
    const snapshot = await weir.services.runs.getSnapshot(run.id, 'exceptions');
    assert.ok(snapshot, 'exceptions saved');
    assert.match(JSON.stringify(snapshot.data), /ArithmeticException|by zero/, 'the root cause is in the stored exception history');
    await waitUntil('the exception event', 5_000, async () => events.some((e) => e.type === 'run.exception' && e.flinkJobId === jobId));
  });

  it('announces a job\'s changes under its task\'s current name after the task was renamed', async () => {
    const [jobId] = await runSql(flink, streamingJobSql('watch_rename'));
    assert.ok(jobId);
    const run = await waitForStatus(weir, clusterId, jobId, 'RUNNING');
    const renamed = `renamed_${run.id}`;
    await weir.services.tasks.update(run.taskId, { name: renamed });
    await flink.jm.cancel(jobId);
    await waitForStatus(weir, clusterId, jobId, 'CANCELED');
    const announced = events.filter((e): e is Extract<WeirEvent, { type: 'run.status' }> => e.type === 'run.status' && e.flinkJobId === jobId);
    assert.deepEqual(announced.filter((e) => e.to === 'CANCELLING' || e.to === 'CANCELED').map((e) => e.taskName), [renamed, renamed]);
  });

  it('counts the restarts of a job that restarted and failed while Weir was not looking, as Flink made them', async () => {
    // Three restarts 100 ms apart, then the failure that ends it: all between two looks of a Weir.
    // Once a job ended, Flink's restart counter answers 0; its exception history still tells.
    const [jobId] = await runSql(flink, [
      `SET 'restart-strategy.fixed-delay.attempts' = '3'`,
      `SET 'restart-strategy.fixed-delay.delay' = '100 ms'`,
      ...failingJobSql('watch_restarts_unseen').map((statement) => statement.replace(`'restart-strategy.type' = 'none'`, `'restart-strategy.type' = 'fixed-delay'`)),
    ]);
    assert.ok(jobId);
    await waitUntil('Flink to fail the job', 60_000, async () => (await flink.jm.job(jobId)).state === 'FAILED');
    const late = await startTestWeir();
    try {
      const lateCluster = (await late.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'late', restUrl: flink.restUrl, gatewayUrl: flink.gatewayUrl })).id;
      const run = await waitForStatus(late, lateCluster, jobId, 'FAILED');
      assert.equal(run.restartCount, 3);
    } finally {
      await late.stop();
    }
  });

  it('records FINISHED exactly once when Weir was down while the job ended', async () => {
    const [jobId] = await runSql(flink, streamingJobSql('watch_restart'));
    assert.ok(jobId);
    await waitForStatus(weir, clusterId, jobId, 'RUNNING');

    // A second Weir over the same database, stopped while the job ends, then started again.
    await weir.stop();
    await flink.jm.cancel(jobId);
    await waitUntil('Flink to cancel the job', 30_000, async () => (await flink.jm.job(jobId)).state === 'CANCELED');
    weir = await startTestWeir({ dataDir: weir.dataDir });
    const run = await waitForStatus(weir, clusterId, jobId, 'CANCELED');
    const recorded = await statuses(weir, run.id);
    assert.deepEqual(recorded, ['INITIALIZING', 'CREATED', 'RUNNING', 'CANCELLING', 'CANCELED'], 'the changes made while Weir was down are recorded from Flink\'s timestamps, once');

    // And once more: a further restart adds nothing.
    await weir.stop();
    weir = await startTestWeir({ dataDir: weir.dataDir });
    await weir.services.watchers.sync();
    await weir.services.watchers.refreshNow(clusterId);
    await weir.services.watchers.refreshNow(clusterId);
    assert.deepEqual(await statuses(weir, run.id), recorded);
  });
});

describe('the watcher when Flink processes die (a cluster of its own)', () => {
  let flink: TestFlink;
  let weir: TestWeir;
  let clusterId: string;
  let jobId: string;

  before(async () => {
    flink = await ownTestFlink({
      restPort: 19081,
      rpcPort: 17123,
      gatewayPort: 19083,
      taskManagers: 2,
      slotsPerTaskManager: 2,
      extraConfig: {
        'heartbeat.interval': '1000',
        'heartbeat.timeout': '5000',
        'restart-strategy.type': 'fixed-delay',
        'restart-strategy.fixed-delay.attempts': '100',
        'restart-strategy.fixed-delay.delay': '1 s',
      },
    });
    weir = await startTestWeir();
    clusterId = (await weir.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'fragile', restUrl: flink.restUrl, gatewayUrl: flink.gatewayUrl })).id;
    [jobId] = (await runSql(flink, streamingJobSql('watch_fragile'), { 'parallelism.default': '1' })) as [string];
    await waitForStatus(weir, clusterId, jobId, 'RUNNING');
  });
  after(async () => {
    await weir?.stop();
    await flink?.stop();
  });

  it('a killed TaskManager: RUNNING → RESTARTING → RUNNING, restart count 1', async () => {
    // The job is RUNNING as soon as Flink schedules it; its tasks may still wait for a slot. A
    // TaskManager killed then only moves the slot request to the other one, with no failover, so
    // wait until every task runs (the live /jobs/overview counts; job details are cached).
    await waitUntil('every task of the job to run', 60_000, async () => {
      const entry = (await flink.jm.jobsOverview()).find((j) => j.jid === jobId);
      return entry && entry.tasks.total > 0 && entry.tasks.running === entry.tasks.total ? entry : undefined;
    });
    const job = await flink.jm.job(jobId);
    const tmOfJob = await flink.jm.taskManagers();
    // Kill the TaskManager that runs the job's task (the one with a used slot).
    const busy = tmOfJob.taskmanagers.find((tm) => tm.freeSlots < tm.slotsNumber);
    assert.ok(busy, `a TaskManager runs job ${job.jid}`);
    const index = Number(/tm-(\d+)/.exec(busy.id)?.[1]);
    assert.ok(index, `TaskManager id ${busy.id} names its index`);
    await flink.cluster!.killTaskManager(index);

    const run = await waitUntil('the job to restart and run again', 90_000, async () => {
      const r = await runOf(weir, clusterId, jobId);
      return r && r.status === 'RUNNING' && r.restartCount >= 1 ? r : undefined;
    });
    const recorded = await statuses(weir, run.id);
    assert.deepEqual(recorded.slice(0, 3), ['INITIALIZING', 'CREATED', 'RUNNING']);
    assert.deepEqual(recorded.slice(3).filter((s) => s !== 'CREATED'), ['RESTARTING', 'RUNNING'], `after the kill: ${recorded.join(' → ')}`);
    assert.equal(run.restartCount, 1);
    await expectFlinksOwn(weir, flink, run, 'after a TaskManager loss');
  });

  it('a killed JobManager: RUNNING → RECONNECTING → UNKNOWN', async () => {
    await flink.cluster!.killJobManager();
    const run = await waitForStatus(weir, clusterId, jobId, 'UNKNOWN', 30_000);
    const transitions = await weir.services.runs.listTransitions(run.id);
    const tail = transitions.slice(-2);
    assert.deepEqual(tail.map((t) => [t.fromStatus, t.toStatus, t.source]), [
      ['RUNNING', 'RECONNECTING', 'weir'],
      ['RECONNECTING', 'UNKNOWN', 'weir'],
    ]);
    assert.match(tail[0]!.note ?? '', /cannot be reached/);
    assert.ok(tail[1]!.at - tail[0]!.at >= 1_500, 'UNKNOWN only after the reconnect window');
    assert.ok(run.unreachableSince, 'the time it became unreachable is kept');
  });

  it('the JobManager back without the job: the run is marked lost with the evidence', async () => {
    await flink.cluster!.startJobManager();
    const run = await waitUntil('the run to be marked lost', 60_000, async () => {
      const r = await runOf(weir, clusterId, jobId);
      return r?.lost ? r : undefined;
    });
    assert.equal(run.status, 'UNKNOWN');
    const evidence = JSON.parse(run.lostEvidence ?? '{}') as Record<string, unknown>;
    assert.equal(evidence.lastKnownStatus, 'UNKNOWN');
    assert.match(String(evidence.reason), /no longer lists this job/);
    assert.equal(evidence.jobManager, flink.restUrl);
    const last = (await weir.services.runs.listTransitions(run.id)).at(-1);
    assert.match(last?.note ?? '', /^Lost:/);
    // Still watched no more: further cycles add nothing.
    const count = (await weir.services.runs.listTransitions(run.id)).length;
    await weir.services.watchers.refreshNow(clusterId);
    assert.equal((await weir.services.runs.listTransitions(run.id)).length, count);
  });
});
