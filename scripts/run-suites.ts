// Runs every suite of Weir's tests in order and prints one summary line,
// "N passed, N failed". Real parts are never skipped: a missing Java, Maven,
// PostgreSQL, MariaDB or Chromium is reported by name and fails the run.
//
//   npm test                      everything
//   npm test -- --only unit,store  some phases (unit, store, integration, browser)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM, ensureChromium, ensureWebBuild, hasCommand, PROMETHEUS, prometheusInstalled, ROOT, step } from './bootstrap.mjs';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  failures: string[];
}
const total: Counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
const timings: string[] = [];

function check(name: string, ok: boolean, why?: string): boolean {
  if (ok) total.passed += 1;
  else {
    total.failed += 1;
    total.failures.push(`${name}: ${why ?? 'failed'}`);
    console.error(`\x1b[31m✖ ${name}: ${why ?? 'failed'}\x1b[0m`);
  }
  return ok;
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

async function runNodeTests(phase: string, files: string[], env: NodeJS.ProcessEnv, opts: { concurrency: number; timeoutMs: number }) {
  if (files.length === 0) {
    check(`${phase}: has tests`, false, 'no test files found');
    return;
  }
  const countsFile = path.join(os.tmpdir(), `weir-counts-${phase}-${process.pid}.json`);
  fs.rmSync(countsFile, { force: true });
  const started = Date.now();
  step(`${phase}: ${files.length} file(s)`);
  const args = [
    '--import', 'tsx', '--test',
    `--test-concurrency=${opts.concurrency}`,
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    `--test-reporter=${path.join(ROOT, 'scripts/test-reporter.mjs')}`, '--test-reporter-destination=stderr',
    ...files,
  ];
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env, WEIR_TEST_COUNTS: countsFile } });
    const timer = setTimeout(() => {
      console.error(`${phase} took longer than ${opts.timeoutMs / 60000} min; stopping it`);
      child.kill('SIGTERM');
    }, opts.timeoutMs);
    child.on('exit', (c) => (clearTimeout(timer), resolve(c ?? 1)));
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (!fs.existsSync(countsFile)) {
    check(`${phase}: test runner`, false, `exited with ${code} before reporting`);
    return;
  }
  const c = JSON.parse(fs.readFileSync(countsFile, 'utf8')) as Counts;
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
  total.failures.push(...c.failures.map((f) => `${phase}: ${f}`));
  if (code !== 0 && c.failed === 0) check(`${phase}: test runner`, false, `exited with ${code}`);
  timings.push(`${phase} ${seconds}s (${c.passed} passed, ${c.failed} failed)`);
}

async function main() {
  const onlyArg = process.argv.find((a) => a.startsWith('--only'));
  const onlyValue = onlyArg?.includes('=') ? onlyArg.split('=')[1] : process.argv[process.argv.indexOf('--only') + 1];
  const only = onlyArg ? new Set((onlyValue ?? '').split(',')) : undefined;
  const want = (phase: string) => !only || only.has(phase);
  const runStarted = Date.now();

  // ---- the real parts ----
  step('Checking the real parts the tests need');
  const javaOk = check('Java 17 (java -version)', hasCommand('java', ['-version']), 'java is not on PATH; the local Flink cluster needs it');
  const mvnOk = check('Maven (mvn -v)', hasCommand('mvn', ['-v']), 'mvn is not on PATH; Flink is assembled from Maven Central with it');
  if (want('store')) {
    check('PostgreSQL on 127.0.0.1:5432', await portOpen(5432), 'nothing listens on 127.0.0.1:5432; the store tests run on PostgreSQL too');
    check('MariaDB on 127.0.0.1:3306', await portOpen(3306), 'nothing listens on 127.0.0.1:3306; the store tests run on MySQL/MariaDB too');
  }
  if (want('integration')) check(`Prometheus at ${PROMETHEUS}`, prometheusInstalled(), 'missing, and apt-get install prometheus failed');
  let chromiumOk = true;
  if (want('browser')) {
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
    for (const ws of ['contract', 'flink-local', 'server', 'web', 'e2e', 'bench']) {
      const tsconfig = path.join(ROOT, ws, 'tsconfig.json');
      if (!fs.existsSync(tsconfig)) continue;
      const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', tsconfig, '--noEmit'], { cwd: ROOT, encoding: 'utf8' });
      if (r.status !== 0) process.stdout.write(r.stdout + r.stderr);
      check(`typecheck ${ws}`, r.status === 0, 'TypeScript errors above');
    }
  }

  const isTest = (f: string) => /\.test\.ts$/.test(f) && !/\.(store|int)\.test\.ts$/.test(f);
  const sources = ['contract/src', 'flink-local/src', 'server/src', 'web/src', 'bench'];
  const find = (pred: (f: string) => boolean) => sources.flatMap((d) => walk(path.join(ROOT, d), pred));

  if (want('unit')) await runNodeTests('unit', find(isTest), {}, { concurrency: 2, timeoutMs: 10 * 60_000 });
  if (want('store')) await runNodeTests('store', find((f) => f.endsWith('.store.test.ts')), {}, { concurrency: 1, timeoutMs: 15 * 60_000 });

  // ---- a real Flink for integration and browser tests ----
  let flink: { stop(): Promise<void>; restUrl: string; gatewayUrl?: string; dataDir: string } | undefined;
  let flinkEnv: NodeJS.ProcessEnv = {};
  if ((want('integration') || want('browser')) && javaOk && mvnOk) {
    step('Starting the test Flink cluster (ports 18081/16123/18083)');
    try {
      const { ensureFlinkDistribution, startLocalFlink } = await import('@weir/flink-local');
      const distribution = await ensureFlinkDistribution({ log: (l: string) => console.log(`  ${l}`) });
      const dataDir = path.join(ROOT, '.cache', 'test-flink');
      fs.rmSync(dataDir, { recursive: true, force: true });
      const started = Date.now();
      flink = await startLocalFlink({ distribution, dataDir, restPort: 18081, rpcPort: 16123, gatewayPort: 18083, slotsPerTaskManager: 8 });
      check('test Flink cluster starts', true);
      console.log(`  up in ${((Date.now() - started) / 1000).toFixed(1)}s: ${flink.restUrl} ${flink.gatewayUrl ?? ''}`);
      flinkEnv = {
        WEIR_TEST_FLINK_REST: flink.restUrl,
        WEIR_TEST_FLINK_GATEWAY: flink.gatewayUrl ?? '',
        WEIR_TEST_FLINK_DATA_DIR: flink.dataDir,
        WEIR_TEST_FLINK_EXAMPLES: path.dirname(distribution.examples.wordCount),
      };
    } catch (err) {
      check('test Flink cluster starts', false, (err as Error).message);
    }
  }
  try {
    if (want('integration')) {
      if (flink) await runNodeTests('integration', find((f) => f.endsWith('.int.test.ts')), flinkEnv, { concurrency: 1, timeoutMs: 35 * 60_000 });
      else check('integration', false, 'not run: no Flink cluster (see above)');
    }
    if (want('browser')) {
      let built = true;
      try {
        ensureWebBuild();
      } catch (err) {
        built = check('web app builds', false, (err as Error).message);
      }
      if (built && chromiumOk) {
        await runNodeTests('browser', walk(path.join(ROOT, 'e2e/tests'), (f) => f.endsWith('.e2e.ts')), { ...flinkEnv, WEIR_CHROMIUM: CHROMIUM }, { concurrency: 1, timeoutMs: 20 * 60_000 });
      } else check('browser', false, 'not run: no web build or no Chromium (see above)');
    }
  } finally {
    await flink?.stop();
  }

  const minutes = ((Date.now() - runStarted) / 60000).toFixed(1);
  console.log(`\nTimings: ${timings.join('; ')}; whole run ${minutes} min`);
  if (total.failures.length) {
    console.log('\nFailures:');
    for (const f of total.failures) console.log(`  ✖ ${f}`);
  }
  console.log(`\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
  process.exit(total.failed === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  console.log(`\n${total.passed} passed, ${total.failed + 1} failed`);
  process.exit(1);
});
