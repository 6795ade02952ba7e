import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeSqlRunnerArgs, SQL_RUNNER_MAIN_CLASS } from '@weir/flink-local';
import { InputError } from '../errors/errors.js';
import { DEFAULT_TASK_CONFIG } from '../tasks/task-config.js';
import type { Deployment } from './deployment-target.js';
import { sqlRunnerArguments, sqlRunnerRun } from './sql-runner-run.js';

const JOB_ID = 'ab'.repeat(16);

function deployment(content: string, over: Partial<Deployment> = {}): Deployment {
  return {
    jobId: JOB_ID, taskName: 'orders', kind: 'SQL', content, restore: null,
    config: { ...DEFAULT_TASK_CONFIG, executionMode: 'STREAMING', parallelism: 2, checkpointIntervalMs: 5_000, flinkOptions: { 'pipeline.name': 'from-options', 'state.savepoints.dir': 'file:///sp' } },
    ...over,
  };
}

test("the runner gets the script's statements without its SETs, in order, the job last, and the SETs as options in script order", () => {
  const script = [
    "SET 'parallelism.default' = '3';",
    "CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen');",
    "SET 'execution.checkpointing.interval' = '7 s';",
    "RESET 'parallelism.default';",
    "SET 'parallelism.default' = '4';",
    "CREATE TABLE sink (id BIGINT) WITH ('connector' = 'blackhole');",
    'INSERT INTO sink SELECT id FROM src;',
  ].join('\n');
  const run = sqlRunnerRun(deployment(script));
  assert.equal(run.entryClass, SQL_RUNNER_MAIN_CLASS);
  assert.equal('parallelism' in run, false, 'no parallelism beside the options, where it would undo a SET');
  assert.deepEqual(decodeSqlRunnerArgs(run.programArgs), {
    mode: 'streaming',
    statements: [
      "CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen')",
      "CREATE TABLE sink (id BIGINT) WITH ('connector' = 'blackhole')",
      'INSERT INTO sink SELECT id FROM src',
    ],
  });
  assert.equal(run.flinkConfig['parallelism.default'], '4', 'the last SET of a key wins over the version\'s parallelism');
  assert.equal(sqlRunnerRun(deployment('INSERT INTO k SELECT 1;')).flinkConfig['parallelism.default'], '2', "without a SET: the version's parallelism");
  assert.equal(run.flinkConfig['execution.checkpointing.interval'], '7 s', "a SET wins over the version's checkpoint interval");
  assert.equal(run.flinkConfig['pipeline.name'], 'orders', 'the job is named after its task');
  assert.equal(run.flinkConfig['state.savepoints.dir'], 'file:///sp', "the version's own options are kept");
  assert.equal(run.flinkConfig['$internal.pipeline.job-id'], JOB_ID);
  assert.equal(run.flinkConfig['execution.savepoint.path'], undefined, 'no restore: no savepoint');
  assert.equal(run.plan.planned.length, 3, 'each argument knows the statement it came from');
});

test("Weir's job id and the restore's savepoint win over a script that SETs them", () => {
  const script = [
    "SET '$internal.pipeline.job-id' = '00000000000000000000000000000000';",
    "SET 'execution.savepoint.path' = 'file:///elsewhere';",
    "SET 'pipeline.name' = 'renamed';",
    "INSERT INTO k SELECT 1;",
  ].join('\n');
  const run = sqlRunnerRun(deployment(script, { restore: { path: 'file:///sp/savepoint-1', source: 'savepoint' } }));
  assert.equal(run.flinkConfig['$internal.pipeline.job-id'], JOB_ID);
  assert.equal(run.flinkConfig['execution.savepoint.path'], 'file:///sp/savepoint-1');
  assert.equal(run.flinkConfig['pipeline.name'], 'renamed', 'a SET may still name the job, as through the SQL Gateway');
  // Without a restore, a script's own savepoint path stays: Weir enforces only what it chose.
  assert.equal(sqlRunnerRun(deployment(script)).flinkConfig['execution.savepoint.path'], 'file:///elsewhere');
});

test('a batch version runs the runner in batch mode', () => {
  const run = sqlRunnerRun(deployment('INSERT INTO k SELECT 1;', { config: { ...DEFAULT_TASK_CONFIG, executionMode: 'BATCH' } }));
  assert.equal(decodeSqlRunnerArgs(run.programArgs).mode, 'batch');
  assert.equal(run.flinkConfig['execution.runtime-mode'], 'batch');
});

test('a script that cannot be planned, or whose SET Weir cannot read, is refused with its position', () => {
  assert.throws(() => sqlRunnerRun(deployment("CREATE TABLE t (a INT) WITH ('connector' = 'datagen');")), (err: unknown) => err instanceof InputError && /starts no Flink job.*\(line 1, column \d+\)/.test(err.message));
  assert.throws(() => sqlRunnerArguments("SET 'a' 'b';\nINSERT INTO k SELECT 1;", 'streaming'), (err: unknown) => err instanceof InputError && /\(line 1, column 1\)/.test(err.message));
});

test('a SQL script too large to hand over is refused before anything runs', () => {
  const huge = `INSERT INTO k SELECT '${'x'.repeat(100 * 1024)}';`;
  assert.throws(() => sqlRunnerArguments(huge, 'streaming'), (err: unknown) => err instanceof InputError && /too large to deploy to YARN/.test(err.message));
  const many = Array.from({ length: 12 }, (_, i) => `CREATE TABLE t${i} (a STRING COMMENT '${'y'.repeat(90 * 1024)}');`).join('\n');
  assert.throws(() => sqlRunnerArguments(`${many}\nINSERT INTO k SELECT 1;`, 'batch'), InputError);
  assert.doesNotThrow(() => sqlRunnerArguments(`INSERT INTO k SELECT '${'x'.repeat(90 * 1024)}';`, 'batch'));
});
