// Assembles a Flink distribution (lib/, opt/, examples/) from Maven Central,
// since flink-dist itself is not published there.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_FLINK_VERSION, flinkVersionProfile, tail } from './config.js';

export interface FlinkDistribution {
  version: string;
  /** Folder holding lib/, opt/, examples/. */
  home: string;
  libDir: string;
  optDir: string;
  examples: { wordCount: string; topSpeedWindowing: string };
}

export interface EnsureDistributionOptions {
  /** Default: DEFAULT_FLINK_VERSION (1.20.x). */
  version?: string;
  /** Default: `<repo root>/.cache/flink-<version>`, one folder per version. */
  cacheDir?: string;
  log?: (line: string) => void;
}

const HERE = dirname(fileURLToPath(import.meta.url));
/** flink-local/src → repo root. */
export const REPO_ROOT = resolve(HERE, '..', '..');
export const ASSEMBLY_POM = resolve(HERE, '..', 'assembly', 'pom.xml');
export const MARKER = '.weir-assembled';
export function defaultCacheDir(version: string = DEFAULT_FLINK_VERSION): string {
  return join(REPO_ROOT, '.cache', `flink-${flinkVersionProfile(version).version}`);
}

function describe(home: string, version: string): FlinkDistribution {
  return {
    version,
    home,
    libDir: join(home, 'lib'),
    optDir: join(home, 'opt'),
    examples: {
      wordCount: join(home, 'examples', 'WordCount.jar'),
      topSpeedWindowing: join(home, 'examples', 'TopSpeedWindowing.jar'),
    },
  };
}

/** Throws a clear error if `cmd` cannot be executed at all. */
export function requireTool(cmd: string, versionArgs: string[], purpose: string): void {
  const r = spawnSync(cmd, versionArgs, { encoding: 'utf8', timeout: 60_000 });
  if (r.error || r.status !== 0) {
    const why = r.error ? (r.error as NodeJS.ErrnoException).code ?? r.error.message : `exit code ${r.status}`;
    throw new Error(
      `'${cmd}' is required ${purpose} but \`${[cmd, ...versionArgs].join(' ')}\` failed (${why}). ` +
        `Install it and make sure it is on PATH.`,
    );
  }
}

/** Runs Maven for an assembly; `what` (e.g. `Flink 1.20.3`) names it in the error. */
export function runMaven(args: string[], cwd: string, what: string, log: (l: string) => void): Promise<void> {
  const cmdline = ['mvn', ...args].join(' ');
  log(`$ ${cmdline}`);
  return new Promise((resolvePromise, reject) => {
    const child = spawn('mvn', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', (err) =>
      reject(new Error(`Could not run Maven (mvn): ${err.message}. Command: ${cmdline}`)),
    );
    child.on('close', (code) => {
      if (code === 0) return resolvePromise();
      const errLines = out.split(/\r?\n/).filter((l) => l.includes('ERROR'));
      const shown = errLines.length ? errLines.slice(-15).join('\n') : tail(out, 15);
      reject(
        new Error(
          `Maven failed (exit code ${code}) while assembling ${what} from Maven Central.\n` +
            `Command: ${cmdline}\n(in ${cwd})\nLast Maven errors:\n${shown}`,
        ),
      );
    });
  });
}

/**
 * Assembles a Flink version (lib/, opt/flink-sql-gateway-<version>.jar, examples/) into a
 * cache folder with Maven. Idempotent: a marker written last makes later calls instant;
 * an unfinished folder is rebuilt. Builds in a sibling temp folder and renames it in place,
 * so concurrent callers do not see half-written folders.
 */
export async function ensureFlinkDistribution(opts: EnsureDistributionOptions = {}): Promise<FlinkDistribution> {
  const profile = flinkVersionProfile(opts.version ?? DEFAULT_FLINK_VERSION);
  const version = profile.version;
  const home = resolve(opts.cacheDir ?? defaultCacheDir(version));
  const log = opts.log ?? (() => {});
  const dist = describe(home, version);
  if (existsSync(join(home, MARKER))) {
    const marked = readDistributionMarker(home);
    const markedVersion = typeof marked === 'object' && marked !== null ? (marked as { version?: unknown }).version : undefined;
    if (markedVersion !== version) {
      throw new Error(`${home} holds Flink ${String(markedVersion)}, not ${version}; pass another cacheDir or delete it`);
    }
    return dist;
  }

  requireTool('java', ['-version'], 'to run Flink');
  requireTool('mvn', ['-v', '-B'], 'to assemble Flink from Maven Central');

  const started = Date.now();
  log(`Assembling Flink ${version} into ${home} ...`);
  await buildThenMoveIntoPlace(home, version, async (work) => {
    // The pom's flink.version is only the default; the command line's value wins.
    const mvnCommon = ['-B', '-q', '-Dstyle.color=never', `-Dflink.version=${version}`];
    const assemblyDir = dirname(ASSEMBLY_POM);
    await runMaven(
      [...mvnCommon, '-f', ASSEMBLY_POM, 'dependency:copy-dependencies', '-DincludeScope=runtime',
        `-DoutputDirectory=${join(work, 'lib')}`],
      assemblyDir, `Flink ${version}`, log,
    );
    await runMaven(
      [...mvnCommon, '-f', ASSEMBLY_POM, 'dependency:copy',
        `-Dartifact=org.apache.flink:flink-sql-gateway:${version}`, `-DoutputDirectory=${join(work, 'opt')}`],
      assemblyDir, `Flink ${version}`, log,
    );
    for (const example of ['WordCount', 'TopSpeedWindowing']) {
      await runMaven(
        [...mvnCommon, '-f', ASSEMBLY_POM, 'dependency:copy',
          `-Dartifact=org.apache.flink:flink-examples-streaming:${profile.examplesVersion}:jar:${example}`,
          `-DoutputDirectory=${join(work, 'examples')}`],
        assemblyDir, `Flink ${version}`, log,
      );
      renameSync(
        join(work, 'examples', `flink-examples-streaming-${profile.examplesVersion}-${example}.jar`),
        join(work, 'examples', `${example}.jar`),
      );
    }
    // Sanity checks before declaring the folder complete.
    const libJars = readdirSync(join(work, 'lib'));
    for (const needed of ['flink-runtime', 'flink-runtime-web', 'flink-table-planner-loader', 'flink-clients']) {
      if (!libJars.includes(`${needed}-${version}.jar`)) {
        throw new Error(`Assembled lib/ lacks ${needed}-${version}.jar (have: ${libJars.join(', ')})`);
      }
    }
    if (!existsSync(join(work, 'opt', `flink-sql-gateway-${version}.jar`))) {
      throw new Error(`Assembled opt/ lacks flink-sql-gateway-${version}.jar`);
    }
    return libJars.length;
  });
  log(`Flink ${version} assembled in ${((Date.now() - started) / 1000).toFixed(1)} s at ${home}`);
  return dist;
}

/**
 * Builds an assembly in a sibling temp folder, writes the marker last and renames the folder into
 * place, so a concurrent caller never sees half of it; if another process finished first, its folder
 * stays. `build` fills the folder and returns how many jars it holds.
 */
export async function buildThenMoveIntoPlace(home: string, version: string, build: (work: string) => Promise<number>): Promise<void> {
  mkdirSync(dirname(home), { recursive: true });
  const work = `${home}.tmp-${process.pid}-${Date.now()}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    const jars = await build(work);
    writeFileSync(join(work, MARKER), JSON.stringify({ version, assembledAt: new Date().toISOString(), jars }) + '\n');
  } catch (err) {
    rmSync(work, { recursive: true, force: true });
    throw err;
  }
  if (existsSync(join(home, MARKER))) {
    rmSync(work, { recursive: true, force: true });
  } else {
    rmSync(home, { recursive: true, force: true }); // a half-finished folder from an older layout
    renameSync(work, home);
  }
}

/** Reads the marker, or undefined if the folder is not a finished distribution. */
export function readDistributionMarker(home: string): unknown {
  try {
    return JSON.parse(readFileSync(join(home, MARKER), 'utf8'));
  } catch {
    return undefined;
  }
}
