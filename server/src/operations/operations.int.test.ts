// Tasks and operations against the real Flink 1.20 test cluster and its SQL Gateway: every
// operation, a stateful restore that continues its count, the Flink example jars, bulk offline,
// and SQL the gateway rejects.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OperationResult, Task } from '@weir/contract';
import { SYSTEM_PRINCIPAL, type Principal } from '../access/principal.js';
import { ClustersStore } from '../clusters/clusters.store.js';
import { AppError } from '../errors/errors.js';
import type { RunRecord } from '../runs/runs.store.js';
import { SavepointsStore } from '../runs/savepoints.store.js';
import { checkpointIdOf, completedCheckpointsOnDisk, sharedTestFlink, waitUntil, type TestFlink } from '../test-support/flink.js';
import { FlinkProxy } from '../test-support/flink-proxy.js';
import { assertFlinkTransitions } from '../test-support/flink-transitions.js';
import { startTestWeir, testApp, type TestWeir } from '../test-support/weir.js';
import { makePrincipal } from '../access/principal.js';

const actor: Principal = makePrincipal({ kind: 'user', id: 'u-ops', name: 'olga' }, 'operator');
const TAG = `t${process.pid}`;

let flink: TestFlink;
let weir: TestWeir;
let app: FastifyInstance;
let clusterId: string;
let token: string;

before(async () => {
  flink = await sharedTestFlink();
  weir = await startTestWeir();
  app = await testApp(weir);
  token = `Bearer ${(await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'ops', 'operator')).secret}`;
  clusterId = (await weir.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'shared', restUrl: flink.restUrl, gatewayUrl: flink.gatewayUrl })).id;
  await weir.services.watchers.sync();
});

after(async () => {
  // Other engineers' jobs share this cluster: cancel only the jobs this file started.
  const mine = await weir.database.db.selectFrom('runs').select(['flink_job_id']).execute();
  await Promise.all(
    mine.map(async ({ flink_job_id }) => {
      const state = await flink.jm.job(flink_job_id).then((j) => j.state).catch(() => 'GONE');
      if (!['FINISHED', 'CANCELED', 'FAILED', 'GONE'].includes(state)) await flink.jm.cancel(flink_job_id).catch(() => undefined);
    }),
  );
  await app?.close();
  await weir?.stop();
});

const tasks = () => weir.services.tasksService;
const ops = () => weir.services.operations;

async function publishedSqlTask(name: string, sql: string, config: Record<string, unknown> = {}): Promise<Task> {
  const task = await tasks().create(actor, { name: `${TAG}-${name}`, kind: 'SQL', clusterId, sql, config: { savepointStrategy: 'none', ...config } });
  await tasks().publish(actor, task.id, 'for the test');
  return tasks().get(task.id);
}

/**
 * Publishes a version while the cluster's SQL Gateway cannot be reached (its address pointed at a
 * port where nothing listens), as a user would with "publish without validation"; then the
 * gateway is back. Only so does a script the gateway rejects reach go-online.
 */
async function publishUnvalidated(taskId: string): Promise<void> {
  const store = new ClustersStore(weir.database);
  const { gatewayUrl } = (await store.get(clusterId))!;
  await store.update(clusterId, { gatewayUrl: 'http://127.0.0.1:20098' });
  try {
    await tasks().publish(actor, taskId, undefined, { unvalidated: true });
  } finally {
    await store.update(clusterId, { gatewayUrl });
  }
}

/** Flink refuses a savepoint until every task of the job runs, which comes after the job's RUNNING. */
async function waitForTasksRunning(runId: string): Promise<void> {
  const run = await weir.services.runs.get(runId);
  await waitUntil(`every task of run ${runId} to run`, 60_000, async () => {
    const entry = (await flink.jm.jobsOverview()).find((j) => j.jid === run?.flinkJobId);
    return entry && entry.tasks.total > 0 && entry.tasks.running === entry.tasks.total ? entry : undefined;
  });
}

async function waitForRun(runId: string, status: string, timeoutMs = 60_000): Promise<RunRecord> {
  return waitUntil(`run ${runId} to be ${status}`, timeoutMs, async () => {
    const run = await weir.services.runs.get(runId);
    if (run && ['FAILED', 'CANCELED', 'FINISHED'].includes(run.status) && run.status !== status) {
      throw new Error(`run ${runId} ended ${run.status} while waiting for ${status}`);
    }
    return run?.status === status ? run : undefined;
  });
}

/** The values a print sink wrote under `identifier` on every TaskManager, in order: `ident> +U[42]` → 42. */
async function printed(identifier: string): Promise<number[]> {
  const { taskmanagers } = await flink.jm.taskManagers();
  const values: number[] = [];
  for (const tm of taskmanagers) {
    const out = await flink.jm.taskManagerStdout(tm.id);
    for (const m of out.matchAll(new RegExp(`^${identifier}> ([+-][IU])\\[(\\d+)\\]$`, 'gm'))) if (m[1]!.startsWith('+')) values.push(Number(m[2]));
  }
  return values;
}

async function expectConflict(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof AppError, String(err));
    assert.equal(err.code, 'CONFLICT');
    assert.match(err.message, pattern);
    return true;
  });
}

describe('SQL the gateway rejects', () => {
  it('comes back as 422 with Flink’s message at the script’s line and column, and the task text is kept', async () => {
    const script = [
      '-- orders pipeline',
      `CREATE TEMPORARY TABLE src (id BIGINT) WITH ('connector' = 'datagen');`,
      `CREATE TEMPORARY TABLE snk (id BIGINT) WITH ('connector' = 'blackhole');`,
      '',
      'INSERT INTO snk',
      '  SELECT id FROM nosuch;',
    ].join('\n');
    const created = await app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: { authorization: token },
      payload: { name: `${TAG}-bad-sql`, kind: 'SQL', clusterId, sql: script, config: { savepointStrategy: 'none' } },
    });
    const task = created.json() as Task;
    // Publishing refuses it at the same place; published unvalidated, going online does.
    const publish = await app.inject({ method: 'POST', url: `/api/tasks/${task.id}/publish`, headers: { authorization: token }, payload: {} });
    assert.equal(publish.statusCode, 400);
    assert.deepEqual([publish.json().error.code, publish.json().error.details.line, publish.json().error.details.column], ['VALIDATION', 6, 18]);
    await publishUnvalidated(task.id);
    const online = await app.inject({ method: 'POST', url: `/api/tasks/${task.id}/online`, headers: { authorization: token }, payload: {} });
    assert.equal(online.statusCode, 422);
    const error = online.json().error;
    assert.equal(error.code, 'FLINK_REJECTED');
    assert.match(error.details.message, /Object 'nosuch' not found/);
    // `nosuch` is on line 6, column 18 of the script (the gateway saw it inside a one-statement text).
    assert.deepEqual([error.details.line, error.details.column, error.details.statementIndex], [6, 18, 2]);
    assert.match(error.message, /line 6, column 18/);

    const after = (await app.inject({ method: 'GET', url: `/api/tasks/${task.id}`, headers: { authorization: token } })).json() as Task;
    assert.equal(after.sql, script, 'the script is kept exactly as typed');
    assert.equal(after.lifecycle, 'PUBLISHED');
    assert.equal(after.latestStatus, 'FAILED', 'the attempt stays in the history');

    // A syntax error in a DDL statement: Flink's parser position, mapped into the script.
    await tasks().update(actor, task.id, { sql: `SET 'a' = 'b';\nCREATE TABLE t (\n  id BIGINT,\n  WHERE\n) WITH ('connector' = 'datagen');\nINSERT INTO t SELECT 1;` });
    await publishUnvalidated(task.id);
    await assert.rejects(ops().online(actor, task.id), (err: unknown) => {
      assert.ok(err instanceof AppError);
      assert.equal(err.code, 'FLINK_REJECTED');
      const details = err.details as { line: number; column: number; message: string; statementIndex: number };
      assert.match(details.message, /WHERE/);
      assert.equal(details.line, 4);
      assert.equal(details.statementIndex, 1);
      return true;
    });
  });
});

describe('a stateful SQL job', () => {
  it('counts on from its savepoint and from its latest checkpoint, and starts at 1 without state', async () => {
    const ident = `${TAG}cnt`;
    const task = await publishedSqlTask(
      'count',
      [
        `CREATE TEMPORARY TABLE src (v INT) WITH ('connector' = 'datagen', 'rows-per-second' = '20');`,
        `CREATE TEMPORARY TABLE out_${ident} (c BIGINT) WITH ('connector' = 'print', 'print-identifier' = '${ident}');`,
        `INSERT INTO out_${ident} SELECT COUNT(*) FROM src;`,
      ].join('\n'),
      { checkpointIntervalMs: 1000 },
    );

    const online = await ops().online(actor, task.id);
    assert.equal(online.lifecycle, 'ONLINE');
    assert.equal(online.restoredFrom, null);
    const first = await waitForRun(online.newRunId!, 'RUNNING');
    assert.equal(first.flinkJobId, online.flinkJobId, 'the job has the id Weir chose');
    assert.equal(first.versionId, task.currentVersionId, 'the run records the version it ran');
    assert.equal((await weir.services.tasks.get(task.id))?.kind, 'SQL', 'no external task was made for it');
    await waitUntil('30 counted rows', 30_000, async () => (await printed(ident)).some((v) => v >= 30));
    await expectConflict(ops().online(actor, task.id), /already has job .* RUNNING/);

    // Trigger a savepoint: recorded with its path.
    const sp = await ops().savepoint(actor, first.id);
    assert.equal(sp.savepoint?.status, 'COMPLETED');
    assert.match(sp.savepoint?.path ?? '', /savepoint-/);

    // Stop with a savepoint; the job finishes, the task goes offline.
    const stop = await ops().stop(actor, first.id, { withSavepoint: true });
    assert.equal(stop.status, 'FINISHED');
    assert.equal(stop.lifecycle, 'OFFLINE');
    const lastBefore = Math.max(...(await printed(ident)));
    const seenBefore = (await printed(ident)).length;
    const savepoints = await ops().listSavepoints(first.id);
    assert.deepEqual(savepoints.map((s) => [s.kind, s.status]), [['STOP_WITH_SAVEPOINT', 'COMPLETED'], ['SAVEPOINT', 'COMPLETED']]);
    await expectConflict(ops().savepoint(actor, first.id), /already FINISHED/);
    await expectConflict(ops().cancel(actor, first.id), /already FINISHED/);

    // Restart from the latest savepoint: the count goes on from where it stopped.
    const fromSavepoint = await ops().restart(actor, first.id, { from: 'latest-savepoint' });
    assert.equal(fromSavepoint.restoredFrom, stop.savepoint!.path);
    const second = await waitForRun(fromSavepoint.newRunId!, 'RUNNING');
    assert.equal(await flink.jm.restoredFrom(second.flinkJobId), stop.savepoint!.path, 'Flink restored the savepoint');
    const afterRestore = await waitUntil('the restored job to print', 30_000, async () => {
      const values = await printed(ident);
      return values.length > seenBefore + 2 ? values.slice(seenBefore) : undefined;
    });
    assert.equal(afterRestore[0], lastBefore + 1, `the count continues from ${lastBefore}, it does not restart at 1`);
    assert.equal((await weir.services.tasks.get(task.id))?.lifecycle, 'ONLINE');

    // Cancel, then restart from the latest checkpoint (checkpoints are retained on cancel).
    await waitUntil('a completed checkpoint', 30_000, () => flink.jm.latestCheckpointPath(second.flinkJobId));
    const cancelledSecond = await ops().cancel(actor, second.id);
    assert.equal(cancelledSecond.status, 'CANCELED');
    assert.equal(cancelledSecond.lifecycle, 'OFFLINE');
    const lastOfSecond = Math.max(...(await printed(ident)));
    const seenThird = (await printed(ident)).length;
    const fromCheckpoint = await ops().restart(actor, second.id, { from: 'latest-checkpoint' });
    assert.match(fromCheckpoint.restoredFrom ?? '', /chk-\d+/);
    assert.equal(fromCheckpoint.lifecycle, 'ONLINE');
    const third = await waitForRun(fromCheckpoint.newRunId!, 'RUNNING');
    assert.equal(await flink.jm.restoredFrom(third.flinkJobId), fromCheckpoint.restoredFrom);
    const afterCheckpoint = await waitUntil('the job restored from a checkpoint to print', 30_000, async () => {
      const values = await printed(ident);
      return values.length > seenThird + 2 ? values.slice(seenThird) : undefined;
    });
    assert.ok(afterCheckpoint[0]! > lastBefore && afterCheckpoint[0]! <= lastOfSecond + 1, `restored from a checkpoint, the count goes on (${afterCheckpoint[0]} after ${lastOfSecond})`);

    // Restarting the running job without state: it is cancelled, and the new count starts again at 1.
    const seenFourth = (await printed(ident)).length;
    const fresh = await ops().restart(actor, third.id, { from: 'none' });
    assert.equal(fresh.restoredFrom, null);
    assert.equal((await weir.services.runs.get(third.id))?.status, 'CANCELED');
    const fourth = await waitForRun(fresh.newRunId!, 'RUNNING');
    await waitUntil('the fresh job to print 1', 30_000, async () => (await printed(ident)).slice(seenFourth).includes(1));

    // Force refresh, then cancel; a second cancel is refused with the state.
    const refreshed = await ops().refresh(actor, fourth.id);
    assert.equal(refreshed.status, 'RUNNING');
    const cancelled = await ops().cancel(actor, fourth.id);
    assert.equal(cancelled.status, 'CANCELED');
    assert.equal(cancelled.lifecycle, 'OFFLINE');
    await expectConflict(ops().cancel(actor, fourth.id), /already CANCELED/);

    // Every operation is in the audit log, with who and how it ended.
    const audit = await weir.services.audit.list({ actor: 'olga', limit: 100 });
    const actions = audit.items.map((e) => `${e.action}:${e.outcome}`);
    for (const a of ['task.online:success', 'run.savepoint:success', 'run.stop:success', 'run.restart:success', 'run.refresh:success', 'run.cancel:success', 'run.cancel:failure']) {
      assert.ok(actions.includes(a), `audit has ${a}`);
    }
    const stopEntry = audit.items.find((e) => e.action === 'run.stop');
    assert.match(stopEntry?.detail ?? '', new RegExp(stop.savepoint!.path!.replace(/[/.]/g, '.')));
    const runs = await weir.services.runs.listByTask(task.id);
    assert.equal(runs.total, 4, 'each start is its own run');
  });
});

describe('restarting a run that ended', () => {
  it('restores the checkpoint Flink kept, without asking for the ended job\'s details, which Flink can answer with an error as a job ends', async () => {
    const proxy = await FlinkProxy.start(flink.restUrl);
    try {
      const proxied = (await weir.services.clusters.register(SYSTEM_PRINCIPAL, { name: `${TAG}-proxied`, restUrl: proxy.url, gatewayUrl: flink.gatewayUrl })).id;
      const ident = `${TAG}ended`;
      const created = await tasks().create(actor, {
        name: `${TAG}-ended`,
        kind: 'SQL',
        clusterId: proxied,
        sql: [
          `CREATE TEMPORARY TABLE src (v INT) WITH ('connector' = 'datagen', 'rows-per-second' = '5');`,
          `CREATE TEMPORARY TABLE out_${ident} (c BIGINT) WITH ('connector' = 'print', 'print-identifier' = '${ident}');`,
          `INSERT INTO out_${ident} SELECT COUNT(*) FROM src;`,
        ].join('\n'),
        config: { savepointStrategy: 'none', checkpointIntervalMs: 1000 },
      });
      await tasks().publish(actor, created.id);
      const online = await ops().online(actor, created.id);
      const run = await waitForRun(online.newRunId!, 'RUNNING');
      // Flink serves checkpoint statistics from a cache: this read fills it, and the job is
      // cancelled as soon as a later checkpoint is complete on disk, so the cache still names the
      // earlier one, which Flink deletes (it keeps one) while the job ends.
      const first = await waitUntil('a completed checkpoint', 30_000, () => flink.jm.latestCheckpointPath(run.flinkJobId));
      const checkpointDir = path.dirname(fileURLToPath(first));
      const firstId = checkpointIdOf(first);
      await waitUntil('a later checkpoint complete on disk', 30_000, async () => (completedCheckpointsOnDisk(checkpointDir).at(-1) ?? 0) > firstId);
      await ops().cancel(actor, run.id);
      await waitForRun(run.id, 'CANCELED');
      proxy.corrupt(`/jobs/${run.flinkJobId}`, { kind: 'status', status: 500 });
      const restarted = await ops().restart(actor, run.id, { from: 'latest-checkpoint' });
      const kept = completedCheckpointsOnDisk(checkpointDir).at(-1);
      assert.equal(restarted.restoredFrom, `${path.dirname(first)}/chk-${kept}`, 'the newest checkpoint Flink completed and kept');
      const next = await waitForRun(restarted.newRunId!, 'RUNNING');
      assert.equal(await flink.jm.restoredFrom(next.flinkJobId), restarted.restoredFrom);
      await ops().cancel(actor, next.id);
    } finally {
      await proxy.close();
    }
  });
});

describe('jar tasks from the Flink examples', () => {
  async function jarTask(name: string, jarPath: string): Promise<Task> {
    const jar = await tasks().uploadJar(actor, path.basename(jarPath), new Uint8Array(fs.readFileSync(jarPath)));
    const task = await tasks().create(actor, { name: `${TAG}-${name}`, kind: 'JAR', clusterId, jar: { jarId: jar.id }, config: { savepointStrategy: 'none' } });
    await tasks().publish(actor, task.id);
    return task;
  }

  it('runs WordCount to FINISHED with the statuses Flink went through', async () => {
    const task = await jarTask('wordcount', flink.examples.wordCount);
    const online = await ops().online(actor, task.id);
    const run = await waitForRun(online.newRunId!, 'FINISHED');
    const transitions = await weir.services.runs.listTransitions(run.id);
    // Weir's own record of the submission, then Flink's own statuses at Flink's times.
    assert.deepEqual(transitions.map((t) => [t.toStatus, t.source]), [
      ['INITIALIZING', 'weir'],
      ['INITIALIZING', 'flink'],
      ['CREATED', 'flink'],
      ['RUNNING', 'flink'],
      ['FINISHED', 'flink'],
    ]);
    assertFlinkTransitions(transitions, (await flink.jm.job(run.flinkJobId)).timestamps, 'a submitted WordCount');
    assert.equal((await weir.services.tasks.get(task.id))?.latestStatus, 'FINISHED');
    await expectConflict(ops().stop(actor, run.id, { withSavepoint: true }), /already FINISHED/);
  });

  it('runs TopSpeedWindowing until it is taken offline with a savepoint', async () => {
    const task = await jarTask('topspeed', flink.examples.topSpeedWindowing);
    const online = await ops().online(actor, task.id);
    const run = await waitForRun(online.newRunId!, 'RUNNING');
    const offline = await ops().offline(actor, task.id, { withSavepoint: true });
    assert.equal(offline.lifecycle, 'OFFLINE');
    assert.equal(offline.status, 'FINISHED');
    assert.match(offline.savepoint?.path ?? '', /savepoint-/);
    await waitForRun(run.id, 'FINISHED');
    assert.ok(fs.existsSync(new URL(offline.savepoint!.path!).pathname), 'the savepoint is on disk where Flink said');
  });

  it('reports why the cluster refuses a jar', async () => {
    const jar = await tasks().uploadJar(actor, 'WordCount.jar', new Uint8Array(fs.readFileSync(flink.examples.wordCount)));
    const task = await tasks().create(actor, { name: `${TAG}-nosuchclass`, kind: 'JAR', clusterId, jar: { jarId: jar.id, entryClass: 'org.example.NoSuchMain' } });
    await tasks().publish(actor, task.id);
    await assert.rejects(ops().online(actor, task.id), (err: unknown) => {
      assert.ok(err instanceof AppError);
      assert.equal(err.code, 'FLINK_REJECTED');
      assert.match(err.message, /NoSuchMain/);
      return true;
    });
    const latest = await weir.services.tasks.get(task.id);
    assert.equal(latest?.latestStatus, 'FAILED');
    assert.equal(latest?.lifecycle, 'PUBLISHED');

    // The run never reached Flink and says so: no Flink job to read, link or act on; the refusal is its exception.
    const detail = await weir.services.runDetail.detail(latest!.latestRunId!);
    assert.equal(detail.run.status, 'FAILED');
    assert.match(detail.run.submissionError ?? '', /NoSuchMain/);
    assert.equal(detail.cluster?.jobWebUrl, null, 'no link into Flink\'s UI for a job Flink never had');
    assert.equal(detail.job.source, 'none');
    assert.match(detail.job.reason ?? '', /never reached Flink/);
    assert.doesNotMatch(detail.job.reason ?? '', /no longer has/);
    const exceptions = await weir.services.runDetail.exceptions(detail.run.id);
    assert.match(exceptions.entries[0]?.stacktrace ?? '', /NoSuchMain/);
    // Only a new submission is offered, and the server refuses what is not offered.
    assert.deepEqual(detail.operations.restartFromLatestCheckpoint, { allowed: false, blocker: 'neverReachedFlink' });
    assert.deepEqual(detail.operations.stop, { allowed: false, blocker: 'neverReachedFlink' });
    assert.equal(detail.operations.restartWithoutState.allowed, true);
    await assert.rejects(ops().restart(actor, detail.run.id, { from: 'latest-checkpoint' }), (err: unknown) => err instanceof AppError && err.code === 'CONFLICT');
  });
});

describe('savepoints a stopped Weir left pending', () => {
  it('take the result Flink kept for their trigger, or fail with what Flink says, each with an audit entry', async () => {
    const task = await publishedSqlTask(
      'orphan-sp',
      [
        `CREATE TEMPORARY TABLE src (v INT) WITH ('connector' = 'datagen', 'rows-per-second' = '5');`,
        `CREATE TEMPORARY TABLE sink (v INT) WITH ('connector' = 'blackhole');`,
        `INSERT INTO sink SELECT v FROM src;`,
      ].join('\n'),
    );
    const online = await ops().online(actor, task.id);
    const run = await waitForRun(online.newRunId!, 'RUNNING');
    await waitUntil('all tasks running', 30_000, async () => (await flink.jm.jobsOverview()).find((j) => j.jid === run.flinkJobId && j.tasks.running === j.tasks.total));

    // What an earlier Weir left behind: it triggered a savepoint and stopped before Flink answered;
    // and one whose trigger Flink never had (its JobManager restarted since, say).
    const savepoints = new SavepointsStore(weir.database);
    const triggerId = await flink.jm.triggerSavepoint(run.flinkJobId);
    const orphan = await savepoints.create({ runId: run.id, taskId: task.id, kind: 'SAVEPOINT', triggerId });
    const unknown = await savepoints.create({ runId: run.id, taskId: task.id, kind: 'SAVEPOINT', triggerId: '0123456789abcdef0123456789abcdef' });

    await waitUntil('both settled', 30_000, async () => {
      await ops().settleOrphanedSavepoints();
      const [a, b] = await Promise.all([savepoints.get(orphan.id), savepoints.get(unknown.id)]);
      return a?.status !== 'PENDING' && b?.status !== 'PENDING' ? true : undefined;
    });
    const done = await savepoints.get(orphan.id);
    assert.equal(done?.status, 'COMPLETED');
    assert.match(done?.path ?? '', /savepoint-/);
    const failed = await savepoints.get(unknown.id);
    assert.equal(failed?.status, 'FAILED');
    assert.match(failed?.failure ?? '', /Flink no longer knows the savepoint's trigger/);
    assert.equal(await ops().settleOrphanedSavepoints(), 0, 'a settled savepoint is not settled again');

    const audit = await weir.services.audit.list({ actor: 'system', limit: 50 });
    const settles = audit.items.filter((e) => e.action === 'run.savepoint.settle' && e.targetId === run.id);
    assert.deepEqual(settles.map((e) => e.outcome).sort(), ['failure', 'success']);
    await ops().cancel(actor, run.id);
  });
});

describe('bulk operations', () => {
  it('takes three running tasks offline with three savepoints, and back online from them', async () => {
    const created: Task[] = [];
    for (const n of [1, 2, 3]) {
      created.push(
        await publishedSqlTask(
          `bulk${n}`,
          `CREATE TEMPORARY TABLE s (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5');\nCREATE TEMPORARY TABLE k (id BIGINT) WITH ('connector' = 'blackhole');\nINSERT INTO k SELECT id FROM s;`,
          { savepointStrategy: 'latest' },
        ),
      );
    }
    const ids = created.map((t) => t.id);
    const online = await ops().bulk(actor, { action: 'online', taskIds: [...ids, 'no-such-task'], from: 'default' });
    assert.equal(online.succeeded, 3);
    assert.deepEqual(online.items.map((i) => i.ok), [true, true, true, false]);
    assert.equal(online.items[3]!.error?.code, 'NOT_FOUND');
    await Promise.all(online.items.slice(0, 3).map((i) => waitForRun(i.result!.newRunId!, 'RUNNING')));
    for (const item of online.items.slice(0, 3)) await waitForTasksRunning(item.result!.newRunId!);

    const offline = await ops().bulk(actor, { action: 'offline', taskIds: ids, from: 'default' });
    assert.equal(offline.succeeded, 3, JSON.stringify(offline.items.map((i) => i.error)));
    const paths = offline.items.map((i) => i.result!.savepoint?.path);
    assert.equal(new Set(paths).size, 3, 'three distinct savepoints');
    for (const p of paths) assert.match(p ?? '', /savepoint-/);
    for (const id of ids) assert.equal((await weir.services.tasks.get(id))?.lifecycle, 'OFFLINE');

    const again = await ops().bulk(actor, { action: 'online', taskIds: ids, from: 'latest-savepoint' });
    assert.deepEqual(again.items.map((i: { result: OperationResult | null }) => i.result?.restoredFrom), paths);
    await Promise.all(again.items.map((i) => waitForRun(i.result!.newRunId!, 'RUNNING')));
    for (const item of again.items) await waitForTasksRunning(item.result!.newRunId!);
    const down = await ops().bulk(actor, { action: 'offline', taskIds: ids, from: 'default' });
    assert.equal(down.succeeded, 3);
  });
});
