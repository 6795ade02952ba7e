import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { decodeSqlRunnerArgs, SQL_RUNNER_MAIN_CLASS } from '@weir/flink-local';
import { ConflictError, FlinkRejectedError, InputError } from '../errors/errors.js';
import type { FlinkClients } from '../flink/flink-clients.js';
import type { JarFilesStore } from '../tasks/jar-files.store.js';
import { DEFAULT_TASK_CONFIG, encodeJar } from '../tasks/task-config.js';
import type { Deployment } from './deployment-target.js';
import { SessionTarget } from './session-target.js';

const cluster = { id: 'c1', name: 'prod', restUrl: 'http://jm.invalid:8081', gatewayUrl: 'http://gw.invalid:8083' };
const asked: string[] = [];
/** Counts every client asked for: the refusals below must come before Flink is reached. */
const flink = {
  jobManager: () => (asked.push('jobManager'), { jobExists: async () => false }),
  sqlGateway: () => (asked.push('sqlGateway'), {}),
} as unknown as FlinkClients;
const noJars = { read: async () => null } as unknown as JarFilesStore;

function deployment(over: Partial<Deployment>): Deployment {
  return { jobId: 'a'.repeat(32), taskName: 't', kind: 'SQL', content: '', config: { ...DEFAULT_TASK_CONFIG, executionMode: 'STREAMING' }, restore: null, ...over };
}

test('a script without a job statement is refused with its position before the SQL Gateway is asked', async () => {
  asked.length = 0;
  const target = new SessionTarget(cluster, { flink, jars: noJars });
  await assert.rejects(target.submit(deployment({ content: "SET 'parallelism.default' = '2';" })), (err: unknown) => {
    assert.ok(err instanceof InputError);
    assert.match(err.message, /^The script cannot be submitted: .*\(line \d+, column \d+\)$/);
    return true;
  });
  assert.deepEqual(asked, []);
});

test('a jar Weir no longer stores is a conflict, and nothing is uploaded', async () => {
  asked.length = 0;
  const target = new SessionTarget(cluster, { flink, jars: noJars });
  const content = encodeJar({ jarId: 'b'.repeat(64), entryClass: null, args: [] });
  await assert.rejects(target.submit(deployment({ kind: 'JAR', content })), (err: unknown) => err instanceof ConflictError && /no longer stored in Weir/.test(err.message));
  assert.deepEqual(asked, []);
});

test('whether the job reached Flink is the JobManager\'s answer', async () => {
  const target = new SessionTarget(cluster, { flink, jars: noJars });
  assert.equal(await target.knowsJob('a'.repeat(32)), false);
});

/** A YARN session's JobManager that records what it is asked; `runFails` is Flink's answer to the jar run. */
function yarnSessionJobManager(runFails?: FlinkRejectedError) {
  const calls: { uploaded?: { fileName: string; bytes: number }; run?: Record<string, unknown>; deleted?: string; probes: number } = { probes: 0 };
  const jm = {
    probe: async () => (calls.probes++, { flinkVersion: '1.20.1' }),
    uploadJar: async (fileName: string, content: Uint8Array) => ((calls.uploaded = { fileName, bytes: content.length }), 'up-1_weir.jar'),
    runJar: async (jarId: string, req: Record<string, unknown>) => {
      calls.run = { jarId, ...req };
      if (runFails) throw runFails;
      return req.jobId as string;
    },
    deleteJar: async (jarId: string) => { calls.deleted = jarId; },
    jobExists: async () => false,
  };
  return { flink: { jobManager: () => jm, sqlGateway: () => assert.fail('a YARN session has no SQL Gateway') } as unknown as FlinkClients, calls };
}

const runnerDir = mkdtempSync(join(tmpdir(), 'weir-session-target-'));
after(() => rmSync(runnerDir, { recursive: true, force: true }));
const runnerJar = join(runnerDir, 'weir-flink-sql-runner.jar');
writeFileSync(runnerJar, 'PK not really a jar');
const versionsAsked: string[] = [];
const yarnSession = { sqlRunnerJar: async (flinkVersion: string) => (versionsAsked.push(flinkVersion), runnerJar) };
const SCRIPT = "SET 'parallelism.default' = '3';\nCREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen');\nINSERT INTO sink SELECT id FROM src;";

test("a SQL task on a YARN session runs Weir's SQL runner for the session's Flink version on its JobManager, the SETs and Weir's job id in its options, the upload removed after", async () => {
  const { flink: fake, calls } = yarnSessionJobManager();
  const target = new SessionTarget(cluster, { flink: fake, jars: noJars }, { yarnSession });
  await target.submit(deployment({ content: SCRIPT, restore: { path: 'file:///sp/savepoint-1', source: 'savepoint' } }));
  assert.deepEqual(versionsAsked.splice(0), ['1.20.1'], "the runner is built for the version the session's JobManager runs");
  assert.deepEqual(calls.uploaded, { fileName: 'weir-flink-sql-runner.jar', bytes: 19 });
  const run = calls.run!;
  assert.equal(run.jobId, 'a'.repeat(32));
  assert.equal(run.entryClass, SQL_RUNNER_MAIN_CLASS);
  assert.deepEqual(decodeSqlRunnerArgs(run.args as string[]).statements, ["CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen')", 'INSERT INTO sink SELECT id FROM src']);
  assert.equal(run.savepointPath, 'file:///sp/savepoint-1');
  assert.equal(run.parallelism, undefined, "the jar run's parallelism would win over the script's SET");
  const conf = run.flinkConfiguration as Record<string, string>;
  assert.equal(conf['parallelism.default'], '3', "the script's SET");
  assert.equal(conf['pipeline.name'], 't');
  assert.equal(conf['$internal.pipeline.job-id'], 'a'.repeat(32));
  assert.equal(conf['execution.savepoint.path'], 'file:///sp/savepoint-1');
  assert.equal(calls.deleted, 'up-1_weir.jar');
});

test('a statement Flink refuses inside the runner comes back as that statement of the script, with its line and Flink\'s reason, and the upload is removed', async () => {
  const trace = "org.apache.flink.runtime.rest.handler.RestHandlerException: Could not execute application.\nCaused by: org.apache.flink.client.program.ProgramInvocationException: The main method caused an error: WEIR_SQL_RUNNER_FAILED: statement 1 of 1 (the job statement) failed: SQL validation failed. From line 1, column 32 to line 1, column 34: Object 'src' not found\nCaused by: java.lang.IllegalStateException: WEIR_SQL_RUNNER_FAILED: statement 1 of 1 (the job statement) failed: SQL validation failed. From line 1, column 32 to line 1, column 34: Object 'src' not found";
  const { flink: fake, calls } = yarnSessionJobManager(new FlinkRejectedError('JobManager rejected POST /jars/up-1_weir.jar/run: Could not execute application.', { status: 500, errors: ['Could not execute application.', trace] }));
  const target = new SessionTarget(cluster, { flink: fake, jars: noJars }, { yarnSession });
  await assert.rejects(target.submit(deployment({ content: "SET 'parallelism.default' = '3';\n\nINSERT INTO sink SELECT id FROM src;" })), (err: unknown) => {
    assert.ok(err instanceof FlinkRejectedError);
    assert.equal(err.message, "Flink rejected statement 2 (line 3, column 32): SQL validation failed. From line 3, column 32 to line 3, column 34: Object 'src' not found");
    return true;
  });
  assert.equal(calls.deleted, 'up-1_weir.jar');
  // A runner line naming a statement it was never given is not mapped into the script, but still said.
  const unplaced = yarnSessionJobManager(new FlinkRejectedError('JobManager rejected POST /jars/up-1_weir.jar/run: Could not execute application.', { status: 500, errors: ["Caused by: java.lang.IllegalStateException: WEIR_SQL_RUNNER_FAILED: statement 9 of 9 failed: Object 'src' not found"] }));
  await assert.rejects(new SessionTarget(cluster, { flink: unplaced.flink, jars: noJars }, { yarnSession }).submit(deployment({ content: SCRIPT })),
    (err: unknown) => err instanceof FlinkRejectedError && err.message === "Flink rejected the script: Statement 9 of 9 failed: Object 'src' not found");
  // A failure that is no statement's keeps Flink's own words.
  const other = yarnSessionJobManager(new FlinkRejectedError('JobManager rejected POST /jars/up-1_weir.jar/run: Could not execute application.', { status: 500, errors: ['Could not execute application.'] }));
  await assert.rejects(new SessionTarget(cluster, { flink: other.flink, jars: noJars }, { yarnSession }).submit(deployment({ content: SCRIPT })), /Could not execute application/);
  assert.equal(other.calls.deleted, 'up-1_weir.jar');
});

test('a script the SQL runner cannot be given is refused on a YARN session before a run is recorded; a session with a SQL Gateway leaves that to the gateway', () => {
  const onYarnSession = new SessionTarget(cluster, { flink, jars: noJars }, { yarnSession });
  assert.throws(() => onYarnSession.refuseUnsupported('SQL', 't', "SET 'a' 'b';\nINSERT INTO k SELECT 1;"), (err: unknown) => err instanceof InputError && /line 1, column 1/.test(err.message));
  assert.doesNotThrow(() => onYarnSession.refuseUnsupported('SQL', 't', SCRIPT));
  assert.doesNotThrow(() => new SessionTarget(cluster, { flink, jars: noJars }).refuseUnsupported('SQL', 't', "SET 'a' 'b';\nINSERT INTO k SELECT 1;"));
});
