// Shared by `npm start` and `npm test`: make a clean clone runnable. Plain
// JavaScript on purpose: it runs before the TypeScript tooling is installed.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function step(message) {
  console.log(`\x1b[1m▸ ${message}\x1b[0m`);
}

export class MissingPartError extends Error {}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
}

function newestMtime(dir) {
  let newest = 0;
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return newest;
}

/** Installs npm dependencies when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const marker = path.join(ROOT, 'node_modules', '.package-lock.json');
  const lock = path.join(ROOT, 'package-lock.json');
  const stale = !fs.existsSync(marker) || (fs.existsSync(lock) && fs.statSync(lock).mtimeMs > fs.statSync(marker).mtimeMs);
  if (!stale) return;
  step('Installing npm dependencies');
  run('npm', [fs.existsSync(lock) ? 'ci' : 'install', '--no-audit', '--no-fund']);
}

/** Builds the web app when its build is missing or older than its sources. */
export function ensureWebBuild({ force = false } = {}) {
  const dist = path.join(ROOT, 'web', 'dist', 'index.html');
  const sources = Math.max(newestMtime(path.join(ROOT, 'web', 'src')), newestMtime(path.join(ROOT, 'contract', 'src')));
  if (!force && fs.existsSync(dist) && fs.statSync(dist).mtimeMs >= sources) return;
  step('Building the web app');
  run('npm', ['run', 'build', '-w', '@weir/web']);
}

export function hasCommand(cmd, args = ['--version']) {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium for the browser tests; installed with apt-get when absent. */
export function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  step('Installing Chromium from Debian (apt-get install chromium)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], { stdio: 'inherit', env }) : update;
  if (install.status !== 0 || !fs.existsSync(CHROMIUM)) {
    throw new MissingPartError('Chromium is missing and `apt-get install chromium` failed; the browser tests need Debian\'s Chromium at /usr/bin/chromium');
  }
}

export const PROMETHEUS = '/usr/bin/prometheus';

/** Debian's Prometheus for the metrics export's integration test; installed with apt-get when absent. */
export function ensurePrometheus() {
  if (fs.existsSync(PROMETHEUS)) return;
  step('Installing Prometheus from Debian (apt-get install prometheus)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'prometheus'], { stdio: 'inherit', env }) : update;
  if (install.status !== 0 || !fs.existsSync(PROMETHEUS)) {
    throw new MissingPartError(`Prometheus is missing and \`apt-get install prometheus\` failed; the metrics export test needs Debian's Prometheus at ${PROMETHEUS}`);
  }
}

/** ensurePrometheus() as a yes/no for the test runner's list of real parts. */
export function prometheusInstalled() {
  try {
    ensurePrometheus();
    return true;
  } catch {
    return false;
  }
}
