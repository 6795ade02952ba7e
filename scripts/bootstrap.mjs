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

/**
 * Builds the web app when its build is missing or older than its sources or its build settings;
 * a build without the manifest (made before the bundle budget test read it) is rebuilt too.
 */
export function ensureWebBuild({ force = false } = {}) {
  const dist = path.join(ROOT, 'web', 'dist', 'index.html');
  const manifest = path.join(ROOT, 'web', 'dist', '.vite', 'manifest.json');
  const inputs = [path.join(ROOT, 'web', 'src'), path.join(ROOT, 'web', 'build'), path.join(ROOT, 'contract', 'src')];
  const settings = ['vite.config.ts', 'index.html', 'package.json'].map((f) => path.join(ROOT, 'web', f)).filter((f) => fs.existsSync(f));
  const sources = Math.max(...inputs.map(newestMtime), ...settings.map((f) => fs.statSync(f).mtimeMs));
  if (!force && fs.existsSync(dist) && fs.existsSync(manifest) && fs.statSync(dist).mtimeMs >= sources) return;
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
export const PROMETHEUS = '/usr/bin/prometheus';
export const SLAPD = '/usr/sbin/slapd';

/**
 * A real part the tests need, from Debian's packages: installed with apt-get when `binary` is
 * absent; a failed install is a MissingPartError that names the part, never a skip.
 */
function ensureDebianPackage({ binary, packages, name, neededFor, withRecommends = false }) {
  if (fs.existsSync(binary)) return;
  step(`Installing ${name} from Debian (apt-get install ${packages.join(' ')})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', ...(withRecommends ? [] : ['--no-install-recommends']), ...packages], { stdio: 'inherit', env }) : update;
  if (install.status !== 0 || !fs.existsSync(binary)) {
    throw new MissingPartError(`${name} is missing and \`apt-get install ${packages[0]}\` failed; ${neededFor} need Debian's ${name} at ${binary}`);
  }
}

/** Debian's Chromium for the browser tests (with CJK fonts for the zh-CN pages). */
export function ensureChromium() {
  ensureDebianPackage({ binary: CHROMIUM, packages: ['chromium', 'fonts-noto-cjk'], name: 'Chromium', neededFor: 'the browser tests', withRecommends: true });
}

/** Debian's Prometheus for the metrics export's integration test. */
export function ensurePrometheus() {
  ensureDebianPackage({ binary: PROMETHEUS, packages: ['prometheus'], name: 'Prometheus', neededFor: 'the metrics export tests' });
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

/** Debian's OpenLDAP server (slapd, slapadd) for the LDAP login's integration tests, which start their own directory. */
export function ensureSlapd() {
  ensureDebianPackage({ binary: SLAPD, packages: ['slapd', 'ldap-utils'], name: 'OpenLDAP slapd', neededFor: 'the LDAP login tests' });
}

/** ensureSlapd() as a yes/no for the test runner's list of real parts. */
export function slapdInstalled() {
  try {
    ensureSlapd();
    return true;
  } catch {
    return false;
  }
}
