// Integration test: a real Hadoop YARN (ResourceManager + NodeManager, two JVMs) from the project's own
// Maven assembly, with a NodeManager size other than the default so the RM's answer proves our config
// reached it. Needs java and mvn (fails loudly without them; never skips). Submits nothing yet.
// Run: node --import tsx --test flink-local/src/local-yarn.int.test.ts
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ensureYarnDistribution, isPortFree, startLocalYarn, type LocalYarn } from './index.js';
import { YARN_PORT_NAMES } from './yarn-config.js';

const dataDir = mkdtempSync(join(tmpdir(), 'weir-yarn-it-'));
let yarn: LocalYarn | undefined;

after(async () => {
  await yarn?.stop(); // a failed assertion must not leave the JVMs behind
  rmSync(dataDir, { recursive: true, force: true });
});

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

/** Gone, or a zombie waiting for its parent (no memory, no ports): either way nothing of it runs. */
function isRunning(pid: number): boolean {
  if (!existsSync(`/proc/${pid}`)) return false;
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

test('local YARN starts with the NodeManager RUNNING at the configured size and stops leaving nothing behind', { timeout: 10 * 60_000 }, async () => {
  const distribution = await ensureYarnDistribution({ log: (l) => console.log(`[yarn-it] ${l}`) });
  yarn = await startLocalYarn({
    distribution, dataDir, nodeManagerMemoryMb: 3072, nodeManagerVcores: 3, killOnExit: true,
    log: (l) => console.log(`[yarn-it] ${l}`),
  });
  const { pids, rmUrl, ports } = yarn;

  const info = (await (await fetch(`${rmUrl}/ws/v1/cluster/info`)).json()) as { clusterInfo: { state: string; hadoopVersion: string } };
  assert.equal(info.clusterInfo.state, 'STARTED');
  assert.equal(info.clusterInfo.hadoopVersion, distribution.version);
  const nodes = (await (await fetch(`${rmUrl}/ws/v1/cluster/nodes`)).json()) as {
    nodes: { node: Array<{ state: string; totalResource: { memory: number; vCores: number }; numContainers: number }> };
  };
  assert.equal(nodes.nodes.node.length, 1);
  const [nm] = nodes.nodes.node;
  assert.equal(nm!.state, 'RUNNING');
  assert.deepEqual([nm!.totalResource.memory, nm!.totalResource.vCores], [3072, 3]);
  assert.equal(nm!.numContainers, 0);
  // The FIFO scheduler was configured: the Capacity Scheduler's 10% AM share would starve a JobManager here.
  const scheduler = (await (await fetch(`${rmUrl}/ws/v1/cluster/scheduler`)).json()) as { scheduler: { schedulerInfo: { type: string } } };
  assert.equal(scheduler.scheduler.schedulerInfo.type, 'fifoScheduler');

  console.log(`[yarn-it] ready in ${(yarn.startupMs / 1000).toFixed(1)} s; RSS ResourceManager ${rssMiB(pids.resourceManager)} MiB, NodeManager ${rssMiB(pids.nodeManager)} MiB`);

  await yarn.stop();
  yarn = undefined;
  assert.equal(isRunning(pids.nodeManager), false, 'NodeManager process still running after stop');
  assert.equal(isRunning(pids.resourceManager), false, 'ResourceManager process still running after stop');
  for (const name of YARN_PORT_NAMES) {
    assert.equal(await isPortFree(ports[name], '127.0.0.1'), true, `port ${ports[name]} (${name}) still taken after stop`);
  }
});
