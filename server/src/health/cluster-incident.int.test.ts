// Cluster incidents on a Flink cluster of this test's own (it kills the JobManager): with three
// jobs running, a dead JobManager gives ONE cluster incident and ONE alert listing the jobs, not
// one per job; the jobs' own RECONNECTING/UNKNOWN statuses (and, after the JobManager comes back
// without them, their loss) are folded into it; one resolved message when the cluster answers again.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import type { WeirEvent } from '../events/events.js';
import { ownTestFlink, runJar, waitUntil, type TestFlink } from '../test-support/flink.js';
import { startTestWeir, type TestWeir } from '../test-support/weir.js';
import { RobotReceiver } from '../test-support/receivers.js';

describe('cluster incidents', () => {
  const robots = new RobotReceiver({});
  let flink: TestFlink;
  let weir: TestWeir;
  const events: WeirEvent[] = [];

  before(async () => {
    await robots.start();
    flink = await ownTestFlink({ restPort: 23081, rpcPort: 23123, gatewayPort: 23083, gateway: false, slotsPerTaskManager: 4 });
    weir = await startTestWeir({ config: { clusterCheckIntervalMs: 1000 } });
    weir.services.bus.subscribe((e) => void events.push(e));
  });

  after(async () => {
    await weir?.stop();
    await flink?.stop();
    await robots.stop();
  });

  it('a dead JobManager with three jobs gives one cluster incident and one alert, then one resolved message', async () => {
    const { alerts, clusters } = weir.services;
    const cluster = await clusters.register(SYSTEM_PRINCIPAL, { name: 'incident', restUrl: flink.restUrl });
    const channel = await alerts.service.createChannel(SYSTEM_PRINCIPAL, { type: 'webhook', name: 'hook', enabled: true, config: { url: robots.url('webhook') } });
    const clusterRule = await alerts.service.createRule(SYSTEM_PRINCIPAL, {
      name: 'cluster down',
      enabled: true,
      condition: { kind: 'cluster-unreachable' },
      scope: { kind: 'all' },
      channelIds: [channel.id],
      renotifyIntervalMs: null,
    });
    // A per-job rule that would alert once per job for the same cause.
    await alerts.service.createRule(SYSTEM_PRINCIPAL, {
      name: 'job lost',
      enabled: true,
      condition: { kind: 'status', statuses: ['RECONNECTING', 'UNKNOWN', 'FAILED'] },
      scope: { kind: 'all' },
      channelIds: [channel.id],
      renotifyIntervalMs: null,
    });
    const jobs = await Promise.all([1, 2, 3].map(() => runJar(flink, flink.examples.topSpeedWindowing, { parallelism: 1 })));
    await waitUntil('three running jobs in Weir', 60_000, async () => {
      const runs = await weir.services.runs.listNonTerminalByCluster(cluster.id);
      return jobs.every((j) => runs.some((r) => r.flinkJobId === j && r.status === 'RUNNING'));
    });

    const killedAt = Date.now();
    await flink.cluster!.killJobManager();
    const incident = await waitUntil('the cluster incident', 30_000, async () => (await alerts.service.incidentsPage({ state: 'FIRING' })).items.find((i) => i.ruleId === clusterRule.id));
    assert.equal(incident.clusterId, cluster.id);
    await waitUntil('every job UNKNOWN', 30_000, async () => {
      const runs = await weir.services.runs.listNonTerminalByCluster(cluster.id);
      return runs.length === 3 && runs.every((r) => r.status === 'UNKNOWN');
    });
    const statusEvents = events.filter((e) => e.type === 'run.status' && (e.to === 'RECONNECTING' || e.to === 'UNKNOWN'));
    assert.equal(statusEvents.length, 6, 'each job went RECONNECTING then UNKNOWN');
    assert.ok(statusEvents.every((e) => e.type === 'run.status' && e.cause === 'cluster-unreachable'));
    await waitUntil('the alert to be sent', 10_000, async () => robots.received.length >= 1);
    const firstAlertMs = robots.received[0]!.at - killedAt;
    await new Promise((r) => setTimeout(r, 2000));
    assert.equal(robots.received.length, 1, 'one alert, not one per job');
    // The one alert is this incident's, and it lists every job the dead JobManager took down.
    const alert = robots.received[0]!.body as { kind?: unknown; incidentId?: unknown; cluster?: { id?: unknown }; affectedJobs?: unknown };
    assert.equal(alert.kind, 'FIRING');
    assert.equal(alert.incidentId, incident.id);
    assert.equal(alert.cluster?.id, cluster.id);
    const taskNames = await Promise.all(
      jobs.map(async (jid) => {
        const run = await weir.services.runs.getByJob(cluster.id, jid);
        return (await weir.services.tasks.get(run!.taskId))!.name;
      }),
    );
    assert.ok(Array.isArray(alert.affectedJobs), `affectedJobs is a list: ${JSON.stringify(alert.affectedJobs)}`);
    assert.deepEqual([...(alert.affectedJobs as string[])].sort(), taskNames.sort(), 'the alert lists the three jobs');
    const incidents = (await alerts.service.incidentsPage({})).items;
    assert.equal(incidents.length, 1, 'one incident');
    const history = (await alerts.service.history({})).items;
    assert.deepEqual(history.map((d) => `${d.kind}:${d.status}:${d.incidentId === incident.id}`), ['FIRING:SENT:true']);

    // Back without the jobs (no HA): the cluster incident resolves once; the lost jobs add no alerts.
    await flink.cluster!.startJobManager();
    await waitUntil('the resolved message', 60_000, async () => robots.received.length >= 2);
    await waitUntil('the jobs to be marked lost', 30_000, async () => (await Promise.all(jobs.map((j) => weir.services.runs.getByJob(cluster.id, j)))).every((r) => r?.lost));
    await new Promise((r) => setTimeout(r, 2000));
    const after = (await alerts.service.history({})).items.map((d) => `${d.kind}:${d.status}`).sort();
    assert.deepEqual(after, ['FIRING:SENT', 'RESOLVED:SENT']);
    assert.equal((await alerts.service.incidentsPage({ state: 'FIRING' })).items.length, 0);
    console.log(`cluster incident: first alert ${firstAlertMs} ms after the JobManager died; 2 deliveries in all for 3 jobs`);
  });
});
