// Integration test of stop with a savepoint and restart from it for YARN runs, on a real local YARN (the
// integration phase's, or one of its own when run alone: test-support/local-yarn.ts) and a test Weir. In application
// mode the JobManager is the job's own: Weir deploys it to stay up after its job, reads the savepoint's result
// there, then shuts the application down itself. Needs java and mvn (never skips); no session Flink.
// Run: node --import tsx --test server/src/deployment/yarn-savepoint.int.test.ts
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { after, test } from 'node:test';
import { isTerminalRunStatus } from '@weir/contract';
import { makePrincipal, type Principal } from '../access/principal.js';
import { JobManagerClient } from '../flink/job-manager.client.js';
import type { RunRecord } from '../runs/runs.store.js';
import { waitUntil } from '../test-support/flink.js';
import { startWeirOnYarn, type WeirOnYarn } from '../test-support/yarn-weir.js';
import { YARN_LIVE_STATES } from '../yarn/yarn-applications.js';
import { YARN_ENDED_STATES } from '../yarn/yarn-rm.client.js';

const actor: Principal = makePrincipal({ kind: 'user', id: 'u-yarn-sp', name: 'yuki' }, 'operator');
let onYarn: WeirOnYarn | undefined;
const log = (line: string): void => console.log(`[yarn-savepoint-it] ${line}`);

after(async () => {
  // A failed assertion must leave no application or daemon behind.
  await onYarn?.release();
});

test('a YARN run stopped with a savepoint ends FINISHED with the savepoint recorded, its application ends FINISHED, and a restart from that savepoint runs restored in a new application', { timeout: 20 * 60_000 }, async () => {
  const started = Date.now();
  onYarn = await startWeirOnYarn('yarn-savepoint-it', log);
  const { yarn, rm, flinkYarn, cluster, weir: { services } } = onYarn;

  // The containers run on this machine, so a local folder is one both they and Weir reach.
  const savepointDir = `file://${join(yarn.workDir, 'savepoints')}`;
  const jar = await services.tasksService.uploadJar(actor, basename(flinkYarn.flink.examples.topSpeedWindowing), new Uint8Array(readFileSync(flinkYarn.flink.examples.topSpeedWindowing)));
  const task = await services.tasksService.create(actor, {
    name: 'yarn-top-speed-sp',
    kind: 'JAR',
    clusterId: cluster.id,
    jar: { jarId: jar.id },
    config: { savepointStrategy: 'none', checkpointIntervalMs: 5_000, flinkOptions: { 'state.savepoints.dir': savepointDir } },
  });
  await services.tasksService.publish(actor, task.id, 'for the test');

  /** Waits for a run RUNNING as its own JobManager reports it, at a RUNNING application. */
  const runningOnYarn = async (runId: string): Promise<{ run: RunRecord; jm: JobManagerClient }> => {
    const run = await waitUntil('the run RUNNING with its application and JobManager', 8 * 60_000, async () => {
      const now = await services.runs.get(runId);
      if (now && isTerminalRunStatus(now.status)) assert.fail(`the run ended ${now.status}: ${JSON.stringify(await services.runs.listTransitions(now.id))}`);
      return now?.status === 'RUNNING' && now.yarnApplicationId && now.jobManagerUrl ? now : undefined;
    }, 500);
    assert.equal((await rm!.application(run.yarnApplicationId!))?.state, 'RUNNING');
    const jm = new JobManagerClient({ baseUrl: run.jobManagerUrl!, timeoutMs: 30_000 });
    assert.equal((await jm.job(run.flinkJobId)).state, 'RUNNING');
    // The job is RUNNING before YARN has given its TaskManager a container; a savepoint needs its tasks running.
    await waitUntil('all the job\'s tasks running', 5 * 60_000, async () => {
      const job = (await jm.jobsOverview()).find((j) => j.jid === run.flinkJobId);
      return job && job.tasks.total !== undefined && job.tasks.running === job.tasks.total ? job : undefined;
    }, 500);
    return { run, jm };
  };

  const submittedAt = Date.now();
  const online = await services.operations.online(actor, task.id);
  const first = await runningOnYarn(online.newRunId!);
  log(`first run RUNNING ${((Date.now() - submittedAt) / 1000).toFixed(1)} s after the submission (application ${first.run.yarnApplicationId})`);

  // 1. Stop with a savepoint, as the run page's Stop does: the savepoint's result is read at the JobManager,
  // which stays up after the job; Weir then ends the application.
  const stopAt = Date.now();
  const stopped = await services.operations.stop(actor, first.run.id, { withSavepoint: true });
  log(`stop with savepoint answered in ${((Date.now() - stopAt) / 1000).toFixed(1)} s: ${stopped.message}`);
  assert.equal(stopped.status, 'FINISHED', "Flink's status for a job stopped with a savepoint");
  const savepointPath = stopped.savepoint?.path ?? assert.fail('the stop recorded no savepoint path');
  // Flink writes the URI as file:/… (one slash).
  const savepointFolder = savepointPath.replace(/^file:\/*/, '/');
  assert.ok(savepointFolder.startsWith(join(yarn.workDir, 'savepoints')), `the savepoint is in the task's folder: ${savepointPath}`);
  assert.ok(existsSync(join(savepointFolder, '_metadata')), 'the savepoint was written');
  const recorded = (await services.operations.listSavepoints(first.run.id)).find((s) => s.kind === 'STOP_WITH_SAVEPOINT');
  assert.equal(recorded?.status, 'COMPLETED');
  assert.equal(recorded?.path, savepointPath);
  const ended = await waitUntil('the stopped run recorded as ended', 60_000, async () => {
    const now = await services.runs.get(first.run.id);
    return now && isTerminalRunStatus(now.status) ? now : undefined;
  }, 250);
  assert.equal(ended.status, 'FINISHED');
  assert.equal((await services.runs.listTransitions(ended.id)).at(-1)?.source, 'flink', "the end is Flink's own word, read at the JobManager");
  const app = await waitUntil('YARN to report the stopped application ended', 2 * 60_000, async () => {
    const now = await rm!.application(first.run.yarnApplicationId!);
    return now && YARN_ENDED_STATES.has(now.state) ? now : undefined;
  }, 250);
  log(`application ended ${app.state}/${app.finalStatus} ${((Date.now() - stopAt) / 1000).toFixed(1)} s after the stop was asked`);
  assert.equal(app.state, 'FINISHED', "Flink's graceful shutdown, not a kill");
  assert.deepEqual(await rm.applications({ states: YARN_LIVE_STATES }), [], 'nothing left running on YARN');

  // 2. Restart from that savepoint, as the run page's Restart does: a new application, its job restored.
  const restartAt = Date.now();
  const restarted = await services.operations.restart(actor, first.run.id, { from: 'savepoint', savepointPath });
  assert.equal(restarted.restoredFrom, savepointPath);
  const second = await runningOnYarn(restarted.newRunId!);
  log(`restarted run RUNNING ${((Date.now() - restartAt) / 1000).toFixed(1)} s after the restart (application ${second.run.yarnApplicationId})`);
  assert.notEqual(second.run.yarnApplicationId, first.run.yarnApplicationId, 'a new YARN application');
  const restoredFrom = await waitUntil('Flink to report where the job restored from', 60_000, () => second.jm.restoredFrom(second.run.flinkJobId).then((p) => p ?? undefined), 500);
  assert.equal(restoredFrom, savepointPath, "Flink's checkpoint statistics name the savepoint as the restored state");

  // 3. Cancelled from Weir: the end is read at the JobManager, then the application is ended.
  const cancelled = await services.operations.cancel(actor, second.run.id);
  assert.equal(cancelled.status, 'CANCELED');
  const secondApp = await waitUntil('YARN to report the cancelled application ended', 2 * 60_000, async () => {
    const now = await rm!.application(second.run.yarnApplicationId!);
    return now && YARN_ENDED_STATES.has(now.state) ? now : undefined;
  }, 250);
  log(`after the cancel YARN reports ${secondApp.state}/${secondApp.finalStatus}`);
  assert.equal(secondApp.state, 'FINISHED');
  await services.operations.deploymentsSettled();
  assert.deepEqual(await rm.applications({ states: YARN_LIVE_STATES }), [], 'nothing left running on YARN');
  log(`whole test ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
