// Integration test on a real local YARN (the integration phase's, or one of its own when run alone: see
// test-support/local-yarn.ts) and a real Flink 1.20.1 for YARN: a Flink application's JobManager and
// TaskManager logs are read through their NodeManager while it runs, and still after a YARN kill took the
// JobManager away, when YARN no longer lists the TaskManager's container (the JobManager's log names it).
// Needs java and mvn (never skips). Run: node --import tsx --test server/src/yarn/yarn-container-logs.int.test.ts
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ensureFlinkYarnDistribution } from '@weir/flink-local';
import { JobManagerClient } from '../flink/job-manager.client.js';
import { waitUntil } from '../test-support/flink.js';
import { javaHomeOfPath, killLiveApplications, useLocalYarn, type TestYarn } from '../test-support/local-yarn.js';
import { YarnApplicationDeployer } from './yarn-application-deployer.js';
import { killApplication } from './yarn-applications.js';
import { readContainerLogs } from './yarn-container-logs.js';
import { YarnNodeManagerClient } from './yarn-nm.client.js';
import { YarnResourceManagerClient } from './yarn-rm.client.js';

let yarn: TestYarn | undefined;
let rm: YarnResourceManagerClient | undefined;
const log = (line: string): void => console.log(`[yarn-logs-it] ${line}`);

after(async () => {
  await killLiveApplications(rm);
  await yarn?.release();
});

test("a Flink application's JobManager and TaskManager logs are read through YARN while it runs and after a YARN kill", { timeout: 15 * 60_000 }, async () => {
  const flinkYarn = await ensureFlinkYarnDistribution({ log });
  yarn = await useLocalYarn('yarn-logs-it', log);
  rm = new YarnResourceManagerClient({ baseUrl: yarn.rmUrl, timeoutMs: 30_000 });
  const nmAt = (node: string) => new YarnNodeManagerClient({ baseUrl: `http://${node}`, timeoutMs: 30_000 });
  const deployer = new YarnApplicationDeployer(
    rm,
    { flinkVersion: flinkYarn.flinkVersion, libDir: flinkYarn.libDir, javaHome: javaHomeOfPath() },
    { resourceManagerUrl: yarn.rmUrl, hadoopConfDir: yarn.confDir, stagingDirectory: `file://${join(yarn.workDir, 'staging')}` },
  );
  const app = await deployer.deployJar({ name: 'weir-it logs', jarPath: flinkYarn.flink.examples.topSpeedWindowing }, { workDir: join(yarn.workDir, 'work'), timeoutMs: 8 * 60_000, log });
  const jm = new JobManagerClient({ baseUrl: app.jobManagerUrl, timeoutMs: 30_000 });
  const job = await waitUntil('TopSpeedWindowing RUNNING with all its tasks', 5 * 60_000, async () => {
    const [only] = await jm.jobsOverview();
    return only?.state === 'RUNNING' && only.tasks.total > 0 && only.tasks.running === only.tasks.total ? only : undefined;
  }, 500);

  const limits = { tailBytes: 256 * 1024 };
  const running = await readContainerLogs(rm, nmAt, app.applicationId, limits);
  const jmLog = running.find((l) => l.role === 'jobmanager' && l.fileName === 'jobmanager.log');
  assert.ok(jmLog, `the JobManager's log is read (files: ${running.map((l) => `${l.role}:${l.fileName}`).join(', ')})`);
  assert.match(jmLog.text, new RegExp(`Submitting job 'CarTopSpeedWindowingExample' \\(${job.jid}\\)`));
  assert.equal(jmLog.bytes >= jmLog.text.length, true);
  const tmLog = running.find((l) => l.role === 'taskmanager' && l.fileName === 'taskmanager.log');
  assert.ok(tmLog, 'a TaskManager container\'s log is read');
  assert.notEqual(tmLog.containerId, jmLog.containerId);
  assert.match(tmLog.text, /TaskExecutor|Task Manager/i);

  await killApplication(rm, app.applicationId, { timeoutMs: 2 * 60_000 });
  await waitUntil('the JobManager to be gone with its application', 2 * 60_000, async () => jm.jobsOverview().then(() => false, () => true), 250);
  // Read once the JobManager is gone: what the node kept is all there is. (Its last words, "RECEIVED SIGNAL 15",
  // are there only when the JVM had time to write them before YARN's SIGKILL follows the SIGTERM: not asserted.)
  const ended = await readContainerLogs(rm, nmAt, app.applicationId, limits);
  const jmAfter = ended.find((l) => l.role === 'jobmanager' && l.fileName === 'jobmanager.log');
  assert.match(jmAfter?.text ?? '', new RegExp(`Submitting job 'CarTopSpeedWindowingExample' \\(${job.jid}\\)`), "the JobManager's log is read after it is gone");
  const tmAfter = ended.find((l) => l.role === 'taskmanager' && l.fileName === 'taskmanager.log');
  assert.equal(tmAfter?.containerId, tmLog.containerId, 'the TaskManager\'s log is found after the end, though YARN no longer lists its container');
  log(`read ${ended.length} files after the kill: ${ended.map((l) => `${l.containerId.slice(-6)} ${l.fileName} ${l.bytes} B`).join(', ')}`);
});
