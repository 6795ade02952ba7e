// A task's savepoints against the real Flink test cluster: retention's preview, disposal through
// Flink's /savepoint-disposal with the folders gone from disk, the savepoint a live run started from
// kept whatever the policy says, and the schedule that takes savepoints while the job runs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, it } from 'node:test';
import type { Task } from '@weir/contract';
import { RobotReceiver } from '../test-support/receivers.js';
import { SYSTEM_PRINCIPAL, type Principal } from '../access/principal.js';
import type { RunRecord } from '../runs/runs.store.js';
import { sharedTestFlink, waitUntil, type TestFlink } from '../test-support/flink.js';
import { startTestWeir, type TestWeir } from '../test-support/weir.js';
import { makePrincipal } from '../access/principal.js';

const actor: Principal = makePrincipal({ kind: 'user', id: 'u-retention', name: 'rita' }, 'operator');
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

async function publishedSqlTask(name: string, flinkOptions: Record<string, string> = {}): Promise<Task> {
  const tasks = weir.services.tasksService;
  const sql = [
    `CREATE TEMPORARY TABLE src (v INT) WITH ('connector' = 'datagen', 'rows-per-second' = '20');`,
    `CREATE TEMPORARY TABLE out_${name} (c BIGINT) WITH ('connector' = 'blackhole');`,
    `INSERT INTO out_${name} SELECT COUNT(*) FROM src;`,
  ].join('\n');
  const task = await tasks.create(actor, { name: `${TAG}-${name}`, kind: 'SQL', clusterId, sql, config: { savepointStrategy: 'none', checkpointIntervalMs: 1000, flinkOptions } });
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

  const catalog = await weir.services.savepointCatalog.catalog(task.id);
  const disposed = catalog.find((s) => s.path === paths[1]);
  assert.equal(disposed?.status, 'DISPOSED');
  assert.equal(disposed?.disposedBy, 'rita');
  assert.deepEqual(catalog.filter((s) => s.source === 'weir' && s.status === 'COMPLETED').map((s) => s.path).sort(), [paths[0], paths[2]].sort());
  // Beside them, each run's latest checkpoint Weir read (retained on cancellation, as Weir submits jobs):
  // restorable while on disk, MISSING once Flink subsumed it.
  for (const s of catalog.filter((e) => e.source === 'flink')) assert.deepEqual([s.kind, s.status], ['CHECKPOINT', onDisk(s.path!) ? 'COMPLETED' : 'MISSING'], s.path!);
  const audit = await weir.database.db.selectFrom('audit_log').select(['action', 'outcome']).where('action', '=', 'savepoint.dispose').execute();
  assert.deepEqual(audit.map((a) => a.outcome), ['success'], 'each disposal audited');

  // Restoring from the removed savepoint is refused before anything is stopped.
  await assert.rejects(weir.services.operations.restart(actor, second.id, { from: 'savepoint', savepointPath: paths[1]! }), (err: Error) =>
    /was disposed of on .* by rita; restore from another one/.test(err.message),
  );
  assert.equal((await flink.jm.job(second.flinkJobId)).state, 'RUNNING', 'the running job was left running');

  const again = await retention.apply(actor, task.id, { keepLast: 1 });
  assert.deepEqual([again.disposed, again.failed], [[], []], 'nothing left to dispose of');
});

it('the catalog lists a savepoint taken with Flink itself, and says MISSING once its folder is gone; a restore from it is refused before anything stops', async () => {
  const task = await publishedSqlTask('found');
  const online = await weir.services.operations.online(actor, task.id);
  const run = await running(online.newRunId!);
  // Taken outside Weir, as Flink's CLI or web UI would: Weir learns of it from the checkpoint history.
  const triggerId = await flink.jm.triggerSavepoint(run.flinkJobId);
  const taken = await waitUntil('Flink to complete the savepoint', 60_000, async () => {
    const status = await flink.jm.savepointStatus(run.flinkJobId, triggerId);
    if (status.status === 'FAILED') throw new Error(status.failure ?? 'savepoint failed');
    return status.status === 'COMPLETED' ? status.location : undefined;
  });
  const found = await waitUntil('the catalog to list the savepoint taken with Flink', 60_000, async () =>
    (await weir.services.savepointCatalog.catalog(task.id)).find((e) => e.path === taken),
  );
  assert.deepEqual([found.source, found.kind, found.status, found.takenBy, found.flinkJobId, found.taskVersion], ['flink', 'SAVEPOINT', 'COMPLETED', null, run.flinkJobId, 1]);
  assert.ok(found.sizeBytes !== null && found.sizeBytes > 0, 'Flink reports its size');
  assert.equal(found.format, 'CANONICAL', "Flink's default savepoint format");

  fs.rmSync(fileURLToPath(new URL(taken.replace(/^file:(?!\/\/)/, 'file://'))), { recursive: true });
  const missing = (await weir.services.savepointCatalog.catalog(task.id)).find((e) => e.path === taken);
  assert.equal(missing?.status, 'MISSING');
  await assert.rejects(weir.services.operations.restart(actor, run.id, { from: 'savepoint', savepointPath: taken }), (err: Error) =>
    /is gone: its folder is no longer on disk/.test(err.message),
  );
  assert.equal((await flink.jm.job(run.flinkJobId)).state, 'RUNNING', 'the running job was left running');
});

it('a schedule takes a savepoint every 5 s while the job runs, retention keeps the newest 2 and removes the rest from disk; stopped, the schedule takes none', async () => {
  const task = await publishedSqlTask('scheduled');
  const online = await weir.services.operations.online(actor, task.id);
  const run = await running(online.newRunId!);
  const policy = await weir.services.savepointPolicies.put(actor, task.id, { schedule: { intervalMs: 5_000 }, retention: { keepLast: 2 } });
  assert.ok(policy.nextDueAt !== null && policy.nextDueAt > Date.now() - 1_000, 'the first slot is one interval after the schedule was set');

  const scheduled = () => weir.services.savepointCatalog.catalog(task.id).then((all) => all.filter((s) => s.takenBy === 'savepoint-schedule'));
  const settled = await waitUntil('four scheduled savepoints, retention applied after the last', 120_000, async () => {
    const taken = await scheduled();
    const completed = taken.filter((s) => s.status === 'COMPLETED');
    // MISSING: a disposal under way (Flink removed the folder, Weir has not marked it DISPOSED yet).
    const disposing = taken.some((s) => s.status === 'MISSING');
    return taken.filter((s) => s.status !== 'PENDING').length >= 4 && completed.length === 2 && !disposing ? taken : undefined;
  });
  assert.ok(settled.every((s) => s.runId === run.id && s.kind === 'SAVEPOINT'));
  const disposed = settled.filter((s) => s.status === 'DISPOSED');
  assert.ok(disposed.length >= 2, `${disposed.length} disposed of: ${JSON.stringify(settled.map((s) => [s.status, s.failure]))}`);
  for (const s of disposed) {
    assert.equal(s.disposedBy, 'savepoint-schedule');
    assert.equal(onDisk(s.path!), false, `${s.path} removed from disk`);
  }
  const kept = settled.filter((s) => s.status === 'COMPLETED');
  for (const s of kept) assert.ok(onDisk(s.path!), `${s.path} kept on disk`);
  assert.deepEqual(kept.map((s) => s.id), settled.filter((s) => s.status === 'COMPLETED' || s.status === 'DISPOSED').slice(0, 2).map((s) => s.id), 'the newest two are the ones kept');

  // Stopped: the schedule's slots pass (it moves on) and no savepoint is taken.
  await weir.services.operations.offline(actor, task.id, { withSavepoint: false });
  await weir.services.savepointScheduler.idle();
  const before = (await scheduled()).length;
  const slotAfterStop = (await weir.services.savepointPolicies.get(task.id)).nextDueAt!;
  await waitUntil('two slots of the stopped task to pass', 60_000, async () => {
    const next = (await weir.services.savepointPolicies.get(task.id)).nextDueAt!;
    return next >= slotAfterStop + 2 * 5_000 ? next : undefined;
  });
  await weir.services.savepointScheduler.idle();
  assert.equal((await scheduled()).length, before, 'no savepoint taken of a stopped task');
});

it('a savepoint Flink cannot write is recorded FAILED with its reason, alerts once however often the schedule fails, and each slot tries again', async () => {
  const robots = await new RobotReceiver({ webhookSecret: 'sp-hook-secret' }).start();
  // A plain file where the savepoints folder should be: no one can make a folder under it, root included.
  const blocker = path.join(os.tmpdir(), `${TAG}-not-a-folder`);
  fs.writeFileSync(blocker, 'a file, not a folder');
  try {
    const target = `file://${blocker}/savepoints`;
    // 1.20 reads the first key, 2.x the second.
    const task = await publishedSqlTask('unwritable', { 'state.savepoints.dir': target, 'execution.checkpointing.savepoint-dir': target });
    const alerts = weir.services.alerts.service;
    const channel = await alerts.createChannel(SYSTEM_PRINCIPAL, { type: 'webhook', name: `${TAG}-hook`, enabled: true, config: { url: robots.url('webhook'), secret: 'sp-hook-secret' } });
    const rule = await alerts.createRule(SYSTEM_PRINCIPAL, {
      name: `${TAG} savepoint failed`,
      enabled: true,
      condition: { kind: 'savepoint-failed' },
      scope: { kind: 'tasks', taskIds: [task.id] },
      channelIds: [channel.id],
      renotifyIntervalMs: null,
    });
    const online = await weir.services.operations.online(actor, task.id);
    await running(online.newRunId!);
    await weir.services.savepointPolicies.put(actor, task.id, { schedule: { intervalMs: 5_000 }, retention: null });

    const failed = await waitUntil('two scheduled savepoints to fail', 120_000, async () => {
      const taken = (await weir.services.savepointCatalog.catalog(task.id)).filter((s) => s.takenBy === 'savepoint-schedule' && s.status === 'FAILED');
      return taken.length >= 2 ? taken : undefined;
    });
    for (const s of failed) {
      assert.equal(s.path, null);
      assert.ok(s.failure && s.failure.length > 0, 'Flink\'s reason is kept');
    }
    // Every failure seen so far has been through the alert engine: one incident, one message.
    await weir.services.alerts.engine.idle();
    const incidents = await weir.database.db.selectFrom('alert_incidents').select(['id', 'state']).where('rule_id', '=', rule.id).execute();
    assert.deepEqual(incidents.map((i) => i.state), ['FIRING'], 'one incident for the task, however many savepoints failed');
    const deliveries = await waitUntil('the alert to reach the webhook', 30_000, async () => {
      const rows = await weir.database.db.selectFrom('alert_deliveries').select(['status']).where('incident_id', '=', incidents[0]!.id).execute();
      return rows.length > 0 && rows.every((r) => r.status === 'SENT') ? rows : undefined;
    });
    assert.equal(deliveries.length, 1);
    const messages = robots.of('webhook');
    assert.equal(messages.length, 1);
    assert.ok(messages[0]!.verified);
    assert.match(JSON.stringify(messages[0]!.body), /savepoint/i);
    await weir.services.savepointPolicies.put(actor, task.id, { schedule: null, retention: null });
    await weir.services.savepointScheduler.idle();
  } finally {
    await robots.stop();
    fs.rmSync(blocker, { force: true });
  }
});
