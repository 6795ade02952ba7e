// Integration test of a SQL task on a YARN entry, end to end on a real local YARN (the integration phase's, or one
// of its own when run alone: test-support/local-yarn.ts) and a test Weir: the script is deployed as ONE YARN application running
// Weir's SQL runner (flink-local/sql-runner), its job under Weir's job id and named after the task, and a stop with a
// savepoint ends it FINISHED with the savepoint recorded and the application ended; a script whose INSERT names a
// table that does not exist fails inside its application, and the run's note says which statement and why (the SQL
// runner's line in the JobManager's files), not only YARN's exit code. Needs java and mvn (never skips).
// Run: node --import tsx --test server/src/deployment/yarn-sql.int.test.ts
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { isTerminalRunStatus } from '@weir/contract';
import { makePrincipal, type Principal } from '../access/principal.js';
import { JobManagerClient } from '../flink/job-manager.client.js';
import { waitUntil } from '../test-support/flink.js';
import { startWeirOnYarn, type WeirOnYarn } from '../test-support/yarn-weir.js';
import { YARN_LIVE_STATES } from '../yarn/yarn-applications.js';
import { YARN_ENDED_STATES } from '../yarn/yarn-rm.client.js';

const actor: Principal = makePrincipal({ kind: 'user', id: 'u-yarn-sql', name: 'yuki' }, 'operator');
let onYarn: WeirOnYarn | undefined;
let starting: Promise<WeirOnYarn> | undefined;
/** One YARN and one Weir for the file's tests: YARN's start is the longest part of each. */
const weirOnYarn = (): Promise<WeirOnYarn> => (starting ??= startWeirOnYarn('yarn-sql-it', log).then((started) => (onYarn = started)));
const log = (line: string): void => console.log(`[yarn-sql-it] ${line}`);

after(async () => {
  // A failed assertion must leave no application or daemon behind.
  await onYarn?.release();
});

const SCRIPT = `-- a quote ' and a dash -- that no command line may see as such
SET 'table.exec.resource.default-parallelism' = '1';
CREATE TABLE src (id BIGINT, note STRING) WITH ('connector' = 'datagen', 'rows-per-second' = '5');
CREATE TABLE sink (id BIGINT, note STRING) WITH ('connector' = 'blackhole');
INSERT INTO sink SELECT id, note FROM src;
`;

test('a SQL task on a YARN entry runs as one YARN application under Weir\'s job id and the task\'s name, and a stop with a savepoint ends it with its application', { timeout: 20 * 60_000 }, async () => {
  const started = Date.now();
  const { yarn, rm, cluster, weir: { services } } = await weirOnYarn();

  // 1. A script that plans: one application, its job under Weir's id, named after the task.
  const savepointDir = `file://${join(yarn.workDir, 'savepoints')}`;
  const task = await services.tasksService.create(actor, {
    name: 'yarn-sql-datagen',
    kind: 'SQL',
    clusterId: cluster.id,
    sql: SCRIPT,
    config: { savepointStrategy: 'none', checkpointIntervalMs: 5_000, flinkOptions: { 'state.savepoints.dir': savepointDir } },
  });
  await services.tasksService.publish(actor, task.id, 'for the test', { unvalidated: true });
  const submittedAt = Date.now();
  const online = await services.operations.online(actor, task.id);
  const first = await services.runs.get(online.newRunId!);
  assert.equal(first?.status, 'INITIALIZING', 'the request answers while YARN deploys');
  const run = await waitUntil('the run RUNNING with its application and JobManager, or ended', 8 * 60_000, async () => {
    const now = await services.runs.get(online.newRunId!);
    return now && (isTerminalRunStatus(now.status) || (now.status === 'RUNNING' && now.yarnApplicationId && now.jobManagerUrl)) ? now : undefined;
  }, 500);
  if (isTerminalRunStatus(run.status)) assert.fail(`the run ended ${run.status}: ${JSON.stringify(await services.runs.listTransitions(run.id))}`);
  const deploySeconds = (Date.now() - submittedAt) / 1000;
  log(`SQL run RUNNING ${deploySeconds.toFixed(1)} s after the submission (application ${run.yarnApplicationId})`);
  const app = await rm.application(run.yarnApplicationId!);
  assert.equal(app?.state, 'RUNNING');
  assert.equal(app?.name, 'yarn-sql-datagen');
  assert.equal(app?.jobManagerUrl, run.jobManagerUrl);
  const jm = new JobManagerClient({ baseUrl: run.jobManagerUrl!, timeoutMs: 30_000 });
  const [only, ...others] = await jm.jobsOverview();
  assert.deepEqual(others, [], 'one job in the application');
  assert.equal(only?.jid, run.flinkJobId, "the job runs under Weir's job id");
  assert.equal(only?.name, 'yarn-sql-datagen', 'the job is named after the task');
  assert.equal((await jm.job(run.flinkJobId)).state, 'RUNNING', 'the status Flink reports');
  const transitions = await services.runs.listTransitions(run.id);
  assert.ok(transitions.some((t) => t.toStatus === 'RUNNING' && t.source === 'flink'), "RUNNING is Flink's own step");
  await waitUntil("all the job's tasks running", 5 * 60_000, async () => {
    const job = (await jm.jobsOverview()).find((j) => j.jid === run.flinkJobId);
    return job && job.tasks.total !== undefined && job.tasks.running === job.tasks.total ? job : undefined;
  }, 500);

  // 2. Stop with a savepoint: FINISHED in Flink's words, the savepoint recorded, the application ended by Weir.
  const stopAt = Date.now();
  const stopped = await services.operations.stop(actor, run.id, { withSavepoint: true });
  log(`stop with savepoint answered in ${((Date.now() - stopAt) / 1000).toFixed(1)} s: ${stopped.message}`);
  assert.equal(stopped.status, 'FINISHED');
  const savepointPath = stopped.savepoint?.path ?? assert.fail('the stop recorded no savepoint path');
  assert.ok(existsSync(join(savepointPath.replace(/^file:\/*/, '/'), '_metadata')), `the savepoint was written: ${savepointPath}`);
  const ended = await waitUntil('the stopped run recorded as ended', 60_000, async () => {
    const now = await services.runs.get(run.id);
    return now && isTerminalRunStatus(now.status) ? now : undefined;
  }, 250);
  assert.equal(ended.status, 'FINISHED');
  const endedApp = await waitUntil('YARN to report the stopped application ended', 2 * 60_000, async () => {
    const now = await rm.application(run.yarnApplicationId!);
    return now && YARN_ENDED_STATES.has(now.state) ? now : undefined;
  }, 250);
  log(`application ended ${endedApp.state}/${endedApp.finalStatus} ${((Date.now() - stopAt) / 1000).toFixed(1)} s after the stop was asked`);
  assert.equal(endedApp.state, 'FINISHED');
  await services.operations.deploymentsSettled();
  assert.deepEqual(await rm.applications({ states: YARN_LIVE_STATES }), [], 'nothing left running on YARN');
  log(`whole test ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

test('a SQL task whose INSERT names a table that does not exist ends FAILED, its note naming the statement and the missing table', { timeout: 15 * 60_000 }, async () => {
  const started = Date.now();
  const { rm, cluster, weir: { services } } = await weirOnYarn();
  const task = await services.tasksService.create(actor, {
    name: 'yarn-sql-missing-table',
    kind: 'SQL',
    clusterId: cluster.id,
    // Planned by Weir (it parses, it does not resolve tables); the table's absence is found by Flink's planner
    // in the runner, on the JobManager.
    sql: `CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5');
INSERT INTO no_such_sink_table SELECT id FROM src;
`,
    config: { savepointStrategy: 'none' },
  });
  await services.tasksService.publish(actor, task.id, 'for the test', { unvalidated: true });
  const online = await services.operations.online(actor, task.id);
  const ended = await waitUntil('the run to end', 8 * 60_000, async () => {
    const now = await services.runs.get(online.newRunId!);
    return now && isTerminalRunStatus(now.status) ? now : undefined;
  }, 500);
  log(`the run ended ${ended.status} ${((Date.now() - started) / 1000).toFixed(1)} s after it was asked for`);
  assert.equal(ended.status, 'FAILED');

  // What the run page shows: the last status-history entry, in English and as a code the web app translates.
  const detail = await services.runDetail.detail(ended.id);
  const last = detail.transitions.at(-1)!;
  log(`its note: ${last.note}`);
  assert.equal(last.toStatus, 'FAILED');
  assert.match(last.note ?? '', /^Statement 2 of 2 failed: .*no_such_sink_table/, 'the job statement (the second the runner ran) and the missing table');
  assert.equal(last.noteCode?.code, 'sqlStatementFailedOnYarn');
  assert.equal(last.noteCode?.params.statement, 2);
  assert.match(String(last.noteCode?.params.message), /no_such_sink_table/);
  const app = (await rm.application(ended.yarnApplicationId!))!;
  assert.equal(app.state, 'FAILED');
  assert.ok(app.diagnostics.trim().length > 0 && last.note!.includes(app.diagnostics.trim().slice(0, 40)), "YARN's diagnostics stay in the evidence");
  await services.operations.deploymentsSettled();
  assert.deepEqual(await rm.applications({ states: YARN_LIVE_STATES }), [], 'nothing left running on YARN');
  log(`whole test ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
