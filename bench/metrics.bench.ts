// GET /metrics at scale: seeds 10,000 tasks (each with its latest run, live ones scored, alert
// incidents and deliveries) into the embedded database (SQLite) and into PostgreSQL (a database
// created for the run and dropped after it), then prints the p50/p95 time and the size of a scrape
// through the real HTTP route over a socket (token check and serialisation included), and the
// process's memory before and after them. Every running task has a
// checkpoint in the tracker's memory, as after a few polls, so the checkpoint series are all there.
//
//   npx tsx bench/metrics.bench.ts
//
// Environment (all optional): WEIR_BENCH_TASKS (10000), WEIR_BENCH_SAMPLES (30),
// WEIR_BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/postgres), WEIR_BENCH_ENGINES (sqlite,postgres).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { buildApp } from '../server/src/app.js';
import { SYSTEM_PRINCIPAL } from '../server/src/access/principal.js';
import { loadConfig } from '../server/src/config/config.js';
import { openDatabase, type Database } from '../server/src/db/database.js';
import { newId } from '../server/src/db/ids.js';
import { migrateToLatest } from '../server/src/db/migrations/index.js';
import type { Tables } from '../server/src/db/tables.js';
import '../server/src/alerts/alert-tables.js';
import '../server/src/health/health-tables.js';
import { createServices } from '../server/src/services.js';

const TASKS = Number(process.env.WEIR_BENCH_TASKS ?? 10_000);
const SAMPLES = Number(process.env.WEIR_BENCH_SAMPLES ?? 30);
const PG_URL = process.env.WEIR_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ENGINES = (process.env.WEIR_BENCH_ENGINES ?? 'sqlite,postgres').split(',');
const TARGET_MS = 100;

const CLUSTERS = ['prod-east', 'prod-west', 'staging', 'analytics', 'sandbox'];
// Each task's draft, about 4 KB of FlinkSQL like a real job's: in SQLite a row's long text sits in
// the same record as the columns the scrape reads, so empty drafts would flatter the query.
const DRAFT_SQL = [
  'CREATE TABLE orders (order_id STRING, customer_id STRING, amount DECIMAL(18, 2), currency STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL \'5\' SECOND)',
  "WITH ('connector' = 'kafka', 'topic' = 'orders', 'properties.bootstrap.servers' = 'kafka:9092', 'format' = 'json');",
  ...Array.from({ length: 30 }, (_, i) => `INSERT INTO orders_by_region_${i} SELECT region, TUMBLE_START(ts, INTERVAL '1' MINUTE), SUM(amount) FROM orders GROUP BY region;`),
].join('\n');
const STATUSES = ['RUNNING', 'RUNNING', 'RUNNING', 'RUNNING', 'RUNNING', 'FAILED', 'FINISHED', 'CANCELED', 'RESTARTING', 'UNKNOWN'];

async function seed(database: Database): Promise<Map<string, { at: number; durationMs: number; sizeBytes: number }>> {
  const db = database.db as Kysely<Tables>;
  const now = Date.now();
  const clusterIds = CLUSTERS.map(() => newId());
  await db
    .insertInto('clusters')
    .values(
      CLUSTERS.map((name, i) => ({
        id: clusterIds[i]!, name, rest_url: `http://${name}.invalid:8081`, gateway_url: null, history_url: null, description: null, is_local: 0,
        created_at: now, updated_at: now, health: i === 4 ? 'UNREACHABLE' : 'HEALTHY', flink_version: null, task_managers: null, slots_total: null,
        slots_available: null, jobs_running: null, last_checked_at: null, last_healthy_at: null, last_error: null, auth_type: null, auth_secret: null,
      })),
    )
    .execute();
  const checkpoints = new Map<string, { at: number; durationMs: number; sizeBytes: number }>();
  const tasks: Record<string, unknown>[] = [];
  const runs: Record<string, unknown>[] = [];
  const scores: Record<string, unknown>[] = [];
  for (let t = 0; t < TASKS; t += 1) {
    const taskId = newId();
    const runId = newId();
    const clusterId = clusterIds[t % clusterIds.length]!;
    const status = STATUSES[t % STATUSES.length]!;
    // Names like a real fleet's, and one in a hundred with characters the format must escape.
    const name = t % 100 === 0 ? `orders "${t}" \\ eu` : `${CLUSTERS[t % CLUSTERS.length]}-orders-${String(t).padStart(5, '0')}`;
    const restarts = t % 7;
    runs.push({
      id: runId, task_id: taskId, cluster_id: clusterId, flink_job_id: taskId.replace(/-/g, '').padEnd(32, '0').slice(0, 32), job_name: name, status,
      execution_mode: 'STREAMING', version_id: null, start_time: now - 3_600_000, end_time: null, duration_ms: null, restart_count: restarts,
      last_modification: now, lost: 0, lost_evidence: null, unreachable_since: null, failed_probes: 0, created_at: now, updated_at: now,
    });
    tasks.push({
      id: taskId, name, kind: 'SQL', lifecycle: 'ONLINE', execution_mode: 'STREAMING', cluster_id: clusterId, owner: null, description: null,
      draft_content: DRAFT_SQL, draft_config: '{}', current_version_id: null, latest_run_id: runId, latest_status: status, latest_start_time: now - 3_600_000,
      latest_flink_job_id: null, latest_end_time: null, latest_duration_ms: null, latest_restart_count: restarts, latest_lost: 0, created_at: now, updated_at: now,
    });
    if (status === 'RUNNING' || status === 'RESTARTING') scores.push({ run_id: runId, task_id: taskId, score: 100 - (t % 60), reasons: '[]', evaluated_at: now });
    if (status === 'RUNNING') checkpoints.set(runId, { at: now - (t % 300) * 1000, durationMs: 200 + (t % 50), sizeBytes: 1_000_000 + t });
  }
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < tasks.length; i += 1_000) await trx.insertInto('tasks').values(tasks.slice(i, i + 1_000) as never).execute();
    for (let i = 0; i < runs.length; i += 1_000) await trx.insertInto('runs').values(runs.slice(i, i + 1_000) as never).execute();
    for (let i = 0; i < scores.length; i += 1_000) await trx.insertInto('run_health').values(scores.slice(i, i + 1_000) as never).execute();
  });
  if (database.dialect === 'postgres') await sql`analyze`.execute(db);
  return checkpoints;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function benchEngine(engine: string, url: string): Promise<void> {
  const database = await openDatabase(url);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weir-bench-metrics-'));
  try {
    await migrateToLatest(database);
    const seeding = Date.now();
    const checkpoints = await seed(database);
    console.log(`${engine}: seeded ${TASKS.toLocaleString('en')} tasks in ${((Date.now() - seeding) / 1000).toFixed(1)} s`);
    // Background work is not started: nothing but the scrapes touches the database.
    const services = createServices(database, { ...loadConfig({ WEIR_DATA_DIR: dataDir }), sessionTtlMs: 3_600_000 });
    services.checkpoints.latestCompleted = () => checkpoints;
    const alerts = services.alerts.service;
    const channel = await alerts.createChannel(SYSTEM_PRINCIPAL, { type: 'webhook', name: 'oncall', enabled: true, config: { url: 'http://127.0.0.1:9/' } });
    const db = database.db as Kysely<Tables>;
    const now = Date.now();
    const ruleId = (await alerts.createRule(SYSTEM_PRINCIPAL, { name: 'failed', enabled: true, condition: { kind: 'status', statuses: ['FAILED'] }, scope: { kind: 'all' }, channelIds: [channel.id], renotifyIntervalMs: null })).id;
    for (let i = 0; i < 1_000; i += 1) {
      const incidentId = newId();
      await db.insertInto('alert_incidents').values({ id: incidentId, rule_id: ruleId, condition_kind: 'status', dedup_key: `k${i}`, task_id: null, run_id: null, cluster_id: null, state: i % 3 ? 'RESOLVED' : 'FIRING', opened_at: now, resolved_at: null, resolve_reason: null, last_notified_at: null, facts: '{}' }).execute();
      await db.insertInto('alert_deliveries').values({ id: newId(), notification_id: newId(), incident_id: incidentId, channel_id: channel.id, kind: 'FIRING', attempt: 1, status: i % 5 ? 'SENT' : 'GAVE_UP', created_at: now, next_attempt_at: null, claimed_by: null, claimed_at: null, sent_at: now, finished_at: now, error: null, request: null, response: null }).execute();
    }
    const app = await buildApp({ services, logLevel: 'silent', sessionTtlMs: 3_600_000 });
    const { secret } = await services.auth.createToken(SYSTEM_PRINCIPAL, 'prometheus', 'viewer');
    // Over a real socket, as Prometheus scrapes. Through app.inject the process grew by about 10 MB
    // a scrape that no collection returned, which is the in-process client's, not Weir's: over a
    // socket the same 100 scrapes leave the memory flat.
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const scrape = async () => {
      const res = await fetch(`${address}/metrics`, { headers: { authorization: `Bearer ${secret}` } });
      return { statusCode: res.status, body: await res.text() };
    };
    for (let i = 0; i < 10; i += 1) await scrape(); // warm-up: statement caches, JIT
    const times: number[] = [];
    const rssBefore = process.memoryUsage().rss;
    const queryMs: number[] = [];
    let last: Awaited<ReturnType<typeof scrape>> | undefined;
    for (let i = 0; i < SAMPLES; i += 1) {
      const started = performance.now();
      const res = await scrape();
      times.push(performance.now() - started);
      if (res.statusCode !== 200) throw new Error(`GET /metrics answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
      queryMs.push(Number(/^weir_scrape_query_seconds (\S+)$/m.exec(res.body)?.[1]) * 1000);
      last = res;
    }
    // Counted once, after the timed scrapes, so the bench's own garbage does not land in their times.
    const bytes = Buffer.byteLength(last!.body);
    const series = last!.body.split('\n').filter((line) => line && !line.startsWith('#')).length;
    times.sort((a, b) => a - b);
    queryMs.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    console.log(
      `${engine}: GET /metrics at ${TASKS.toLocaleString('en')} tasks: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms ` +
        `(target < ${TARGET_MS} ms: ${p95 < TARGET_MS ? 'met' : 'MISSED'}), ${(bytes / 1024).toFixed(0)} KiB, ${series.toLocaleString('en')} series, ` +
        `of which the database p50 ${percentile(queryMs, 50).toFixed(1)} ms; RSS ${(rssBefore / 2 ** 20).toFixed(0)} MB before the scrapes, ` +
        `${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB after ${SAMPLES}`,
    );
    await app.close();
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  for (const engine of ENGINES) {
    if (engine === 'sqlite') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weir-bench-metrics-db-'));
      try {
        await benchEngine('sqlite', `sqlite:${path.join(dir, 'weir.db')}`);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    } else if (engine === 'postgres') {
      const name = `weir_bench_metrics_${process.pid}`;
      const admin = await openDatabase(PG_URL);
      await sql.raw(`create database ${name}`).execute(admin.db);
      try {
        const target = new URL(PG_URL);
        target.pathname = `/${name}`;
        await benchEngine('postgres', target.toString());
      } finally {
        await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
        await admin.close();
      }
    }
  }
}

await main();
