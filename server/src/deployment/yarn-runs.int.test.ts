// Integration test of YARN runs end to end on a real local YARN (the integration phase's, or one of its own
// when run alone: test-support/local-yarn.ts) and a test Weir: a jar task on a YARN
// entry is deployed as a YARN application in the background (a SQL task: yarn-sql.int.test.ts), followed at its own JobManager, ended in YARN's
// words after a kill through YARN's REST, cancelled from Weir, and taken online and offline in bulk with a second task; a wrong queue or an address nothing answers at is refused when the entry is saved. Needs java and mvn (never skips); no session Flink.
// Run: node --import tsx --test server/src/deployment/yarn-runs.int.test.ts
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { after, test } from 'node:test';
import { isTerminalRunStatus } from '@weir/contract';
import { makePrincipal, type Principal } from '../access/principal.js';
import { AppError } from '../errors/errors.js';
import { JobManagerClient } from '../flink/job-manager.client.js';
import type { RunRecord } from '../runs/runs.store.js';
import { waitUntil } from '../test-support/flink.js';
import { startWeirOnYarn, type WeirOnYarn } from '../test-support/yarn-weir.js';
import { YARN_LIVE_STATES } from '../yarn/yarn-applications.js';
import { YARN_ENDED_STATES } from '../yarn/yarn-rm.client.js';

const actor: Principal = makePrincipal({ kind: 'user', id: 'u-yarn', name: 'yuki' }, 'operator');
let onYarn: WeirOnYarn | undefined;
const log = (line: string): void => console.log(`[yarn-runs-it] ${line}`);

after(async () => {
  // A failed assertion must leave no application or daemon behind.
  await onYarn?.release();
});

test('a jar task on a YARN entry runs as a YARN application that Weir follows, ends in YARN\'s words when YARN kills it, a cancel from Weir ends its application, and a jar failing at start ends FAILED with the reason', { timeout: 20 * 60_000 }, async () => {
  const started = Date.now();
  onYarn = await startWeirOnYarn('yarn-runs-it', log);
  const { yarn, rm, flinkYarn, cluster, weir: { services } } = onYarn;

  // Bad targets are refused when the entry is saved, each in its own words, against the real ResourceManager's
  // answers (its FIFO scheduler's one queue, its web address), and nothing is kept.
  const entriesBefore = (await services.clusters.list()).length;
  const badTarget = (name: string, restUrl: string, queue: string) =>
    services.clusters.register(makePrincipal({ kind: 'user', id: 'u-admin', name: 'ada' }, 'admin'), { name, kind: 'yarn', restUrl, yarn: { hadoopConfDir: yarn.confDir, queue, flinkVersion: '1.20.1' } });
  await assert.rejects(badTarget('yarn-bad-queue', yarn.rmUrl, 'no-such-queue'), (err: unknown) =>
    err instanceof AppError && err.code === 'YARN_QUEUE_UNKNOWN' && /has no queue no-such-queue; its queues: default$/.test(err.message));
  await assert.rejects(badTarget('yarn-bad-address', 'http://127.0.0.1:9', 'default'), (err: unknown) => err instanceof AppError && err.code === 'YARN_UNREACHABLE');
  assert.equal((await services.clusters.list()).length, entriesBefore, 'no entry kept for a refused target');

  // SQL tasks deploy too (yarn-sql.int.test.ts); a script the SQL runner cannot be given (a SET it cannot read) is
  // refused before any run is recorded.
  const sql = await services.tasksService.create(actor, { name: 'yarn-sql', kind: 'SQL', clusterId: cluster.id, sql: "SET 'a' 'b';\nSELECT 1;", config: { savepointStrategy: 'none' } });
  await services.tasksService.publish(actor, sql.id, 'for the test', { unvalidated: true });
  await assert.rejects(services.operations.online(actor, sql.id), (err: unknown) => err instanceof AppError && err.code === 'VALIDATION' && /cannot read this SET statement/.test(err.message));
  assert.equal((await services.runs.listByTask(sql.id)).total, 0);

  const jar = await services.tasksService.uploadJar(actor, basename(flinkYarn.flink.examples.topSpeedWindowing), new Uint8Array(readFileSync(flinkYarn.flink.examples.topSpeedWindowing)));
  const task = await services.tasksService.create(actor, { name: 'yarn-top-speed', kind: 'JAR', clusterId: cluster.id, jar: { jarId: jar.id }, config: { savepointStrategy: 'none' } });
  await services.tasksService.publish(actor, task.id, 'for the test');

  /** Submits, then waits for the run to be RUNNING as its own JobManager reports it, at the application YARN reports. */
  const runningOnYarn = async (): Promise<{ run: RunRecord; jm: JobManagerClient }> => {
    const submittedAt = Date.now();
    const online = await services.operations.online(actor, task.id);
    const first = await services.runs.get(online.newRunId!);
    assert.equal(first?.status, 'INITIALIZING', 'the request answers while YARN deploys');
    const run = await waitUntil('the run RUNNING with its application and JobManager', 8 * 60_000, async () => {
      const now = await services.runs.get(online.newRunId!);
      if (now && isTerminalRunStatus(now.status)) assert.fail(`the run ended ${now.status}: ${JSON.stringify(await services.runs.listTransitions(now.id))}`);
      return now?.status === 'RUNNING' && now.yarnApplicationId && now.jobManagerUrl ? now : undefined;
    }, 500);
    log(`run RUNNING ${((Date.now() - submittedAt) / 1000).toFixed(1)} s after the submission (application ${run.yarnApplicationId})`);
    const app = await rm!.application(run.yarnApplicationId!);
    assert.equal(app?.state, 'RUNNING');
    assert.equal(app?.jobManagerUrl, run.jobManagerUrl, 'the JobManager YARN reports');
    assert.equal(app?.queue, 'default');
    const jm = new JobManagerClient({ baseUrl: run.jobManagerUrl!, timeoutMs: 30_000 });
    assert.equal((await jm.job(run.flinkJobId)).state, 'RUNNING', "the status Flink reports, under Weir's job id");
    const transitions = await services.runs.listTransitions(run.id);
    assert.ok(transitions.some((t) => t.toStatus === 'RUNNING' && t.source === 'flink'), "RUNNING is Flink's own step");
    // The run page reads the job at the run's own JobManager and says where it runs.
    const detail = await services.runDetail.detail(run.id);
    assert.equal(detail.run.yarnApplicationId, run.yarnApplicationId);
    assert.equal(detail.run.jobManagerUrl, run.jobManagerUrl);
    assert.equal(detail.job.source, 'live');
    return { run, jm };
  };

  // 1. Killed through YARN's REST: the JobManager goes with it, and the run ends in YARN's words.
  const killed = await runningOnYarn();
  await rm.kill(killed.run.yarnApplicationId!);
  const ended = await waitUntil('the killed run to end', 2 * 60_000, async () => {
    const now = await services.runs.get(killed.run.id);
    return now && isTerminalRunStatus(now.status) ? now : undefined;
  }, 250);
  const yarnSays = (await rm.application(killed.run.yarnApplicationId!))!;
  log(`after the kill YARN reports ${yarnSays.state}/${yarnSays.finalStatus}; the run is ${ended.status}`);
  assert.equal(yarnSays.state, 'KILLED');
  assert.equal(ended.status, 'CANCELED');
  assert.ok(ended.endTime !== null);
  const last = (await services.runs.listTransitions(killed.run.id)).at(-1)!;
  assert.equal(last.source, 'yarn');
  assert.equal(last.toStatus, 'CANCELED');
  assert.equal(last.noteCode?.code, 'endedOnYarn');
  assert.equal(last.noteCode?.params.state, 'KILLED');
  assert.ok(yarnSays.diagnostics.length > 0 && last.note!.includes(yarnSays.diagnostics.trim().slice(0, 40)), `YARN's diagnostics in the evidence: ${last.note}`);

  // 2. Cancelled from Weir: through the run's own JobManager; the application ends with its job.
  const cancelled = await runningOnYarn();
  const result = await services.operations.cancel(actor, cancelled.run.id);
  assert.equal(result.status, 'CANCELED');
  const app = await waitUntil('YARN to report the cancelled application ended', 2 * 60_000, async () => {
    const now = await rm!.application(cancelled.run.yarnApplicationId!);
    return now && YARN_ENDED_STATES.has(now.state) ? now : undefined;
  }, 250);
  log(`after the cancel YARN reports ${app.state}/${app.finalStatus}`);
  // The JobManager outlives its job and the watcher ends it by Flink's graceful shutdown, which YARN reports
  // SUCCEEDED whatever the job's end: the run's CANCELED is Flink's word, read at the JobManager.
  assert.equal(app.state, 'FINISHED');
  assert.equal(app.finalStatus, 'SUCCEEDED');
  const final = await waitUntil('the cancelled run recorded as ended', 60_000, async () => {
    const now = await services.runs.get(cancelled.run.id);
    return now && isTerminalRunStatus(now.status) ? now : undefined;
  }, 250);
  assert.equal(final.status, 'CANCELED');
  assert.equal((await services.runs.listTransitions(final.id)).at(-1)?.source, 'flink');

  // 3. A jar that fails at start: its JobManager exits in the container, the CLI reports the application FAILED
  // during the deployment, and the run ends FAILED with that and YARN's diagnostics; nothing is left on YARN.
  // The missing class is named only in the JobManager container's log: the run's automatic capture reads it through YARN.
  const broken = await services.tasksService.create(actor, { name: 'yarn-no-such-class', kind: 'JAR', clusterId: cluster.id, jar: { jarId: jar.id, entryClass: 'org.example.NoSuchMain' }, config: { savepointStrategy: 'none' } });
  await services.tasksService.publish(actor, broken.id, 'for the test');
  const failing = await services.operations.online(actor, broken.id);
  const failed = await waitUntil('the broken run to end', 8 * 60_000, async () => {
    const now = await services.runs.get(failing.newRunId!);
    return now && isTerminalRunStatus(now.status) ? now : undefined;
  }, 500);
  const evidence = (await services.runs.listTransitions(failed.id)).at(-1)!;
  log(`the broken jar's run ended ${failed.status} (${evidence.source}): ${evidence.note?.slice(0, 300)}`);
  assert.equal(failed.status, 'FAILED');
  assert.match(evidence.note ?? '', /switched to state FAILED during deployment[\s\S]*Container exited with a non-zero exit code/, "the CLI's reason with YARN's diagnostics");
  assert.equal(failed.submissionError, evidence.noteCode?.params.message, 'the job never ran anywhere Weir could read it');
  await services.operations.deploymentsSettled();
  assert.ok(failed.yarnApplicationId, 'the failed run names its application, whose container logs say why it failed');
  {
    const capture = await waitUntil("the failed run's log capture", 2 * 60_000, async () => {
      const [latest] = (await services.logCaptures.list(failed.id)).captures;
      return latest && latest.status !== 'PENDING' ? latest : undefined;
    }, 500);
    const jmPart = capture.parts.find((p) => p.component === 'jobmanager' && p.kind === 'log');
    assert.ok(jmPart && jmPart.status === 'OK', `the JobManager's log is kept (${capture.status}: ${capture.failure ?? capture.parts.map((p) => `${p.component} ${p.kind} ${p.status} ${p.failure ?? ''}`).join('; ')})`);
    const jmText = (await services.logCaptures.partText(failed.id, capture.id, jmPart.seq, { mask: false })).text;
    assert.match(jmText, /org\.example\.NoSuchMain/, 'the capture names the class the jar lacks, which only the container log says');
    log(`the failed run's capture: ${capture.trigger} ${capture.status}, ${capture.parts.length} parts, ${capture.textBytes} bytes`);
  }

  // 4. Bulk online and offline: two tasks deployed at once (two of Flink's CLIs side by side, each its own
  // application), then both taken offline in one request, each ending its application.
  const second = await services.tasksService.create(actor, { name: 'yarn-top-speed-2', kind: 'JAR', clusterId: cluster.id, jar: { jarId: jar.id }, config: { savepointStrategy: 'none' } });
  await services.tasksService.publish(actor, second.id, 'for the test');
  const bulkOnline = await services.operations.bulk(actor, { action: 'online', taskIds: [task.id, second.id], from: 'default' });
  assert.deepEqual(bulkOnline.items.map((i) => [i.taskName, i.ok, i.error?.message ?? null]), [['yarn-top-speed', true, null], ['yarn-top-speed-2', true, null]]);
  const bulkRuns = await waitUntil('both bulk runs RUNNING, each on an application of its own', 8 * 60_000, async () => {
    const runs = await Promise.all(bulkOnline.items.map((i) => services.runs.get(i.result!.newRunId!)));
    for (const run of runs) if (run && isTerminalRunStatus(run.status)) assert.fail(`a bulk run ended ${run.status}: ${JSON.stringify(await services.runs.listTransitions(run.id))}`);
    return runs.every((run) => run?.status === 'RUNNING' && run.yarnApplicationId) ? runs.map((run) => run!) : undefined;
  }, 500);
  assert.notEqual(bulkRuns[0]!.yarnApplicationId, bulkRuns[1]!.yarnApplicationId);
  for (const run of bulkRuns) {
    const jm = new JobManagerClient({ baseUrl: run.jobManagerUrl!, timeoutMs: 30_000 });
    assert.equal((await jm.job(run.flinkJobId)).state, 'RUNNING', `${run.jobName} RUNNING at its own JobManager under Weir's job id`);
  }
  const bulkOffline = await services.operations.bulk(actor, { action: 'offline', taskIds: [task.id, second.id], from: 'default' });
  assert.deepEqual(bulkOffline.items.map((i) => [i.ok, i.result?.status ?? null]), [[true, 'CANCELED'], [true, 'CANCELED']]);
  for (const run of bulkRuns) {
    const ended = await waitUntil(`the application of ${run.jobName} ended after the bulk offline`, 2 * 60_000, async () => {
      const now = await rm!.application(run.yarnApplicationId!);
      return now && YARN_ENDED_STATES.has(now.state) ? now : undefined;
    }, 250);
    assert.equal(ended.state, 'FINISHED', "Flink's own shutdown, not a kill");
    assert.equal((await services.runs.get(run.id))?.status, 'CANCELED');
  }
  log(`bulk: both runs RUNNING on their own applications, both offline in one request`);

  assert.deepEqual(await rm.applications({ states: YARN_LIVE_STATES }), [], 'nothing left running on YARN');
  log(`whole test ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
