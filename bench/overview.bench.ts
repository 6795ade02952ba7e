// The job overview at scale: seeds 10,000 tasks with 1,000,000 runs into the embedded database
// (SQLite) and into PostgreSQL (a database created for the run and dropped after it), then prints
// p50/p95 latency of the status counts and of the first page for each filter and sort, through the
// real HTTP routes (validation, auth and serialisation included). Every live latest run gets a
// health score (as the health checks would store it). Last, the time until the overview page with
// 10,000 tasks is interactive in Chromium, with what each load cost (JavaScript and CSS in bytes raw
// and gzip, requests, main-thread long tasks), and the same for a running run's detail page.
//
//   npx tsx bench/overview.bench.ts
//
// Environment (all optional): WEIR_BENCH_TASKS (10000), WEIR_BENCH_RUNS_PER_TASK (100),
// WEIR_BENCH_SAMPLES (60), WEIR_BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/postgres),
// WEIR_BENCH_ENGINES (sqlite,postgres), WEIR_BENCH_BROWSER (1; 0 skips the browser part),
// WEIR_CHROMIUM (/usr/bin/chromium), WEIR_BENCH_WEB_DIR (web/dist, built when stale; another build is
// measured as it is). To try indexes without seeding again: WEIR_BENCH_KEEP=1 keeps
// the seeded databases and prints their URLs; WEIR_BENCH_SQLITE_URL / WEIR_BENCH_PG_SEEDED_URL reuse
// them (pending migrations are applied first).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { buildApp } from '../server/src/app.js';
import { hashPassword } from '../server/src/auth/password.js';
import { loadConfig, REPO_ROOT } from '../server/src/config/config.js';
import { openDatabase, type Database } from '../server/src/db/database.js';
import { newId } from '../server/src/db/ids.js';
import { migrateToLatest } from '../server/src/db/migrations/index.js';
import type { Tables } from '../server/src/db/tables.js';
import { createServices } from '../server/src/services.js';
import { describeLoadCost, LONG_TASK_RECORDER, watchPageLoad, type PageLoadCost } from './page-load.js';

const TASKS = Number(process.env.WEIR_BENCH_TASKS ?? 10_000);
const RUNS_PER_TASK = Number(process.env.WEIR_BENCH_RUNS_PER_TASK ?? 100);
const SAMPLES = Number(process.env.WEIR_BENCH_SAMPLES ?? 60);
const PG_URL = process.env.WEIR_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ENGINES = (process.env.WEIR_BENCH_ENGINES ?? 'sqlite,postgres').split(',');
const BROWSER = process.env.WEIR_BENCH_BROWSER !== '0';
const KEEP = process.env.WEIR_BENCH_KEEP === '1';
const TARGET_P95_MS = 50;
const TARGET_INTERACTIVE_MS = 1_500;
const TARGET_OVERVIEW_MEDIAN_MS = 1_000;
const PASSWORD = 'bench-password-1';
// The same key on every run, so a kept database opens again (a fresh data folder would make a new one).
const BENCH_SECRET_KEY = 'b'.repeat(64);

const CLUSTERS = ['prod-east', 'prod-west', 'staging', 'analytics', 'sandbox'];
const LIFECYCLES = ['DEVELOP', 'PUBLISHED', 'ONLINE', 'OFFLINE'] as const;
const WORDS = ['orders', 'payments', 'clicks', 'fraud', 'inventory', 'search', 'ads', 'sessions', 'billing', 'metrics', 'audit', 'users'];

/** Status of each task's latest run, with weights like a real fleet: mostly running. */
const LATEST_STATUSES: [string, number][] = [
  ['RUNNING', 55], ['FINISHED', 12], ['FAILED', 8], ['CANCELED', 10], ['RESTARTING', 4],
  ['UNKNOWN', 3], ['RECONNECTING', 2], ['CREATED', 2], ['INITIALIZING', 2], ['SUSPENDED', 2],
];
const EARLIER_STATUSES: [string, number][] = [['FINISHED', 40], ['CANCELED', 35], ['FAILED', 25]];

/** Deterministic, so both engines hold the same data. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
function pick<T>(rand: () => number, weighted: [T, number][]): T {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  let r = rand() * total;
  for (const [value, weight] of weighted) if ((r -= weight) < 0) return value;
  return weighted[0]![0];
}

interface Seeded {
  clusterIds: string[];
  someTaskId: string;
  seconds: number;
}

async function seed(database: Database, log: (line: string) => void): Promise<Seeded> {
  const started = Date.now();
  const db = database.db as Kysely<Tables>;
  const rand = random(42);
  const now = Date.now();
  const clusterIds: string[] = [];
  for (const name of CLUSTERS) {
    const id = newId();
    clusterIds.push(id);
    await db.insertInto('clusters').values({
      id, name, rest_url: `http://${name}.invalid:8081`, gateway_url: null, history_url: null, description: null, is_local: 0,
      created_at: now, updated_at: now, health: 'UNKNOWN', flink_version: null, task_managers: null, slots_total: null,
      slots_available: null, jobs_running: null, last_checked_at: null, last_healthy_at: null, last_error: null,
    } as never).execute();
  }

  // Rows per statement: PostgreSQL allows 65,535 parameters, SQLite 32,766.
  const runsPerStatement = database.dialect === 'postgres' ? 3_000 : 1_500;
  const tasksPerStatement = 1_000;
  const day = 86_400_000;
  let taskRows: Record<string, unknown>[] = [];
  let runRows: Record<string, unknown>[] = [];
  let someTaskId = '';
  let inserted = 0;

  let db2: Kysely<Tables> = db;
  const flush = async (force: boolean) => {
    const db = db2;
    // Tasks first: runs reference them.
    if (taskRows.length >= tasksPerStatement || (force && taskRows.length)) {
      await db.insertInto('tasks').values(taskRows as never).execute();
      taskRows = [];
    }
    while (runRows.length >= runsPerStatement || (force && runRows.length)) {
      if (taskRows.length) {
        await db.insertInto('tasks').values(taskRows as never).execute();
        taskRows = [];
      }
      const batch = runRows.splice(0, runsPerStatement);
      await db.insertInto('runs').values(batch as never).execute();
      inserted += batch.length;
      if (inserted % 100_000 < batch.length) log(`  ${inserted.toLocaleString('en')} runs`);
    }
  };

  await db.transaction().execute(async (trx) => {
    db2 = trx;
    {
      for (let t = 0; t < TASKS; t += 1) {
        const taskId = newId(now - (TASKS - t) * 1000);
        if (t === 0) someTaskId = taskId;
        const clusterIndex = Math.floor(rand() * clusterIds.length);
        const batch = rand() < 0.2;
        const name = `${WORDS[t % WORDS.length]}-${WORDS[Math.floor(rand() * WORDS.length)]}-${String(t).padStart(5, '0')}`;
        let latest: Record<string, unknown> | undefined;
        for (let r = 0; r < RUNS_PER_TASK; r += 1) {
          const isLatest = r === RUNS_PER_TASK - 1;
          const status = isLatest ? pick(rand, LATEST_STATUSES) : pick(rand, EARLIER_STATUSES);
          const start = now - (RUNS_PER_TASK - r) * day / 4 - Math.floor(rand() * 3_600_000);
          const ended = ['FINISHED', 'CANCELED', 'FAILED'].includes(status);
          const duration = ended ? Math.floor(rand() * day / 8) : null;
          const id = newId(start);
          runRows.push({
            id, task_id: taskId, cluster_id: clusterIds[clusterIndex], flink_job_id: randomBytes(16).toString('hex'),
            job_name: name, status, execution_mode: batch ? 'BATCH' : 'STREAMING', version_id: null,
            start_time: status === 'CREATED' ? null : start, end_time: ended ? start + duration! : null, duration_ms: duration,
            restart_count: Math.floor(rand() * rand() * 12), last_modification: start, lost: status === 'UNKNOWN' && rand() < 0.5 ? 1 : 0,
            lost_evidence: null, unreachable_since: null, failed_probes: 0, created_at: start, updated_at: start,
          });
          if (isLatest) latest = runRows.at(-1);
        }
        taskRows.push({
          id: taskId, name, kind: rand() < 0.1 ? 'EXTERNAL' : rand() < 0.8 ? 'SQL' : 'JAR',
          lifecycle: LIFECYCLES[Math.floor(rand() * LIFECYCLES.length)], execution_mode: batch ? 'BATCH' : 'STREAMING',
          cluster_id: clusterIds[clusterIndex], owner: rand() < 0.1 ? null : `owner-${Math.floor(rand() * 40)}`,
          description: null, draft_content: '', draft_config: '{}', current_version_id: null,
          latest_run_id: latest?.id ?? null, latest_status: latest?.status ?? null, latest_start_time: latest?.start_time ?? null,
          latest_flink_job_id: latest?.flink_job_id ?? null, latest_end_time: latest?.end_time ?? null,
          latest_duration_ms: latest?.duration_ms ?? null, latest_restart_count: latest?.restart_count ?? null,
          latest_lost: latest?.lost ?? null, created_at: now, updated_at: now,
        });
        await flush(false);
      }
      await flush(true);
    }
  });
  // PostgreSQL's autovacuum would analyse the new rows within a minute; do it now so the plans
  // are the ones a running system gets. SQLite has no automatic statistics: it runs as it is.
  if (database.dialect === 'postgres') await sql`analyze`.execute(db);
  return { clusterIds, someTaskId, seconds: (Date.now() - started) / 1000 };
}

/**
 * A health score for every live latest run that has none (the health checks score every run that
 * is not FINISHED, CANCELED, FAILED or lost): mostly healthy, some degraded, a few unhealthy.
 */
async function seedScores(database: Database, log: (line: string) => void): Promise<void> {
  const db = database.db as Kysely<Tables>;
  const { n } = await db.selectFrom('run_health').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(n) > 0) return;
  const rand = random(7);
  const now = Date.now();
  const live = await db
    .selectFrom('tasks')
    .select(['id', 'latest_run_id'])
    .where('latest_run_id', 'is not', null)
    .where('latest_status', 'not in', ['FINISHED', 'CANCELED', 'FAILED'])
    .orderBy('id')
    .execute();
  const rows = live.map((task) => {
    const score = Math.round(Math.max(0, Math.min(100, 100 - rand() * rand() * 120)));
    const reasons = score === 100 ? [] : [{ check: 'checkpoint', penalty: 100 - score, text: 'No checkpoint completed in the last 3 min (failing now, 40% of the last 30 min)' }];
    return { run_id: task.latest_run_id!, task_id: task.id, score, reasons: JSON.stringify(reasons), evaluated_at: now };
  });
  for (let i = 0; i < rows.length; i += 1_000) await db.insertInto('run_health').values(rows.slice(i, i + 1_000)).execute();
  if (database.dialect === 'postgres') await sql`analyze run_health`.execute(db);
  log(`  scored ${rows.length.toLocaleString('en')} live latest runs`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(app: FastifyInstance, cookie: string, url: string): Promise<{ p50: number; p95: number; total: number }> {
  let total = 0;
  const once = async () => {
    const started = process.hrtime.bigint();
    const response = await app.inject({ method: 'GET', url, headers: { cookie } });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 300)}`);
    total = response.json().total;
    return ms;
  };
  for (let i = 0; i < 5; i += 1) await once(); // warm caches and JIT
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) times.push(await once());
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), total };
}

interface Row {
  engine: string;
  what: string;
  p50: number;
  p95: number;
  total: number;
}

async function benchEngine(engine: string, url: string, reuse: boolean, log: (line: string) => void): Promise<{ rows: Row[] }> {
  const database = await openDatabase(url);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weir-bench-app-'));
  try {
    const migrating = Date.now();
    const applied = await migrateToLatest(database);
    if (applied.length) log(`${engine}: applied ${applied.join(', ')} in ${((Date.now() - migrating) / 1000).toFixed(1)} s`);
    let seeded: Seeded;
    if (reuse) {
      // From the tasks: the browser part removes the cluster rows themselves.
      const clusters = await database.db.selectFrom('tasks').select('cluster_id as id').distinct().orderBy('cluster_id').execute();
      const task = await database.db.selectFrom('tasks').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
      await database.db.deleteFrom('users').where('username', '=', 'bench').execute();
      seeded = { clusterIds: clusters.map((c) => c.id), someTaskId: task.id, seconds: 0 };
      log(`${engine}: reusing ${url}`);
    } else {
      log(`${engine}: seeding ${TASKS.toLocaleString('en')} tasks and ${(TASKS * RUNS_PER_TASK).toLocaleString('en')} runs`);
      seeded = await seed(database, log);
      log(`${engine}: seeded in ${seeded.seconds.toFixed(1)} s`);
    }

    await seedScores(database, log);

    // Configuration defaults; background work is not started, so no watcher touches the seeded runs.
    const services = createServices(database, { ...loadConfig({ WEIR_DATA_DIR: dataDir }), sessionTtlMs: 3_600_000 });
    const app = await buildApp({ services, logLevel: 'silent', sessionTtlMs: 3_600_000 });
    await database.db.insertInto('users').values({
      id: newId(), username: 'bench', display_name: null, password_hash: await hashPassword(PASSWORD), role: 'viewer',
      failed_logins: 0, locked_until: null, created_at: Date.now(), updated_at: Date.now(), disabled: 0,
    }).execute();
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench', password: PASSWORD } });
    const session = login.cookies.find((c) => c.name === 'weir_session');
    if (!session) throw new Error(`login failed: ${login.body}`);
    const cookie = `weir_session=${session.value}`;

    const cluster = seeded.clusterIds[1]!;
    const filters: [string, string][] = [
      ['no filter', ''],
      ['status=RUNNING', 'status=RUNNING'],
      ['status=FAILED', 'status=FAILED'],
      ['status=UNKNOWN', 'status=UNKNOWN'],
      ['status=RESTARTING,RECONNECTING', 'status=RESTARTING,RECONNECTING'],
      ['lifecycle=ONLINE', 'lifecycle=ONLINE'],
      ['clusterId=<one>', `clusterId=${cluster}`],
      ['mode=BATCH', 'mode=BATCH'],
      ['q=fraud', 'q=fraud'],
      ['q=no-match', 'q=zzzz'],
      ['health=unhealthy', 'health=unhealthy'],
      ['health=degraded,unhealthy', 'health=degraded,unhealthy'],
      ['all combined', `status=RUNNING&lifecycle=ONLINE&clusterId=${cluster}&mode=STREAMING&q=orders`],
    ];
    const rows: Row[] = [];
    const record = async (what: string, path: string) => {
      const m = await measure(app, cookie, path);
      rows.push({ engine, what, ...m });
      log(`  ${engine.padEnd(8)} ${what.padEnd(58)} p50 ${m.p50.toFixed(1).padStart(6)} ms   p95 ${m.p95.toFixed(1).padStart(6)} ms   (${m.total} tasks)`);
    };
    for (const [label, query] of filters) {
      // The cards ignore the status filter (they show what the other filters select).
      if (!label.startsWith('status=')) await record(`counts   ${label}`, `/api/overview/counts?${query}`);
      await record(`page 1   ${label}`, `/api/overview/tasks?${query}`);
    }
    for (const key of ['name', 'lifecycle', 'executionMode', 'cluster', 'flinkJobId', 'status', 'startTime', 'durationMs', 'restartCount', 'owner', 'health']) {
      await record(`page 1   sort=${key} desc`, `/api/overview/tasks?sort=${key}&order=desc`);
      await record(`page 1   sort=${key} asc, status=FAILED`, `/api/overview/tasks?sort=${key}&order=asc&status=FAILED`);
    }
    await record('page 100 (of 500) sort=startTime desc', '/api/overview/tasks?sort=startTime&order=desc&page=100');
    await record('runs of one task (100 runs), page 1', `/api/tasks/${seeded.someTaskId}/runs`);
    await app.close();
    return { rows };
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

interface BrowserLoads {
  overview: { ms: number; cost: PageLoadCost }[];
  runDetail: { ms: number; cost: PageLoadCost }[];
}

/** Until the main thread is free to handle input: a frame and a task both run. */
const MAIN_THREAD_FREE = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * Time from navigation until the overview with 10,000 tasks shows its cards and rows and answers
 * input, six times, and what each load cost (JavaScript and CSS, requests, long tasks); then the same
 * for the detail page of a RUNNING run, until its first tab is drawn.
 */
async function benchBrowser(dbFile: string, log: (line: string) => void): Promise<BrowserLoads> {
  // The page is served from web/dist: build it when it is missing or older than its sources (as npm start does).
  // WEIR_BENCH_WEB_DIR measures another build as it is (one made with vite build --outDir, an older commit's).
  const webDir = path.resolve(process.env.WEIR_BENCH_WEB_DIR ?? path.join(REPO_ROOT, 'web', 'dist'));
  if (!process.env.WEIR_BENCH_WEB_DIR) {
    execFileSync(process.execPath, ['--input-type=module', '-e', "(await import('./scripts/bootstrap.mjs')).ensureWebBuild()"], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  const { startWeirServer } = await import('../e2e/support/weir-server.js');
  const { launchBrowser } = await import('../e2e/support/browser.js');
  // The seeded clusters have made-up addresses; without them the watcher has nothing to poll and
  // leaves the seeded runs as they are (rows then show the cluster id).
  const database = await openDatabase(`sqlite:${dbFile}`);
  await database.db.deleteFrom('clusters').execute();
  const running = await database.db.selectFrom('tasks').select('latest_run_id').where('latest_status', '=', 'RUNNING').orderBy('id').limit(1).executeTakeFirstOrThrow();
  await database.close();

  const server = await startWeirServer({ adminPassword: PASSWORD, env: { WEIR_SECRET_KEY: BENCH_SECRET_KEY, WEIR_DATABASE_URL: `sqlite:${dbFile}`, WEIR_WEB_DIR: webDir } });
  const browser = await launchBrowser({ locale: 'en-US' });
  try {
    const page = await browser.newPage();
    await page.addInitScript(LONG_TASK_RECORDER);
    await page.goto(`${server.url}/login`);
    // The seeded database already has a user, so Weir creates no admin: log in as the bench viewer.
    await page.getByLabel('Username').fill('bench');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.locator('[data-testid="overview-table"] tbody tr[data-row-key]').first().waitFor();
    const loads: BrowserLoads = { overview: [], runDetail: [] };
    for (let i = 0; i < 6; i += 1) {
      const watch = await watchPageLoad(page, webDir);
      const started = Date.now();
      await page.goto(`${server.url}/?bench=${i}`, { waitUntil: 'commit' });
      await page.locator('[data-testid="overview-table"] tbody tr[data-row-key]').first().waitFor();
      await page.locator('[data-testid="status-card-total"] [data-count]').waitFor();
      await page.evaluate(MAIN_THREAD_FREE);
      const ms = Date.now() - started;
      const cost = await watch.finish();
      loads.overview.push({ ms, cost });
      log(`  chromium: overview load ${i + 1}: ${ms} ms; ${describeLoadCost(cost)}`);
    }
    const total = await page.locator('[data-testid="status-card-total"] [data-count]').getAttribute('data-count');
    log(`  chromium: overview showing ${total} tasks`);
    for (let i = 0; i < 6; i += 1) {
      const watch = await watchPageLoad(page, webDir);
      const started = Date.now();
      await page.goto(`${server.url}/runs/${running.latest_run_id}?bench=${i}`, { waitUntil: 'commit' });
      await page.locator('[data-testid="run-detail"] .ant-tabs-tabpane-active .ant-descriptions').first().waitFor();
      await page.evaluate(MAIN_THREAD_FREE);
      const ms = Date.now() - started;
      const cost = await watch.finish();
      loads.runDetail.push({ ms, cost });
      log(`  chromium: run detail (RUNNING run, first tab) load ${i + 1}: ${ms} ms; ${describeLoadCost(cost)}`);
    }
    return loads;
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function main() {
  const log = (line: string) => console.log(line);
  const all: Row[] = [];
  let sqliteDir: string | undefined;
  let sqliteFile: string | undefined;
  for (const engine of ENGINES) {
    if (engine === 'sqlite' && process.env.WEIR_BENCH_SQLITE_URL) {
      const { rows } = await benchEngine('sqlite', process.env.WEIR_BENCH_SQLITE_URL, true, log);
      all.push(...rows);
      sqliteFile = process.env.WEIR_BENCH_SQLITE_URL.replace(/^sqlite:/, '');
    } else if (engine === 'sqlite') {
      sqliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weir-bench-'));
      sqliteFile = path.join(sqliteDir, 'weir.db');
      const { rows } = await benchEngine('sqlite', `sqlite:${sqliteFile}`, false, log);
      all.push(...rows);
      if (KEEP) log(`kept WEIR_BENCH_SQLITE_URL=sqlite:${path.join(sqliteDir, 'weir.db')}`);
    } else if (engine === 'postgres' && process.env.WEIR_BENCH_PG_SEEDED_URL) {
      const { rows } = await benchEngine('postgres', process.env.WEIR_BENCH_PG_SEEDED_URL, true, log);
      all.push(...rows);
    } else if (engine === 'postgres') {
      const name = `weir_bench_${randomBytes(4).toString('hex')}`;
      const admin = await openDatabase(PG_URL);
      await sql.raw(`create database ${name}`).execute(admin.db);
      const target = new URL(PG_URL);
      target.pathname = `/${name}`;
      try {
        const { rows } = await benchEngine('postgres', target.toString(), false, log);
        all.push(...rows);
        if (KEEP) log(`kept WEIR_BENCH_PG_SEEDED_URL=${target.toString()}`);
      } finally {
        if (!KEEP) await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
        await admin.close();
      }
    }
  }

  let loads: BrowserLoads | undefined;
  if (BROWSER && sqliteFile) loads = await benchBrowser(sqliteFile, log);
  if (sqliteDir && !KEEP) fs.rmSync(sqliteDir, { recursive: true, force: true });

  console.log(`\nOverview at ${TASKS.toLocaleString('en')} tasks / ${(TASKS * RUNS_PER_TASK).toLocaleString('en')} runs, ${SAMPLES} samples each (target p95 < ${TARGET_P95_MS} ms)`);
  for (const engine of ENGINES) {
    const rows = all.filter((r) => r.engine === engine);
    if (!rows.length) continue;
    const worst = rows.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    const over = rows.filter((r) => r.p95 >= TARGET_P95_MS);
    console.log(`  ${engine}: ${rows.length} queries, worst p95 ${worst.p95.toFixed(1)} ms (${worst.what.trim()}); ${over.length ? `${over.length} over target: ${over.map((r) => r.what.trim()).join('; ')}` : 'all under target'}`);
  }
  if (loads) {
    for (const [what, target, runs] of [
      ['overview', TARGET_OVERVIEW_MEDIAN_MS, loads.overview],
      ['run detail, first tab', TARGET_INTERACTIVE_MS, loads.runDetail],
    ] as const) {
      const times = runs.map((r) => r.ms);
      const sorted = [...times].sort((a, b) => a - b);
      const mainThread = runs.map((r) => r.cost.cpu.mainThreadMs).sort((a, b) => a - b);
      const first = runs[0]!.cost;
      console.log(
        `  chromium ${what} time to interactive: first ${times[0]} ms, median ${percentile(sorted, 50)} ms, worst ${sorted.at(-1)} ms ` +
          `(target median < ${target} ms, worst < ${TARGET_INTERACTIVE_MS} ms); all: ${times.join(', ')}\n` +
          `    main thread CPU to interactive (what the load itself costs, whatever else runs): median ${percentile(mainThread, 50)} ms, worst ${mainThread.at(-1)} ms\n` +
          `    first load: ${describeLoadCost(first)}`,
      );
    }
  }
}

await main();
