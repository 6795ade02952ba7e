// `npm start` as the README tells a user to run it (`node scripts/start.mjs` is what it runs), from a
// data folder of its own, with the local Flink cluster on ports of its own: the web app and the API
// are served, the printed login works, "local" is registered and becomes HEALTHY, the local YARN asked
// for with WEIR_LOCAL_YARN=on is registered as the YARN target "local-yarn", and Ctrl-C (SIGINT) leaves
// no process behind (the YARN daemons included).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT } from './config/config.js';
import { waitUntil } from './test-support/flink.js';

const WEIR_PORT = 24201;
const FLINK_PORTS = { rest: 24281, rpc: 24282, gateway: 24283 };
const BASE = `http://127.0.0.1:${WEIR_PORT}`;

/** Pids of live processes whose environment names this data folder: npm start, the server and every JVM it started. */
function processesOf(dataDir: string): number[] {
  const marker = `WEIR_DATA_DIR=${dataDir}\0`;
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const state = /^State:\s+(\S)/m.exec(fs.readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1];
      if (state === 'Z') continue; // exited, only not reaped (PID 1 here does not reap orphans)
      if (fs.readFileSync(`/proc/${entry}/environ`, 'utf8').includes(marker)) pids.push(Number(entry));
    } catch {
      /* gone meanwhile, or not ours to read */
    }
  }
  return pids;
}

describe('npm start', () => {
  let dataDir: string;
  let start: ChildProcess;
  let output = '';
  let exited: Promise<number | null>;

  before(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weir-npm-start-'));
    // Only the test's own settings: nothing of the caller's WEIR_* environment leaks in.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('WEIR_')));
    start = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: REPO_ROOT,
      env: {
        ...env,
        WEIR_PORT: String(WEIR_PORT),
        WEIR_DATA_DIR: dataDir,
        WEIR_LOCAL_FLINK_REST_PORT: String(FLINK_PORTS.rest),
        WEIR_LOCAL_FLINK_RPC_PORT: String(FLINK_PORTS.rpc),
        WEIR_LOCAL_FLINK_GATEWAY_PORT: String(FLINK_PORTS.gateway),
        WEIR_LOCAL_YARN: 'on',
        WEIR_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    start.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    start.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    exited = new Promise((resolve) => start.once('exit', (code) => resolve(code)));
  });
  after(async () => {
    // Only if a case failed before stopping it: never leave Weir or its Flink running.
    if (start.exitCode === null && start.signalCode === null) {
      start.kill('SIGINT');
      await exited;
    }
    for (const pid of processesOf(dataDir)) process.kill(pid, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  let password: string;
  let cookie: string;

  /** A failure names what npm start printed, which is where its reason is. */
  async function withOutput<T>(wait: () => Promise<T>): Promise<T> {
    try {
      return await wait();
    } catch (err) {
      throw new Error(`${(err as Error).message}\n--- npm start printed ---\n${output.slice(-4000)}`, { cause: err });
    }
  }

  it('prints where Weir runs and a login, and serves the web app and /api/health', async () => {
    // The first start in a fresh clone also builds the web app, hence the long wait.
    password = await withOutput(() =>
      waitUntil('npm start to print the login', 300_000, async () => {
        if (start.exitCode !== null) throw new Error(`npm start exited with ${start.exitCode}`);
        return /Log in with user "admin", password (\S+) \(generated/.exec(output)?.[1];
      }),
    );
    assert.match(output, new RegExp(`Weir is running at ${BASE}`));

    const page = await fetch(`${BASE}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    const html = await page.text();
    assert.match(html, /<title>Weir<\/title>/);
    assert.match(html, /<div id="root"><\/div>/);
    assert.match(html, /<script[^>]+src="\/assets\/[^"]+\.js"/, 'the built app, not a placeholder');

    const health = await fetch(`${BASE}/api/health`);
    assert.equal(health.status, 200);
    const report = (await health.json()) as { database: { status: string; dialect: string } };
    assert.deepEqual(report.database, { status: 'ok', dialect: 'sqlite' });
  });

  it('accepts the login it printed', async () => {
    const wrong = await fetch(`${BASE}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: `${password}x` }) });
    assert.equal(wrong.status, 401);
    const login = await fetch(`${BASE}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
    assert.equal(login.status, 200);
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    assert.ok(cookie.includes('='), 'a session cookie is set');
    const me = await fetch(`${BASE}/api/auth/me`, { headers: { cookie } });
    assert.equal(me.status, 200);
  });

  it('registers the local Flink cluster as "local", on the configured ports, and it becomes HEALTHY', async () => {
    const local = await withOutput(() =>
      waitUntil('the local cluster to be registered and HEALTHY', 300_000, async () => {
        if (start.exitCode !== null) throw new Error(`npm start exited with ${start.exitCode}`);
        const res = await fetch(`${BASE}/api/clusters`, { headers: { cookie } });
        assert.equal(res.status, 200);
        const { items } = (await res.json()) as { items: { name: string; isLocal: boolean; restUrl: string; gatewayUrl: string | null; health: string }[] };
        const found = items.find((c) => c.name === 'local');
        return found?.health === 'HEALTHY' ? found : undefined;
      }),
    );
    assert.equal(local.isLocal, true);
    assert.equal(local.restUrl, `http://127.0.0.1:${FLINK_PORTS.rest}`);
    assert.equal(local.gatewayUrl, `http://127.0.0.1:${FLINK_PORTS.gateway}`);
    const overview = await fetch(`${local.restUrl}/overview`);
    assert.equal(overview.status, 200, 'the JobManager answers on the configured port');
  });

  it('with WEIR_LOCAL_YARN=on, starts a local YARN and registers it as the YARN target "local-yarn", HEALTHY', async () => {
    const yarn = await withOutput(() =>
      waitUntil('the local YARN to be registered and HEALTHY', 300_000, async () => {
        if (start.exitCode !== null) throw new Error(`npm start exited with ${start.exitCode}`);
        const res = await fetch(`${BASE}/api/clusters`, { headers: { cookie } });
        const { items } = (await res.json()) as { items: { name: string; kind: string; isLocal: boolean; restUrl: string; health: string; yarn: { hadoopConfDir: string; queue: string } | null }[] };
        const found = items.find((c) => c.name === 'local-yarn');
        return found?.health === 'HEALTHY' ? found : undefined;
      }),
    );
    assert.equal(yarn.kind, 'yarn');
    assert.equal(yarn.isLocal, true);
    assert.equal(yarn.yarn?.queue, 'default');
    assert.equal(yarn.yarn?.hadoopConfDir, path.join(dataDir, 'yarn', 'conf'));
    const info = (await (await fetch(`${yarn.restUrl}/ws/v1/cluster/info`)).json()) as { clusterInfo: { state: string } };
    assert.equal(info.clusterInfo.state, 'STARTED', 'the ResourceManager answers at the registered address');
  });

  it('stops on SIGINT and leaves no process behind', async () => {
    const running = processesOf(dataDir);
    // npm start, the server, the JobManager, a TaskManager, the SQL Gateway, the ResourceManager and the NodeManager.
    assert.ok(running.length >= 7, `the processes of this start are found (${running.length}: ${running.join(', ')})`);
    start.kill('SIGINT');
    assert.equal(await exited, 0, `npm start exits cleanly:\n${output.slice(-2000)}`);
    assert.deepEqual(processesOf(dataDir), [], 'no process of this start is left');
    const ports = await Promise.all([WEIR_PORT, FLINK_PORTS.rest, FLINK_PORTS.gateway].map((p) => fetch(`http://127.0.0.1:${p}/`).then(() => p, () => undefined)));
    assert.deepEqual(ports.filter(Boolean), [], 'nothing answers on its ports any more');
  });
});
