import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import { sharedTestFlink, type TestFlink } from '../test-support/flink.js';
import { startTestWeir, testApp, type TestWeir } from '../test-support/weir.js';

/*
 * SQL authoring on the real SQL Gateway: validation returns Flink's plan or its error at the
 * script's line and column without starting a job; the catalog lists what the script creates; a
 * preview returns rows within its limits and leaves no job running in Flink's job list.
 */

let flink: TestFlink;
let weir: TestWeir;
let app: FastifyInstance;
let clusterId: string;
let taskId: string;
let operator: { authorization: string };
let viewer: { authorization: string };

before(async () => {
  flink = await sharedTestFlink();
  weir = await startTestWeir({ background: false });
  app = await testApp(weir);
  operator = { authorization: `Bearer ${(await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'ops', 'operator')).secret}` };
  viewer = { authorization: `Bearer ${(await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'look', 'viewer')).secret}` };
  const cluster = await weir.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'shared', restUrl: flink.restUrl, gatewayUrl: flink.gatewayUrl });
  clusterId = cluster.id;
  await createTask();
});

after(async () => {
  await app?.close();
  await weir?.stop();
});

async function api(url: string, payload: object, as = operator) {
  const res = await app.inject({ method: 'POST', url, headers: as, payload });
  return { status: res.statusCode, body: res.json() as Record<string, any> };
}

const SCRIPT = [
  "CREATE TEMPORARY TABLE orders (id BIGINT, amount DOUBLE, note STRING) WITH ('connector' = 'datagen', 'rows-per-second' = '50');",
  // Never read: the catalog DDL keeps any option, the connector would refuse this one.
  "CREATE TEMPORARY TABLE vault (id BIGINT) WITH ('connector' = 'datagen', 'password' = 'hunter2');",
  "CREATE TEMPORARY TABLE totals (id BIGINT, amount DOUBLE) WITH ('connector' = 'blackhole');",
  '',
  'INSERT INTO totals',
  '  SELECT id, amount FROM orders;',
].join('\n');

async function createTask() {
  const created = await app.inject({ method: 'POST', url: '/api/tasks', headers: operator, payload: { name: `authoring-${process.pid}`, kind: 'SQL', clusterId, sql: SCRIPT } });
  assert.equal(created.statusCode, 201, created.body);
  taskId = created.json().id;
}

/** Jobs Flink lists as not ended. */
async function runningJobs(): Promise<string[]> {
  return (await flink.jm.jobsOverview()).filter((j) => !['FINISHED', 'CANCELED', 'FAILED'].includes(j.state)).map((j) => `${j.name} ${j.jid}`);
}

it('validates a script into Flink\'s plan, and a wrong column into Flink\'s error at its line and column, starting no job', async () => {
  // The shared cluster runs other tests' jobs meanwhile: only a job of this task's would be validation's.
  const jobsOfTask = async () => (await flink.jm.jobsOverview()).filter((j) => j.name.includes(`authoring-${process.pid}`)).length;
  const jobsBefore = await jobsOfTask();
  const ok = await api(`/api/tasks/${taskId}/sql/validate`, {}, viewer);
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.equal(ok.body.valid, true);
  assert.match(ok.body.plan, /== Optimized Execution Plan ==/);
  assert.match(ok.body.plan, /Sink\(table=\[default_catalog\.default_database\.totals\]/);

  const wrong = await api(`/api/tasks/${taskId}/sql/validate`, { script: SCRIPT.replace('SELECT id, amount', 'SELECT id, amout') });
  assert.equal(wrong.status, 200, JSON.stringify(wrong.body));
  assert.equal(wrong.body.valid, false);
  assert.match(wrong.body.problem.message, /Column 'amout' not found/);
  assert.deepEqual(
    { line: wrong.body.problem.line, column: wrong.body.problem.column, endLine: wrong.body.problem.endLine, endColumn: wrong.body.problem.endColumn },
    { line: 6, column: 14, endLine: 6, endColumn: 18 },
  );
  assert.equal(await jobsOfTask(), jobsBefore);
});

it('validates the saved draft, not a script of its own, for a caller who may not edit the task', async () => {
  const res = await api(`/api/tasks/${taskId}/sql/validate`, { script: "ADD JAR '/tmp/not-a-jar.jar'" }, viewer);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.valid, true, 'the draft is valid; the viewer\'s text was not run');
});

it('lists the tables the script creates with their columns, and masks a credential for a viewer', async () => {
  const res = await api(`/api/tasks/${taskId}/sql/catalog`, {}, viewer);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const db = res.body.catalogs.find((c: any) => c.name === 'default_catalog').databases.find((d: any) => d.name === 'default_database');
  const orders = db.tables.find((t: any) => t.name === 'orders');
  assert.deepEqual(orders.columns.map((c: any) => `${c.name} ${c.type}`), ['id BIGINT', 'amount DOUBLE', 'note STRING']);
  assert.equal(orders.kind, 'TABLE');
  assert.equal(orders.options.connector, 'datagen');
  assert.equal(db.tables.find((t: any) => t.name === 'vault').options.password, '******');
  assert.equal(res.body.problem, null);
  const asOperator = await api(`/api/tasks/${taskId}/sql/catalog`, {});
  const same = asOperator.body.catalogs[0].databases[0].tables.find((t: any) => t.name === 'vault');
  assert.equal(same.options.password, 'hunter2');
});

it('answers the same script\'s catalog from memory for a while, and lists afresh on refresh and after its DDL was validated', async () => {
  const url = `/api/tasks/${taskId}/sql/catalog`;
  const first = await api(url, {}, viewer);
  const again = await api(url, {}, viewer);
  assert.equal(again.body.listedAt, first.body.listedAt, 'the kept listing');
  assert.ok(Date.now() - first.body.listedAt < 30_000);
  const refreshed = await api(url, { refresh: true }, viewer);
  assert.ok(refreshed.body.listedAt > first.body.listedAt, 'refresh asks the gateway again');
  // Another script's listing is kept apart from the saved draft's.
  const other = await api(url, { script: "CREATE TEMPORARY TABLE extra (x INT) WITH ('connector' = 'datagen');" });
  assert.ok(other.body.catalogs[0].databases[0].tables.some((t: any) => t.name === 'extra'));
  assert.equal((await api(url, {}, viewer)).body.listedAt, refreshed.body.listedAt);
  // Validating runs the script's DDL on the cluster, which may change what every script sees there.
  assert.equal((await api(`/api/tasks/${taskId}/sql/validate`, {}, viewer)).body.valid, true);
  assert.ok((await api(url, {}, viewer)).body.listedAt > refreshed.body.listedAt);
});

it('refuses a preview to a viewer', async () => {
  const res = await api(`/api/tasks/${taskId}/sql/preview`, { query: 'SELECT id FROM orders' }, viewer);
  assert.equal(res.status, 403);
});

it('previews a streaming query up to its row limit and leaves no job running', async () => {
  const res = await api(`/api/tasks/${taskId}/sql/preview`, { query: 'SELECT id, amount FROM orders WHERE amount IS NOT NULL', maxRows: 7, timeoutSeconds: 60 });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.stoppedBy, 'ROW_LIMIT');
  assert.equal(res.body.rows.length, 7);
  assert.deepEqual(res.body.columns.map((c: any) => c.name), ['id', 'amount']);
  assert.equal(res.body.rows[0].kind, 'INSERT');
  // datagen's random BIGINTs mostly exceed a double's exact range: they arrive as their exact digits.
  for (const row of res.body.rows) assert.ok(typeof row.fields[0] === 'string' ? /^-?\d+$/.test(row.fields[0]) : Number.isSafeInteger(row.fields[0]), String(row.fields[0]));
  assert.ok(res.body.jobId, 'the gateway names the job');
  assert.equal(res.body.jobEnded, true);
  const running = await runningJobs();
  assert.deepEqual(running.filter((j) => j.includes(res.body.jobId) || j.includes('weir-preview')), []);
  // A preview starts a job, so it is audited with what it did.
  const audit = await weir.services.audit.list({ action: 'task.preview', targetId: taskId });
  const entry = audit.items.find((e) => e.detail?.includes(res.body.jobId));
  assert.ok(entry, 'the preview is in the audit log');
  assert.equal(entry.outcome, 'success');
  assert.match(entry.detail!, /"jobEnded":true/);
});

it('stops a preview at its time limit, caps what the client asks, and leaves no job running', async () => {
  const res = await api(`/api/tasks/${taskId}/sql/preview`, { query: 'SELECT id FROM orders WHERE CHAR_LENGTH(note) > 1000', maxRows: 1_000_000, timeoutSeconds: 3 });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.stoppedBy, 'TIME_LIMIT');
  assert.equal(res.body.maxRows, 1000);
  assert.deepEqual((await runningJobs()).filter((j) => j.includes('weir-preview')), []);
});

it('refuses a preview of something that is not a query, and reports Flink\'s error in the query', async () => {
  const notQuery = await api(`/api/tasks/${taskId}/sql/preview`, { query: 'INSERT INTO totals SELECT id, amount FROM orders' });
  assert.equal(notQuery.status, 400);
  const wrong = await api(`/api/tasks/${taskId}/sql/preview`, { query: 'SELECT\n  nope FROM orders' });
  assert.equal(wrong.status, 400, JSON.stringify(wrong.body));
  assert.deepEqual({ line: wrong.body.error.details.line, column: wrong.body.error.details.column }, { line: 2, column: 3 });
  assert.deepEqual((await runningJobs()).filter((j) => j.includes('weir-preview')), []);
});
