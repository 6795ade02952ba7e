import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sharedTestFlink, waitUntil, type TestFlink } from '../test-support/flink.js';
import { startTestWeir, testApp, type TestWeir } from '../test-support/weir.js';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';

/*
 * A job operation end to end through the API, as the roles a team would use: an admin registers
 * the cluster, an operator's token starts a FlinkSQL job and cancels it, a viewer's cancel is
 * refused and changes nothing, and the audit log shows who did what to which run, and how it ended.
 */

let flink: TestFlink;
let weir: TestWeir;
let app: FastifyInstance;
const headers = {} as Record<'admin' | 'operator' | 'viewer', { authorization: string }>;
let flinkJobId: string | undefined;

before(async () => {
  flink = await sharedTestFlink();
  weir = await startTestWeir();
  app = await testApp(weir);
  for (const role of ['admin', 'operator', 'viewer'] as const) {
    headers[role] = { authorization: `Bearer ${(await weir.services.auth.createToken(SYSTEM_PRINCIPAL, `${role}-bot`, role)).secret}` };
  }
});

after(async () => {
  // The shared cluster runs other engineers' jobs: stop only ours, if the test left it running.
  if (flinkJobId) {
    const state = await flink.jm.job(flinkJobId).then((j) => j.state).catch(() => 'GONE');
    if (!['FINISHED', 'CANCELED', 'FAILED', 'GONE'].includes(state)) await flink.jm.cancel(flinkJobId).catch(() => undefined);
  }
  await app?.close();
  await weir?.stop();
});

async function api(role: keyof typeof headers, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) {
  const res = await app.inject({ method, url, headers: headers[role], ...(payload === undefined ? {} : { payload }) });
  return { status: res.statusCode, body: res.json() as Record<string, any> };
}

it('records a cancel with who, when, which run and the outcome; a viewer cannot cancel', async () => {
  const cluster = await api('admin', 'POST', '/api/clusters', { name: 'shared', restUrl: flink.restUrl, gatewayUrl: flink.gatewayUrl });
  assert.equal(cluster.status, 201, JSON.stringify(cluster.body));
  await weir.services.watchers.sync();

  const sql = [
    `CREATE TEMPORARY TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5');`,
    `CREATE TEMPORARY TABLE snk (id BIGINT) WITH ('connector' = 'blackhole');`,
    'INSERT INTO snk SELECT id FROM src;',
  ].join('\n');
  const task = await api('operator', 'POST', '/api/tasks', { name: `audit-${process.pid}`, kind: 'SQL', clusterId: cluster.body.id, sql, config: { savepointStrategy: 'none' } });
  assert.equal(task.status, 201, JSON.stringify(task.body));
  assert.equal((await api('operator', 'POST', `/api/tasks/${task.body.id}/publish`, {})).status, 201);
  const online = await api('operator', 'POST', `/api/tasks/${task.body.id}/online`, {});
  assert.equal(online.status, 200, JSON.stringify(online.body));
  const runId = online.body.newRunId as string;
  flinkJobId = online.body.flinkJobId as string;
  await waitUntil(`run ${runId} RUNNING`, 60_000, async () => (await weir.services.runs.get(runId))?.status === 'RUNNING');

  const refused = await api('viewer', 'POST', `/api/runs/${runId}/cancel`, {});
  assert.deepEqual([refused.status, refused.body.error.code], [403, 'FORBIDDEN']);
  assert.equal((await flink.jm.job(flinkJobId)).state, 'RUNNING', 'the refused cancel touched the job');

  const before = Date.now();
  const cancelled = await api('operator', 'POST', `/api/runs/${runId}/cancel`, {});
  assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
  assert.equal(cancelled.body.status, 'CANCELED');
  assert.equal((await flink.jm.job(flinkJobId)).state, 'CANCELED');

  // The operator may not read the audit log; the admin may.
  assert.equal((await api('operator', 'GET', '/api/audit')).status, 403);
  const runLog = await api('admin', 'GET', `/api/audit?targetType=run&targetId=${runId}`);
  assert.equal(runLog.status, 200);
  assert.equal(runLog.body.total, 1, 'only the operator’s cancel acted on the run');
  const entry = runLog.body.items[0];
  assert.equal(entry.action, 'run.cancel');
  assert.equal(entry.actor, 'token:operator-bot');
  assert.equal(entry.actorKind, 'token');
  assert.equal(entry.outcome, 'success');
  assert.ok(entry.at >= before && entry.at <= Date.now());
  assert.equal(entry.detail.flinkJobId, flinkJobId);
  assert.match(entry.targetName, new RegExp(flinkJobId));

  // A second cancel fails, and that failure is recorded with Weir's reason.
  const again = await api('operator', 'POST', `/api/runs/${runId}/cancel`, {});
  assert.equal(again.status, 409);
  const failures = await api('admin', 'GET', `/api/audit?action=run.cancel&targetId=${runId}`);
  assert.deepEqual(failures.body.items.map((e: { outcome: string }) => e.outcome), ['failure', 'success']);
  assert.match(failures.body.items[0].detail.error, /CANCELED/);

  const byOperator = await api('admin', 'GET', `/api/audit?actor=${encodeURIComponent('token:operator-bot')}&limit=10`);
  assert.deepEqual(
    byOperator.body.items.map((e: { action: string; outcome: string }) => `${e.action}:${e.outcome}`).reverse(),
    ['task.create:success', 'task.publish:success', 'task.online:success', 'run.cancel:success', 'run.cancel:failure'],
  );
});
