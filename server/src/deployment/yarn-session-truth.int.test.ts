// Integration test of what Weir tells of its YARN sessions when something happens without it, on a real local YARN
// (the integration phase's, or one of its own when run alone: test-support/local-yarn.ts) and Weir's own services
// over one database, stopped and started again as an operator's restart would: a session whose start went on after
// its Weir stopped (Flink's CLI outlives the process that started it) is adopted RUNNING by the next Weir, found by
// its own tag; one that never reached YARN ends FAILED saying so; one left STOPPING by a Weir that stopped mid-stop
// is RUNNING again while YARN runs it; and when the adopted session is killed through
// YARN's REST API while a jar job runs on it, the session ends FAILED in YARN's words and the run ends CANCELED from
// YARN's report, instead of the session being called unreachable. One session. Needs java and mvn (never skips).
// Run: node --import tsx --test server/src/deployment/yarn-session-truth.int.test.ts
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { after, test } from 'node:test';
import { isTerminalRunStatus, type YarnSessionResources } from '@weir/contract';
import { ensureFlinkYarnDistribution } from '@weir/flink-local';
import { makePrincipal, SYSTEM_PRINCIPAL, type Principal } from '../access/principal.js';
import { ClustersStore } from '../clusters/clusters.store.js';
import { JobManagerClient } from '../flink/job-manager.client.js';
import { waitUntil } from '../test-support/flink.js';
import { javaHomeOfPath, killLiveApplications, useLocalYarn, type TestYarn } from '../test-support/local-yarn.js';
import { startTestWeir, type TestWeir } from '../test-support/weir.js';
import { SESSION_NEVER_REACHED_YARN } from '../watcher/yarn-session-reconcile.js';
import { sessionDeployTag, WEIR_SESSION_TAG } from '../yarn/flink-yarn-cli.js';
import { YarnApplicationDeployer } from '../yarn/yarn-application-deployer.js';
import { YARN_ENDED_STATES, YarnResourceManagerClient } from '../yarn/yarn-rm.client.js';

const operator: Principal = makePrincipal({ kind: 'user', id: 'u-yarn-truth', name: 'kai' }, 'operator');
const log = (line: string): void => console.log(`[yarn-session-truth-it] ${line}`);
const seconds = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`;
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

test('a session whose start outlived its Weir is adopted RUNNING by the next Weir, one YARN never got ends FAILED, one left STOPPING while YARN runs it is RUNNING again, and a session killed through YARN ends FAILED in YARN\'s words with its run CANCELED by YARN\'s report', { timeout: 15 * 60_000 }, async () => {
  const started = Date.now();
  const flinkYarn = await ensureFlinkYarnDistribution({ flinkVersion: '1.20.1', log });
  yarn = await useLocalYarn('yarn-session-truth-it', log);
  rm = new YarnResourceManagerClient({ baseUrl: yarn.rmUrl, timeoutMs: 30_000 });
  log(`YARN ready after ${seconds(started)}`);
  const dataDir = join(yarn.workDir, 'weir');
  // A JobManager in a container on a busy machine answers slower than a session cluster's.
  const config = { flinkTimeoutMs: 10_000 };
  weir = await startTestWeir({ dataDir, config });
  const yarnEntry = await weir.services.clusters.register(SYSTEM_PRINCIPAL, {
    name: 'local-yarn', kind: 'yarn', restUrl: yarn.rmUrl, yarn: { hadoopConfDir: yarn.confDir, queue: 'default', flinkVersion: '1.20.1' },
  });
  await weir.stop();
  weir = undefined;

  // What a Weir that stopped while two sessions started left behind, recorded as YarnSessionsService.start records
  // a session before Flink's CLI runs: one whose start went on and reached YARN, one whose start never did.
  const offline = await startTestWeir({ dataDir, config, background: false });
  const store = new ClustersStore(offline.database);
  const resources: YarnSessionResources = { slotsPerTaskManager: 1, jobManagerMemoryMb: 1024, taskManagerMemoryMb: 1024 };
  const recordStarting = (name: string) => store.create({
    name, kind: 'session', restUrl: yarnEntry.restUrl, description: `YARN session on ${yarnEntry.name}`, isLocal: yarnEntry.isLocal, teamId: yarnEntry.teamId,
    yarnSession: { yarnClusterId: yarnEntry.id, applicationId: null, state: 'STARTING', resources },
  });
  const leftStarting = await recordStarting('left-starting');
  const neverReached = await recordStarting('never-reached');
  await offline.stop();
  const deployAt = Date.now();
  const deployer = new YarnApplicationDeployer(
    rm,
    { flinkVersion: flinkYarn.flinkVersion, libDir: flinkYarn.libDir, javaHome: javaHomeOfPath() },
    { resourceManagerUrl: yarn.rmUrl, hadoopConfDir: yarn.confDir, queue: 'default', stagingDirectory: `file://${join(dataDir, 'yarn-deployments', 'staging')}` },
  );
  // The start's own CLI, as the stopped Weir ran it: tagged with the session entry's id.
  const deployed = await deployer.deploySession({ name: leftStarting.name, ...resources }, { workDir: join(yarn.workDir, 'work'), timeoutMs: 8 * 60_000, deployTag: sessionDeployTag(leftStarting.id), log });
  log(`the session reached YARN without Weir in ${seconds(deployAt)}: ${deployed.applicationId}`);

  // 1. Weir starts again: the session YARN runs is adopted at its JobManager, the other fails saying why.
  const restartAt = Date.now();
  weir = await startTestWeir({ dataDir, config });
  const services = weir.services;
  await services.watchers.sync();
  const adopted = await waitUntil('the session left STARTING adopted, RUNNING and HEALTHY', 3 * 60_000, async () => {
    const now = await services.clusters.get(leftStarting.id);
    if (now.yarnSession?.state === 'FAILED') assert.fail(`the session left behind failed: ${now.lastError}`);
    return now.yarnSession?.state === 'RUNNING' && now.health === 'HEALTHY' ? now : undefined;
  }, 250);
  log(`adopted RUNNING and HEALTHY ${seconds(restartAt)} after Weir started again`);
  assert.equal(adopted.yarnSession?.applicationId, deployed.applicationId, 'the application YARN got, found by the session\'s own tag');
  assert.equal(adopted.restUrl, deployed.jobManagerUrl, 'the entry is at the JobManager YARN reports');
  const app = await rm.application(deployed.applicationId);
  assert.ok(app?.tags.includes(WEIR_SESSION_TAG) && app.tags.includes(sessionDeployTag(leftStarting.id)), `tagged as this entry's session: ${app?.tags}`);
  const failed = await waitUntil('the session YARN never got FAILED', 60_000, async () => {
    const now = await services.clusters.get(neverReached.id);
    return now.yarnSession?.state === 'FAILED' ? now : undefined;
  }, 250);
  assert.equal(failed.lastError, SESSION_NEVER_REACHED_YARN);
  assert.equal(failed.yarnSession?.applicationId, null);

  // 1b. A stop left behind: a Weir that stopped while it stopped the session left it STOPPING, and YARN still runs it.
  // Alone on its database, no stop is in progress anywhere: the entry is RUNNING again, which is true, and can be stopped again.
  const leftStopping = await new ClustersStore(services.database).updateSession(adopted.id, { state: 'STOPPING' }, ['RUNNING']);
  assert.equal(leftStopping?.yarnSession?.state, 'STOPPING');
  const stopLeftAt = Date.now();
  await waitUntil('the session left STOPPING RUNNING again', 60_000, async () => (await services.clusters.get(adopted.id)).yarnSession?.state === 'RUNNING' || undefined, 250);
  log(`a stop left behind: RUNNING again ${seconds(stopLeftAt)} later`);

  // 2. A jar job runs on the adopted session, as on one started by this Weir.
  const jar = await services.tasksService.uploadJar(operator, basename(flinkYarn.flink.examples.topSpeedWindowing), new Uint8Array(readFileSync(flinkYarn.flink.examples.topSpeedWindowing)));
  const task = await services.tasksService.create(operator, { name: 'truth-top-speed', kind: 'JAR', clusterId: adopted.id, jar: { jarId: jar.id }, config: { savepointStrategy: 'none' } });
  await services.tasksService.publish(operator, task.id, 'for the test');
  const submittedAt = Date.now();
  const online = await services.operations.online(operator, task.id);
  const run = await waitUntil('the job RUNNING on the adopted session', 6 * 60_000, async () => {
    const now = await services.runs.get(online.newRunId!);
    if (now && isTerminalRunStatus(now.status)) assert.fail(`the job ended ${now.status}: ${JSON.stringify(await services.runs.listTransitions(now.id))}`);
    return now?.status === 'RUNNING' ? now : undefined;
  }, 500);
  log(`job RUNNING ${seconds(submittedAt)} after its submission`);
  const jm = new JobManagerClient({ baseUrl: adopted.restUrl, timeoutMs: 30_000 });
  assert.equal((await jm.job(run.flinkJobId)).state, 'RUNNING');

  // 3. Someone kills the session through YARN: the session ends FAILED in YARN's words, its run ends by YARN's report.
  const killAt = Date.now();
  await rm.kill(deployed.applicationId);
  const killed = await waitUntil('YARN to report the session KILLED', 2 * 60_000, async () => {
    const now = await rm!.application(deployed.applicationId);
    return now && YARN_ENDED_STATES.has(now.state) ? now : undefined;
  }, 250);
  assert.equal(killed.state, 'KILLED');
  const ended = await waitUntil('the session entry ended', 2 * 60_000, async () => {
    const now = await services.clusters.get(adopted.id);
    return now.yarnSession?.state !== 'RUNNING' ? now : undefined;
  }, 250);
  log(`session ${ended.yarnSession?.state} ${seconds(killAt)} after the kill: ${ended.lastError}`);
  assert.equal(ended.yarnSession?.state, 'FAILED');
  assert.ok(ended.lastError?.startsWith(`YARN ended the session without Weir: application ${deployed.applicationId} KILLED (final status KILLED): `), ended.lastError ?? '');
  assert.ok(killed.diagnostics.trim() && (ended.lastError ?? '').includes(killed.diagnostics.trim().slice(0, 200)), `YARN's diagnostics kept: ${killed.diagnostics}`);
  assert.equal(ended.health, 'UNKNOWN', 'an ended session is not called unreachable');
  const runEnded = await waitUntil('the run ended', 60_000, async () => {
    const now = await services.runs.get(run.id);
    return now && isTerminalRunStatus(now.status) ? now : undefined;
  }, 250);
  log(`run ${runEnded.status} ${seconds(killAt)} after the kill`);
  assert.equal(runEnded.status, 'CANCELED', 'killed through YARN, as an application-mode run killed through YARN');
  const transitions = await services.runs.listTransitions(run.id);
  log(`the run's steps: ${transitions.map((t) => `${t.toStatus} (${t.source})`).join(' → ')}`);
  const last = transitions.at(-1);
  assert.equal(last?.source, 'yarn');
  assert.match(last?.note ?? '', new RegExp(`YARN reports application ${deployed.applicationId} KILLED \\(final status KILLED\\)`));

  // Nothing watches or probes the ended session any more; it stays FAILED.
  await services.watchers.sync();
  assert.equal(services.watchers.watcherFor(adopted.id), undefined, 'no watcher calls the JobManager that is gone');
  assert.equal((await services.clusters.check(adopted.id)).yarnSession?.state, 'FAILED');
  assert.equal((await services.runs.get(run.id))?.status, 'CANCELED', 'the recorded end stands');
  log(`whole test ${seconds(started)}`);
});
