// The run detail API against the real local Flink: a running job's sections are live, and once
// the job ended and its cluster is gone from Weir they come from the copies Weir saved.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import type { RunRecord } from '../runs/runs.store.js';
import { runSql, sharedTestFlink, streamingJobSql, waitUntil, type TestFlink } from '../test-support/flink.js';
import { startTestWeir, type TestWeir } from '../test-support/weir.js';
import { cuttableProxy, type CuttableProxy } from '../test-support/cuttable-proxy.js';

describe('run detail API on a real Flink job', () => {
  let flink: TestFlink;
  let weir: TestWeir;
  let jobId: string;
  let run: RunRecord;

  before(async () => {
    flink = await sharedTestFlink();
    weir = await startTestWeir({ config: { metrics: { intervalMs: 1_000, retentionMs: 3_600_000 } } });
    const cluster = await weir.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'detail', restUrl: flink.restUrl, gatewayUrl: flink.gatewayUrl });
    [jobId] = (await runSql(flink, [`SET 'execution.checkpointing.interval' = '1 s'`, ...streamingJobSql('run_detail_api', { rowsPerSecond: 50 })])) as [string];
    run = await waitUntil('the watcher to record the run as RUNNING', 30_000, async () => {
      const r = await weir.services.runs.getByJob(cluster.id, jobId);
      return r?.status === 'RUNNING' ? r : undefined;
    });
  });
  after(async () => {
    if (jobId) await flink.jm.cancel(jobId).catch(() => undefined);
    await weir?.stop();
  });

  it('detail, graph, checkpoints, cluster and configuration are live', async () => {
    const svc = weir.services.runDetail;
    const detail = await svc.detail(run.id);
    assert.equal(detail.job.source, 'live');
    assert.equal(detail.run.flinkJobId, jobId);
    assert.equal(detail.terminal, false);
    assert.ok(detail.transitions.some((t) => t.toStatus === 'RUNNING'));
    assert.equal(detail.job.vertexCount, 2);
    assert.match(detail.cluster!.jobWebUrl ?? "", new RegExp(`#/job/running/${jobId}/overview$`));

    // A running job's duration is now − start, not the duration Flink reported at its last change.
    const stored = (await weir.services.runs.get(run.id))!;
    await waitUntil('Flink to count past the stored duration', 30_000, async () => (await flink.jm.job(jobId)).duration > (stored.durationMs ?? 0) + 2000);
    const before = Date.now();
    const live = (await svc.detail(run.id)).run;
    assert.ok(live.startTime !== null);
    assert.ok(live.durationMs! >= before - live.startTime! && live.durationMs! <= Date.now() - live.startTime!, `duration ${live.durationMs} ms is now − start (stored ${stored.durationMs})`);

    const graph = await waitUntil('records flowing through the graph', 30_000, async () => {
      const g = await svc.graph(run.id);
      // Flink's metric fetcher needs a moment before a new job's gauges appear.
      return g.vertices.every((v) => v.ratioBasis === 'current') && g.vertices.some((v) => (v.recordsOutPerSecond ?? 0) > 0) ? g : undefined;
    });
    assert.equal(graph.source, 'live');
    assert.equal(graph.edges.length, 1);
    const source = graph.vertices.find((v) => v.name.startsWith('Source'))!;
    assert.deepEqual(graph.edges[0], { source: source.id, target: graph.vertices.find((v) => v !== source)!.id, shipStrategy: 'FORWARD', exchange: 'pipelined_bounded' });
    assert.equal(source.ratioBasis, 'current', JSON.stringify(graph.vertices));
    assert.ok(source.operators.some((o) => /TableSourceScan/.test(o)), 'operators from the plan');

    const checkpoints = await waitUntil('a completed checkpoint', 30_000, async () => {
      const c = await svc.checkpoints(run.id);
      return c.latest.completed ? c : undefined;
    });
    assert.equal(checkpoints.enabled, true);
    assert.equal(checkpoints.config?.intervalMs, 1000);
    assert.ok(checkpoints.history.length >= 1);

    const cluster = await svc.cluster(run.id);
    assert.equal(cluster.source, 'live');
    assert.ok(cluster.taskManagers.length >= 1);
    assert.ok(cluster.taskManagers.some((t) => (t.slotsOfRun ?? 0) >= 1), 'a TaskManager holds this run\'s slot');
    assert.ok(cluster.jobManager!.config.some((e) => e.key === 'rest.port'));

    const config = await svc.configuration(run.id);
    assert.equal(config.source, 'live');
    assert.equal(config.checkpoint?.intervalMs, 1000);
    assert.ok('job-parallelism' in config.execution);
  });

  it('logs are read in byte windows that join up exactly', async () => {
    const svc = weir.services.runDetail;
    const tail = await svc.logs(run.id, { component: 'taskmanager', kind: 'log', limit: 4096 });
    assert.equal(tail.available, true, tail.reason ?? '');
    assert.ok(tail.total > 4096);
    assert.equal(tail.nextOffset, tail.total);
    assert.match(tail.text, /\n/);
    const first = await svc.logs(run.id, { component: 'jobmanager', kind: 'log', offset: 0, limit: 1000 });
    const second = await svc.logs(run.id, { component: 'jobmanager', kind: 'log', offset: first.nextOffset, limit: 1000 });
    const both = await svc.logs(run.id, { component: 'jobmanager', kind: 'log', offset: 0, limit: second.nextOffset });
    assert.equal(first.text + second.text, both.text);
    assert.match(first.text, /^\S/);
    const dump = await svc.logs(run.id, { component: 'taskmanager', kind: 'threaddump', limit: 65_536 });
    assert.match(dump.text, /"[^"]+" Id=\d+/);
  });

  it('a chosen series gets points at once and then on every tick', async () => {
    const available = await weir.services.metrics.available(run.id);
    assert.equal(available.vertices.length, 2);
    const vertex = available.vertices[0]!.id;
    const series = [`vertex:${vertex}:numRecordsOutPerSecond`, `tm:${available.taskManagers[0]}:heapUsed`, 'job:lastCheckpointDuration'];
    await weir.services.metrics.select(SYSTEM_PRINCIPAL, run.id, series);
    const page = await waitUntil('two points of each series', 20_000, async () => {
      const p = await weir.services.metrics.series(run.id, { series: series.join(','), maxPoints: 600 });
      return p.series.every((s) => s.points.length >= 2) ? p : undefined;
    });
    const heap = page.series.find((s) => s.key.endsWith(':heapUsed'))!;
    assert.ok(heap.points.every(([, v]) => v > 1_000_000), 'heap is bytes');
    assert.ok(heap.points.every(([at]) => at % 1000 === 0), 'points sit on the tick grid');
  });

  it('after the job ended and its cluster was removed, every section comes from the saved copy', async () => {
    const svc = weir.services.runDetail;
    await svc.exceptions(run.id);
    await flink.jm.cancel(jobId);
    await waitUntil('the run to be CANCELED', 30_000, async () => (await weir.services.runs.get(run.id))?.status === 'CANCELED');
    const clusterId = run.clusterId;
    await weir.services.clusters.remove(SYSTEM_PRINCIPAL, clusterId);

    const detail = await svc.detail(run.id);
    assert.equal(detail.cluster, null);
    assert.equal(detail.terminal, true);
    assert.equal(detail.job.source, 'snapshot', JSON.stringify(detail.job));
    assert.match(detail.job.reason ?? '', /no longer registered/);
    const graph = await svc.graph(run.id);
    assert.equal(graph.source, 'snapshot');
    assert.equal(graph.vertices.length, 2);
    const checkpoints = await svc.checkpoints(run.id);
    assert.equal(checkpoints.source, 'snapshot');
    assert.ok(checkpoints.latest.completed);
    const cluster = await svc.cluster(run.id);
    assert.equal(cluster.source, 'snapshot');
    assert.ok(cluster.taskManagers.length >= 1);
    const config = await svc.configuration(run.id);
    assert.equal(config.source, 'snapshot');
    const logs = await svc.logs(run.id, { component: 'taskmanager', kind: 'log', limit: 1000 });
    assert.equal(logs.available, false);
    const metrics = await weir.services.metrics.series(run.id, { series: 'job:lastCheckpointDuration', maxPoints: 600 });
    assert.ok(metrics.series[0]!.points.length >= 2, 'stored points outlive the cluster');
    jobId = '';
  });
});

describe('run detail while the cluster does not answer', () => {
  let flink: TestFlink;
  let weir: TestWeir;
  let jobId: string | undefined;
  let proxy: CuttableProxy;

  before(async () => {
    flink = await sharedTestFlink();
    proxy = await cuttableProxy(new URL(flink.restUrl));
    // Cluster health is re-checked only when the test asks (or the watcher sees the cluster back),
    // so what the run page shows after an outage does not depend on when a periodic check falls.
    // The timeout is what a read of the cut cluster costs. A live read after the outage that waited
    // it out (on CI, at 3 s and then at 10 s) was not Flink being slow: it went on a connection the
    // proxy had accepted while cut, which is why requests after an outage go on new connections.
    weir = await startTestWeir({ config: { flinkTimeoutMs: 3_000, clusterCheckIntervalMs: 3_600_000 } });
  });
  after(async () => {
    if (jobId) await flink.jm.cancel(jobId).catch(() => undefined);
    await weir?.stop();
    await proxy?.close();
  });

  it('answers at once from the saved copy, saying the cluster is unreachable and since when, not that it forgot', async () => {
    const cluster = await weir.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'cut', restUrl: proxy.url, gatewayUrl: flink.gatewayUrl });
    [jobId] = (await runSql(flink, streamingJobSql('run_detail_outage', { rowsPerSecond: 5 }))) as [string];
    const run = await waitUntil('the watcher to record the run as RUNNING', 30_000, async () => {
      const r = await weir.services.runs.getByJob(cluster.id, jobId!);
      return r?.status === 'RUNNING' ? r : undefined;
    });
    const svc = weir.services.runDetail;
    assert.equal((await svc.detail(run.id)).job.source, 'live');

    proxy.cut();
    const down = await waitUntil('the cluster to be marked unreachable', 60_000, async () => {
      const c = await weir.services.clusters.check(cluster.id).catch(() => undefined);
      return c?.health === 'UNREACHABLE' && c;
    });
    const started = Date.now();
    const detail = await svc.detail(run.id);
    const tookMs = Date.now() - started;
    assert.ok(tookMs < 1_000, `answered in ${tookMs} ms, without waiting for the cluster's timeout`);
    assert.equal(detail.job.source, 'snapshot');
    assert.ok(detail.job.unreachableSince != null && detail.job.unreachableSince <= Date.now(), `unreachable since ${detail.job.unreachableSince}`);
    assert.doesNotMatch(detail.job.reason ?? '', /no longer has/);
    assert.match(detail.job.reason ?? '', /Cluster cut does not answer/);
    assert.ok((detail.job.reason!.match(/cannot be reached/g) ?? []).length <= 1, `said once: ${detail.job.reason}`);
    const exceptions = await svc.exceptions(run.id);
    assert.ok(exceptions.source !== 'live' && exceptions.unreachableSince != null);
    console.log(`outage: detail in ${tookMs} ms; reason: ${detail.job.reason}; cluster down since ${down.lastHealthyAt}`);
  });

  it('is live again as soon as the watcher shows the run back, not when the next health check falls', async () => {
    const clusterId = (await weir.services.clusters.list()).find((c) => c.name === 'cut')!.id;
    const run = (await weir.services.runs.getByJob(clusterId, jobId!))!;
    await waitUntil('the watcher to see the outage', 90_000, async () => ['RECONNECTING', 'UNKNOWN'].includes((await weir.services.runs.get(run.id))!.status));
    proxy.restore();
    await waitUntil('the watcher to record the run RUNNING again', 90_000, async () => (await weir.services.runs.get(run.id))?.status === 'RUNNING');
    const detail = await weir.services.runDetail.detail(run.id);
    assert.equal(detail.job.source, 'live', `the run shows RUNNING, and its page: ${detail.job.reason}`);
    assert.equal((await weir.services.clusters.get(clusterId)).health, 'HEALTHY');
  });
});
