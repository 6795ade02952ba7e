// Weir's push listener for Flink 2.x (push-listener/): built from its own sources with Maven,
// like the assemblies, into a cache folder; a local 2.x cluster started with `push` loads it.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildThenMoveIntoPlace, MARKER, REPO_ROOT, requireTool, runMaven } from './distribution.js';
import { flinkVersionProfile } from './config.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const PUSH_LISTENER_DIR = resolve(HERE, '..', 'push-listener');
export const PUSH_LISTENER_FACTORY = 'dev.weir.flink.push.WeirPushListenerFactory';
const JAR_NAME = 'weir-flink-push-listener.jar';

/** Where Flink pushes a cluster's job status changes, and the token it presents (Weir's push endpoint). */
export interface PushTarget {
  url: string;
  token: string;
}

/** The config.yaml keys that turn the listener on (the jar must be on the JobManager's classpath). */
export function pushListenerConfig(target: PushTarget): Record<string, string> {
  return {
    'execution.job-status-changed-listeners': PUSH_LISTENER_FACTORY,
    'weir.push.url': target.url,
    'weir.push.token': target.token,
  };
}

/** Flink 1.20 has no JobStatusChangedListener (docs/flink-local.md, fact 23): only 2.x can push. */
export function assertPushSupported(version: string): void {
  if (flinkVersionProfile(version).major < 2) {
    throw new Error(`Flink ${version} cannot push status changes (JobStatusChangedListener is new in 2.x); start a 2.x cluster or leave push off`);
  }
}

/** A digest of a Maven project's sources (the listener's, the SQL runner's): an edited source builds a new jar instead of reusing a stale one. */
export function sourcesDigest(projectDir: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (name.name === 'target') continue;
      const full = join(dir, name.name);
      if (name.isDirectory()) walk(full);
      else hash.update(name.name).update(readFileSync(full));
    }
  };
  walk(projectDir);
  return hash.digest('hex').slice(0, 12);
}

/** Builds the listener jar for `flinkVersion` (once per version and sources) and returns its path. */
export async function ensurePushListenerJar(flinkVersion: string, log: (line: string) => void = () => {}): Promise<string> {
  assertPushSupported(flinkVersion);
  const home = join(REPO_ROOT, '.cache', `weir-push-listener-${flinkVersion}-${sourcesDigest(PUSH_LISTENER_DIR)}`);
  const jar = join(home, JAR_NAME);
  if (existsSync(join(home, MARKER))) return jar;
  requireTool('mvn', ['-v', '-B'], 'to build the push listener');
  log(`Building the push listener for Flink ${flinkVersion} into ${home} ...`);
  await buildThenMoveIntoPlace(home, flinkVersion, async (work) => {
    const buildDir = join(work, 'build');
    mkdirSync(buildDir, { recursive: true });
    await runMaven(
      ['-B', '-q', '-Dstyle.color=never', `-Dflink.version=${flinkVersion}`, `-Dweir.build.dir=${buildDir}`, '-f', join(PUSH_LISTENER_DIR, 'pom.xml'), 'package'],
      PUSH_LISTENER_DIR, `the push listener for Flink ${flinkVersion}`, log,
    );
    copyFileSync(join(buildDir, 'weir-flink-push-listener-1.0.0.jar'), join(work, JAR_NAME));
    return 1;
  });
  return jar;
}
