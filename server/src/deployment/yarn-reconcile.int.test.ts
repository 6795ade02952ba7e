// Integration test of what a Weir that stopped leaves on YARN, on a real local YARN (the integration phase's, or one
// of its own when run alone: test-support/local-yarn.ts) and Weir's own services over one database, stopped and
// started again as an operator's restart would: a run recorded INITIALIZING whose deployment went on without Weir
// (its application id never recorded) is adopted by the next Weir and reaches RUNNING in Flink's words; one that never
// reached YARN ends FAILED saying so; a restart from its latest checkpoint restores a new application from it; and an
// application of Weir's that outlived its run's recorded end is shut down by the next watcher cycle.
// Two deployments. Needs java and mvn (never skips); no session Flink.
// Run: node --import tsx --test server/src/deployment/yarn-reconcile.int.test.ts
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { after, test } from 'node:test';
import { isTerminalRunStatus } from '@weir/contract';
import { ensureFlinkYarnDistribution } from '@weir/flink-local';
import { makePrincipal, SYSTEM_PRINCIPAL, type Principal } from '../access/principal.js';
import { JobManagerClient } from '../flink/job-manager.client.js';
import { latestCheckpointOnDisk } from '../flink/state-paths.js';
import type { RunRecord } from '../runs/runs.store.js';
import { JarFilesStore } from '../tasks/jar-files.store.js';
import { parseVersionConfig } from '../tasks/task-config.js';
import { TaskVersionsStore } from '../tasks/task-versions.store.js';
import { waitUntil } from '../test-support/flink.js';
import { javaHomeOfPath, killLiveApplications, useLocalYarn, type TestYarn } from '../test-support/local-yarn.js';
import { startTestWeir, type TestWeir } from '../test-support/weir.js';
import { NEVER_REACHED_YARN } from '../watcher/yarn-reconcile.js';
import { YARN_ENDED_STATES, YarnResourceManagerClient } from '../yarn/yarn-rm.client.js';
import { YarnApplicationTarget } from './yarn-application-target.js';

const actor: Principal = makePrincipal({ kind: 'user', id: 'u-yarn-rec', name: 'rei' }, 'operator');
const log = (line: string): void => console.log(`[yarn-reconcile-it] ${line}`);
let yarn: TestYarn | undefined;
let rm: YarnResourceManagerClient | undefined;
let weir: TestWeir | undefined;

after(async () => {
  // A failed assertion must leave no application or daemon behind.
  await weir?.services.operations.deploymentsSettled().catch(() => undefined);
  await killLiveApplications(rm);
  await weir?.stop().catch(() => undefined);
  await yarn?.release();
});

const seconds = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`;

test('a Weir started after one that stopped mid-deployment adopts the application YARN got (RUNNING in Flink\'s words), fails the run YARN never got, restarts the adopted run from its latest checkpoint on YARN, and shuts down an application whose run ended while Weir was down', { timeout: 15 * 60_000 }, async () => {
  const started = Date.now();
  const flinkYarn = await ensureFlinkYarnDistribution({ flinkVersion: '1.20.1', log });
  yarn = await useLocalYarn('yarn-reconcile-it', log);
  rm = new YarnResourceManagerClient({ baseUrl: yarn.rmUrl, timeoutMs: 30_000 });
  log(`YARN ready after ${seconds(started)}`);
  const dataDir = join(yarn.workDir, 'weir');
  // A JobManager in a container on a busy machine answers slower than a session cluster's.
  const config = { flinkTimeoutMs: 10_000 };
  weir = await startTestWeir({ dataDir, config });
  const cluster = await weir.services.clusters.register(SYSTEM_PRINCIPAL, {
    name: 'local-yarn', kind: 'yarn', restUrl: yarn.rmUrl, yarn: { hadoopConfDir: yarn.confDir, queue: 'default', flinkVersion: '1.20.1' },
  });
  // The containers run on this machine, so a local folder is one both they and Weir reach.
  const checkpointDir = `file://${join(yarn.workDir, 'checkpoints')}`;
  const jar = await weir.services.tasksService.uploadJar(actor, basename(flinkYarn.flink.examples.topSpeedWindowing), new Uint8Array(readFileSync(flinkYarn.flink.examples.topSpeedWindowing)));
  const task = await weir.services.tasksService.create(actor, {
    name: 'yarn-top-speed-rec',
    kind: 'JAR',
    clusterId: cluster.id,
    jar: { jarId: jar.id },
    config: { savepointStrategy: 'none', checkpointIntervalMs: 2_000, flinkOptions: { 'execution.checkpointing.dir': checkpointDir } },
  });
  const published = await weir.services.tasksService.publish(actor, task.id, 'for the test');
  await weir.stop();

  // What a Weir that stopped mid-deployment left behind, recorded as JobSubmission records a run before its
  // target deploys it: one run whose deployment went on (Flink's CLI outlives the process that started it) and
  // reached YARN, its application id never recorded; and one whose deployment never reached YARN.
  const offline = await startTestWeir({ dataDir, config, background: false });
  const version = (await new TaskVersionsStore(offline.database).get(published.id)) ?? assert.fail('the published version');
  const recordInitializing = async (): Promise<RunRecord> => {
    const flinkJobId = randomBytes(16).toString('hex');
    const { run } = await offline.services.runs.upsertByJob({
      taskId: task.id, clusterId: cluster.id, flinkJobId, jobName: task.name, status: 'INITIALIZING', executionMode: 'STREAMING', versionId: version.id,
    });
    await offline.services.runs.makeLatest(run.id);
    await offline.services.runs.appendTransition(run.id, { toStatus: 'INITIALIZING', at: Date.now(), source: 'weir', note: { text: 'Submitted by rei', code: { code: 'submitted', params: { actor: 'rei', version: 1 } } } });
    return run;
  };
  const neverReached = await recordInitializing();
  const adoptedRun = await recordInitializing();
  await offline.stop();
  const deployAt = Date.now();
  const target = new YarnApplicationTarget(
    rm,
    { resourceManagerUrl: yarn.rmUrl, hadoopConfDir: yarn.confDir, queue: 'default', stagingDirectory: `file://${join(dataDir, 'yarn-deployments', 'staging')}` },
    { install: { flinkVersion: flinkYarn.flinkVersion, libDir: flinkYarn.libDir, javaHome: javaHomeOfPath() }, jars: new JarFilesStore(join(dataDir, 'jars')), workDir: join(yarn.workDir, 'work'), timeoutMs: 8 * 60_000, log },
  );
  const deployed = await target.deploy({ jobId: adoptedRun.flinkJobId, taskName: task.name, kind: 'JAR', content: version.content, config: parseVersionConfig(version), restore: null });
  log(`deployed without Weir in ${seconds(deployAt)}: ${deployed.applicationId}`);

  // Weir starts again.
  const restartAt = Date.now();
  weir = await startTestWeir({ dataDir, config });
  await weir.services.watchers.sync();
  const services = weir.services;
  const adopted = await waitUntil('the run left behind adopted and RUNNING', 3 * 60_000, async () => {
    const now = await services.runs.get(adoptedRun.id);
    if (now && isTerminalRunStatus(now.status)) assert.fail(`the adopted run ended ${now.status}: ${JSON.stringify(await services.runs.listTransitions(now.id))}`);
    return now?.status === 'RUNNING' && now.jobManagerUrl ? now : undefined;
  }, 250);
  log(`adopted and RUNNING ${seconds(restartAt)} after Weir started again`);
  assert.equal(adopted.yarnApplicationId, deployed.applicationId, 'the application YARN got, found by its job tag');
  assert.equal(adopted.jobManagerUrl, deployed.jobManagerUrl);
  const running = (await services.runs.listTransitions(adopted.id)).find((t) => t.toStatus === 'RUNNING');
  assert.equal(running?.source, 'flink', "RUNNING is Flink's word, read at the application's JobManager");
  const jm = new JobManagerClient({ baseUrl: adopted.jobManagerUrl!, timeoutMs: 30_000 });
  assert.equal((await jm.job(adopted.flinkJobId)).state, 'RUNNING');

  const failed = await waitUntil('the run YARN never got ended', 60_000, async () => {
    const now = await services.runs.get(neverReached.id);
    return now && isTerminalRunStatus(now.status) ? now : undefined;
  }, 250);
  assert.equal(failed.status, 'FAILED');
  assert.equal(failed.submissionError, NEVER_REACHED_YARN, 'marked as a job id Flink never had');
  const last = (await services.runs.listTransitions(failed.id)).at(-1);
  assert.equal(last?.source, 'weir');
  assert.match(last?.note ?? '', /Weir stopped before the deployment reached YARN/);

  // Restart from the latest checkpoint: the adopted run's application ends (Weir shuts it down once the cancel is
  // recorded), and the new application restores the checkpoint from the folder both reach.
  await waitUntil('a completed checkpoint of the adopted run', 3 * 60_000, () => jm.latestCheckpointPath(adopted.flinkJobId).then((p) => p ?? undefined), 500);
  const restartedAt = Date.now();
  const restarted = await services.operations.restart(actor, adopted.id, { from: 'latest-checkpoint' });
  log(`restart answered in ${seconds(restartedAt)}: ${restarted.message}`);
  const checkpointPath = restarted.restoredFrom ?? assert.fail('the restart named no checkpoint');
  assert.match(checkpointPath, new RegExp(`${adopted.flinkJobId}/chk-\\d+$`));
  assert.equal(checkpointPath, latestCheckpointOnDisk(checkpointDir, adopted.flinkJobId), 'the checkpoint Flink kept after the cancel');
  const second = await waitUntil('the restarted run RUNNING in a new application', 4 * 60_000, async () => {
    const now = await services.runs.get(restarted.newRunId!);
    if (now && isTerminalRunStatus(now.status)) assert.fail(`the restarted run ended ${now.status}: ${JSON.stringify(await services.runs.listTransitions(now.id))}`);
    return now?.status === 'RUNNING' && now.jobManagerUrl ? now : undefined;
  }, 250);
  log(`restarted run RUNNING ${seconds(restartedAt)} after the restart was asked (application ${second.yarnApplicationId})`);
  assert.notEqual(second.yarnApplicationId, adopted.yarnApplicationId);
  const secondJm = new JobManagerClient({ baseUrl: second.jobManagerUrl!, timeoutMs: 30_000 });
  const restoredFrom = await waitUntil('Flink to report where the job restored from', 60_000, () => secondJm.restoredFrom(second.flinkJobId).then((p) => p ?? undefined), 500);
  assert.equal(restoredFrom.replace(/^file:\/*/, '/'), checkpointPath.replace(/^file:\/*/, '/'), "Flink's checkpoint statistics name the checkpoint as the restored state");
  const firstApp = await waitUntil('the adopted run\'s application ended', 2 * 60_000, async () => {
    const app = await rm!.application(adopted.yarnApplicationId!);
    return app && YARN_ENDED_STATES.has(app.state) ? app : undefined;
  }, 500);
  assert.equal(firstApp.state, 'FINISHED', "Flink's graceful shutdown");

  // Weir is down when the job ends, and the run's end is recorded without its application being shut down (the
  // shutdown failed): the application holds its containers until the next Weir's watcher shuts it down.
  await weir.stop();
  weir = undefined;
  await secondJm.cancel(second.flinkJobId);
  await waitUntil('the job CANCELED at its JobManager', 60_000, async () => ((await secondJm.job(second.flinkJobId)).state === 'CANCELED' ? true : undefined), 250);
  const recorder = await startTestWeir({ dataDir, config, background: false });
  const endedAt = Date.now();
  await recorder.services.runs.recordObservation(second.id, [{ toStatus: 'CANCELED', at: endedAt, source: 'flink' }], () => ({ status: 'CANCELED', endTime: endedAt }));
  await recorder.stop();
  assert.equal((await rm.application(second.yarnApplicationId!))?.state, 'RUNNING', 'the application outlived its run');
  const sweepAt = Date.now();
  weir = await startTestWeir({ dataDir, config });
  await weir.services.watchers.sync();
  const secondApp = await waitUntil('the leftover application ended', 2 * 60_000, async () => {
    const app = await rm!.application(second.yarnApplicationId!);
    return app && YARN_ENDED_STATES.has(app.state) ? app : undefined;
  }, 250);
  log(`leftover application ended ${secondApp.state}/${secondApp.finalStatus} ${seconds(sweepAt)} after Weir started again`);
  assert.equal(secondApp.state, 'FINISHED', 'shut down by its JobManager, not killed');
  assert.equal((await weir.services.runs.get(second.id))?.status, 'CANCELED', 'the recorded end stands');
  log(`whole test ${seconds(started)}`);
});
