// The watcher through a real HTTP proxy in front of the real Flink: it sees a JobManager that
// comes back within 2 s at any point of an outage, records Flink's transitions exactly (Weir's
// own marked as Weir's), and one odd answer about one job costs that job's detail only.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import type { WeirEvent } from '../events/events.js';
import { RobotReceiver } from '../test-support/receivers.js';
import type { RunRecord } from '../runs/runs.store.js';
import { failingJobSql, runSql, sharedTestFlink, streamingJobSql, waitUntil, type TestFlink } from '../test-support/flink.js';
import { FlinkProxy, type Corruption } from '../test-support/flink-proxy.js';
import { assertFlinkTransitions } from '../test-support/flink-transitions.js';
import { startTestWeir, type TestWeir } from '../test-support/weir.js';

type StatusEvent = Extract<WeirEvent, { type: 'run.status' }>;

async function waitForStatus(weir: TestWeir, clusterId: string, jobId: string, status: string, timeoutMs = 60_000): Promise<RunRecord> {
  return waitUntil(`job ${jobId} to be recorded ${status}`, timeoutMs, async () => {
    const run = await weir.services.runs.getByJob(clusterId, jobId);
    return run?.status === status ? run : undefined;
  });
}

describe('the watcher when a proxy cuts the JobManager off', () => {
  let flink: TestFlink;
  let proxy: FlinkProxy;
  let weir: TestWeir;
  let clusterId: string;
  const jobs: string[] = [];
  const events: StatusEvent[] = [];

  before(async () => {
    flink = await sharedTestFlink();
    proxy = await FlinkProxy.start(flink.restUrl);
    weir = await startTestWeir();
    weir.services.bus.subscribe((e) => void (e.type === 'run.status' && events.push(e)));
    clusterId = (await weir.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'behind-a-proxy', restUrl: proxy.url, gatewayUrl: flink.gatewayUrl })).id;
  });
  after(async () => {
    for (const jobId of jobs) await flink.jm.cancel(jobId).catch(() => undefined);
    await weir?.stop();
    await proxy?.close();
  });

  async function runningJob(name: string): Promise<{ jobId: string; run: RunRecord }> {
    const [jobId] = await runSql(flink, streamingJobSql(name));
    assert.ok(jobId);
    jobs.push(jobId);
    return { jobId, run: await waitForStatus(weir, clusterId, jobId, 'RUNNING') };
  }

  /** Restores the proxy; returns how long after its first answered request the run showed RUNNING again. */
  async function recovery(jobId: string): Promise<{ ms: number; event: StatusEvent }> {
    const restoredAt = await proxy.restore();
    const event = await waitUntil('the run to be RUNNING again', 60_000, async () =>
      events.find((e) => e.flinkJobId === jobId && e.to === 'RUNNING' && e.at >= restoredAt),
    );
    const answered = proxy.firstAnsweredSinceRestore();
    assert.ok(answered, 'the proxy answered after the restore');
    return { ms: event.at - answered.at, event };
  }

  it('refused (RECONNECTING): RUNNING again within 2 s of the JobManager answering; Flink\'s transitions untouched', async (t) => {
    const { jobId, run } = await runningJob('outage_refused');
    await proxy.refuse();
    await waitForStatus(weir, clusterId, jobId, 'RECONNECTING');
    const { ms, event } = await recovery(jobId);
    t.diagnostic(`RUNNING again ${ms} ms after the JobManager answered`);
    assert.ok(ms < 2_000, `RUNNING again ${ms} ms after the JobManager answered`);
    assert.equal(event.from, 'RECONNECTING');
    const transitions = await weir.services.runs.listTransitions(run.id);
    assert.deepEqual(transitions.slice(-3).map((t) => [t.toStatus, t.source]), [
      ['RUNNING', 'flink'],
      ['RECONNECTING', 'weir'],
      ['RUNNING', 'weir'],
    ]);
    assert.match(transitions.at(-1)!.note ?? '', /Back in contact/);
    assertFlinkTransitions(transitions, (await flink.jm.job(jobId)).timestamps, 'after a refused outage');
  });

  it('hung, long after UNKNOWN: RUNNING again within 2 s of the JobManager answering', async (t) => {
    const { jobId, run } = await runningJob('outage_hung');
    await proxy.hang();
    await waitForStatus(weir, clusterId, jobId, 'UNKNOWN');
    // Late in the outage: many probes failed (a backoff would by now wait many seconds between them).
    await waitUntil('eight failed probes', 120_000, async () => ((await weir.services.runs.get(run.id))?.failedProbes ?? 0) >= 8);
    const { ms, event } = await recovery(jobId);
    t.diagnostic(`RUNNING again ${ms} ms after the JobManager answered`);
    assert.ok(ms < 2_000, `RUNNING again ${ms} ms after the JobManager answered`);
    assert.equal(event.from, 'UNKNOWN');
    const transitions = await weir.services.runs.listTransitions(run.id);
    assert.deepEqual(transitions.slice(-4).map((t) => [t.toStatus, t.source]), [
      ['RUNNING', 'flink'],
      ['RECONNECTING', 'weir'],
      ['UNKNOWN', 'weir'],
      ['RUNNING', 'weir'],
    ]);
    assertFlinkTransitions(transitions, (await flink.jm.job(jobId)).timestamps, 'after a hung outage');
  });

  it('a job cancelled during an outage: Flink\'s CANCELLING and CANCELED recorded at Flink\'s times', async () => {
    const { jobId, run } = await runningJob('outage_cancel');
    await proxy.refuse();
    await waitForStatus(weir, clusterId, jobId, 'RECONNECTING');
    await flink.jm.cancel(jobId);
    await waitUntil('Flink to cancel the job', 30_000, async () => (await flink.jm.job(jobId)).state === 'CANCELED');
    await proxy.restore();
    await waitForStatus(weir, clusterId, jobId, 'CANCELED');
    const transitions = await weir.services.runs.listTransitions(run.id);
    assert.deepEqual(transitions.slice(-4).map((t) => [t.toStatus, t.source]), [
      ['RUNNING', 'flink'],
      ['RECONNECTING', 'weir'],
      ['CANCELLING', 'flink'],
      ['CANCELED', 'flink'],
    ]);
    assertFlinkTransitions(transitions, (await flink.jm.job(jobId)).timestamps, 'cancelled during an outage');
  });
});

describe('odd answers about one job (a proxy corrupts one endpoint of one job)', () => {
  const robots = new RobotReceiver({ webhookSecret: 'odd-answers-secret' });
  let flink: TestFlink;
  let proxy: FlinkProxy;
  let weir: TestWeir;
  let clusterId: string;
  const jobs: string[] = [];

  before(async () => {
    await robots.start();
    flink = await sharedTestFlink();
    proxy = await FlinkProxy.start(flink.restUrl);
    weir = await startTestWeir({ config: { publicUrl: 'http://weir.test' } });
    clusterId = (await weir.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'odd-answers', restUrl: proxy.url, gatewayUrl: flink.gatewayUrl })).id;
    const service = weir.services.alerts.service;
    const channel = await service.createChannel(SYSTEM_PRINCIPAL, { type: 'webhook', name: 'hook', enabled: true, config: { url: robots.url('webhook'), secret: 'odd-answers-secret' } });
    await service.createRule(SYSTEM_PRINCIPAL, {
      name: 'job failed',
      enabled: true,
      condition: { kind: 'status', statuses: ['FAILED'] },
      scope: { kind: 'all' },
      channelIds: [channel.id],
      renotifyIntervalMs: null,
    });
  });
  after(async () => {
    for (const jobId of jobs) await flink.jm.cancel(jobId).catch(() => undefined);
    await weir?.services.alerts.stop();
    await weir?.stop();
    await proxy?.close();
    await robots.stop();
  });

  it('costs that job\'s detail only: its FAILED is recorded and alerted, the run says what it lacks, the other jobs are unaffected', async () => {
    const [healthy] = await runSql(flink, streamingJobSql('odd_healthy'));
    assert.ok(healthy);
    jobs.push(healthy);
    await waitForStatus(weir, clusterId, healthy, 'RUNNING');

    const cases: { name: string; corrupt: (jid: string) => [string, Corruption]; detail: string }[] = [
      { name: 'odd_checkpoint_config', corrupt: (jid) => [`/jobs/${jid}/checkpoints/config`, { kind: 'drop-field', field: 'mode' }], detail: 'checkpoint_config' },
      { name: 'odd_details', corrupt: (jid) => [`/jobs/${jid}`, { kind: 'truncate' }], detail: 'job' },
      { name: 'odd_exceptions', corrupt: (jid) => [`/jobs/${jid}/exceptions`, { kind: 'status', status: 500 }], detail: 'exceptions' },
    ];
    const failing: { jobId: string; detail: string; name: string }[] = [];
    for (const c of cases) {
      const [jobId] = await runSql(flink, failingJobSql(c.name));
      assert.ok(jobId);
      proxy.corrupt(...c.corrupt(jobId));
      failing.push({ jobId, detail: c.detail, name: c.name });
    }

    for (const { jobId, detail, name } of failing) {
      const run = await waitForStatus(weir, clusterId, jobId, 'FAILED');
      // Flink serves a job's details from a cache (web.refresh-interval): wait for them to show the end.
      const flinkSays = await waitUntil(`Flink's details of ${name} to show FAILED`, 30_000, async () => {
        const details = await flink.jm.job(jobId);
        return details.state === 'FAILED' ? details : undefined;
      });
      const transitions = await weir.services.runs.listTransitions(run.id);
      const end = transitions.at(-1)!;
      assert.deepEqual([end.toStatus, end.source, end.at], ['FAILED', 'flink', flinkSays.timestamps.FAILED], `${name}: FAILED at Flink's time`);
      if (detail !== 'job') assertFlinkTransitions(transitions, flinkSays.timestamps, name);
      const view = await weir.services.runDetail.detail(run.id);
      assert.deepEqual(view.warnings.map((w) => w.detail), [detail], `${name}: the run says which detail could not be read`);
      assert.match(view.warnings[0]!.message, new RegExp(detail === 'job' ? 'not JSON' : detail === 'exceptions' ? 'rejected|500' : 'unexpected shape'));
      await waitUntil(`the alert on ${name}`, 10_000, async () => robots.received.some((m) => JSON.stringify(m.body).includes(`/runs/${run.id}`)));
    }

    // The other job: untouched, and still followed (its cancellation is recorded).
    const healthyRun = await weir.services.runs.getByJob(clusterId, healthy);
    assert.ok(healthyRun);
    assert.deepEqual((await weir.services.runDetail.detail(healthyRun.id)).warnings, []);
    await flink.jm.cancel(healthy);
    await waitForStatus(weir, clusterId, healthy, 'CANCELED');
    const healthyDetails = await waitUntil('Flink\'s details to show CANCELED', 30_000, async () => {
      const details = await flink.jm.job(healthy);
      return details.state === 'CANCELED' ? details : undefined;
    });
    assertFlinkTransitions(await weir.services.runs.listTransitions(healthyRun.id), healthyDetails.timestamps, 'the healthy job');
  });

  it('a job whose details fail once as Weir first reads its end: read again, its whole history recorded at Flink\'s times', async () => {
    // Flink can answer an ended job's details with an error for a moment (seen on 2.3). Weir must
    // not take the job list's end alone for the run's history. The job has ended before Weir sees
    // it (its cluster is registered afterwards, through a proxy of its own), so the one failed
    // answer is certainly about the end.
    const [jobId] = await runSql(flink, failingJobSql('odd_once_at_end'));
    assert.ok(jobId);
    const flinkSays = await waitUntil('Flink\'s details to show FAILED', 60_000, async () => {
      const details = await flink.jm.job(jobId);
      return details.state === 'FAILED' ? details : undefined;
    });
    const late = await FlinkProxy.start(flink.restUrl);
    try {
      late.corrupt(`/jobs/${jobId}`, { kind: 'status', status: 500, times: 1 });
      const lateCluster = (await weir.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'odd-once', restUrl: late.url, gatewayUrl: flink.gatewayUrl })).id;
      const run = await waitForStatus(weir, lateCluster, jobId, 'FAILED');
      assert.ok(late.answered.some((a) => a.path === `/jobs/${jobId}` && a.status === 500), 'Weir met the failed answer');
      assertFlinkTransitions(await weir.services.runs.listTransitions(run.id), flinkSays.timestamps, 'details failing once at the end');
      assert.deepEqual((await weir.services.runDetail.detail(run.id)).warnings, [], 'a fault that passed leaves no warning');
    } finally {
      await late.close();
    }
  });
});
