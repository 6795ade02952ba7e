// JobManager failover on a ZooKeeper-HA cluster of this test's own: a checkpointed job, its
// JobManager killed (SIGKILL) and started again. Flink recovers the job under the same id from its
// latest checkpoint; Weir must record exactly what Flink reports across it: RECONNECTING (Weir's
// own, source `weir`) while the JobManager cannot be reached, then Flink's statuses with Flink's
// times, in one run, the restarts as Flink counts them, and one alert, not two.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import { RobotReceiver } from '../test-support/receivers.js';
import type { WeirEvent } from '../events/events.js';
import { ownTestFlink, runSql, streamingJobSql, waitUntil, type TestFlink } from '../test-support/flink.js';
import { startTestWeir, type TestWeir } from '../test-support/weir.js';

const robots = new RobotReceiver({ webhookSecret: 'failover-secret', dingTalk: { accessToken: 'x', secret: 'x' }, feishu: { hookId: 'x', secret: 'x' }, wecom: { key: 'x' } });
let flink: TestFlink;
let weir: TestWeir;
let clusterId: string;
const events: WeirEvent[] = [];

before(async () => {
  await robots.start();
  flink = await ownTestFlink({
    restPort: 21281,
    rpcPort: 21223,
    gatewayPort: 21283,
    highAvailability: { zooKeeperPort: 21291 },
    slotsPerTaskManager: 2,
  });
  weir = await startTestWeir();
  weir.services.bus.subscribe((event) => void events.push(event));
  clusterId = (await weir.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'ha', restUrl: flink.restUrl, gatewayUrl: flink.gatewayUrl })).id;
});

after(async () => {
  await weir?.services.alerts.stop();
  await weir?.stop();
  await flink?.stop();
  await robots.stop();
});

/** Flink's own history of a job: its non-zero `timestamps`, in time order. */
function flinkHistory(timestamps: Record<string, number>): Array<[string, number]> {
  return Object.entries(timestamps)
    .filter(([, at]) => at > 0)
    .sort((a, b) => a[1] - b[1]);
}

it('a job survives a JobManager failover in Flink, and Weir records exactly what Flink reported', async (t) => {
  const [jobId] = await runSql(flink, streamingJobSql('failover'), { 'execution.checkpointing.interval': '1 s' });
  assert.ok(jobId);
  await waitUntil('a completed checkpoint', 120_000, async () => (await flink.jm.checkpoints(jobId)).counts.completed > 0);
  const run = await waitUntil('Weir to see the job RUNNING', 60_000, async () => {
    const found = await weir.services.runs.getByJob(clusterId, jobId);
    return found?.status === 'RUNNING' && found;
  });
  const before = await flink.jm.job(jobId);
  assert.equal(before.state, 'RUNNING');

  // The rule an operator would have: tell me when the job is not running. Created now, so the
  // job's start does not count; the failover must give one FIRING and one RESOLVED, no more.
  const service = weir.services.alerts.service;
  const channel = await service.createChannel(SYSTEM_PRINCIPAL, { type: 'webhook', name: 'hook', enabled: true, config: { url: robots.url('webhook'), secret: 'failover-secret' } });
  await service.createRule(SYSTEM_PRINCIPAL, {
    name: 'job not running',
    enabled: true,
    condition: { kind: 'status', statuses: ['RECONNECTING', 'UNKNOWN', 'INITIALIZING', 'CREATED', 'RESTARTING', 'FAILING', 'FAILED', 'SUSPENDED'] },
    scope: { kind: 'all' },
    channelIds: [channel.id],
    renotifyIntervalMs: null,
  });

  const killedAt = Date.now();
  await flink.cluster!.killJobManager();
  await waitUntil('Weir to mark the run RECONNECTING', 60_000, async () => (await weir.services.runs.get(run.id))?.status === 'RECONNECTING');
  await flink.cluster!.startJobManager();

  // Flink: the same job id, RUNNING again, restored from a checkpoint.
  const recovered = await waitUntil('Flink to run the job again', 180_000, async () => {
    const job = await flink.jm.job(jobId);
    return job.state === 'RUNNING' && job.timestamps.RUNNING! > before.timestamps.RUNNING! && job;
  });
  assert.equal(recovered.jid, jobId);
  assert.ok((await flink.jm.checkpoints(jobId)).counts.restored >= 1, 'the job restarted from its checkpoint');
  const flinkRestarts = await flink.jm.numRestarts(jobId);

  // Weir: the run RUNNING again at Flink's time, and the alert resolved.
  const runNeedle = `/runs/${run.id}`;
  const about = () => robots.received.filter((m) => JSON.stringify(m.body).includes(runNeedle));
  await waitUntil('Weir to record the recovered RUNNING', 60_000, async () => {
    const transitions = await weir.services.runs.listTransitions(run.id);
    return transitions.some((t) => t.source === 'flink' && t.toStatus === 'RUNNING' && t.at === recovered.timestamps.RUNNING);
  });
  const weirRecoveredAt = Date.now();
  await waitUntil('the RESOLVED alert', 30_000, async () => about().some((m) => JSON.stringify(m.body).includes('RESOLVED')));

  const transitions = await weir.services.runs.listTransitions(run.id);
  const shown = transitions.map((t) => `${t.source}:${t.toStatus}@${t.at}`);
  t.diagnostic(`transitions: ${transitions.map((x) => `${x.source}:${x.toStatus}@+${x.at - killedAt}ms`).join(', ')}`);
  t.diagnostic(`kill → Flink RUNNING again: ${recovered.timestamps.RUNNING! - killedAt} ms; kill → Weir shows it: ${weirRecoveredAt - killedAt} ms`);
  // Flink's transitions are exactly Flink's own: the first JobManager's, then the new one's.
  assert.deepEqual(
    transitions.filter((t) => t.source === 'flink').map((t) => [t.toStatus, t.at]),
    [...flinkHistory(before.timestamps), ...flinkHistory(recovered.timestamps)],
    `transitions: ${shown.join(', ')}`,
  );
  // Between them, only Weir's own view of the outage, starting with RECONNECTING.
  const lastBefore = transitions.findIndex((t) => t.source === 'flink' && t.toStatus === 'RUNNING' && t.at === before.timestamps.RUNNING);
  const firstAfter = transitions.findIndex((t) => t.source === 'flink' && t.at >= recovered.timestamps.INITIALIZING!);
  const outage = transitions.slice(lastBefore + 1, firstAfter);
  assert.equal(outage[0]?.toStatus, 'RECONNECTING', `transitions: ${shown.join(', ')}`);
  assert.ok(outage.every((t) => t.source === 'weir' && ['RECONNECTING', 'UNKNOWN'].includes(t.toStatus)), `transitions: ${shown.join(', ')}`);

  // One run for the one job, with the restarts Flink counts (a failover starts Flink's count again).
  const runs = await weir.services.runs.listByTask(run.taskId!);
  assert.deepEqual(runs.items.map((r) => r.flinkJobId), [jobId]);
  const final = (await weir.services.runs.get(run.id))!;
  assert.equal(final.status, 'RUNNING');
  assert.equal(final.restartCount, flinkRestarts ?? 0);

  // One alert for the one failover: FIRING once, RESOLVED once.
  const history = await service.history({ runId: run.id });
  assert.deepEqual(history.items.map((d) => `${d.kind}:${d.status}`).sort(), ['FIRING:SENT', 'RESOLVED:SENT']);
  assert.equal(about().length, 2);
});
