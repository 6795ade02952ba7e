// A task's savepoint retention against the real Flink test cluster: the preview, disposal through
// Flink's /savepoint-disposal with the folders gone from disk, and the savepoint a live run
// started from kept whatever the policy says.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, it } from 'node:test';
import type { Task } from '@weir/contract';
import { SYSTEM_PRINCIPAL, type Principal } from '../auth/principal.js';
import type { RunRecord } from '../runs/runs.store.js';
import { sharedTestFlink, waitUntil, type TestFlink } from '../test-support/flink.js';
import { startTestWeir, type TestWeir } from '../test-support/weir.js';

const actor: Principal = { kind: 'user', id: 'u-retention', name: 'rita', role: 'operator' };
const TAG = `sp${process.pid}`;

let flink: TestFlink;
let weir: TestWeir;
let clusterId: string;

before(async () => {
  flink = await sharedTestFlink();
  weir = await startTestWeir();
  clusterId = (await weir.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'shared', restUrl: flink.restUrl, gatewayUrl: flink.gatewayUrl })).id;
  await weir.services.watchers.sync();
});

after(async () => {
  // Other tests' jobs share this cluster: cancel only the jobs this file started.
  const mine = await weir.database.db.selectFrom('runs').select(['flink_job_id']).execute();
  await Promise.all(mine.map(({ flink_job_id }) => flink.jm.cancel(flink_job_id).catch(() => undefined)));
  await weir?.stop();
});

async function publishedSqlTask(name: string): Promise<Task> {
  const tasks = weir.services.tasksService;
  const sql = [
    `CREATE TEMPORARY TABLE src (v INT) WITH ('connector' = 'datagen', 'rows-per-second' = '20');`,
    `CREATE TEMPORARY TABLE out_${name} (c BIGINT) WITH ('connector' = 'blackhole');`,
    `INSERT INTO out_${name} SELECT COUNT(*) FROM src;`,
  ].join('\n');
  const task = await tasks.create(actor, { name: `${TAG}-${name}`, kind: 'SQL', clusterId, sql, config: { savepointStrategy: 'none', checkpointIntervalMs: 1000 } });
  await tasks.publish(actor, task.id, 'for the test');
  return tasks.get(task.id);
}

/** Running in Flink with every task running (Flink refuses a savepoint before), and its checkpoints read by Weir. */
async function running(runId: string): Promise<RunRecord> {
  const run = await waitUntil(`run ${runId} RUNNING`, 60_000, async () => {
    const r = await weir.services.runs.get(runId);
    if (r && ['FAILED', 'CANCELED', 'FINISHED'].includes(r.status)) throw new Error(`run ${runId} ended ${r.status}`);
    return r?.status === 'RUNNING' ? r : undefined;
  });
  await waitUntil(`every task of ${run.flinkJobId} to run`, 60_000, async () => {
    const entry = (await flink.jm.jobsOverview()).find((j) => j.jid === run.flinkJobId);
    return entry && entry.tasks.total > 0 && entry.tasks.running === entry.tasks.total ? entry : undefined;
  });
  await waitUntil(`Weir to have read the checkpoints of ${run.flinkJobId}`, 60_000, async () => weir.services.runs.getSnapshot(runId, 'checkpoints'));
  return run;
}

const onDisk = (path: string) => fs.existsSync(fileURLToPath(new URL(path.replace(/^file:(?!\/\/)/, 'file://'))));

it('keepLast 1 previews, then disposes of the older savepoints through Flink, their folders gone; the one a live run started from stays', async () => {
  const task = await publishedSqlTask('retained');
  const online = await weir.services.operations.online(actor, task.id);
  const first = await running(online.newRunId!);
  const paths: string[] = [];
  for (let i = 0; i < 3; i += 1) {
    const taken = await weir.services.operations.savepoint(actor, first.id);
    assert.equal(taken.savepoint?.status, 'COMPLETED');
    paths.push(taken.savepoint!.path!);
  }
  for (const path of paths) assert.ok(onDisk(path), `${path} is on disk`);
  const retention = weir.services.savepointRetention;

  const plan = await retention.preview(task.id, { keepLast: 1 });
  assert.deepEqual(plan.keep.map((e) => [e.path, e.reason]), [[paths[2], 'the newest completed savepoint is always kept']]);
  assert.deepEqual(plan.dispose.map((e) => e.path), [paths[1], paths[0]]);
  for (const path of paths) assert.ok(onDisk(path), 'a preview removes nothing');

  // A new run from the oldest savepoint: Flink reports it restored from there, so it is protected.
  const restarted = await weir.services.operations.restart(actor, first.id, { from: 'savepoint', savepointPath: paths[0]! });
  const second = await running(restarted.newRunId!);
  const withLiveRun = await retention.preview(task.id, { keepLast: 1 });
  assert.deepEqual(withLiveRun.keep.map((e) => [e.path, e.reason]), [
    [paths[2], 'the newest completed savepoint is always kept'],
    [paths[0], `run of job ${second.flinkJobId} started from it and is RUNNING`],
  ]);
  assert.deepEqual(withLiveRun.dispose.map((e) => e.path), [paths[1]]);

  const result = await retention.apply(actor, task.id, { keepLast: 1 });
  assert.deepEqual(result.failed, []);
  assert.deepEqual(result.disposed.map((d) => d.path), [paths[1]]);
  assert.equal(onDisk(paths[1]!), false, 'Flink deleted the disposed savepoint\'s folder');
  assert.ok(onDisk(paths[0]!) && onDisk(paths[2]!), 'the kept ones are still there');

  const catalog = await retention.catalog(task.id);
  const disposed = catalog.find((s) => s.path === paths[1]);
  assert.equal(disposed?.status, 'DISPOSED');
  assert.equal(disposed?.disposedBy, 'rita');
  assert.deepEqual(catalog.filter((s) => s.status === 'COMPLETED').map((s) => s.path).sort(), [paths[0], paths[2]].sort());
  const audit = await weir.database.db.selectFrom('audit_log').select(['action', 'outcome']).where('action', '=', 'savepoint.dispose').execute();
  assert.deepEqual(audit.map((a) => a.outcome), ['success'], 'each disposal audited');

  const again = await retention.apply(actor, task.id, { keepLast: 1 });
  assert.deepEqual([again.disposed, again.failed], [[], []], 'nothing left to dispose of');
});
