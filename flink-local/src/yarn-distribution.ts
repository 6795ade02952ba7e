// Assembles the jars of a Hadoop YARN ResourceManager and NodeManager from Maven Central with the
// project's own pom (flink-local/assembly-yarn), into `.cache/hadoop-yarn-<version>/lib`.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildThenMoveIntoPlace, MARKER, REPO_ROOT, requireTool, runMaven } from './distribution.js';
import { DEFAULT_HADOOP_VERSION } from './yarn-config.js';

export const YARN_ASSEMBLY_POM = join(REPO_ROOT, 'flink-local', 'assembly-yarn', 'pom.xml');

export interface YarnDistribution {
  version: string;
  home: string;
  libDir: string;
}

export function defaultYarnCacheDir(version: string = DEFAULT_HADOOP_VERSION): string {
  return join(REPO_ROOT, '.cache', `hadoop-yarn-${version}`);
}

/** Idempotent like the Flink assembly: the marker written last makes later calls instant. */
export async function ensureYarnDistribution(
  opts: { version?: string; cacheDir?: string; log?: (line: string) => void } = {},
): Promise<YarnDistribution> {
  const version = opts.version ?? DEFAULT_HADOOP_VERSION;
  const home = resolve(opts.cacheDir ?? defaultYarnCacheDir(version));
  const log = opts.log ?? (() => {});
  const dist = { version, home, libDir: join(home, 'lib') };
  if (existsSync(join(home, MARKER))) return dist;

  requireTool('java', ['-version'], 'to run YARN');
  requireTool('mvn', ['-v', '-B'], 'to assemble Hadoop YARN from Maven Central');
  const started = Date.now();
  log(`Assembling Hadoop YARN ${version} into ${home} ...`);
  await buildThenMoveIntoPlace(home, version, async (work) => {
    await runMaven(
      ['-B', '-q', '-Dstyle.color=never', `-Dhadoop.version=${version}`, '-f', YARN_ASSEMBLY_POM,
        'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${join(work, 'lib')}`],
      dirname(YARN_ASSEMBLY_POM), `Hadoop YARN ${version}`, log,
    );
    const jars = readdirSync(join(work, 'lib'));
    for (const needed of ['hadoop-yarn-server-resourcemanager', 'hadoop-yarn-server-nodemanager', 'hadoop-common']) {
      if (!jars.includes(`${needed}-${version}.jar`)) throw new Error(`Assembled lib/ lacks ${needed}-${version}.jar`);
    }
    return jars.length;
  });
  log(`Hadoop YARN ${version} assembled in ${((Date.now() - started) / 1000).toFixed(1)} s at ${home}`);
  return dist;
}
