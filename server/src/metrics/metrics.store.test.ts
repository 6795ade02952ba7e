import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { RunsStore, type RunRecord } from '../runs/runs.store.js';
import { TasksStore } from '../tasks/tasks.store.js';
import { forEachDatabase } from '../test-support/databases.js';
import { StoredMetricSource } from './metric-source.js';
import { MetricSampler } from './metric-sampler.js';
import { MetricsStore } from './metrics.store.js';
import { defaultSeries } from './series-key.js';
import type { ClustersService } from '../clusters/clusters.service.js';
import { AuditService } from '../audit/audit.service.js';
import { AuditStore } from '../audit/audit.store.js';
import { NotFoundError } from '../errors/errors.js';
import { MetricsService } from './metrics.service.js';

/** A vertex of Flink's job details, as /jobs/:jid answers it. */
const vertex = (id: string, name: string) => ({ id, name, parallelism: 1, status: 'RUNNING', 'start-time': T0, 'end-time': -1, duration: 1, tasks: { RUNNING: 1 }, metrics: {} });

const T0 = 1_800_000_000_000;
const VID = 'cbc357ccb763df2852fee8c4fc7d55f2';

forEachDatabase('MetricsStore', (getDb) => {
  let store: MetricsStore;
  let runs: RunsStore;
  let running: RunRecord;
  let finished: RunRecord;

  before(async () => {
    store = new MetricsStore(getDb());
    runs = new RunsStore(getDb());
    const task = await new TasksStore(getDb()).create({ name: 'metrics-task', kind: 'SQL', executionMode: 'STREAMING', clusterId: 'c1' });
    const base = { taskId: task.id, clusterId: 'c1', jobName: 'j', executionMode: 'STREAMING' as const };
    running = (await runs.upsertByJob({ ...base, flinkJobId: 'a'.repeat(32), status: 'RUNNING' })).run;
    finished = (await runs.upsertByJob({ ...base, flinkJobId: 'b'.repeat(32), status: 'CANCELED' })).run;
  });

  it('keeps one selection per run, replaced as a whole, without duplicates', async () => {
    assert.equal(await store.getSelection(running.id), undefined);
    await store.setSelection(running.id, [`vertex:${VID}:busyTimeMsPerSecond`, 'job:lastCheckpointDuration'], 'alice', T0);
    const replaced = await store.setSelection(running.id, ['tm:tm-1:heapUsed', 'tm:tm-1:heapUsed', `vertex:${VID}:busyTimeMsPerSecond`], 'bob', T0 + 1);
    assert.deepEqual(replaced.series, ['tm:tm-1:heapUsed', `vertex:${VID}:busyTimeMsPerSecond`]);
    assert.deepEqual(await store.getSelection(running.id), { runId: running.id, series: replaced.series, updatedBy: 'bob', updatedAt: T0 + 1 });
  });

  it('samples only RUNNING runs that chose something', async () => {
    await store.setSelection(finished.id, ['job:numRestarts'], 'alice', T0);
    const sampled = (await store.listSampledRuns()).filter((r) => r.clusterId === 'c1');
    assert.deepEqual(sampled.map((r) => r.runId), [running.id]);
    assert.equal(sampled[0]!.flinkJobId, 'a'.repeat(32));
    assert.equal(sampled[0]!.clusterId, 'c1');
  });

  it('gives a RUNNING run nobody chose for the default series when its page first asks, never over a choice, and samples no run nobody opened', async () => {
    const task = await new TasksStore(getDb()).create({ name: 'defaults-task', kind: 'SQL', executionMode: 'STREAMING', clusterId: 'c2' });
    const base = { taskId: task.id, clusterId: 'c2', jobName: 'j', executionMode: 'STREAMING' as const };
    const fresh = (await runs.upsertByJob({ ...base, flinkJobId: 'c'.repeat(32), status: 'RUNNING' })).run;
    const chosen = (await runs.upsertByJob({ ...base, flinkJobId: 'd'.repeat(32), status: 'RUNNING' })).run;
    await store.setSelection(chosen.id, [], 'alice', T0); // emptied on purpose: a choice too
    const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
    // Its cluster is not registered: defaults are chosen, then there is nowhere to read a first point from.
    const clusters = { get: async () => Promise.reject(new NotFoundError('Cluster', 'c2')) } as unknown as ClustersService;
    const flink = { jobManagerOfRun: () => assert.fail('an unregistered cluster has no JobManager to call') };
    const settings = { intervalMs: 10_000, retentionMs: 3_600_000 };
    const sampler = new MetricSampler({ store, clusters, flink, settings, log: quiet, now: () => T0 });
    const metrics = new MetricsService({ store, runs, clusters, flink, sampler, audit: new AuditService(new AuditStore(getDb())), settings, now: () => T0 });
    const source = 'ea632d67b7d595e5b851708ae9ad79d6';
    const sink = '0a448493b4782967b150582570326227';
    await runs.saveSnapshot(fresh.id, 'job', JSON.stringify({ jid: 'c'.repeat(32), name: 'j', state: 'RUNNING', 'start-time': T0, 'end-time': -1, duration: 1, now: T0, timestamps: { RUNNING: T0 }, vertices: [vertex(source, 'Source: orders'), vertex(sink, 'Sink: totals')] }), T0);
    await sampler.tick();
    assert.equal(await store.getSelection(fresh.id), undefined, 'the scheduled sampler picks no run nobody opened');

    const defaults = await metrics.selection(fresh.id);
    assert.deepEqual(defaults.series, defaultSeries([source, sink]));
    assert.equal(defaults.updatedBy, 'weir');
    assert.ok(defaults.series.includes(`vertex:${sink}:numRecordsInPerSecond`) && defaults.series.includes('job:lastCheckpointSize'));
    assert.deepEqual((await metrics.selection(chosen.id)).series, [], 'a choice, even an empty one, stays');
    await store.setSelection(fresh.id, ['job:numRestarts'], 'bob', T0 + 1);
    assert.deepEqual((await metrics.selection(fresh.id)).series, ['job:numRestarts']);
  });

  it('writes a point once per (run, series, tick): a repeated tick overwrites it', async () => {
    const key = `vertex:${VID}:busyTimeMsPerSecond`;
    await store.saveSamples([
      { runId: running.id, series: key, at: T0, value: 100 },
      { runId: running.id, series: key, at: T0 + 10_000, value: 250.5 },
      { runId: running.id, series: 'tm:tm-1:heapUsed', at: T0, value: 9e9 },
      { runId: running.id, series: key, at: T0 + 20_000, value: Number.NaN },
    ]);
    await store.saveSamples([{ runId: running.id, series: key, at: T0 + 10_000, value: 300 }]);
    const points = await store.range(running.id, [key], T0, T0 + 60_000);
    assert.deepEqual(points.map((p) => [p.at, p.value]), [[T0, 100], [T0 + 10_000, 300]]);
    const both = await store.range(running.id, [key, 'tm:tm-1:heapUsed'], T0, T0);
    assert.deepEqual(both.map((p) => [p.series, p.value]).sort(), [['tm:tm-1:heapUsed', 9e9], [key, 100]].sort());
    assert.deepEqual(await store.range(running.id, [], T0, T0 + 60_000), []);
  });

  it('reads a time range inclusively and feeds the alert engine by vertex or job metric', async () => {
    await store.saveSamples([
      { runId: running.id, series: 'job:lastCheckpointDuration', at: T0 + 1_000, value: 5 },
      { runId: running.id, series: 'job:lastCheckpointDuration', at: T0 + 2_000, value: 7 },
    ]);
    const source = new StoredMetricSource(store, () => T0 + 100_000);
    assert.deepEqual(await source.samples(running.id, 'lastCheckpointDuration', null, T0 + 2_000), [{ at: T0 + 2_000, value: 7 }]);
    assert.deepEqual((await source.samples(running.id, 'busyTimeMsPerSecond', VID, T0)).map((s) => s.value), [100, 300]);
  });

  it('deletes points past retention and nothing newer', async () => {
    const deleted = await store.deleteOlderThan(T0 + 5_000);
    assert.equal(deleted, 4);
    const left = await store.range(running.id, [`vertex:${VID}:busyTimeMsPerSecond`, 'job:lastCheckpointDuration', 'tm:tm-1:heapUsed'], 0, T0 + 60_000);
    assert.deepEqual(left.map((p) => p.at), [T0 + 10_000]);
  });

  it('forgets a run\'s selection and points with the run', async () => {
    await getDb().db.deleteFrom('runs').where('id', '=', running.id).execute();
    assert.equal(await store.getSelection(running.id), undefined);
    assert.deepEqual(await store.range(running.id, [`vertex:${VID}:busyTimeMsPerSecond`], 0, T0 + 60_000), []);
  });
});
