// Integration test on a real local YARN (ResourceManager + NodeManager from flink-local: the integration
// phase's, or one of its own when run alone, see test-support/local-yarn.ts) and a real Flink 1.20.1 client for YARN: a jar task's version
// deployed through the YARN application target runs under the job id Weir chose, shows in YARN as Weir's own,
// and a cancel through its JobManager ends the job, whose application then ends by Flink's graceful shutdown. Needs java and mvn (never skips).
// Run: node --import tsx --test server/src/deployment/yarn-application-target.int.test.ts
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ensureFlinkYarnDistribution } from '@weir/flink-local';
import { AppError } from '../errors/errors.js';
import { JobManagerClient } from '../flink/job-manager.client.js';
import { JarFilesStore } from '../tasks/jar-files.store.js';
import { DEFAULT_TASK_CONFIG, encodeJar } from '../tasks/task-config.js';
import { waitUntil } from '../test-support/flink.js';
import { javaHomeOfPath, killLiveApplications, useLocalYarn, type TestYarn } from '../test-support/local-yarn.js';
import { YARN_ENDED_STATES, YarnResourceManagerClient } from '../yarn/yarn-rm.client.js';
import type { Deployment } from './deployment-target.js';
import { YarnApplicationTarget } from './yarn-application-target.js';

let yarn: TestYarn | undefined;
let rm: YarnResourceManagerClient | undefined;
const log = (line: string): void => console.log(`[yarn-target-it] ${line}`);

after(async () => {
  // A failed assertion must leave no application or daemon behind.
  await killLiveApplications(rm);
  await yarn?.release();
});

test("a jar task deployed through the YARN target runs under Weir's job id, is Weir's own in YARN, and a cancel through its JobManager ends the job, and Flink's shutdown ends the application", { timeout: 15 * 60_000 }, async () => {
  const started = Date.now();
  const flinkYarn = await ensureFlinkYarnDistribution({ log });
  yarn = await useLocalYarn('yarn-target-it', log);
  const dataDir = yarn.workDir;
  rm = new YarnResourceManagerClient({ baseUrl: yarn.rmUrl, timeoutMs: 30_000 });
  const jars = new JarFilesStore(join(dataDir, 'jars'));
  const jar = await jars.save('TopSpeedWindowing.jar', readFileSync(flinkYarn.flink.examples.topSpeedWindowing));
  const staging = join(dataDir, 'staging');
  const target = new YarnApplicationTarget(
    rm,
    { resourceManagerUrl: yarn.rmUrl, hadoopConfDir: yarn.confDir, queue: 'default', stagingDirectory: `file://${staging}` },
    { install: { flinkVersion: flinkYarn.flinkVersion, libDir: flinkYarn.libDir, javaHome: javaHomeOfPath() }, jars, workDir: join(dataDir, 'work'), timeoutMs: 8 * 60_000, log },
  );
  const deployment = (over: Partial<Deployment> = {}): Deployment => ({
    jobId: randomBytes(16).toString('hex'),
    taskName: 'weir-it-top-speed',
    kind: 'JAR',
    content: encodeJar({ jarId: jar.id, entryClass: null, args: [] }),
    config: { ...DEFAULT_TASK_CONFIG, executionMode: 'STREAMING' },
    restore: null,
    ...over,
  });

  // A SQL script that cannot be planned is refused before YARN is asked for anything (yarn-sql.int.test.ts deploys one that can).
  const before = (await rm.applications({})).length;
  await assert.rejects(target.submit(deployment({ kind: 'SQL', content: "CREATE TABLE k (a INT) WITH ('connector' = 'blackhole');" })), (err: unknown) => err instanceof AppError && err.code === 'VALIDATION' && /starts no Flink job/.test(err.message));
  assert.equal((await rm.applications({})).length, before, 'the refused SQL task reached YARN');

  const wanted = deployment();
  const run = await target.deploy(wanted);
  const jm = new JobManagerClient({ baseUrl: run.jobManagerUrl, timeoutMs: 30_000 });
  const job = await waitUntil("the job RUNNING under Weir's job id on the application's JobManager", 5 * 60_000, async () => {
    const [only] = await jm.jobsOverview();
    return only?.state === 'RUNNING' && only.tasks.running === only.tasks.total ? only : undefined;
  }, 500);
  assert.equal(job.jid, wanted.jobId);
  assert.equal(await target.knowsJob(wanted.jobId), true);
  const running = await target.findRunning();
  assert.deepEqual(running.own.map((a) => a.id), [run.applicationId]);
  assert.deepEqual(running.external, []);
  const app = await rm.application(run.applicationId);
  assert.equal(app?.name, 'weir-it-top-speed');
  assert.equal(app?.queue, 'default');
  log(`deployed and RUNNING after ${((Date.now() - started) / 1000).toFixed(1)} s (test start, YARN start included)`);

  // Stop through the JobManager, as for every target. The JobManager outlives its job (the target deploys with
  // execution.shutdown-on-application-finish: false), so the job's end is read there; then Flink's graceful
  // shutdown, as the YARN watcher asks once the run's end is recorded, ends the application.
  await jm.cancel(wanted.jobId);
  await waitUntil('the JobManager to report the job CANCELED', 2 * 60_000, async () => ((await jm.job(wanted.jobId)).state === 'CANCELED' ? true : undefined), 250);
  assert.equal((await rm.application(run.applicationId))?.state, 'RUNNING', 'the application outlives its job');
  await jm.shutDownCluster();
  const ended = await waitUntil('YARN to report the application ended', 2 * 60_000, async () => {
    const now = await rm!.application(run.applicationId);
    return now && YARN_ENDED_STATES.has(now.state) ? now : undefined;
  }, 250);
  log(`after the cancel YARN reports ${ended.state}/${ended.finalStatus}: ${ended.diagnostics.slice(0, 200)}`);
  assert.equal(ended.state, 'FINISHED');
  assert.equal(ended.finalStatus, 'SUCCEEDED', "Flink's graceful shutdown, whatever the job's end");
  assert.deepEqual((await target.findRunning()).own, []);
  // Its JobManager removed the staging folder itself; forceEnd of an ended application changes nothing and says how it ended.
  const again = await target.forceEnd(run.applicationId);
  assert.equal(again.state, 'FINISHED');
  assert.equal(existsSync(join(staging, '.flink', run.applicationId)), false);
  log(`whole test ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
