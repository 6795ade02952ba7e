// Benchmark: how long a cluster goes unwatched when the Weir process watching it is killed
// (kill -9, no lease given up), with several Weir processes on one PostgreSQL database and one
// real Flink. Each round kills the watching process, times until another says (GET /api/health)
// that it watches the cluster, and starts a fresh process in the dead one's place.
//
//   npx tsx bench/failover.bench.ts [--kills 10] [--lease-ms 6000] [--instances 2]
//
// A real cluster: WEIR_BENCH_FLINK_REST (and WEIR_BENCH_FLINK_GATEWAY), or a local Flink 1.20.3 the
// script starts (REST 38181). The database: WEIR_TEST_PG_URL's server, a fresh database dropped
// after. Prints figures; asserts nothing.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalFlink } from '@weir/flink-local';
import { SYSTEM_PRINCIPAL } from '../server/src/access/principal.js';
import { createTestDatabase } from '../server/src/test-support/databases.js';
import { waitUntil } from '../server/src/test-support/flink.js';
import { startTestWeir } from '../server/src/test-support/weir.js';
import { startWeirProcess, watcherSeenBy, type WeirProcess } from '../server/src/test-support/weir-process.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const KILLS = option('kills', 10);
const LEASE_MS = option('lease-ms', 6_000);
const INSTANCES = option('instances', 2);
const SECRET_KEY = randomBytes(32).toString('hex');

function log(message: string): void {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
}

async function main(): Promise<void> {
  let restUrl = process.env.WEIR_BENCH_FLINK_REST;
  let gatewayUrl = process.env.WEIR_BENCH_FLINK_GATEWAY;
  let stopFlink: (() => Promise<void>) | undefined;
  if (!restUrl) {
    log('starting a local Flink 1.20.3 (REST 38181, SQL Gateway 38183)');
    const own = await startLocalFlink({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'weir-bench-failover-')), restPort: 38181, rpcPort: 36223, gatewayPort: 38183, slotsPerTaskManager: 1 });
    restUrl = own.restUrl;
    gatewayUrl = own.gatewayUrl ?? undefined;
    stopFlink = () => own.stop();
  }
  const database = await createTestDatabase('postgres');
  const processes: WeirProcess[] = [];
  let serial = 0;
  const start = async () => {
    serial += 1;
    const p = await startWeirProcess(`bench-${serial}`, { databaseUrl: database.url, secretKey: SECRET_KEY, env: { WEIR_CLUSTER_LEASE_MS: String(LEASE_MS) } });
    processes.push(p);
    return p;
  };
  try {
    const registrar = await startTestWeir({ databaseUrl: database.url, background: false, config: { secretKey: SECRET_KEY } });
    const clusterId = (await registrar.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'bench', restUrl, ...(gatewayUrl ? { gatewayUrl } : {}) })).id;
    await registrar.stop();
    for (let i = 0; i < INSTANCES; i += 1) await start();
    log(`${INSTANCES} Weir processes on one PostgreSQL database, lease ${LEASE_MS} ms; ${KILLS} kills`);
    const takeovers: number[] = [];
    for (let round = 1; round <= KILLS; round += 1) {
      const live = processes.filter((p) => p.process.exitCode === null && p.process.signalCode === null);
      const owner = await waitUntil('all to agree on the watcher', 30_000, async () => {
        const seen = await Promise.all(live.map((p) => watcherSeenBy(p, clusterId)));
        return seen[0] && seen.every((s) => s === seen[0]) ? seen[0] : undefined;
      });
      const victim = live.find((p) => p.id === owner)!;
      const others = live.filter((p) => p !== victim);
      victim.process.kill('SIGKILL');
      const killedAt = Date.now();
      await victim.exited;
      const taker = await waitUntil('another to take over', 60_000, async () => {
        for (const p of others) if ((await watcherSeenBy(p, clusterId)) === p.id) return p.id;
        return undefined;
      });
      const ms = Date.now() - killedAt;
      takeovers.push(ms);
      log(`kill ${round}: ${victim.id} killed, ${taker} watches the cluster after ${ms} ms`);
      await start();
    }
    const sorted = [...takeovers].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
    console.log(`\ntakeover after kill -9 (lease ${LEASE_MS} ms, ${KILLS} kills): min ${sorted[0]} ms, median ${at(0.5)} ms, max ${sorted[sorted.length - 1]} ms`);
  } finally {
    for (const p of processes) p.process.kill('SIGKILL');
    await Promise.all(processes.map((p) => p.exited));
    await database.drop();
    await stopFlink?.();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
