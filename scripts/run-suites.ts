// Runs every suite of Weir's tests in order and prints one summary line,
// "N passed, N failed", where N counts tests; a failed check of a real part or a phase that
// ran nothing adds to the failures. Real parts are never skipped: a missing Java, Maven,
// PostgreSQL, MariaDB or Chromium is reported by name and fails the run. The counting itself
// lives in suite-counts.ts, running a phase's files in node-test-phase.ts.
//
//   npm test                      everything
//   npm test -- --only unit,store  some phases (unit, store, integration, browser); integration runs once per
//                                 Flink in FLINK_TEST_VERSIONS, or pick one: --only integration-2.3.0; and the
//                                 per-database ones: integration-postgres, browser-mysql, ...
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { CHROMIUM, ensureChromium, ensureWebBuild, hasCommand, PROMETHEUS, prometheusInstalled, ROOT, SLAPD, slapdInstalled, step } from './bootstrap.mjs';
import { runNodeTestPhase } from './node-test-phase.ts';
import { javaMajorVersion, parsePhases, PHASES, SERVER_DATABASES, summaryLine, type CheckResult, type TestCounts } from './suite-counts.ts';

// The files that run again on each server database (WEIR_TEST_DATABASE gives every test Weir a fresh
// database on that server): the watcher's own suites, and the main browser tests. The failover and
// HistoryServer tests start clusters of their own and add minutes without touching the database differently.
const ON_EACH_SERVER_DATABASE = {
  integration: (f: string) => /^server\/src\/watcher\/(job-watcher|checkpoint-tracker)\.int\.test\.ts$/.test(f),
  browser: ['overview', 'run-detail', 'tasks'].map((name) => `e2e/tests/${name}.e2e.ts`),
};

// Integration files that use no Flink cluster of the phase (the local YARN pair's own test, the files that
// deploy to the phase's YARN, which ship their own Flink 1.20.1, and the push test, which starts its own
// Flink 2.3.0): they run in the default Flink version's integration phase only, not once more per Flink version.
const WITHOUT_FLINK = (f: string) =>
  /^(flink-local\/src\/local-yarn|server\/src\/yarn\/yarn-[\w-]+|server\/src\/deployment\/yarn-[\w-]+|server\/src\/cluster-push\/cluster-push)\.int\.test\.ts$/.test(f);

const tests: TestCounts = { passed: 0, failed: 0, failures: [] };
/** Checks of the real parts, reported apart from the tests. */
const checks: CheckResult[] = [];
/** Failures that are neither a test nor a check: a phase that ran no test, or whose runner died. */
const phaseProblems: string[] = [];
const timings: string[] = [];

function check(name: string, ok: boolean, why?: string): boolean {
  checks.push({ name, ok, why: ok ? undefined : (why ?? 'failed') });
  if (!ok) console.error(`\x1b[31m✖ ${name}: ${why ?? 'failed'}\x1b[0m`);
  return ok;
}

/** Java 17 or newer, as `java -version` names it: Flink 1.20 runs on it with the --add-opens flags flink-local passes. */
function checkJava(): boolean {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error) return check('Java 17+ (java -version)', false, 'java is not on PATH; the local Flink cluster needs it');
  const major = javaMajorVersion(`${r.stderr}\n${r.stdout}`);
  return check(`Java 17+ (java -version names ${major ?? 'no version'})`, major !== undefined && major >= 17, 'the local Flink cluster needs Java 17 or newer on PATH');
}

function walk(dir: string, match: (f: string) => boolean, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, match, out);
    else if (match(p)) out.push(path.relative(ROOT, p));
  }
  return out.sort();
}

function portOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host });
    s.setTimeout(2000);
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    s.once('timeout', () => (s.destroy(), resolve(false)));
  });
}

/**
 * One phase's files through node:test. fileTimeoutMs bounds each test file (node:test names the
 * test that was running when it fired); phaseTimeoutMs is the last resort for the whole phase.
 */
async function runNodeTests(phase: string, files: string[], env: NodeJS.ProcessEnv, opts: { concurrency: number; fileTimeoutMs: number; phaseTimeoutMs: number }) {
  step(`${phase}: ${files.length} file(s)`);
  const r = await runNodeTestPhase(phase, { files, cwd: ROOT, env, ...opts });
  tests.passed += r.passed;
  tests.failed += r.failed;
  tests.failures.push(...r.failures.map((f) => `${phase}: ${f}`));
  phaseProblems.push(...r.phaseProblems);
  for (const problem of r.phaseProblems) console.error(`\x1b[31m✖ ${problem}\x1b[0m`);
  timings.push(`${phase} ${r.seconds}s (${r.passed} passed, ${r.failed} failed)`);
}

async function main() {
  const chosen = parsePhases(process.argv.slice(2));
  if ('error' in chosen) {
    console.error(`npm test: ${chosen.error}`);
    console.log(summaryLine(tests, 1));
    process.exit(2);
  }
  const want = (phase: string) => (chosen.phases as string[]).includes(phase);
  const runStarted = Date.now();

  // ---- the real parts ----
  step('Checking the real parts the tests need');
  const javaOk = checkJava();
  const mvnOk = check('Maven (mvn -v)', hasCommand('mvn', ['-v']), 'mvn is not on PATH; Flink is assembled from Maven Central with it');
  if (want('store') || SERVER_DATABASES.some((db) => want(`integration-${db}`) || want(`browser-${db}`))) {
    check('PostgreSQL on 127.0.0.1:5432', await portOpen(5432), 'nothing listens on 127.0.0.1:5432; the store tests run on PostgreSQL too');
    check('MariaDB on 127.0.0.1:3306', await portOpen(3306), 'nothing listens on 127.0.0.1:3306; the store tests run on MySQL/MariaDB too');
  }
  if (PHASES.some((phase) => phase.startsWith('integration') && want(phase))) {
    check(`Prometheus at ${PROMETHEUS}`, prometheusInstalled(), 'missing, and apt-get install prometheus failed');
  }
  // The LDAP login's integration tests and the directory login's browser test start their own slapd.
  if (PHASES.some((phase) => (phase.startsWith('integration') || phase === 'browser') && want(phase))) {
    check(`OpenLDAP slapd at ${SLAPD}`, slapdInstalled(), 'missing, and apt-get install slapd ldap-utils failed');
  }
  let chromiumOk = true;
  const wantsBrowser = want('browser') || SERVER_DATABASES.some((db) => want(`browser-${db}`));
  if (wantsBrowser) {
    try {
      ensureChromium();
    } catch (err) {
      chromiumOk = false;
    }
    check(`Chromium at ${CHROMIUM}`, chromiumOk && fs.existsSync(CHROMIUM), 'missing, and apt-get install chromium failed');
  }

  // ---- types ----
  if (want('unit')) {
    step('Type-checking every workspace');
    for (const ws of ['contract', 'flink-local', 'server', 'web', 'e2e', 'bench', 'scripts']) {
      const tsconfig = path.join(ROOT, ws, 'tsconfig.json');
      if (!fs.existsSync(tsconfig)) continue;
      const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', tsconfig, '--noEmit'], { cwd: ROOT, encoding: 'utf8' });
      if (r.status !== 0) process.stdout.write(r.stdout + r.stderr);
      check(`typecheck ${ws}`, r.status === 0, 'TypeScript errors above');
    }
  }

  const isTest = (f: string) => /\.test\.ts$/.test(f) && !/\.(store|int)\.test\.ts$/.test(f);
  const sources = ['contract/src', 'flink-local/src', 'server/src', 'web/src', 'web/build', 'bench', 'scripts'];
  const find = (pred: (f: string) => boolean) => sources.flatMap((d) => walk(path.join(ROOT, d), pred));

  if (want('unit')) {
    // The bundle budget test (web/build/bundle-budget.test.ts) reads the built app's manifest.
    try {
      ensureWebBuild();
    } catch (err) {
      check('web app builds', false, (err as Error).message);
    }
    await runNodeTests('unit', find(isTest), {}, { concurrency: 2, fileTimeoutMs: 3 * 60_000, phaseTimeoutMs: 10 * 60_000 });
  }
  if (want('store')) await runNodeTests('store', find((f) => f.endsWith('.store.test.ts')), {}, { concurrency: 1, fileTimeoutMs: 8 * 60_000, phaseTimeoutMs: 15 * 60_000 });

  // ---- a real Flink per version: the integration phase once per version, the browser phase once ----
  const { DEFAULT_FLINK_VERSION, FLINK_TEST_VERSIONS, ensureFlinkDistribution, startLocalFlink } = await import('@weir/flink-local');
  async function withTestFlink(version: string, run: (env: NodeJS.ProcessEnv) => Promise<void>): Promise<void> {
    if (!javaOk || !mvnOk) {
      check(`test Flink ${version} cluster starts`, false, 'not started: no Java or Maven (see above)');
      return;
    }
    step(`Starting the test Flink ${version} cluster (ports 18081/16123/18083)`);
    let flink: Awaited<ReturnType<typeof startLocalFlink>>;
    let examplesDir: string;
    try {
      const distribution = await ensureFlinkDistribution({ version, log: (l: string) => console.log(`  ${l}`) });
      examplesDir = path.dirname(distribution.examples.wordCount);
      const dataDir = path.join(ROOT, '.cache', `test-flink-${version}`);
      fs.rmSync(dataDir, { recursive: true, force: true });
      const started = Date.now();
      flink = await startLocalFlink({ distribution, dataDir, restPort: 18081, rpcPort: 16123, gatewayPort: 18083, slotsPerTaskManager: 8 });
      check(`test Flink ${version} cluster starts`, true);
      console.log(`  up in ${((Date.now() - started) / 1000).toFixed(1)}s: ${flink.restUrl} ${flink.gatewayUrl ?? ''}`);
    } catch (err) {
      check(`test Flink ${version} cluster starts`, false, (err as Error).message);
      return;
    }
    try {
      await run({
        WEIR_TEST_FLINK_VERSION: version,
        WEIR_TEST_FLINK_REST: flink.restUrl,
        WEIR_TEST_FLINK_GATEWAY: flink.gatewayUrl ?? '',
        WEIR_TEST_FLINK_DATA_DIR: flink.dataDir,
        WEIR_TEST_FLINK_EXAMPLES: examplesDir,
      });
    } finally {
      await flink.stop();
    }
  }
  // One local YARN (ResourceManager + NodeManager) for the files that use YARN, started once for the
  // integration phase (and once for the browser phase) rather than by each file (18-52 s and about 450 MB each time); test-support/local-yarn.ts attaches to it.
  const { ensureYarnDistribution, startLocalYarn } = await import('@weir/flink-local');
  async function withTestYarn(run: (env: NodeJS.ProcessEnv) => Promise<void>): Promise<void> {
    if (!javaOk || !mvnOk) {
      check('test YARN starts', false, 'not started: no Java or Maven (see above)');
      return run({});
    }
    step('Starting the test YARN (ResourceManager + NodeManager, free ports)');
    const dataDir = path.join(ROOT, '.cache', 'test-yarn');
    fs.rmSync(dataDir, { recursive: true, force: true });
    let yarn: Awaited<ReturnType<typeof startLocalYarn>>;
    try {
      yarn = await startLocalYarn({ distribution: await ensureYarnDistribution({ log: (l: string) => console.log(`  ${l}`) }), dataDir, killOnExit: true });
      check('test YARN starts', true);
      console.log(`  up in ${(yarn.startupMs / 1000).toFixed(1)}s: ${yarn.rmUrl}`);
    } catch (err) {
      // Counted as a failure; the phase still runs, and its YARN files fail on their own (each tries a YARN of its own).
      check('test YARN starts', false, (err as Error).message);
      return run({});
    }
    try {
      await run({ WEIR_TEST_YARN_DATA_DIR: dataDir });
    } finally {
      await yarn.stop();
    }
  }
  const integrationFiles = find((f) => f.endsWith('.int.test.ts'));
  for (const version of FLINK_TEST_VERSIONS) {
    const phase = `integration-${version}`;
    if (!want('integration') && !want(phase)) continue;
    // The default version's phase also runs the YARN files (deployments of 40-120 s each on 2 busy cores): it took
    // 28 min on a loaded machine before the savepoint and container-log tests joined it.
    const opts = { concurrency: 1, fileTimeoutMs: 15 * 60_000, phaseTimeoutMs: (version === DEFAULT_FLINK_VERSION ? 50 : 35) * 60_000 };
    if (version !== DEFAULT_FLINK_VERSION) {
      await withTestFlink(version, (env) => runNodeTests(phase, integrationFiles.filter((f) => !WITHOUT_FLINK(f)), env, opts));
      continue;
    }
    await withTestYarn((yarnEnv) => withTestFlink(version, (env) => runNodeTests(phase, integrationFiles, { ...env, ...yarnEnv }, opts)));
  }

  let webBuilt: boolean | undefined;
  const buildWeb = (): boolean => {
    if (webBuilt !== undefined) return webBuilt;
    try {
      ensureWebBuild();
      webBuilt = true;
    } catch (err) {
      webBuilt = check('web app builds', false, (err as Error).message);
    }
    return webBuilt;
  };
  const browserFiles = walk(path.join(ROOT, 'e2e/tests'), (f) => f.endsWith('.e2e.ts'));
  const perDatabase = SERVER_DATABASES.flatMap((db) => [`integration-${db}`, `browser-${db}`]).filter(want);
  if (want('browser') || perDatabase.length > 0) {
    // One cluster of the default version for the browser phase and the per-database runs.
    await withTestFlink(DEFAULT_FLINK_VERSION, async (flinkEnv) => {
      if (want('browser')) {
        if (buildWeb() && chromiumOk) {
          // The Clusters page's YARN test registers the phase's YARN as a target.
          await withTestYarn((yarnEnv) => runNodeTests('browser', browserFiles, { ...flinkEnv, ...yarnEnv, WEIR_CHROMIUM: CHROMIUM }, { concurrency: 1, fileTimeoutMs: 10 * 60_000, phaseTimeoutMs: 30 * 60_000 }));
        } else check('browser', false, 'not run: no web build or no Chromium (see above)');
      }
      for (const db of SERVER_DATABASES) {
        const env = { ...flinkEnv, WEIR_TEST_DATABASE: db };
        if (want(`integration-${db}`)) {
          await runNodeTests(`integration-${db}`, integrationFiles.filter(ON_EACH_SERVER_DATABASE.integration), env, { concurrency: 1, fileTimeoutMs: 15 * 60_000, phaseTimeoutMs: 20 * 60_000 });
        }
        if (want(`browser-${db}`)) {
          if (buildWeb() && chromiumOk) {
            await runNodeTests(`browser-${db}`, ON_EACH_SERVER_DATABASE.browser, { ...env, WEIR_CHROMIUM: CHROMIUM }, { concurrency: 1, fileTimeoutMs: 10 * 60_000, phaseTimeoutMs: 15 * 60_000 });
          } else check(`browser-${db}`, false, 'not run: no web build or no Chromium (see above)');
        }
      }
    });
  }

  const minutes = ((Date.now() - runStarted) / 60000).toFixed(1);
  console.log(`\nTimings: ${timings.join('; ')}; whole run ${minutes} min`);
  const failedChecks = checks.filter((c) => !c.ok);
  console.log(`\nChecks of the real parts (not counted as tests): ${checks.length - failedChecks.length} ok, ${failedChecks.length} failed`);
  const failures = [...failedChecks.map((c) => `check ${c.name}: ${c.why}`), ...phaseProblems, ...tests.failures];
  if (failures.length) {
    console.log('\nFailures:');
    for (const f of failures) console.log(`  ✖ ${f}`);
  }
  const otherFailures = failedChecks.length + phaseProblems.length;
  console.log(`\n${summaryLine(tests, otherFailures)}`);
  process.exit(tests.failed + otherFailures === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  console.log(`\n${summaryLine(tests, checks.filter((c) => !c.ok).length + phaseProblems.length + 1)}`);
  process.exit(1);
});
