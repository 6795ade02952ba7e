import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../config/config.js';
import { waitUntil } from './flink.js';
import { SERVER_NODE_ARGS } from './server-launch.js';

/** A Weir server process (`server/src/main.ts`), as an operator runs one, on a database others may share. */
export interface WeirProcess {
  id: string;
  url: string;
  process: ChildProcess;
  output: string[];
  exited: Promise<void>;
}

export interface WeirHealth {
  clusters: { id: string; watchedBy: string | null }[];
  instance: { id: string; alive: string[] };
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Starts a Weir process named `id` on `databaseUrl`, with no local Flink and only these settings
 * (none of the caller's WEIR_* environment), and waits until it answers /api/health.
 */
export async function startWeirProcess(id: string, settings: { databaseUrl: string; secretKey: string; env?: Record<string, string> }): Promise<WeirProcess> {
  const port = await freePort();
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('WEIR_')));
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...inherited,
      WEIR_PORT: String(port),
      WEIR_HOST: '127.0.0.1',
      WEIR_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), `weir-${id}-`)),
      WEIR_DATABASE_URL: settings.databaseUrl,
      WEIR_SECRET_KEY: settings.secretKey,
      WEIR_ADMIN_PASSWORD: 'process-admin-password',
      WEIR_LOCAL_FLINK: 'off',
      WEIR_OUTBOUND_ALLOW: '127.0.0.0/8',
      WEIR_INSTANCE_ID: id,
      WEIR_LOG_LEVEL: 'warn',
      ...settings.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const instance = { id, url: `http://127.0.0.1:${port}`, process: child, output, exited };
  await waitUntil(`Weir process ${id} to answer`, 60_000, async () => (await fetch(`${instance.url}/api/health`).catch(() => null))?.ok).catch((err) => {
    child.kill('SIGKILL');
    throw new Error(`${(err as Error).message}\n${output.join('')}`);
  });
  return instance;
}

export async function healthOf(instance: WeirProcess): Promise<WeirHealth> {
  return (await (await fetch(`${instance.url}/api/health`)).json()) as WeirHealth;
}

/** The instance that watches the cluster, as `instance` sees it (null: none, or it cannot tell). */
export async function watcherSeenBy(instance: WeirProcess, clusterId: string): Promise<string | null> {
  return (await healthOf(instance)).clusters.find((c) => c.id === clusterId)?.watchedBy ?? null;
}
