// Weir's push listener for Flink 2.x (push-listener/): built from its own sources with Maven,
// like the assemblies, into a cache folder; a local 2.x cluster started with `push` loads it.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWeirMavenJar } from './maven-jar.js';
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


/** Builds the listener jar for `flinkVersion` (once per version and sources) and returns its path. */
export async function ensurePushListenerJar(flinkVersion: string, log: (line: string) => void = () => {}): Promise<string> {
  assertPushSupported(flinkVersion);
  return ensureWeirMavenJar(
    { projectDir: PUSH_LISTENER_DIR, cacheName: 'weir-push-listener', builtJar: 'weir-flink-push-listener-1.0.0.jar', jarName: JAR_NAME, what: 'the push listener' },
    flinkVersion, log,
  );
}
