// Push from Flink 2.x, end to end: a JobManager with Weir's listener (flink-local/push-listener)
// tells Weir of a status change, and a calm cluster (read every 60 s) records it within seconds.
// Without the push channel the same change is still recorded by polling, after the calm interval.
// Always on Flink 2.3.0, whatever the phase's version: Flink 1.20 has no JobStatusChangedListener.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it, mock } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ensureFlinkDistribution } from '@weir/flink-local';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import type { WeirConfig } from '../config/config.js';
import { fakeFlink, type FakeEndpoint } from '../test-support/fake-flink.js';
import { ownTestFlink, runJar, waitUntil, type TestFlink } from '../test-support/flink.js';
import { startTestWeir, testApp, type TestWeir } from '../test-support/weir.js';

const PUSH_FLINK_VERSION = '2.3.0';
/** Long enough that a change recorded well within it cannot have come from a scheduled read. */
const CALM_INTERVAL_WITH_PUSH_MS = 120_000;
const watcherSettings = (calmIntervalMs: number): WeirConfig['watcher'] => ({
  intervalMs: 1_000, calmIntervalMs, calmAfterMs: 3_000, reconnectAttempts: 3, reconnectWindowMs: 1_500, probeTimeoutMs: 500, lostAfterMs: 1_000, historyArchiveGraceMs: 2_000, historyUnreachableLimitMs: 120_000,
});

/** A Weir whose watcher counts the pushes it is handed, over HTTP on a port of its own. */
async function weirCountingPushes(calmIntervalMs: number) {
  const weir = await startTestWeir({ config: { watcher: watcherSettings(calmIntervalMs) } });
  const pushes: string[] = [];
  const watchers = weir.services.watchers;
  const original = watchers.pushed.bind(watchers);
  watchers.pushed = (clusterId: string) => {
    pushes.push(clusterId);
    return original(clusterId);
  };
  const app = await testApp(weir);
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { weir, app, pushes, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

describe('push from Flink 2.3.0 as a wake-up for a calm cluster', () => {
  let flink: TestFlink;
  let topSpeedWindowing: string;
  let placeholder: FakeEndpoint;
  let first: Awaited<ReturnType<typeof weirCountingPushes>>;
  let firstClusterId: string;
  let second: { weir: TestWeir; app: FastifyInstance; pushes: string[] } | undefined;

  before(async () => {
    // A cluster's first calm wait is a random part of the interval (watch-cadence.ts): take all of it,
    // so no scheduled read happens to come early and pass for the push.
    mock.method(Math, 'random', () => 0.999);
    first = await weirCountingPushes(CALM_INTERVAL_WITH_PUSH_MS);
    // The push URL names the cluster's id, which Weir gives at registration, and registration
    // probes the address: register a stand-in, start Flink pushing to that id, then point the cluster at it.
    placeholder = await fakeFlink();
    firstClusterId = (await first.weir.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'app-push', restUrl: placeholder.url })).id;
    const token = await first.weir.services.clusterPush.currentToken(firstClusterId);
    const distribution = await ensureFlinkDistribution({ version: PUSH_FLINK_VERSION });
    topSpeedWindowing = distribution.examples.topSpeedWindowing;
    flink = await ownTestFlink({
      distribution,
      restPort: 26081, rpcPort: 26123, gateway: false, slotsPerTaskManager: 4,
      push: { url: `${first.url}/push/clusters/${firstClusterId}`, token },
    });
    await first.weir.services.clusters.update(SYSTEM_PRINCIPAL, firstClusterId, { restUrl: flink.restUrl });
    await first.weir.services.watchers.sync();
  });

  after(async () => {
    mock.restoreAll();
    await first?.app.close();
    await first?.weir.stop();
    await second?.app.close();
    await second?.weir.stop();
    await placeholder?.close();
    await flink?.stop();
  });

  /** Starts a job on Flink directly, waits until Weir records it RUNNING and the cluster is calm, then cancels it through Flink's REST. */
  async function cancelOnACalmCluster(weir: TestWeir, clusterId: string, pushes: string[]): Promise<{ jobId: string; canceledAt: number; pushesBefore: number }> {
    const jobId = await runJar(flink, topSpeedWindowing);
    await waitUntil(`job ${jobId} recorded RUNNING`, 60_000, async () => (await weir.services.runs.getByJob(clusterId, jobId))?.status === 'RUNNING');
    await waitUntil('the cluster to be calm', 30_000, async () => weir.services.watchers.watcherFor(clusterId)?.isCalm() === true);
    const pushesBefore = pushes.length;
    // Straight to Flink, not through Weir: an operation by Weir would force a cycle itself.
    const res = await fetch(`${flink.restUrl}/jobs/${jobId}?mode=cancel`, { method: 'PATCH' });
    assert.equal(res.status, 202);
    return { jobId, canceledAt: Date.now(), pushesBefore };
  }

  it('records a cancel on a cluster read every 120 s long before its next read, woken by the push', async () => {
    const { jobId, canceledAt, pushesBefore } = await cancelOnACalmCluster(first.weir, firstClusterId, first.pushes);
    // Half the calm interval: on a quiet machine it takes about 1.5 s; the margin is for a busy one, and
    // a scheduled read cannot come before the whole interval (Math.random is pinned above).
    await waitUntil(`job ${jobId} recorded CANCELED`, CALM_INTERVAL_WITH_PUSH_MS / 2, async () => (await first.weir.services.runs.getByJob(firstClusterId, jobId))?.status === 'CANCELED');
    const latencyMs = Date.now() - canceledAt;
    console.log(`push: CANCELED recorded ${latencyMs} ms after the cancel (calm interval 120 s; ${first.pushes.length} pushes so far)`);
    assert.ok(first.pushes.length > pushesBefore, 'Flink pushed the cancel to Weir');
    assert.ok(first.pushes.every((id) => id === firstClusterId));
  });

  it('still records the change by polling, after the calm interval, when the push channel is lost', async () => {
    // Flink keeps pushing to the first Weir, which is gone now: its pushes are refused at the socket.
    await first.app.close();
    second = await weirCountingPushes(8_000);
    const clusterId = (await second.weir.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'app-no-push', restUrl: flink.restUrl })).id;
    const { jobId, canceledAt } = await cancelOnACalmCluster(second.weir, clusterId, second.pushes);
    // The bound (the calm interval plus a read) is the documented figure; the test asserts that polling
    // records the change at all, with room for a busy machine, and prints how long it took.
    await waitUntil(`job ${jobId} recorded CANCELED by polling`, 60_000, async () => (await second!.weir.services.runs.getByJob(clusterId, jobId))?.status === 'CANCELED');
    const latencyMs = Date.now() - canceledAt;
    console.log(`no push: CANCELED recorded ${latencyMs} ms after the cancel (calm interval 8 s)`);
    assert.deepEqual(second.pushes, [], 'nothing reached this Weir: the change came by polling');
    const overview = (await (await fetch(`${flink.restUrl}/jobs/overview`)).json()) as { jobs: Array<{ jid: string; state: string }> };
    assert.equal(overview.jobs.find((j) => j.jid === jobId)?.state, 'CANCELED', 'the lost pushes did not harm the JobManager');
  });
});
