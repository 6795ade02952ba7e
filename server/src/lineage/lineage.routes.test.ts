import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_TEAM_ID, type GlobalLineage, type LineageResult, type TableLineage } from '@weir/contract';
import type { FastifyInstance } from 'fastify';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import { TaskVersionsStore } from '../tasks/task-versions.store.js';
import { TasksStore } from '../tasks/tasks.store.js';
import { TeamsStore } from '../teams/teams.store.js';
import { startTestWeir, testApp, type TestWeir } from '../test-support/weir.js';
import { analyzeLineage } from './lineage-analyzer.js';
import { LineageService } from './lineage.service.js';
import { LineageStore } from './lineage.store.js';

// Global lineage over tasks published straight into the stores: nothing here talks to Flink.

const ENRICH = `
CREATE TEMPORARY TABLE orders (id BIGINT, amount DECIMAL(10, 2), customer STRING) WITH ('connector' = 'datagen');
CREATE TEMPORARY TABLE orders_enriched (id BIGINT, amount_cents BIGINT, customer STRING) WITH ('connector' = 'filesystem', 'path' = '/tmp/x', 'format' = 'json');
INSERT INTO orders_enriched SELECT id, CAST(amount * 100 AS BIGINT), UPPER(customer) FROM orders;`;
const ARCHIVE = `
CREATE TEMPORARY TABLE orders_enriched (id BIGINT, amount_cents BIGINT, customer STRING) WITH ('connector' = 'filesystem', 'path' = '/tmp/x', 'format' = 'json');
CREATE TEMPORARY TABLE archive (id BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO archive SELECT id FROM orders_enriched;`;
const ARCHIVE_V2 = `
CREATE TEMPORARY TABLE cat.db.customers (name STRING) WITH ('connector' = 'jdbc');
CREATE TEMPORARY TABLE archive (id STRING) WITH ('connector' = 'blackhole');
INSERT INTO archive SELECT UPPER(name) FROM cat.db.customers;`;

let weir: TestWeir;
let app: FastifyInstance;
let viewer: string;
let tasks: TasksStore;
let versions: TaskVersionsStore;
let enrich: { taskId: string; versionId: string };
let archive: { taskId: string; versionId: string };

async function publish(name: string, sql: string, lineage: string | null = null) {
  const task = (await tasks.getByName(name)) ?? (await tasks.create({ name, kind: 'SQL', executionMode: 'STREAMING', clusterId: 'c1', draftContent: sql }));
  const version = await versions.createNext({ taskId: task.id, content: sql, config: '{}', lineage, createdBy: 'test' });
  await tasks.update(task.id, { lifecycle: 'PUBLISHED', draftContent: sql });
  return { taskId: task.id, versionId: version.id };
}

const get = (url: string, auth: string | null = viewer) => app.inject({ method: 'GET', url, headers: auth ? { authorization: auth } : {} });

before(async () => {
  weir = await startTestWeir({ background: false });
  app = await testApp(weir);
  viewer = `Bearer ${(await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'look', 'viewer')).secret}`;
  tasks = new TasksStore(weir.database);
  versions = new TaskVersionsStore(weir.database);
  // Published before lineage was stored: the lineage routes compute it once and keep it.
  enrich = await publish('enrich_orders', ENRICH);
  archive = await publish('archive_orders', ARCHIVE);
  // A draft that was never published has no lineage anywhere.
  await tasks.create({ name: 'scratch', kind: 'SQL', executionMode: 'STREAMING', clusterId: 'c1', draftContent: ARCHIVE });
});

after(async () => {
  await app?.close();
  await weir?.stop();
});

describe('lineage routes', () => {
  it('need a logged-in user', async () => {
    assert.equal((await get('/api/lineage', null)).statusCode, 401);
    assert.equal((await get('/api/lineage/tables?q=orders', null)).statusCode, 401);
  });

  it('serve the global graph: the shared table is written by one task and read by the other', async () => {
    const res = await get('/api/lineage');
    assert.equal(res.statusCode, 200);
    const graph = res.json<GlobalLineage>();
    assert.deepEqual(graph.tasks.map((t) => [t.name, t.version, t.lifecycle]).sort(), [
      ['archive_orders', 1, 'PUBLISHED'],
      ['enrich_orders', 1, 'PUBLISHED'],
    ]);
    const shared = graph.tables.find((t) => t.id === 'orders_enriched')!;
    assert.deepEqual({ writers: shared.writers, readers: shared.readers, connector: shared.connector }, { writers: [enrich.taskId], readers: [archive.taskId], connector: 'filesystem' });
    assert.deepEqual(graph.tables.map((t) => t.name), ['archive', 'orders', 'orders_enriched'], 'tables come sorted by name');
    assert.deepEqual(
      graph.edges.map((e) => `${e.from} ${e.kind} ${e.to}`).sort(),
      [`${archive.taskId} writes archive`, `${enrich.taskId} writes orders_enriched`, `orders reads ${enrich.taskId}`, `orders_enriched reads ${archive.taskId}`].sort(),
    );
  });

  it('store the lineage they had to compute on the version', async () => {
    for (const { versionId } of [enrich, archive]) {
      const stored = (await versions.get(versionId))!.lineage;
      assert.ok(stored, 'lineage kept on the version');
      assert.ok((JSON.parse(stored) as LineageResult).columnEdges.length > 0);
    }
  });

  it('search tables by part of the name, any case, exact and prefix matches first', async () => {
    const res = await get('/api/lineage/tables?q=ORDERS');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), {
      items: [
        { id: 'orders', name: 'orders', connector: 'datagen', readerCount: 1, writerCount: 0 },
        { id: 'orders_enriched', name: 'orders_enriched', connector: 'filesystem', readerCount: 1, writerCount: 1 },
      ],
      total: 2,
    });
    const limited = (await get('/api/lineage/tables?q=&limit=1')).json();
    assert.equal(limited.items.length, 1);
    assert.equal(limited.total, 3);
    assert.deepEqual((await get('/api/lineage/tables?q=nothing_like_it')).json(), { items: [], total: 0 });
    assert.equal((await get('/api/lineage/tables?limit=0')).statusCode, 400);
  });

  it('serve the neighbourhood of a table, and 404 for a table no task uses', async () => {
    const res = await get('/api/lineage/tables/ORDERS_ENRICHED');
    assert.equal(res.statusCode, 200);
    const around = res.json<TableLineage>();
    assert.equal(around.table, 'orders_enriched');
    assert.equal(around.depth, 1);
    assert.deepEqual(around.tasks.map((t) => t.name).sort(), ['archive_orders', 'enrich_orders']);
    assert.deepEqual(around.tables.map((t) => t.id), ['archive', 'orders', 'orders_enriched']);

    const sink = (await get('/api/lineage/tables/archive')).json<TableLineage>();
    assert.deepEqual(sink.tasks.map((t) => t.name), ['archive_orders'], 'a sink looks only upstream at depth 1');
    const deeper = (await get('/api/lineage/tables/archive?depth=2')).json<TableLineage>();
    assert.deepEqual(deeper.tasks.map((t) => t.name).sort(), ['archive_orders', 'enrich_orders']);
    assert.ok(deeper.tables.some((t) => t.id === 'orders'));

    const missing = await get('/api/lineage/tables/scratch_only');
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error.code, 'NOT_FOUND');
    assert.equal((await get('/api/lineage/tables/archive?depth=4')).statusCode, 400);
  });

  it('follow the current version only: a new version changes the graph, a draft does not', async () => {
    await tasks.update(enrich.taskId, { draftContent: ENRICH.replaceAll('orders_enriched', 'elsewhere') });
    await publish('archive_orders', ARCHIVE_V2, JSON.stringify(analyzeLineage(ARCHIVE_V2)));
    const graph = (await get('/api/lineage')).json<GlobalLineage>();
    assert.equal(graph.tasks.find((t) => t.name === 'archive_orders')!.version, 2);
    const shared = graph.tables.find((t) => t.id === 'orders_enriched')!;
    assert.deepEqual([shared.writers, shared.readers], [[enrich.taskId], []]);
    assert.equal(graph.tables.some((t) => t.id === 'elsewhere'), false);
    // A qualified name travels through the path as one parameter.
    const customers = await get(`/api/lineage/tables/${encodeURIComponent('cat.db.customers')}`);
    assert.equal(customers.statusCode, 200);
    assert.deepEqual(customers.json<TableLineage>().tasks.map((t) => t.name), ['archive_orders']);
  });
});

describe('LineageService', () => {
  it('analyses a version once, even when asked twice at once, and replaces lineage it cannot read', async () => {
    const calls: string[] = [];
    const service = new LineageService({
      store: new LineageStore(weir.database),
      versions,
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
      analyze: async (script) => {
        calls.push(script);
        return analyzeLineage(script);
      },
    });
    const { versionId } = await publish('late_lineage', ENRICH.replaceAll('orders_enriched', 'late_sink'));
    await versions.setLineage(enrich.versionId, '{"written by":"an older analyser"}');
    const [a, b] = await Promise.all([service.global(), service.global()]);
    assert.deepEqual(a, b);
    assert.equal(calls.length, 2, 'one analysis for the new version, one for the unreadable one');
    assert.ok(a.tables.some((t) => t.id === 'late_sink'));
    assert.ok(JSON.parse((await versions.get(versionId))!.lineage!).tables);
    assert.ok(JSON.parse((await versions.get(enrich.versionId))!.lineage!).tables, 'the unreadable lineage was replaced');
    await service.global();
    assert.equal(calls.length, 2, 'nothing analysed again');
  });
});

describe('lineage between teams', () => {
  const TEAM_JOB = `
CREATE TEMPORARY TABLE orders (id BIGINT, amount DECIMAL(10, 2), customer STRING) WITH ('connector' = 'datagen');
CREATE TEMPORARY TABLE payments_ledger (id BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO payments_ledger SELECT id FROM orders;`;
  let paymentsViewer: string;
  let paymentsTask: string;
  let defaultViewer: string;

  before(async () => {
    const payments = (await new TeamsStore(weir.database).create({ name: 'payments', description: null })).id;
    const task = await tasks.create({ name: 'payments_ledger_job', kind: 'SQL', executionMode: 'STREAMING', clusterId: 'c1', teamId: payments, draftContent: TEAM_JOB });
    await versions.createNext({ taskId: task.id, content: TEAM_JOB, config: '{}', lineage: JSON.stringify(analyzeLineage(TEAM_JOB)), createdBy: 'test' });
    await tasks.update(task.id, { lifecycle: 'PUBLISHED' });
    paymentsTask = task.id;
    paymentsViewer = `Bearer ${(await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'payments-look', 'viewer', { teamId: payments })).secret}`;
    defaultViewer = `Bearer ${(await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'default-look', 'viewer', { teamId: DEFAULT_TEAM_ID })).secret}`;
  });

  it('a team sees its own tasks and the tables they touch, with only its own tasks as readers and writers', async () => {
    const graph = (await get('/api/lineage', paymentsViewer)).json<GlobalLineage>();
    assert.deepEqual(graph.tasks.map((t) => t.name), ['payments_ledger_job']);
    assert.deepEqual(graph.tables.map((t) => t.id), ['orders', 'payments_ledger']);
    const orders = graph.tables.find((t) => t.id === 'orders')!;
    assert.deepEqual(orders.readers, [paymentsTask], 'the default team’s job that reads orders too is left out');
    assert.ok(graph.edges.every((e) => e.from === paymentsTask || e.to === paymentsTask));

    const around = (await get('/api/lineage/tables/orders?depth=2', paymentsViewer)).json<TableLineage>();
    assert.deepEqual(around.tasks.map((t) => t.name), ['payments_ledger_job']);
    assert.deepEqual(around.tables.map((t) => t.id), ['orders', 'payments_ledger']);
  });

  it('a table only another team’s tasks touch is not found, nor found by search, nor in the graph', async () => {
    assert.equal((await get('/api/lineage/tables/archive', paymentsViewer)).statusCode, 404);
    assert.deepEqual((await get('/api/lineage/tables?q=archive', paymentsViewer)).json(), { items: [], total: 0 });
    assert.equal((await get('/api/lineage/tables/payments_ledger', defaultViewer)).statusCode, 404);
    const theirs = (await get('/api/lineage', defaultViewer)).json<GlobalLineage>();
    assert.equal(theirs.tasks.some((t) => t.id === paymentsTask), false);
    assert.equal(theirs.tables.some((t) => t.id === 'payments_ledger'), false);
    assert.deepEqual(theirs.tables.find((t) => t.id === 'orders')!.readers.includes(paymentsTask), false);
    // A global viewer sees both teams.
    const everything = (await get('/api/lineage')).json<GlobalLineage>();
    assert.ok(everything.tasks.some((t) => t.id === paymentsTask) && everything.tasks.some((t) => t.name === 'enrich_orders'));
  });
});
