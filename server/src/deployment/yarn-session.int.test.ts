// Integration test of YARN sessions started and stopped from Weir, on a real local YARN (the integration phase's,
// or one of its own when run alone: test-support/local-yarn.ts) and a test Weir: a session started on the YARN
// entry becomes a session entry at its JobManager; two jar tasks run on it, in the one YARN application; stopping
// it is refused while they run; after their cancel the stop ends the application and nothing is left on YARN.
// A session that cannot start (a JobManager bigger than YARN allows) ends FAILED with Flink's reason, nothing left.
// Needs java and mvn (never skips); no session Flink.
// Run: node --import tsx --test server/src/deployment/yarn-session.int.test.ts
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { after, test } from 'node:test';
import { isTerminalRunStatus, type Cluster } from '@weir/contract';
import { makePrincipal, type Principal } from '../access/principal.js';
import { AppError } from '../errors/errors.js';
import { JobManagerClient } from '../flink/job-manager.client.js';
import type { RunRecord } from '../runs/runs.store.js';
import { waitUntil } from '../test-support/flink.js';
import { startWeirOnYarn, type WeirOnYarn } from '../test-support/yarn-weir.js';
import { sessionDeployTag, WEIR_SESSION_TAG, WEIR_YARN_TAG } from '../yarn/flink-yarn-cli.js';
import { YARN_LIVE_STATES } from '../yarn/yarn-applications.js';

const operator: Principal = makePrincipal({ kind: 'user', id: 'u-yarn-session', name: 'sora' }, 'operator');
let onYarn: WeirOnYarn | undefined;
const log = (line: string): void => console.log(`[yarn-session-it] ${line}`);
const seconds = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`;

after(async () => {
  // A failed assertion must leave no session, application or daemon behind.
  await onYarn?.release();
});

test('a YARN session started from Weir runs two jar tasks in one YARN application, refuses to stop while they run, and its stop ends the application; a session YARN cannot hold fails with the reason', { timeout: 25 * 60_000 }, async () => {
  const started = Date.now();
  onYarn = await startWeirOnYarn('yarn-session-it', log);
  const { rm, flinkYarn, cluster: yarnEntry, weir: { services } } = onYarn;

  // 1. A session YARN cannot hold: the request is answered, the start fails in the background with Flink's reason.
  {
    const at = Date.now();
    const doomed = await services.yarnSessions.start(operator, yarnEntry.id, { name: 'too-big', slotsPerTaskManager: 1, jobManagerMemoryMb: 65_536, taskManagerMemoryMb: 1024 });
    assert.equal(doomed.yarnSession?.state, 'STARTING');
    const failed = await waitUntil('the oversized session to fail', 6 * 60_000, async () => {
      const now = await services.clusters.get(doomed.id);
      return now.yarnSession?.state === 'FAILED' ? now : undefined;
    }, 500);
    log(`the oversized session FAILED after ${seconds(at)}: ${failed.lastError?.slice(0, 300)}`);
    assert.match(failed.lastError ?? '', /The YARN session did not start: [\s\S]*(JobManager|resources)/);
    assert.deepEqual(await rm.applications({ states: YARN_LIVE_STATES }), [], 'nothing left running on YARN');
    assert.equal((await services.clusters.check(doomed.id)).health, failed.health, 'a failed session is not probed');
    await services.clusters.remove(operator, doomed.id);
  }

  // 2. A session started from Weir becomes a session entry at its JobManager.
  const startAt = Date.now();
  const starting = await services.yarnSessions.start(operator, yarnEntry.id, { name: 'shared-session', slotsPerTaskManager: 2, jobManagerMemoryMb: 1024, taskManagerMemoryMb: 1024 });
  assert.equal(starting.kind, 'session');
  assert.equal(starting.yarnSession?.state, 'STARTING', 'the request answers while YARN starts the session');
  assert.equal(starting.yarnSession?.yarnClusterId, yarnEntry.id);
  const session: Cluster = await waitUntil('the session RUNNING', 8 * 60_000, async () => {
    const now = await services.clusters.get(starting.id);
    if (now.yarnSession?.state === 'FAILED') assert.fail(`the session failed: ${now.lastError}`);
    return now.yarnSession?.state === 'RUNNING' && now.health === 'HEALTHY' ? now : undefined;
  }, 500);
  const applicationId = session.yarnSession!.applicationId!;
  log(`session RUNNING and HEALTHY ${seconds(startAt)} after the request (application ${applicationId}, JobManager ${session.restUrl})`);
  const app = await rm.application(applicationId);
  assert.equal(app?.state, 'RUNNING');
  assert.equal(app?.jobManagerUrl, session.restUrl, 'the entry is at the JobManager YARN reports');
  assert.ok(app?.tags.includes(WEIR_YARN_TAG) && app.tags.includes(WEIR_SESSION_TAG), `tagged as Weir's session: ${app?.tags}`);
  assert.ok(app?.tags.includes(sessionDeployTag(session.id)), `tagged with its entry, which a next Weir finds it by: ${app?.tags}`);
  assert.equal(app?.queue, 'default');
  const jm = new JobManagerClient({ baseUrl: session.restUrl, timeoutMs: 30_000 });
  assert.equal((await jm.probe()).flinkVersion, '1.20.1', 'its JobManager answers');

  // SQL tasks on a session: yarn-session-sql.int.test.ts.

  // 3. Two jar tasks online'd to the session: both RUNNING under Weir's job ids, in the one application.
  const jar = await services.tasksService.uploadJar(operator, basename(flinkYarn.flink.examples.topSpeedWindowing), new Uint8Array(readFileSync(flinkYarn.flink.examples.topSpeedWindowing)));
  const runs: RunRecord[] = [];
  for (const name of ['session-top-speed-a', 'session-top-speed-b']) {
    const task = await services.tasksService.create(operator, { name, kind: 'JAR', clusterId: session.id, jar: { jarId: jar.id }, config: { savepointStrategy: 'none' } });
    await services.tasksService.publish(operator, task.id, 'for the test');
    const submittedAt = Date.now();
    const online = await services.operations.online(operator, task.id);
    const run = await waitUntil(`${name} RUNNING`, 6 * 60_000, async () => {
      const now = await services.runs.get(online.newRunId!);
      if (now && isTerminalRunStatus(now.status)) assert.fail(`${name} ended ${now.status}: ${JSON.stringify(await services.runs.listTransitions(now.id))}`);
      return now?.status === 'RUNNING' ? now : undefined;
    }, 500);
    log(`${name} RUNNING ${seconds(submittedAt)} after its submission`);
    assert.equal(run.clusterId, session.id);
    assert.equal(run.yarnApplicationId, null, 'a session run is not an application of its own');
    assert.equal((await jm.job(run.flinkJobId)).state, 'RUNNING', "the status Flink reports at the session's JobManager, under Weir's job id");
    const transitions = await services.runs.listTransitions(run.id);
    assert.ok(transitions.some((t) => t.toStatus === 'RUNNING' && t.source === 'flink'), "RUNNING is Flink's own step");
    runs.push(run);
  }
  const overview = await jm.jobsOverview();
  for (const run of runs) assert.equal(overview.find((j) => j.jid === run.flinkJobId)?.state, 'RUNNING', 'both jobs on the one JobManager');
  assert.deepEqual((await rm.applications({ states: YARN_LIVE_STATES })).map((a) => a.id), [applicationId], 'one YARN application holds both');

  // 4. Stopping is refused while Weir's jobs run on it, naming them; the session stays RUNNING.
  await assert.rejects(services.yarnSessions.stop(operator, session.id, false), (err: unknown) =>
    err instanceof AppError && err.code === 'CONFLICT' && runs.every((r) => err.message.includes(r.flinkJobId)));
  assert.equal((await services.clusters.get(session.id)).yarnSession?.state, 'RUNNING');
  assert.equal((await rm.application(applicationId))?.state, 'RUNNING');

  // 5. After their cancel, the stop ends the application; the entry says STOPPED and is no longer probed.
  for (const run of runs) assert.equal((await services.operations.cancel(operator, run.id)).status, 'CANCELED');
  for (const run of runs) {
    const ended = await waitUntil('the cancelled run recorded', 60_000, async () => {
      const now = await services.runs.get(run.id);
      return now && isTerminalRunStatus(now.status) ? now : undefined;
    }, 250);
    assert.equal(ended.status, 'CANCELED');
  }
  const stopAt = Date.now();
  const stopped = await services.yarnSessions.stop(operator, session.id, false);
  log(`stop answered after ${seconds(stopAt)}`);
  assert.equal(stopped.cluster.yarnSession?.state, 'STOPPED');
  assert.deepEqual(stopped.endedRuns, []);
  const appAfter = await rm.application(applicationId);
  log(`after the stop YARN reports ${appAfter?.state}/${appAfter?.finalStatus}`);
  assert.equal(appAfter?.state, 'FINISHED', 'ended by its JobManager');
  assert.deepEqual(await rm.applications({ states: YARN_LIVE_STATES }), [], 'nothing left running on YARN');
  const checked = await services.clusters.check(session.id);
  assert.equal(checked.health, 'UNKNOWN', 'a session Weir stopped is not probed, so raises no alarm');
  assert.equal(checked.lastError, null);
  for (const run of runs) assert.equal((await services.runs.get(run.id))?.status, 'CANCELED', 'the runs keep their end');
  await assert.rejects(services.yarnSessions.stop(operator, session.id, false), (err: unknown) => err instanceof AppError && err.code === 'CONFLICT');

  // 6. A forced stop cancels Weir's job on the session first, says which, and ends the application.
  const forcedAt = Date.now();
  const other = await services.yarnSessions.start(operator, yarnEntry.id, { name: 'forced-session', slotsPerTaskManager: 1, jobManagerMemoryMb: 1024, taskManagerMemoryMb: 1024 });
  const forced: Cluster = await waitUntil('the second session RUNNING', 8 * 60_000, async () => {
    const now = await services.clusters.get(other.id);
    if (now.yarnSession?.state === 'FAILED') assert.fail(`the session failed: ${now.lastError}`);
    return now.yarnSession?.state === 'RUNNING' && now.health === 'HEALTHY' ? now : undefined;
  }, 500);
  log(`second session RUNNING ${seconds(forcedAt)} after the request`);
  const task = await services.tasksService.create(operator, { name: 'forced-top-speed', kind: 'JAR', clusterId: forced.id, jar: { jarId: jar.id }, config: { savepointStrategy: 'none' } });
  await services.tasksService.publish(operator, task.id, 'for the test');
  const online = await services.operations.online(operator, task.id);
  const run = await waitUntil('the job on the second session RUNNING', 6 * 60_000, async () => {
    const now = await services.runs.get(online.newRunId!);
    if (now && isTerminalRunStatus(now.status)) assert.fail(`it ended ${now.status}`);
    return now?.status === 'RUNNING' ? now : undefined;
  }, 500);
  const forceAt = Date.now();
  const result = await services.yarnSessions.stop(operator, forced.id, true);
  log(`forced stop answered after ${seconds(forceAt)}: ${JSON.stringify(result.endedRuns)}`);
  assert.deepEqual(result.endedRuns.map((r) => [r.runId, r.flinkJobId, r.status]), [[run.id, run.flinkJobId, 'CANCELED']], 'says which job it ended, and how');
  assert.equal(result.cluster.yarnSession?.state, 'STOPPED');
  assert.equal((await services.runs.get(run.id))?.status, 'CANCELED');
  assert.equal((await rm.application(forced.yarnSession!.applicationId!))?.state, 'FINISHED');
  assert.deepEqual(await rm.applications({ states: YARN_LIVE_STATES }), [], 'nothing left running on YARN');
  log(`whole test ${seconds(started)}`);
});
