// The local YARN (ResourceManager + NodeManager) an integration test deploys to. `npm test` starts one
// for the whole integration phase and names its folder in WEIR_TEST_YARN_DATA_DIR (starting YARN costs
// 18-52 s and about 450 MB, once rather than per file); a test file run on its own starts one of its own.
// Either way the test kills what it deployed; only a YARN it started is stopped with it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ensureYarnDistribution, readLocalYarnState, startLocalYarn } from '@weir/flink-local';
import { YARN_LIVE_STATES } from '../yarn/yarn-applications.js';
import type { YarnResourceManagerClient } from '../yarn/yarn-rm.client.js';

export interface TestYarn {
  rmUrl: string;
  /** The Hadoop configuration folder holding the yarn-site.xml Flink's YARN client reads. */
  confDir: string;
  /** A folder of this test's own (staging, work folders), removed by `release`. */
  workDir: string;
  pids: { resourceManager: number; nodeManager: number };
  /** Stops the YARN if this test started it, and removes the test's folder. */
  release(): Promise<void>;
}

export async function useLocalYarn(name: string, log: (line: string) => void): Promise<TestYarn> {
  const workDir = mkdtempSync(join(tmpdir(), `weir-${name}-`));
  const shared = process.env.WEIR_TEST_YARN_DATA_DIR;
  if (shared) {
    const state = readLocalYarnState(shared);
    // Named but not there is the runner's fault, said here rather than as a mysterious connection refusal.
    if (!state) throw new Error(`WEIR_TEST_YARN_DATA_DIR=${shared} holds no running local YARN (no local-yarn.json)`);
    log(`using the phase's local YARN at ${state.rmUrl}`);
    return { rmUrl: state.rmUrl, confDir: join(shared, 'conf'), workDir, pids: state.pids, release: async () => rmSync(workDir, { recursive: true, force: true }) };
  }
  const yarn = await startLocalYarn({ distribution: await ensureYarnDistribution({ log }), dataDir: join(workDir, 'yarn'), killOnExit: true, log });
  return {
    rmUrl: yarn.rmUrl,
    confDir: yarn.confDir,
    workDir,
    pids: yarn.pids,
    release: async () => {
      await yarn.stop();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** The Java home of the `java` on PATH, resolved through its links: the containers are told to use the same one. */
export function javaHomeOfPath(): string {
  const java = execFileSync('readlink', ['-f', execFileSync('sh', ['-c', 'command -v java'], { encoding: 'utf8' }).trim()], { encoding: 'utf8' }).trim();
  return dirname(dirname(java));
}

/** Kills every application still live on the ResourceManager: a failed assertion must leave nothing running on the shared YARN. */
export async function killLiveApplications(rm: YarnResourceManagerClient | undefined): Promise<void> {
  for (const app of (await rm?.applications({ states: YARN_LIVE_STATES }).catch(() => [])) ?? []) await rm?.kill(app.id).catch(() => undefined);
}
