import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, testDatabaseChoice } from '../../server/src/test-support/databases.js';
import { SERVER_NODE_ARGS } from '../../server/src/test-support/server-launch.js';
import { REPO_ROOT } from './repo.js';

export interface WeirServer {
  url: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  adminPassword: string;
  /** Extra environment, e.g. shorter Flink timeouts. */
  env?: Record<string, string>;
  startTimeoutMs?: number;
  /** A port chosen beforehand (freePort), when something must know Weir's URL before it starts (an identity provider's redirect URI). */
  port?: number;
}

const SERVER_ENTRY = path.join(REPO_ROOT, 'server', 'src', 'main.ts');
/** The V8 flags `npm start` gives Weir, so the browser tests run the server as users do. */
const WEB_DIR = path.join(REPO_ROOT, 'web', 'dist');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts a Weir server of its own for one test: a free port, a temporary data directory, a fresh
 * database on the engine the run chose with WEIR_TEST_DATABASE (SQLite in the data directory by
 * default; dropped again by stop()), no local Flink, serving the built web app. Resolves once
 * GET /api/health answers 200.
 */
export async function startWeirServer(options: StartOptions): Promise<WeirServer> {
  if (!fs.existsSync(SERVER_ENTRY)) throw new Error(`Weir server entry ${SERVER_ENTRY} does not exist yet.`);
  if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) {
    throw new Error(`${WEB_DIR}/index.html is missing: build the web app first (npm run build -w @weir/web).`);
  }

  const port = options.port ?? (await freePort());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weir-e2e-server-'));
  const url = `http://127.0.0.1:${port}`;
  const choice = testDatabaseChoice();
  const database = choice === 'sqlite' ? { url: `sqlite:${path.join(dataDir, 'weir.db')}`, drop: async () => undefined } : await createTestDatabase(choice);
  const output: string[] = [];
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, SERVER_ENTRY], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      WEIR_PORT: String(port),
      WEIR_HOST: '127.0.0.1',
      WEIR_DATA_DIR: dataDir,
      WEIR_DATABASE_URL: database.url,
      WEIR_ADMIN_PASSWORD: options.adminPassword,
      WEIR_LOCAL_FLINK: 'off',
      WEIR_WEB_DIR: WEB_DIR,
      // WEIR_E2E_LOG_LEVEL=info keeps every request in the server's log (test-results/server-logs).
      WEIR_LOG_LEVEL: process.env.WEIR_E2E_LOG_LEVEL ?? 'warn',
      // The tests' Flink cluster and alert receivers listen on this machine, which Weir denies by default.
      WEIR_OUTBOUND_ALLOW: '127.0.0.0/8,::1/128',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Kept after the run (test-results/server-logs/), so a failure that only happens on a busy machine
  // can be read afterwards: the server's warnings and errors (lease changes, failed scheduled work).
  const logDir = path.join(REPO_ROOT, 'test-results', 'server-logs');
  fs.mkdirSync(logDir, { recursive: true });
  const log = fs.createWriteStream(path.join(logDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${choice}-${port}.log`));
  const record = (chunk: Buffer) => {
    output.push(chunk.toString());
    log.write(chunk);
  };
  child.stdout?.on('data', record);
  child.stderr?.on('data', record);
  child.once('exit', () => log.end());

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killTimer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited(child);
      clearTimeout(killTimer);
    }
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`Weir server exited with code ${child.exitCode} before it was healthy:\n${output.join('')}`);
    }
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.status === 200) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`Weir server at ${url} did not answer GET /api/health with 200 within the timeout:\n${output.join('')}`);
}

/** An API session of a user on a running Weir: the cookie to send and the CSRF token state changes echo. */
export async function apiSession(server: WeirServer, username: string, password: string): Promise<{ cookie: string; csrfToken: string }> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`logging ${username} in answered ${login.status}: ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}
