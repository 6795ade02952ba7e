// Integration test on a real local YARN (the integration phase's, or one of its own when run alone:
// test-support/local-yarn.ts) and a test Weir with a YARN entry for that ResourceManager: a Flink application
// submitted OUTSIDE Weir (Flink's own CLI, `run-application -t yarn-application`, without the `weir` tag) is
// discovered as a run of an EXTERNAL task with the status Flink reports and its YARN application, is left
// running by Weir, and ends in YARN's words when YARN kills it. One deployment. Needs java and mvn (never skips).
// Run: node --import tsx --test server/src/deployment/yarn-external.int.test.ts
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { isTerminalRunStatus } from '@weir/contract';
import { renderLog4jProperties } from '@weir/flink-local';
import { JobManagerClient } from '../flink/job-manager.client.js';
import { waitUntil } from '../test-support/flink.js';
import { javaHomeOfPath } from '../test-support/local-yarn.js';
import { startWeirOnYarn, type WeirOnYarn } from '../test-support/yarn-weir.js';
import { flinkYarnCliInvocation, WEIR_YARN_TAG } from '../yarn/flink-yarn-cli.js';
import { findRunningFlinkApplications } from '../yarn/yarn-applications.js';

let onYarn: WeirOnYarn | undefined;
const log = (line: string): void => console.log(`[yarn-external-it] ${line}`);

after(async () => {
  // A failed assertion must leave no application or daemon behind.
  await onYarn?.release();
});

/** Runs Flink's CLI as an operator would and returns its exit code and output. */
function runCli(java: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(java, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (d: Buffer): void => { output = (output + d.toString()).slice(-16_000); };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

test('a Flink application started outside Weir on the YARN entry\'s ResourceManager is followed as an external run, left running, and ends in YARN\'s words when YARN kills it', { timeout: 15 * 60_000 }, async () => {
  const started = Date.now();
  onYarn = await startWeirOnYarn('yarn-external-it', log);
  const { yarn, rm, flinkYarn, cluster, weir: { services } } = onYarn;

  // Submitted with Flink's CLI, as `flink run-application -t yarn-application` would be, tagged only as the operator's.
  const tag = `outside-${randomBytes(6).toString('hex')}`;
  const deployDir = join(yarn.workDir, 'outside');
  const confDir = join(deployDir, 'conf');
  const cli = flinkYarnCliInvocation(
    { flinkVersion: flinkYarn.flinkVersion, libDir: flinkYarn.libDir, javaHome: javaHomeOfPath() },
    { resourceManagerUrl: yarn.rmUrl, hadoopConfDir: yarn.confDir, queue: 'default', stagingDirectory: `file://${join(deployDir, 'staging')}` },
    { name: 'outside TopSpeedWindowing', jarPath: flinkYarn.flink.examples.topSpeedWindowing },
    { confDir, cliLogFile: join(deployDir, 'cli.log') },
  );
  const configYaml = cli.configYaml.replace(/^"yarn\.tags": .*$/m, `"yarn.tags": ${JSON.stringify(tag)}`);
  assert.ok(configYaml.includes(tag) && !configYaml.includes(`"${WEIR_YARN_TAG},`), 'the application is not tagged as Weir\'s');
  mkdirSync(confDir, { recursive: true });
  writeFileSync(join(confDir, 'config.yaml'), configYaml);
  writeFileSync(join(confDir, 'log4j.properties'), renderLog4jProperties());
  writeFileSync(join(confDir, 'log4j-cli.properties'), renderLog4jProperties());
  let t = Date.now();
  const submitted = await runCli(cli.java, cli.args, cli.env);
  assert.equal(submitted.code, 0, `Flink's CLI failed:\n${submitted.output.slice(-3_000)}`);
  const app = await waitUntil('YARN to report the outside application RUNNING with its JobManager', 5 * 60_000, async () => {
    const [only] = await rm.applications({ tags: [tag] });
    return only?.state === 'RUNNING' && only.jobManagerUrl ? only : undefined;
  }, 500);
  log(`application ${app.id} RUNNING at ${app.jobManagerUrl} ${((Date.now() - t) / 1000).toFixed(1)} s after the CLI started`);
  const running = await findRunningFlinkApplications(rm);
  assert.ok(running.external.some((a) => a.id === app.id) && !running.own.some((a) => a.id === app.id), 'YARN lists it as not Weir\'s');

  // Discovered by Weir's watcher: a run of an EXTERNAL task on the YARN entry, placed in that application.
  t = Date.now();
  const jm = new JobManagerClient({ baseUrl: app.jobManagerUrl!, timeoutMs: 30_000 });
  const run = await waitUntil('Weir to record the outside job RUNNING', 5 * 60_000, async () => {
    const [found] = (await services.runs.listNonTerminalByCluster(cluster.id)).filter((r) => r.yarnApplicationId === app.id);
    return found?.status === 'RUNNING' ? found : undefined;
  }, 250);
  log(`run ${run.id} RUNNING in Weir ${((Date.now() - t) / 1000).toFixed(1)} s after YARN reported the application running`);
  const [job] = await jm.jobsOverview();
  assert.equal(run.flinkJobId, job!.jid);
  assert.equal(run.status, job!.state, 'the status Flink reports');
  assert.equal(run.jobManagerUrl, app.jobManagerUrl);
  assert.equal(run.clusterId, cluster.id);
  const task = await services.tasks.get(run.taskId);
  assert.equal(task?.kind, 'EXTERNAL');
  assert.equal(task?.name, job!.name);
  const transitions = await services.runs.listTransitions(run.id);
  assert.ok(transitions.some((tr) => tr.toStatus === 'RUNNING' && tr.source === 'flink'), "RUNNING is Flink's own step");
  // The run page reads the job at the application's JobManager.
  const detail = await services.runDetail.detail(run.id);
  assert.equal(detail.run.yarnApplicationId, app.id);
  assert.equal(detail.job.source, 'live');

  // Followed, not ended: a few more cycles leave the application RUNNING, as its operator started it.
  for (let i = 0; i < 3; i++) await services.watchers.refreshNow(cluster.id);
  assert.equal((await rm.application(app.id))?.state, 'RUNNING', 'Weir did not shut down or kill the outside application');
  assert.equal((await services.runs.get(run.id))?.status, 'RUNNING');

  // Killed through YARN: the JobManager goes with it, and the run ends in YARN's words.
  t = Date.now();
  await rm.kill(app.id);
  const ended = await waitUntil('the killed outside run to end', 3 * 60_000, async () => {
    const now = await services.runs.get(run.id);
    return now && isTerminalRunStatus(now.status) ? now : undefined;
  }, 250);
  const yarnSays = (await rm.application(app.id))!;
  log(`run ended ${ended.status} ${((Date.now() - t) / 1000).toFixed(1)} s after the kill; YARN reports ${yarnSays.state}/${yarnSays.finalStatus}`);
  assert.equal(yarnSays.state, 'KILLED', 'killed by the test, not shut down by Weir (that would end FINISHED)');
  assert.equal(ended.status, 'CANCELED');
  assert.ok(ended.endTime !== null);
  const last = (await services.runs.listTransitions(run.id)).at(-1)!;
  assert.equal(last.source, 'yarn');
  assert.equal(last.toStatus, 'CANCELED');
  assert.equal(last.noteCode?.code, 'endedOnYarn');
  assert.equal(last.noteCode?.params.state, 'KILLED');
  // Once ended, the entry's watcher still asks the ResourceManager each cycle and finds nothing more to follow.
  const report = await services.watchers.refreshNow(cluster.id);
  assert.equal(report?.reachable, true);
  assert.equal((await services.runs.listNonTerminalByCluster(cluster.id)).length, 0);
  log(`whole test ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
