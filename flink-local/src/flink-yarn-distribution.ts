// Assembles what a Flink client needs to deploy onto YARN: one lib/ folder holding the Flink
// distribution's jars, flink-yarn and Hadoop's shaded client jars (flink-local/assembly-flink-yarn).
// One folder because Flink ships FLINK_LIB_DIR into every container as it is, and the containers get
// no Hadoop from the node (their yarn.application.classpath is only the conf folder).
import { existsSync, linkSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildThenMoveIntoPlace, ensureFlinkDistribution, MARKER, REPO_ROOT, runMaven, type FlinkDistribution } from './distribution.js';
import { DEFAULT_HADOOP_VERSION } from './yarn-config.js';

export const FLINK_YARN_ASSEMBLY_POM = join(REPO_ROOT, 'flink-local', 'assembly-flink-yarn', 'pom.xml');

/**
 * The Flink version a YARN target ships: Maven Central serves flink-yarn for 1.20.0 and 1.20.1 only,
 * and Flink's modules are released and tested as one version (flink-yarn calls internal classes of
 * flink-runtime and flink-clients), so a YARN deployment ships all of Flink at 1.20.1 rather than
 * 1.20.1's flink-yarn inside a 1.20.3 distribution. docs/deployment-targets.md says more.
 */
export const DEFAULT_FLINK_YARN_VERSION = '1.20.1';
export const FLINK_YARN_VERSIONS: readonly string[] = ['1.20.0', '1.20.1'];

export interface FlinkYarnDistribution {
  flinkVersion: string;
  hadoopVersion: string;
  home: string;
  /** Flink's lib/ plus flink-yarn and the Hadoop client: the classpath of the CLI and what is shipped. */
  libDir: string;
  /** The plain Flink distribution of the same version (examples/ lives there). */
  flink: FlinkDistribution;
}

export function defaultFlinkYarnCacheDir(flinkVersion: string = DEFAULT_FLINK_YARN_VERSION): string {
  return join(REPO_ROOT, '.cache', `flink-yarn-${flinkVersion}`);
}

/** Idempotent like the other assemblies: the marker written last makes later calls instant. */
export async function ensureFlinkYarnDistribution(
  opts: { flinkVersion?: string; hadoopVersion?: string; cacheDir?: string; log?: (line: string) => void } = {},
): Promise<FlinkYarnDistribution> {
  const flinkVersion = opts.flinkVersion ?? DEFAULT_FLINK_YARN_VERSION;
  if (!FLINK_YARN_VERSIONS.includes(flinkVersion)) {
    throw new Error(`Maven Central has flink-yarn only for Flink ${FLINK_YARN_VERSIONS.join(' and ')}, not ${flinkVersion}`);
  }
  const hadoopVersion = opts.hadoopVersion ?? DEFAULT_HADOOP_VERSION;
  const log = opts.log ?? (() => {});
  const flink = await ensureFlinkDistribution({ version: flinkVersion, log });
  const home = resolve(opts.cacheDir ?? defaultFlinkYarnCacheDir(flinkVersion));
  const dist = { flinkVersion, hadoopVersion, home, libDir: join(home, 'lib'), flink };
  if (existsSync(join(home, MARKER))) return dist;

  const started = Date.now();
  log(`Assembling flink-yarn ${flinkVersion} with the Hadoop ${hadoopVersion} client into ${home} ...`);
  await buildThenMoveIntoPlace(home, flinkVersion, async (work) => {
    const lib = join(work, 'lib');
    await runMaven(
      ['-B', '-q', '-Dstyle.color=never', `-Dflink.version=${flinkVersion}`, `-Dhadoop.version=${hadoopVersion}`,
        '-f', FLINK_YARN_ASSEMBLY_POM, 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${lib}`],
      dirname(FLINK_YARN_ASSEMBLY_POM), `flink-yarn ${flinkVersion}`, log,
    );
    const extras = new Set(readdirSync(lib));
    // Hard links: the same bytes as the Flink assembly's jars, without a second copy on disk.
    for (const jar of readdirSync(flink.libDir)) if (!extras.has(jar)) linkSync(join(flink.libDir, jar), join(lib, jar));
    const jars = readdirSync(lib);
    for (const needed of [`flink-yarn-${flinkVersion}.jar`, `hadoop-client-api-${hadoopVersion}.jar`, `flink-clients-${flinkVersion}.jar`]) {
      if (!jars.includes(needed)) throw new Error(`Assembled lib/ lacks ${needed}`);
    }
    return jars.length;
  });
  log(`flink-yarn ${flinkVersion} assembled in ${((Date.now() - started) / 1000).toFixed(1)} s at ${home}`);
  return dist;
}
