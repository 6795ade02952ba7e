// A test Weir with the local YARN registered as its YARN target "local-yarn", for the tests that deploy runs
// through Weir to YARN (deployment/yarn-*.int.test.ts). `release` leaves nothing behind, also after a failed assertion.
import { join } from 'node:path';
import type { Cluster } from '@weir/contract';
import { ensureFlinkYarnDistribution, type FlinkYarnDistribution } from '@weir/flink-local';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import { YarnResourceManagerClient } from '../yarn/yarn-rm.client.js';
import { killLiveApplications, useLocalYarn, type TestYarn } from './local-yarn.js';
import { startTestWeir, type TestWeir } from './weir.js';

export interface WeirOnYarn {
  yarn: TestYarn;
  rm: YarnResourceManagerClient;
  weir: TestWeir;
  cluster: Cluster;
  flinkYarn: FlinkYarnDistribution;
  release(): Promise<void>;
}

export async function startWeirOnYarn(name: string, log: (line: string) => void): Promise<WeirOnYarn> {
  const started = Date.now();
  const flinkYarn = await ensureFlinkYarnDistribution({ flinkVersion: '1.20.1', log });
  const yarn = await useLocalYarn(name, log);
  const rm = new YarnResourceManagerClient({ baseUrl: yarn.rmUrl, timeoutMs: 30_000 });
  log(`YARN ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  let weir: TestWeir | undefined;
  const release = async () => {
    await weir?.services.operations.deploymentsSettled();
    await weir?.services.yarnSessions.startsSettled();
    await killLiveApplications(rm);
    await weir?.stop();
    await yarn.release();
  };
  try {
    // A JobManager in a container on a busy machine answers slower than a session cluster's.
    weir = await startTestWeir({ dataDir: join(yarn.workDir, 'weir'), config: { flinkTimeoutMs: 10_000 } });
    const cluster = await weir.services.clusters.register(SYSTEM_PRINCIPAL, {
      name: 'local-yarn',
      kind: 'yarn',
      restUrl: yarn.rmUrl,
      yarn: { hadoopConfDir: yarn.confDir, queue: 'default', flinkVersion: '1.20.1' },
    });
    await weir.services.watchers.sync();
    return { yarn, rm, weir, cluster, flinkYarn, release };
  } catch (err) {
    await release();
    throw err;
  }
}
