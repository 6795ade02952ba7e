// Several Weir processes on one PostgreSQL database and one real Flink, killed as an operator's
// machine kills them: kill -9 of the instance that watches a cluster hands the cluster to another
// within 10 s; an instance paused past its lease (SIGSTOP) finds, when it wakes (SIGCONT), that the
// cluster is another's, and does not take it back.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SYSTEM_PRINCIPAL } from '../auth/principal.js';
import { REPO_ROOT } from '../config/config.js';
import { createTestDatabase } from '../test-support/databases.js';
import { sharedTestFlink, waitUntil, type TestFlink } from '../test-support/flink.js';
import { startTestWeir } from '../test-support/weir.js';

const LEASE_MS = 3_000;
const SECRET_KEY = randomBytes(32).toString('hex');

interface Instance {
  id: string;
  url: string;
  process: ChildProcess;
  output: string[];
  exited: Promise<void>;
}

interface Health {
  clusters: { id: string; watchedBy: string | null }[];
  instance: { id: string; alive: string[] };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Weir processes on one PostgreSQL database, killed and paused', () => {
  let flink: TestFlink;
  let databaseUrl: string;
  let drop: () => Promise<void>;
  let clusterId: string;
  const instances: Instance[] = [];

  async function startInstance(id: string): Promise<Instance> {
    const port = await freePort();
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('WEIR_')));
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: REPO_ROOT,
      env: {
        ...env,
        WEIR_PORT: String(port),
        WEIR_HOST: '127.0.0.1',
        WEIR_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), `weir-${id}-`)),
        WEIR_DATABASE_URL: databaseUrl,
        WEIR_SECRET_KEY: SECRET_KEY,
        WEIR_ADMIN_PASSWORD: 'failover-admin-password',
        WEIR_LOCAL_FLINK: 'off',
        WEIR_OUTBOUND_ALLOW: '127.0.0.0/8',
        WEIR_INSTANCE_ID: id,
        WEIR_CLUSTER_LEASE_MS: String(LEASE_MS),
        WEIR_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
    child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const instance = { id, url: `http://127.0.0.1:${port}`, process: child, output, exited };
    instances.push(instance);
    await waitUntil(`instance ${id} to answer`, 60_000, async () => (await fetch(`${instance.url}/api/health`).catch(() => null))?.ok).catch((err) => {
      throw new Error(`${(err as Error).message}\n${output.join('')}`);
    });
    return instance;
  }

  const health = async (instance: Instance): Promise<Health> => (await (await fetch(`${instance.url}/api/health`)).json()) as Health;
  const watcherAsSeenBy = async (instance: Instance) => (await health(instance)).clusters.find((c) => c.id === clusterId)?.watchedBy ?? null;

  before(async () => {
    flink = await sharedTestFlink();
    const database = await createTestDatabase('postgres');
    databaseUrl = database.url;
    drop = database.drop;
    // The cluster is registered once, on the shared database, with the instances' secret key.
    const registrar = await startTestWeir({ databaseUrl, background: false, config: { secretKey: SECRET_KEY } });
    clusterId = (await registrar.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'shared', restUrl: flink.restUrl, gatewayUrl: flink.gatewayUrl })).id;
    await registrar.stop();
  });

  after(async () => {
    for (const instance of instances) {
      instance.process.kill('SIGCONT');
      instance.process.kill('SIGKILL');
      await instance.exited;
    }
    await drop?.();
  });

  it('kill -9 of the watching instance: another takes the cluster over within 10 s; a paused one does not take it back', async () => {
    const a = await startInstance('weir-a');
    const b = await startInstance('weir-b');
    const owner = await waitUntil('one instance to watch the cluster, as both say', 30_000, async () => {
      const [byA, byB] = [await watcherAsSeenBy(a), await watcherAsSeenBy(b)];
      return byA !== null && byA === byB ? byA : undefined;
    });
    await waitUntil('each instance to count the other alive', 10_000, async () =>
      (await Promise.all([a, b].map(health))).every((h) => [...h.instance.alive].sort().join() === 'weir-a,weir-b'),
    );
    const [victim, survivor] = owner === a.id ? [a, b] : [b, a];

    victim.process.kill('SIGKILL');
    const killedAt = Date.now();
    await victim.exited;
    await waitUntil('the survivor to watch the cluster', 20_000, async () => (await watcherAsSeenBy(survivor)) === survivor.id);
    const takeoverMs = Date.now() - killedAt;
    console.log(`kill -9: cluster taken over after ${takeoverMs} ms (lease ${LEASE_MS} ms)`);
    assert.ok(takeoverMs < 10_000, `taken over within 10 s (${takeoverMs} ms)`);

    // A third instance joins; the survivor is paused past its lease; the newcomer takes the cluster.
    const c = await startInstance('weir-c');
    survivor.process.kill('SIGSTOP');
    await waitUntil('the newcomer to watch the cluster', 20_000, async () => (await watcherAsSeenBy(c)) === c.id);
    survivor.process.kill('SIGCONT');
    // Awake again, the paused instance sees the cluster as the newcomer's and leaves it so.
    await waitUntil('the woken instance to see the newcomer watching', 20_000, async () => (await watcherAsSeenBy(survivor)) === c.id);
    for (let tick = 0; tick < 3; tick += 1) {
      // Three of its ticks (each LEASE_MS / 6): it never claims the cluster back.
      const seen = await waitUntil('a fresh health answer', 5_000, async () => health(survivor));
      assert.equal(seen.clusters.find((x) => x.id === clusterId)?.watchedBy, c.id);
      await new Promise((resolve) => setTimeout(resolve, LEASE_MS / 6));
    }
  });
});
