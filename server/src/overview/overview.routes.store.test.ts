import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { HealthReason, OverviewCounts, OverviewRunPage, OverviewSortKey, OverviewTask, OverviewTaskPage } from '@weir/contract';
import { OVERVIEW_SORT_KEYS } from '@weir/contract';
import { buildApp } from '../app.js';
import { hashPassword } from '../auth/password.js';
import { UsersStore } from '../auth/users.store.js';
import { ClustersStore } from '../clusters/clusters.store.js';
import { loadConfig } from '../config/config.js';
import { HealthStore } from '../health/health.store.js';
import { RunsStore } from '../runs/runs.store.js';
import { createServices } from '../services.js';
import { TasksStore, type NewTask } from '../tasks/tasks.store.js';
import { forEachDatabase } from '../test-support/databases.js';

const T0 = 1_700_000_000_000;
const PASSWORD = 'viewer-password-1';

interface Fixture {
  name: string;
  task: Omit<NewTask, 'name' | 'clusterId'> & { cluster: 'prod' | 'staging' | 'gone' };
  /** Runs oldest first; the last is the latest. */
  runs: { status: string; start: number | null; end?: number | null; duration?: number | null; restarts?: number; lost?: boolean; score?: number }[];
}

// Eight tasks that ran and one that never did. Names mix case so the search must ignore it; one
// name has a literal "%" and one an "_" so LIKE wildcards must be escaped.
const FIXTURES: Fixture[] = [
  { name: 'Orders-Stream', task: { kind: 'SQL', executionMode: 'STREAMING', lifecycle: 'ONLINE', owner: 'alice', cluster: 'prod' }, runs: [{ status: 'FAILED', start: T0, end: T0 + 1000, duration: 1000, score: 5 }, { status: 'RUNNING', start: T0 + 50_000, restarts: 2, score: 80 }] },
  { name: 'payments_etl', task: { kind: 'JAR', executionMode: 'BATCH', lifecycle: 'PUBLISHED', owner: 'bob', cluster: 'prod' }, runs: [{ status: 'FINISHED', start: T0 + 10_000, end: T0 + 70_000, duration: 60_000 }] },
  { name: 'clicks 100%', task: { kind: 'SQL', executionMode: 'STREAMING', lifecycle: 'ONLINE', owner: null, cluster: 'staging' }, runs: [{ status: 'FAILED', start: T0 + 20_000, end: T0 + 25_000, duration: 5000, restarts: 3, score: 20 }] },
  { name: 'audit-archive', task: { kind: 'SQL', executionMode: 'BATCH', lifecycle: 'OFFLINE', owner: 'carol', cluster: 'staging' }, runs: [{ status: 'CANCELED', start: T0 + 30_000, end: T0 + 90_000, duration: 60_000 }] },
  { name: 'external job', task: { kind: 'EXTERNAL', executionMode: 'STREAMING', lifecycle: 'ONLINE', owner: null, cluster: 'gone' }, runs: [{ status: 'UNKNOWN', start: T0 + 40_000, duration: 7000, lost: true, score: 10 }] },
  { name: 'fraud-model', task: { kind: 'SQL', executionMode: 'STREAMING', lifecycle: 'DEVELOP', owner: 'alice', cluster: 'prod' }, runs: [{ status: 'RESTARTING', start: T0 + 5_000, restarts: 7, score: 49 }] },
  { name: 'inventory', task: { kind: 'SQL', executionMode: 'STREAMING', lifecycle: 'ONLINE', owner: 'dave', cluster: 'staging' }, runs: [{ status: 'RECONNECTING', start: T0 + 60_000, score: 50 }] },
  { name: 'not-started', task: { kind: 'SQL', executionMode: 'STREAMING', lifecycle: 'PUBLISHED', owner: 'erin', cluster: 'prod' }, runs: [{ status: 'CREATED', start: null, duration: null }] },
  { name: 'never-ran', task: { kind: 'SQL', executionMode: 'STREAMING', lifecycle: 'DEVELOP', owner: 'frank', cluster: 'prod' }, runs: [] },
];
const RAN = FIXTURES.filter((f) => f.runs.length > 0);

/** Penalties that add up to the score, the largest first (as health-score.ts orders them). */
function reasonsFor(score: number): HealthReason[] {
  const lost = 100 - score;
  if (lost === 0) return [];
  const restarts = Math.min(35, lost);
  return [
    { check: 'restarts' as const, penalty: restarts, text: `restarted too often (${restarts})` },
    ...(lost > restarts ? [{ check: 'checkpoint' as const, penalty: lost - restarts, text: 'no checkpoint completed' }] : []),
  ].sort((a, b) => b.penalty - a.penalty);
}

forEachDatabase('overview routes', (getDb) => {
  let app: FastifyInstance;
  let cookie: string;
  let now: number;
  let dataDir: string;
  const clusterIds: Record<Fixture['task']['cluster'], string> = { prod: '', staging: '', gone: 'cluster-removed-long-ago' };
  const taskIds: Record<string, string> = {};
  const latestRunIds: Record<string, string> = {};
  const firstRunIds: Record<string, string> = {};
  const latestJobIds: Record<string, string> = {};
  const firstJobIds: Record<string, string> = {};

  const get = async <T>(url: string, expectStatus = 200): Promise<T> => {
    const response = await app.inject({ method: 'GET', url, headers: { cookie } });
    assert.equal(response.statusCode, expectStatus, `${url}: ${response.body}`);
    return response.json() as T;
  };
  const names = (page: OverviewTaskPage) => page.items.map((item) => item.name);

  before(async () => {
    const database = getDb();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weir-overview-'));
    // Defaults for everything; no background work is started, so nothing polls a cluster.
    const services = createServices(database, { ...loadConfig({ WEIR_DATA_DIR: dataDir }), sessionTtlMs: 3_600_000 });
    app = await buildApp({ services, logLevel: 'silent', sessionTtlMs: 3_600_000 });

    const clusters = new ClustersStore(database);
    clusterIds.prod = (await clusters.create({ name: 'prod', restUrl: 'http://127.0.0.1:1' })).id;
    clusterIds.staging = (await clusters.create({ name: 'staging', restUrl: 'http://127.0.0.1:2' })).id;
    const tasks = new TasksStore(database);
    const runs = new RunsStore(database);
    const health = new HealthStore(database);
    let job = 0;
    for (const fixture of FIXTURES) {
      const { cluster, ...task } = fixture.task;
      const created = await tasks.create({ ...task, name: fixture.name, clusterId: clusterIds[cluster] });
      taskIds[fixture.name] = created.id;
      for (const run of fixture.runs) {
        job += 1;
        const { run: stored } = await runs.upsertByJob({
          taskId: created.id,
          clusterId: clusterIds[cluster],
          flinkJobId: job.toString(16).padStart(32, 'a'),
          jobName: fixture.name,
          status: run.status,
          executionMode: task.executionMode,
          startTime: run.start,
          endTime: run.end ?? null,
          durationMs: run.duration ?? null,
        });
        if (run.restarts || run.lost) await runs.update(stored.id, { restartCount: run.restarts ?? 0, lost: run.lost ?? false });
        if (run.score !== undefined) await health.saveScore({ runId: stored.id, taskId: created.id, score: run.score, reasons: reasonsFor(run.score), evaluatedAt: T0 + 99_000 });
        latestRunIds[fixture.name] = stored.id;
        latestJobIds[fixture.name] = stored.flinkJobId;
        firstRunIds[fixture.name] ??= stored.id;
        firstJobIds[fixture.name] ??= stored.flinkJobId;
      }
    }

    await new UsersStore(database).create({ username: 'viewer', displayName: null, role: 'viewer', passwordHash: await hashPassword(PASSWORD) });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'viewer', password: PASSWORD } });
    assert.equal(login.statusCode, 200, login.body);
    const session = login.cookies.find((c) => c.name === 'weir_session');
    assert.ok(session, 'login sets the session cookie');
    cookie = `weir_session=${session.value}`;
    now = Date.now();
  });

  after(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  describe('access', () => {
    it('answers 401 without a session, for all three routes', async () => {
      for (const url of ['/api/overview/counts', '/api/overview/tasks', `/api/tasks/${taskIds['payments_etl']}/runs`]) {
        const response = await app.inject({ method: 'GET', url });
        assert.equal(response.statusCode, 401, url);
        assert.equal(response.json().error.code, 'UNAUTHENTICATED');
      }
    });

    it('rejects an unknown status, sort key or page size with VALIDATION', async () => {
      for (const query of ['status=RUNNIN', 'sort=nope', 'pageSize=0', 'lifecycle=LIVE', 'mode=STREAM', 'order=up', 'health=sick', 'health=healthy,ok']) {
        const body = await get<{ error: { code: string } }>(`/api/overview/tasks?${query}`, 400);
        assert.equal(body.error.code, 'VALIDATION', query);
      }
    });
  });

  describe('counts', () => {
    it('counts each task that ran once, under its latest run, with batch/streaming and every status', async () => {
      const counts = await get<OverviewCounts>('/api/overview/counts');
      assert.equal(counts.total, RAN.length, 'the task that never ran is not counted');
      assert.equal(counts.batch, 2);
      assert.equal(counts.streaming, RAN.length - 2);
      // Orders-Stream's earlier FAILED run does not count: only latest runs do.
      assert.equal(counts.byStatus.FAILED, 1);
      assert.equal(counts.byStatus.RUNNING, 1);
      assert.equal(counts.byStatus.FINISHED, 1);
      assert.equal(counts.byStatus.CANCELED, 1);
      assert.equal(counts.byStatus.UNKNOWN, 1);
      assert.equal(counts.byStatus.RESTARTING, 1);
      assert.equal(counts.byStatus.RECONNECTING, 1);
      assert.equal(counts.byStatus.CREATED, 1);
      assert.equal(counts.byStatus.SUSPENDED, 0, 'statuses nobody has are present as 0');
      assert.equal(counts.lost, 1);
      assert.equal(Object.values(counts.byStatus).reduce((a, b) => a + b, 0), counts.total);
    });

    it('applies lifecycle, cluster, mode and name filters (and ignores status, so the cards stay comparable)', async () => {
      const online = await get<OverviewCounts>('/api/overview/counts?lifecycle=ONLINE&status=FAILED');
      assert.equal(online.total, 4);
      assert.deepEqual([online.byStatus.RUNNING, online.byStatus.FAILED, online.byStatus.UNKNOWN, online.byStatus.RECONNECTING], [1, 1, 1, 1]);

      const twoLifecycles = await get<OverviewCounts>('/api/overview/counts?lifecycle=OFFLINE,PUBLISHED');
      assert.equal(twoLifecycles.total, 3);

      const staging = await get<OverviewCounts>(`/api/overview/counts?clusterId=${clusterIds.staging}`);
      assert.equal(staging.total, 3);
      const both = await get<OverviewCounts>(`/api/overview/counts?clusterId=${clusterIds.staging}&clusterId=${clusterIds.prod}`);
      assert.equal(both.total, 7);

      const batch = await get<OverviewCounts>('/api/overview/counts?mode=BATCH');
      assert.deepEqual([batch.total, batch.batch, batch.streaming, batch.byStatus.FINISHED, batch.byStatus.CANCELED], [2, 2, 0, 1, 1]);

      const search = await get<OverviewCounts>('/api/overview/counts?q=ORDERS');
      assert.deepEqual([search.total, search.byStatus.RUNNING], [1, 1]);
      const lost = await get<OverviewCounts>('/api/overview/counts?q=stream');
      assert.equal(lost.lost, 0, 'the lost count follows the filters');
    });
  });

  describe('list filters', () => {
    it('lists every task that ran, with its latest run, cluster name and live duration', async () => {
      const page = await get<OverviewTaskPage>('/api/overview/tasks?pageSize=100');
      assert.equal(page.total, RAN.length);
      assert.deepEqual(names(page), RAN.map((f) => f.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

      const orders = page.items.find((item) => item.name === 'Orders-Stream')!;
      assert.equal(orders.id, taskIds['Orders-Stream']);
      assert.equal(orders.latestRunId, latestRunIds['Orders-Stream']);
      assert.equal(orders.status, 'RUNNING');
      assert.equal(orders.restartCount, 2);
      assert.equal(orders.clusterName, 'prod');
      assert.equal(orders.kind, 'SQL');
      assert.equal(orders.owner, 'alice');
      assert.equal(orders.endTime, null);
      assert.match(orders.flinkJobId, /^a+\d+$/);
      // Running: computed at read time from the server's clock, which the page reports.
      assert.ok(page.now >= now);
      assert.equal(orders.durationMs, page.now - (T0 + 50_000));

      const finished = page.items.find((item) => item.name === 'payments_etl')!;
      assert.deepEqual([finished.status, finished.startTime, finished.endTime, finished.durationMs], ['FINISHED', T0 + 10_000, T0 + 70_000, 60_000]);

      const external = page.items.find((item) => item.name === 'external job')!;
      assert.deepEqual([external.status, external.lost, external.clusterName, external.durationMs], ['UNKNOWN', true, null, 7000]);

      const notStarted = page.items.find((item) => item.name === 'not-started')!;
      assert.deepEqual([notStarted.startTime, notStarted.durationMs], [null, null]);
    });

    it('filters by status, repeated or comma-separated', async () => {
      assert.deepEqual(names(await get('/api/overview/tasks?status=FAILED')), ['clicks 100%']);
      const repeated = await get<OverviewTaskPage>('/api/overview/tasks?status=RUNNING&status=RESTARTING');
      assert.deepEqual(names(repeated), ['Orders-Stream', 'fraud-model']);
      const comma = await get<OverviewTaskPage>('/api/overview/tasks?status=RUNNING,RESTARTING');
      assert.deepEqual(names(comma), names(repeated));
      assert.equal(comma.total, 2);
      assert.deepEqual(names(await get('/api/overview/tasks?status=SUSPENDED')), []);
    });

    it('filters by lifecycle', async () => {
      assert.deepEqual(names(await get('/api/overview/tasks?lifecycle=DEVELOP')), ['fraud-model']);
      assert.deepEqual(names(await get('/api/overview/tasks?lifecycle=PUBLISHED,OFFLINE')), ['audit-archive', 'not-started', 'payments_etl']);
    });

    it('filters by cluster', async () => {
      assert.deepEqual(names(await get(`/api/overview/tasks?clusterId=${clusterIds.staging}`)), ['audit-archive', 'clicks 100%', 'inventory']);
      assert.deepEqual(names(await get(`/api/overview/tasks?clusterId=${clusterIds.gone}`)), ['external job']);
      assert.deepEqual(names(await get('/api/overview/tasks?clusterId=no-such-cluster')), []);
    });

    it('filters by batch or streaming', async () => {
      assert.deepEqual(names(await get('/api/overview/tasks?mode=BATCH')), ['audit-archive', 'payments_etl']);
      assert.equal((await get<OverviewTaskPage>('/api/overview/tasks?mode=STREAMING')).total, RAN.length - 2);
    });

    it('searches names ignoring case, with % and _ taken literally', async () => {
      assert.deepEqual(names(await get('/api/overview/tasks?q=oRdErS')), ['Orders-Stream']);
      assert.deepEqual(names(await get(`/api/overview/tasks?q=${encodeURIComponent('100%')}`)), ['clicks 100%']);
      assert.deepEqual(names(await get('/api/overview/tasks?q=_')), ['payments_etl']);
      assert.deepEqual(names(await get('/api/overview/tasks?q=%25')), ['clicks 100%']);
      assert.deepEqual(names(await get('/api/overview/tasks?q=never')), [], 'a task that never ran is not listed');
    });

    it("finds a task by any of its jobs' Flink ids, whole or its start, and by any of its runs' ids, in any case", async () => {
      const jobId = latestJobIds['Orders-Stream']!;
      assert.deepEqual(names(await get(`/api/overview/tasks?q=${jobId}`)), ['Orders-Stream']);
      assert.deepEqual(names(await get(`/api/overview/tasks?q=${jobId.toUpperCase()}`)), ['Orders-Stream']);
      assert.equal((await get<OverviewTaskPage>('/api/overview/tasks?q=AAAA&pageSize=100')).total, RAN.length, "every fixture's job id starts with aaaa");
      assert.deepEqual(names(await get('/api/overview/tasks?q=aaa')), [], 'three hex digits are a word, not a job id');
      assert.deepEqual(names(await get(`/api/overview/tasks?q=${latestRunIds['payments_etl']}`)), ['payments_etl']);
      assert.deepEqual(names(await get(`/api/overview/tasks?q=${firstRunIds['Orders-Stream']!.toLowerCase()}`)), ['Orders-Stream'], 'an earlier run finds its task');
      assert.equal((await get<OverviewCounts>(`/api/overview/counts?q=${jobId.slice(0, 31)}`)).total >= 1, true, 'the cards count what the search finds');
      assert.deepEqual(names(await get(`/api/overview/tasks?q=${'Z'.repeat(26)}`)), [], 'a run id that does not exist');

      const earlierJobId = firstJobIds['Orders-Stream']!;
      assert.notEqual(earlierJobId, jobId, 'the fixture ran Orders-Stream twice');
      assert.deepEqual(names(await get(`/api/overview/tasks?q=${earlierJobId.toUpperCase()}`)), ['Orders-Stream'], "an earlier job's id finds its task");
      assert.deepEqual(names(await get(`/api/overview/tasks?q=${'f'.repeat(32)}`)), [], 'a job id no run has');
      assert.equal((await get<OverviewCounts>(`/api/overview/counts?q=${earlierJobId}`)).total, 1, 'the cards count the task once');
    });

    it('combines filters', async () => {
      const page = await get<OverviewTaskPage>(`/api/overview/tasks?lifecycle=ONLINE&mode=STREAMING&clusterId=${clusterIds.staging}&status=FAILED,RECONNECTING&q=i`);
      assert.deepEqual(names(page), ['clicks 100%', 'inventory']);
    });
  });

  describe('health', () => {
    it("shows the latest run's score, band and reasons while it is live, and null once it ended, is lost or was never scored", async () => {
      const page = await get<OverviewTaskPage>('/api/overview/tasks?pageSize=100');
      const health = Object.fromEntries(page.items.map((item) => [item.name, item.health]));
      assert.deepEqual(health['Orders-Stream'], { score: 80, band: 'healthy', reasons: reasonsFor(80), evaluatedAt: T0 + 99_000 }, 'the latest run, not the earlier failed one (5)');
      assert.deepEqual([health['inventory']?.score, health['inventory']?.band], [50, 'degraded']);
      assert.deepEqual([health['fraud-model']?.score, health['fraud-model']?.band], [49, 'unhealthy']);
      assert.deepEqual(health['fraud-model']?.reasons.map((r) => [r.check, r.penalty]), [['restarts', 35], ['checkpoint', 16]]);
      assert.equal(health['clicks 100%'], null, 'FAILED: its last score (20) describes a job that no longer runs');
      assert.equal(health['external job'], null, 'lost/UNKNOWN');
      assert.equal(health['not-started'], null, 'not scored yet');
      assert.equal(health['payments_etl'], null);
    });

    it('filters by band, repeated or comma-separated, at the band boundaries (80, 50/79, 49)', async () => {
      assert.deepEqual(names(await get('/api/overview/tasks?health=healthy')), ['Orders-Stream']);
      assert.deepEqual(names(await get('/api/overview/tasks?health=degraded')), ['inventory']);
      assert.deepEqual(names(await get('/api/overview/tasks?health=unhealthy')), ['fraud-model'], 'the FAILED (20) and lost (10) runs are not live');
      const two = await get<OverviewTaskPage>('/api/overview/tasks?health=unhealthy&health=degraded');
      assert.deepEqual([names(two), two.total], [['fraud-model', 'inventory'], 2]);
      assert.deepEqual(names(await get('/api/overview/tasks?health=unhealthy,degraded')), names(two));
      assert.deepEqual(names(await get('/api/overview/tasks?health=healthy,degraded&status=RUNNING&lifecycle=ONLINE')), ['Orders-Stream']);
      assert.deepEqual(names(await get('/api/overview/tasks?health=healthy&status=RESTARTING')), []);
    });

    it('narrows the status cards too (health is not the cards’ own dimension)', async () => {
      const counts = await get<OverviewCounts>('/api/overview/counts?health=unhealthy,degraded');
      assert.deepEqual([counts.total, counts.byStatus.RESTARTING, counts.byStatus.RECONNECTING, counts.byStatus.FAILED], [2, 1, 1, 0]);
    });

    it('sorts by score, worst first ascending, unscored and ended runs last either way', async () => {
      const asc = await get<OverviewTaskPage>('/api/overview/tasks?sort=health&order=asc&pageSize=100');
      assert.deepEqual(names(asc).slice(0, 3), ['fraud-model', 'inventory', 'Orders-Stream']);
      const desc = await get<OverviewTaskPage>('/api/overview/tasks?sort=health&order=desc&pageSize=100');
      assert.deepEqual(names(desc).slice(0, 3), ['Orders-Stream', 'inventory', 'fraud-model']);
      assert.ok(desc.items.slice(3).every((item) => item.health === null));
    });
  });

  describe('sort and pages', () => {
    const valueOf = (item: OverviewTask, key: OverviewSortKey): string | number | null => {
      switch (key) {
        case 'cluster':
          return item.clusterName;
        case 'startTime':
          return item.startTime;
        case 'health':
          return item.health?.score ?? null;
        default:
          return item[key];
      }
    };
    const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

    for (const key of OVERVIEW_SORT_KEYS) {
      for (const order of ['asc', 'desc'] as const) {
        it(`sorts by ${key} ${order}, missing values last`, async () => {
          const page = await get<OverviewTaskPage>(`/api/overview/tasks?sort=${key}&order=${order}&pageSize=100`);
          assert.equal(page.items.length, RAN.length);
          const values = page.items.map((item) => valueOf(item, key));
          const present = values.filter((v) => v !== null) as (string | number)[];
          const firstNull = values.indexOf(null);
          if (firstNull >= 0) assert.ok(values.slice(firstNull).every((v) => v === null), `nulls last: ${JSON.stringify(values)}`);
          const expected = [...present].sort((a, b) => (order === 'asc' ? compare(a, b) : compare(b, a)));
          if (key === 'durationMs') {
            // Running durations grow between the read and now; compare the order, not the values.
            assert.deepEqual(present, [...present].sort((a, b) => (order === 'asc' ? compare(a, b) : compare(b, a))));
          } else {
            assert.deepEqual(present, expected, JSON.stringify(values));
          }
          // Equal values keep a stable order (by task id) so pages never overlap.
          for (let i = 1; i < page.items.length; i += 1) {
            if (values[i] !== null && values[i] === values[i - 1]) {
              const [a, b] = [page.items[i - 1]!.id, page.items[i]!.id];
              assert.ok(order === 'asc' ? a < b : a > b, `tie order at ${i}`);
            }
          }
        });
      }
    }

    it('sorts a running duration by now - start, among recorded ones', async () => {
      const page = await get<OverviewTaskPage>('/api/overview/tasks?sort=durationMs&order=desc&pageSize=100');
      // Started in 2023 and not ended: far longer than any recorded duration, the earliest start first.
      assert.deepEqual(names(page).slice(0, 3), ['fraud-model', 'Orders-Stream', 'inventory']);
    });

    it('pages through the list without overlap, with the total on every page', async () => {
      const seen: string[] = [];
      for (let page = 1; page <= 3; page += 1) {
        const body = await get<OverviewTaskPage>(`/api/overview/tasks?sort=status&order=desc&page=${page}&pageSize=3`);
        assert.equal(body.total, RAN.length);
        assert.equal(body.page, page);
        assert.equal(body.pageSize, 3);
        seen.push(...names(body));
      }
      assert.equal(seen.length, RAN.length);
      assert.equal(new Set(seen).size, RAN.length);
      const beyond = await get<OverviewTaskPage>('/api/overview/tasks?page=9&pageSize=3');
      assert.deepEqual([beyond.items.length, beyond.total], [0, RAN.length]);
    });
  });

  describe('runs of a task', () => {
    it('lists the runs newest first, marking the latest', async () => {
      const page = await get<OverviewRunPage>(`/api/tasks/${taskIds['Orders-Stream']}/runs`);
      assert.equal(page.total, 2);
      assert.deepEqual(page.items.map((run) => [run.status, run.latest]), [['RUNNING', true], ['FAILED', false]]);
      const [latest, earlier] = page.items;
      assert.equal(latest!.id, latestRunIds['Orders-Stream']);
      assert.equal(latest!.clusterName, 'prod');
      assert.equal(latest!.durationMs, page.now - (T0 + 50_000));
      assert.deepEqual([earlier!.startTime, earlier!.endTime, earlier!.durationMs, earlier!.restartCount], [T0, T0 + 1000, 1000, 0]);
    });

    it('pages the runs', async () => {
      const second = await get<OverviewRunPage>(`/api/tasks/${taskIds['Orders-Stream']}/runs?page=2&pageSize=1`);
      assert.deepEqual([second.total, second.items.length, second.items[0]!.status], [2, 1, 'FAILED']);
    });

    it('answers an empty page for a task that never ran and 404 for an unknown task', async () => {
      const empty = await get<OverviewRunPage>(`/api/tasks/${taskIds['never-ran']}/runs`);
      assert.deepEqual([empty.total, empty.items], [0, []]);
      const missing = await get<{ error: { code: string } }>('/api/tasks/no-such-task/runs', 404);
      assert.equal(missing.error.code, 'NOT_FOUND');
    });
  });
});
