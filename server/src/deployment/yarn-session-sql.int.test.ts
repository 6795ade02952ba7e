// Integration test of SQL tasks on a YARN session Weir started, on a real local YARN (the integration phase's, or one
// of its own when run alone: test-support/local-yarn.ts) and a test Weir. A YARN session has no SQL Gateway, so a SQL
// task runs Weir's SQL runner (flink-local/sql-runner) as a jar on the session's JobManager (session-target.ts):
// its job under Weir's job id, named after the task, with the script's SETs applied through the jar run's
// flinkConfiguration; a stop with a savepoint ends it FINISHED with the savepoint. A statement Flink refuses comes
// back as the refusal of the submission naming the statement and Flink's reason, no job started, no jar left behind.
// ONE session for the whole file. Needs java and mvn (never skips); no session Flink.
// Run: node --import tsx --test server/src/deployment/yarn-session-sql.int.test.ts
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { isTerminalRunStatus, type Cluster } from '@weir/contract';
import { makePrincipal, type Principal } from '../access/principal.js';
import { AppError } from '../errors/errors.js';
import { JobManagerClient } from '../flink/job-manager.client.js';
import { waitUntil } from '../test-support/flink.js';
import { startWeirOnYarn, type WeirOnYarn } from '../test-support/yarn-weir.js';
import { YARN_LIVE_STATES } from '../yarn/yarn-applications.js';

const operator: Principal = makePrincipal({ kind: 'user', id: 'u-yarn-session-sql', name: 'rin' }, 'operator');
let onYarn: WeirOnYarn | undefined;
const log = (line: string): void => console.log(`[yarn-session-sql-it] ${line}`);
const seconds = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`;

after(async () => {
  // A failed assertion must leave no session, application or daemon behind.
  await onYarn?.release();
});

// The version says parallelism 1 and checkpoints every 5 s; the script's SETs say otherwise, and win.
const SCRIPT = `SET 'parallelism.default' = '2';
SET 'execution.checkpointing.interval' = '3 s';
CREATE TABLE src (id BIGINT, note STRING) WITH ('connector' = 'datagen', 'rows-per-second' = '5');
CREATE TABLE sink (id BIGINT, note STRING) WITH ('connector' = 'blackhole');
INSERT INTO sink SELECT id, note FROM src;
`;

/** The jars uploaded to the JobManager and not deleted (Flink's GET /jars). */
async function jarsOn(session: Cluster): Promise<unknown[]> {
  const res = await fetch(`${session.restUrl}/jars`);
  assert.equal(res.status, 200);
  return ((await res.json()) as { files: unknown[] }).files;
}

test("a SQL task on a YARN session runs Weir's SQL runner on its JobManager under Weir's job id with the script's SETs, stops with a savepoint, and a statement Flink refuses is refused with its reason", { timeout: 25 * 60_000 }, async () => {
  const started = Date.now();
  onYarn = await startWeirOnYarn('yarn-session-sql-it', log);
  const { yarn, rm, cluster: yarnEntry, weir: { services } } = onYarn;

  // 1. One session for the file, 2 slots per TaskManager so the SET parallelism of 2 fits one TaskManager.
  const startAt = Date.now();
  const starting = await services.yarnSessions.start(operator, yarnEntry.id, { name: 'sql-session', slotsPerTaskManager: 2, jobManagerMemoryMb: 1024, taskManagerMemoryMb: 1024 });
  const session: Cluster = await waitUntil('the session RUNNING', 8 * 60_000, async () => {
    const now = await services.clusters.get(starting.id);
    if (now.yarnSession?.state === 'FAILED') assert.fail(`the session failed: ${now.lastError}`);
    return now.yarnSession?.state === 'RUNNING' && now.health === 'HEALTHY' ? now : undefined;
  }, 500);
  log(`session RUNNING ${seconds(startAt)} after the request (JobManager ${session.restUrl})`);
  const jm = new JobManagerClient({ baseUrl: session.restUrl, timeoutMs: 30_000 });

  // 2. The SQL task: RUNNING under Weir's job id, named after the task, the SETs applied.
  const savepointDir = `file://${join(yarn.workDir, 'session-savepoints')}`;
  const task = await services.tasksService.create(operator, {
    name: 'session-sql-datagen',
    kind: 'SQL',
    clusterId: session.id,
    sql: SCRIPT,
    config: { savepointStrategy: 'none', parallelism: 1, checkpointIntervalMs: 5_000, flinkOptions: { 'state.savepoints.dir': savepointDir } },
  });
  await services.tasksService.publish(operator, task.id, 'for the test', { unvalidated: true });
  const submittedAt = Date.now();
  const online = await services.operations.online(operator, task.id);
  log(`online answered ${seconds(submittedAt)} after the request`);
  const run = await waitUntil('the SQL run RUNNING', 6 * 60_000, async () => {
    const now = await services.runs.get(online.newRunId!);
    if (now && isTerminalRunStatus(now.status)) assert.fail(`the run ended ${now.status}: ${JSON.stringify(await services.runs.listTransitions(now.id))}`);
    return now?.status === 'RUNNING' ? now : undefined;
  }, 500);
  log(`SQL run RUNNING ${seconds(submittedAt)} after the submission`);
  assert.equal(run.clusterId, session.id);
  assert.equal(run.yarnApplicationId, null, 'a session run is not an application of its own');
  const job = await jm.job(run.flinkJobId);
  assert.equal(job.state, 'RUNNING', "Flink reports the job under Weir's job id");
  assert.equal(job.name, 'session-sql-datagen', 'pipeline.name from the jar run\'s flinkConfiguration names the job');
  assert.deepEqual([...new Set(job.vertices.map((v) => v.parallelism))], [2], "the script's SET 'parallelism.default' wins over the version's 1");
  const checkpointing = await jm.checkpointConfig(run.flinkJobId);
  assert.equal(checkpointing?.interval, 3_000, "the script's SET checkpoint interval wins over the version's 5 s");
  assert.equal(checkpointing?.externalization?.enabled, true, "the version's retained checkpoints");
  assert.deepEqual(await jarsOn(session), [], 'the runner jar is deleted once the job runs');
  await waitUntil("all the job's tasks running", 5 * 60_000, async () => {
    const now = (await jm.jobsOverview()).find((j) => j.jid === run.flinkJobId);
    return now && now.tasks.total !== undefined && now.tasks.running === now.tasks.total ? now : undefined;
  }, 500);

  // 3. Stop with a savepoint: FINISHED in Flink's words, the savepoint written; the session stays up.
  const stopAt = Date.now();
  const stopped = await services.operations.stop(operator, run.id, { withSavepoint: true });
  log(`stop with savepoint answered in ${seconds(stopAt)}: ${stopped.message}`);
  assert.equal(stopped.status, 'FINISHED');
  const savepointPath = stopped.savepoint?.path ?? assert.fail('the stop recorded no savepoint path');
  // Flink answers file:/… where the version said file:///….
  const savepointFolder = savepointPath.replace(/^file:\/*/, '/');
  assert.ok(savepointFolder.startsWith(join(yarn.workDir, 'session-savepoints')), `in the version's savepoint folder: ${savepointPath}`);
  assert.ok(existsSync(join(savepointFolder, '_metadata')), `the savepoint was written: ${savepointPath}`);
  const ended = await waitUntil('the stopped run recorded as ended', 60_000, async () => {
    const now = await services.runs.get(run.id);
    return now && isTerminalRunStatus(now.status) ? now : undefined;
  }, 250);
  assert.equal(ended.status, 'FINISHED');
  assert.equal((await jm.job(run.flinkJobId)).state, 'FINISHED');

  // 4. A statement Flink refuses: the submission is refused naming the statement and Flink's reason, nothing runs.
  const bad = await services.tasksService.create(operator, {
    name: 'session-sql-unknown-table',
    kind: 'SQL',
    clusterId: session.id,
    sql: "CREATE TABLE sink (id BIGINT) WITH ('connector' = 'blackhole');\nINSERT INTO sink\nSELECT id FROM nowhere;\n",
    config: { savepointStrategy: 'none' },
  });
  await services.tasksService.publish(operator, bad.id, 'for the test', { unvalidated: true });
  const jobsBefore = (await jm.jobsOverview()).map((j) => j.jid);
  const badAt = Date.now();
  const refusal = await services.operations.online(operator, bad.id).then(
    () => assert.fail('a script naming a table that does not exist was accepted'),
    (err: unknown) => err,
  );
  log(`the bad script was refused in ${seconds(badAt)}: ${(refusal as Error).message}`);
  assert.ok(refusal instanceof AppError && refusal.code === 'FLINK_REJECTED', String(refusal));
  assert.match(refusal.message, /^Flink rejected statement 2 \(line 3, column \d+\): .*Object 'nowhere' not found/);
  const badRuns = await services.runs.listByTask(bad.id);
  assert.equal(badRuns.total, 1);
  const badRun = badRuns.items[0]!;
  assert.equal(badRun.status, 'FAILED', 'the run ends FAILED with the reason');
  const failedNote = (await services.runs.listTransitions(badRun.id)).find((t) => t.toStatus === 'FAILED')?.note ?? '';
  assert.match(failedNote, /Object 'nowhere' not found/);
  assert.deepEqual((await jm.jobsOverview()).map((j) => j.jid), jobsBefore, 'no job was started');
  assert.deepEqual(await jarsOn(session), [], 'the runner jar is deleted after the refusal too');

  // 5. The session stops with nothing of Weir's running on it; nothing left on YARN.
  const result = await services.yarnSessions.stop(operator, session.id, false);
  assert.equal(result.cluster.yarnSession?.state, 'STOPPED');
  assert.deepEqual(await rm.applications({ states: YARN_LIVE_STATES }), [], 'nothing left running on YARN');
  log(`whole test ${seconds(started)}`);
});
