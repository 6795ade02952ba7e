import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import { ClustersStore } from '../clusters/clusters.store.js';
import { sharedTestFlink, type TestFlink } from '../test-support/flink.js';
import { startTestWeir, testApp, type TestWeir } from '../test-support/weir.js';

/*
 * Publishing a FlinkSQL version asks the cluster's SQL Gateway whether the script would run:
 * a missing table or column is refused at its line and column, with no job started; a valid
 * script publishes; an unreachable gateway is said so, and only an explicit "unvalidated"
 * request publishes then, which the audit records.
 */

let flink: TestFlink;
let weir: TestWeir;
let app: FastifyInstance;
let clusterId: string;
let operator: { authorization: string };

before(async () => {
  flink = await sharedTestFlink();
  weir = await startTestWeir({ background: false });
  app = await testApp(weir);
  operator = { authorization: `Bearer ${(await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'ops', 'operator')).secret}` };
  const cluster = await weir.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'shared', restUrl: flink.restUrl, gatewayUrl: flink.gatewayUrl });
  clusterId = cluster.id;
});

after(async () => {
  await app?.close();
  await weir?.stop();
});

async function api(method: 'POST' | 'PATCH' | 'GET', url: string, payload?: object) {
  const res = await app.inject({ method, url, headers: operator, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.json() as Record<string, any> };
}

async function sqlTask(name: string, sql: string, cluster = clusterId): Promise<string> {
  const created = await api('POST', '/api/tasks', { name: `${name}-${process.pid}`, kind: 'SQL', clusterId: cluster, sql });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body.id as string;
}

/** How many jobs the cluster has ever had (running or not): validation must add none. */
async function jobCount(): Promise<number> {
  return (await flink.jm.jobsOverview()).length;
}

/** A port of this test's range where nothing listens: the gateway of a cluster that is down. */
const NOTHING_LISTENS = 'http://127.0.0.1:20099';

const TABLES = [
  "CREATE TEMPORARY TABLE orders (id BIGINT, amount DOUBLE) WITH ('connector' = 'datagen');",
  "CREATE TEMPORARY TABLE totals (id BIGINT, amount DOUBLE) WITH ('connector' = 'blackhole');",
];

it('refuses a script naming a missing table, at the line and column Flink points to, and starts no job', async () => {
  const jobsBefore = await jobCount();
  const sql = [...TABLES, '', 'INSERT INTO totals', '  SELECT id, amount FROM ordres;'].join('\n');
  const id = await sqlTask('missing-table', sql);
  const res = await api('POST', `/api/tasks/${id}/publish`, {});
  assert.equal(res.status, 400, JSON.stringify(res.body));
  assert.equal(res.body.error.code, 'VALIDATION');
  const { line, column, statement, message } = res.body.error.details;
  assert.deepEqual({ line, column }, { line: 5, column: 26 });
  assert.equal(statement, 'INSERT INTO totals\n  SELECT id, amount FROM ordres');
  assert.match(message, /Object 'ordres' not found/);
  assert.match(message, /line 5, column 26/, 'the positions in Flink\'s sentence are the script\'s too');
  assert.equal((await api('GET', `/api/tasks/${id}/versions`)).body.items.length, 0);
  assert.equal(await jobCount(), jobsBefore);
});

it('refuses a missing column inside a statement set, at its member', async () => {
  const jobsBefore = await jobCount();
  const sql = [
    ...TABLES,
    'EXECUTE STATEMENT SET BEGIN',
    '  INSERT INTO totals SELECT id, amount FROM orders;',
    '  INSERT INTO totals SELECT id, amont FROM orders;',
    'END;',
  ].join('\n');
  const id = await sqlTask('missing-column', sql);
  const res = await api('POST', `/api/tasks/${id}/publish`, {});
  assert.equal(res.status, 400, JSON.stringify(res.body));
  assert.equal(res.body.error.code, 'VALIDATION');
  assert.deepEqual([res.body.error.details.line, res.body.error.details.column], [5, 33]);
  assert.match(res.body.error.details.message, /Column 'amont' not found/);
  assert.equal(await jobCount(), jobsBefore);
});

it('publishes a valid script after the gateway validated it, and starts no job', async () => {
  const jobsBefore = await jobCount();
  const id = await sqlTask('valid', [...TABLES, "SET 'pipeline.name' = 'totals';", 'EXECUTE INSERT INTO totals SELECT id, amount * 2 FROM orders;'].join('\n'));
  const res = await api('POST', `/api/tasks/${id}/publish`, { note: 'checked' });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.equal(res.body.version, 1);
  assert.equal(await jobCount(), jobsBefore);
  const audit = await weir.services.audit.list({ action: 'task.publish', targetId: id });
  assert.deepEqual(JSON.parse(audit.items[0]!.detail ?? '{}'), { note: 'checked', validation: 'passed' });
});

it('says when the gateway cannot be reached, and publishes unvalidated only when asked, with an audit entry', async () => {
  // Registered straight in the store: registering through the API would probe the gateway.
  const unreachable = await new ClustersStore(weir.database).create({ name: 'gateway-down', restUrl: flink.restUrl, gatewayUrl: NOTHING_LISTENS });
  const id = await sqlTask('gateway-down', [...TABLES, 'INSERT INTO totals SELECT id, amount FROM orders;'].join('\n'), unreachable.id);

  const refused = await api('POST', `/api/tasks/${id}/publish`, {});
  assert.equal(refused.status, 502, JSON.stringify(refused.body));
  assert.equal(refused.body.error.code, 'FLINK_UNREACHABLE');
  assert.match(refused.body.error.message, /SQL Gateway of cluster gateway-down cannot be reached to validate the script/);
  assert.equal(refused.body.error.details.canPublishUnvalidated, true);
  assert.equal((await api('GET', `/api/tasks/${id}`)).body.currentVersion, null);

  const published = await api('POST', `/api/tasks/${id}/publish`, { unvalidated: true });
  assert.equal(published.status, 201, JSON.stringify(published.body));
  assert.equal(published.body.version, 1);

  const audit = (await weir.services.audit.list({ action: 'task.publish', targetId: id })).items;
  assert.deepEqual(audit.map((e) => e.outcome).sort(), ['failure', 'success']);
  const success = JSON.parse(audit.find((e) => e.outcome === 'success')!.detail ?? '{}');
  assert.equal(success.validation, 'skipped');
  assert.equal(success.unvalidated, true);
  assert.match(success.reason, /cannot be reached/);
});

it('still refuses an invalid script when asked to publish unvalidated but the gateway answers', async () => {
  const id = await sqlTask('unvalidated-but-reachable', [...TABLES, 'INSERT INTO totals SELECT id, amount FROM nowhere;'].join('\n'));
  const res = await api('POST', `/api/tasks/${id}/publish`, { unvalidated: true });
  assert.equal(res.status, 400, JSON.stringify(res.body));
  assert.deepEqual([res.body.error.details.line, res.body.error.details.column], [3, 43]);
});
