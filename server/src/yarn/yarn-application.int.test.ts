// Integration test on a real local YARN (ResourceManager + NodeManager from flink-local) and a real Flink
// 1.20.1 client for YARN: TopSpeedWindowing deployed in application mode reaches RUNNING on the JobManager
// YARN reports and in YARN's own REST, and a kill through YARN ends it KILLED with no container left.
// Uses the integration phase's local YARN (one of its own when run alone, test-support/local-yarn.ts) and no session Flink; needs java and mvn (never skips).
// Run: node --import tsx --test server/src/yarn/yarn-application.int.test.ts
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ensureFlinkYarnDistribution } from '@weir/flink-local';
import { JobManagerClient } from '../flink/job-manager.client.js';
import { waitUntil } from '../test-support/flink.js';
import { javaHomeOfPath, killLiveApplications, useLocalYarn, type TestYarn } from '../test-support/local-yarn.js';
import { YarnApplicationDeployer } from './yarn-application-deployer.js';
import { findRunningFlinkApplications, killApplication } from './yarn-applications.js';
import { YarnResourceManagerClient } from './yarn-rm.client.js';

let yarn: TestYarn | undefined;
let rm: YarnResourceManagerClient | undefined;
const log = (line: string): void => console.log(`[yarn-app-it] ${line}`);

after(async () => {
  // A failed assertion must leave no application, container or daemon behind.
  await killLiveApplications(rm);
  await yarn?.release();
});

/** The live (not zombie) processes whose command line names the application: its containers' JVMs. */
function processesOf(applicationId: string): number[] {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).flatMap((pid) => {
    try {
      if (/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'))) return [];
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(applicationId) ? [Number(pid)] : [];
    } catch {
      return []; // ended while we looked
    }
  });
}

function rssMiB(pids: number[]): number {
  return pids.reduce((sum, pid) => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return sum + (m ? Math.round(Number(m[1]) / 1024) : 0);
    } catch {
      return sum;
    }
  }, 0);
}

test('a jar deployed in YARN application mode runs, shows in YARN as Weir\'s, and a YARN kill ends it KILLED with nothing left', { timeout: 15 * 60_000 }, async () => {
  const testStarted = Date.now();
  let t = Date.now();
  const flinkYarn = await ensureFlinkYarnDistribution({ log });
  log(`assembly ready in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  yarn = await useLocalYarn('yarn-app-it', log);
  const dataDir = yarn.workDir;
  rm = new YarnResourceManagerClient({ baseUrl: yarn.rmUrl, timeoutMs: 30_000 });

  const deployer = new YarnApplicationDeployer(
    rm,
    { flinkVersion: flinkYarn.flinkVersion, libDir: flinkYarn.libDir, javaHome: javaHomeOfPath() },
    { resourceManagerUrl: yarn.rmUrl, hadoopConfDir: yarn.confDir, stagingDirectory: `file://${join(dataDir, 'staging')}` },
  );
  t = Date.now();
  const deployed = await deployer.deployJar(
    { name: 'weir-it TopSpeedWindowing', jarPath: flinkYarn.flink.examples.topSpeedWindowing },
    { workDir: join(dataDir, 'work'), timeoutMs: 8 * 60_000, log },
  );

  // RUNNING where Flink says it: the JobManager at the address YARN reported, every task running.
  const jm = new JobManagerClient({ baseUrl: deployed.jobManagerUrl, timeoutMs: 30_000 });
  const job = await waitUntil('TopSpeedWindowing RUNNING with all its tasks on the YARN JobManager', 5 * 60_000, async () => {
    const [only] = await jm.jobsOverview();
    return only?.state === 'RUNNING' && only.tasks.total > 0 && only.tasks.running === only.tasks.total ? only : undefined;
  }, 500);
  const toRunningMs = Date.now() - t;
  assert.equal(job.name, 'CarTopSpeedWindowingExample');
  assert.equal((await jm.jobsOverview()).length, 1, 'application mode: one job per JobManager');

  // RUNNING where YARN says it, tagged as Weir's and as this deployment's.
  const app = await rm.application(deployed.applicationId);
  assert.equal(app?.state, 'RUNNING');
  assert.equal(app?.finalStatus, 'UNDEFINED');
  assert.equal(app?.type, 'Apache Flink');
  assert.equal(app?.name, 'weir-it TopSpeedWindowing');
  assert.deepEqual(app?.tags.slice().sort(), ['weir', deployed.deployTag].sort());
  assert.equal(app?.jobManagerUrl, deployed.jobManagerUrl);
  const running = await findRunningFlinkApplications(rm);
  assert.deepEqual(running.own.map((a) => a.id), [deployed.applicationId]);
  assert.deepEqual(running.external, []);

  const containers = processesOf(deployed.applicationId);
  assert.ok(containers.length >= 2, `expected a JobManager and a TaskManager container, found ${containers.length} processes`);
  log(`deploy ${(deployed.deployMs / 1000).toFixed(1)} s to YARN RUNNING, ${(toRunningMs / 1000).toFixed(1)} s to the job RUNNING; RSS: application ${rssMiB(containers)} MiB ` +
    `(${containers.length} processes), ResourceManager ${rssMiB([yarn.pids.resourceManager])} MiB, NodeManager ${rssMiB([yarn.pids.nodeManager])} MiB`);

  // A kill through YARN: KILLED in YARN's words, the JobManager gone with it, no container left.
  t = Date.now();
  const killed = await killApplication(rm, deployed.applicationId, { timeoutMs: 2 * 60_000 });
  assert.equal(killed.state, 'KILLED');
  assert.equal(killed.finalStatus, 'KILLED');
  assert.match(killed.diagnostics, new RegExp(`${deployed.applicationId} was killed`));
  assert.ok(killed.finishedAt !== null);
  assert.equal(killed.jobManagerUrl, null);
  await waitUntil('the application\'s containers to exit', 2 * 60_000, async () => processesOf(deployed.applicationId).length === 0, 250);
  await waitUntil('the NodeManager to hold no container', 2 * 60_000, async () => {
    const nodes = (await (await fetch(`${yarn!.rmUrl}/ws/v1/cluster/nodes`)).json()) as { nodes: { node: Array<{ numContainers: number }> } };
    return nodes.nodes.node.every((n) => n.numContainers === 0);
  }, 250);
  assert.deepEqual(await rm.applications({ states: ['ACCEPTED', 'RUNNING'] }), []);
  await assert.rejects(jm.jobsOverview(), 'the JobManager still answers after the kill');
  log(`kill to nothing left in ${((Date.now() - t) / 1000).toFixed(1)} s; whole test ${((Date.now() - testStarted) / 1000).toFixed(1)} s`);
  assert.equal(existsSync(join(dataDir, 'work')) && readdirSync(join(dataDir, 'work')).length, 0, 'the deployment\'s work folder is removed');
});
