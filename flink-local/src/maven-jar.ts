// Weir's own small jars for Flink (push-listener/, sql-runner/): each built from its sources with the project's
// Maven, once per Flink version and digest of its sources, into a cache folder of its own.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { buildThenMoveIntoPlace, MARKER, REPO_ROOT, requireTool, runMaven } from './distribution.js';

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

/** One of Weir's Maven projects under flink-local/ and the jar it builds. */
export interface WeirMavenJar {
  projectDir: string;
  /** The cache folder's name before its version and digest, e.g. `weir-push-listener`. */
  cacheName: string;
  /** What Maven writes into the build folder. */
  builtJar: string;
  /** The name the jar is kept under. */
  jarName: string;
  /** For messages: "the push listener". */
  what: string;
}

/** Builds the jar for `flinkVersion` (once per version and sources) and returns its path. */
export async function ensureWeirMavenJar(project: WeirMavenJar, flinkVersion: string, log: (line: string) => void): Promise<string> {
  const home = join(REPO_ROOT, '.cache', `${project.cacheName}-${flinkVersion}-${sourcesDigest(project.projectDir)}`);
  const jar = join(home, project.jarName);
  if (existsSync(join(home, MARKER))) return jar;
  requireTool('mvn', ['-v', '-B'], `to build ${project.what}`);
  log(`Building ${project.what} for Flink ${flinkVersion} into ${home} ...`);
  await buildThenMoveIntoPlace(home, flinkVersion, async (work) => {
    const buildDir = join(work, 'build');
    mkdirSync(buildDir, { recursive: true });
    await runMaven(
      ['-B', '-q', '-Dstyle.color=never', `-Dflink.version=${flinkVersion}`, `-Dweir.build.dir=${buildDir}`, '-f', join(project.projectDir, 'pom.xml'), 'package'],
      project.projectDir, `${project.what} for Flink ${flinkVersion}`, log,
    );
    copyFileSync(join(buildDir, project.builtJar), join(work, project.jarName));
    return 1;
  });
  return jar;
}
