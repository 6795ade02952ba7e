import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import { startTestWeir, testApp, type TestWeir } from '../test-support/weir.js';

// Starting and stopping YARN sessions through the API: who may, what a request may ask for, and a YARN entry
// whose ResourceManager is down or stopped refused at once with nothing kept. A session that really starts is
// the integration test's (deployment/yarn-session.int.test.ts).

/** A ResourceManager of the test's own: STARTED and answering, stopped (state STOPPED), or dropping every connection. */
/**
 * What the fake was asked, but for the YARN watcher's own listing of live applications: the suite's Weir watches its
 * YARN entries meanwhile, and that listing is asked every cycle (for applications started outside Weir).
 */
function askedBesidesWatching(fake: { requests: string[] }): number {
  return fake.requests.filter((url) => !url.startsWith('/ws/v1/cluster/apps')).length;
}

function fakeResourceManager(): Promise<{ url: string; requests: string[]; mode: 'up' | 'stopped' | 'down'; close(): Promise<void> }> {
  const requests: string[] = [];
  const fake = { url: '', requests, mode: 'up' as 'up' | 'stopped' | 'down', close: async () => {} };
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    if (fake.mode === 'down') return req.socket.destroy();
    res.setHeader('content-type', 'application/json');
    const state = fake.mode === 'up' ? 'STARTED' : 'STOPPED';
    if (req.url === '/ws/v1/cluster/info') return res.end(JSON.stringify({ clusterInfo: { id: 1, state, haState: 'ACTIVE', hadoopVersion: '3.3.6', resourceManagerVersion: '3.3.6' } }));
    if (req.url === '/ws/v1/cluster/scheduler') return res.end(JSON.stringify({ scheduler: { schedulerInfo: { type: 'fifoScheduler', capacity: 1, usedCapacity: 0, qstate: 'RUNNING' } } }));
    res.statusCode = 404;
    res.end('{"errors":["Not found"]}');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      fake.url = `http://127.0.0.1:${port}`;
      fake.close = () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); });
      resolve(fake);
    });
  });
}

let weir: TestWeir;
let app: FastifyInstance;
const tokens: Record<'admin' | 'operator' | 'viewer', Record<string, string>> = { admin: {}, operator: {}, viewer: {} };
let rmFake: Awaited<ReturnType<typeof fakeResourceManager>>;
let confDir: string;
let yarnId: string;

before(async () => {
  weir = await startTestWeir({ background: false });
  app = await testApp(weir);
  for (const role of ['admin', 'operator', 'viewer'] as const) {
    tokens[role] = { authorization: `Bearer ${(await weir.services.auth.createToken(SYSTEM_PRINCIPAL, `sessions-${role}`, role)).secret}` };
  }
  rmFake = await fakeResourceManager();
  confDir = await mkdtemp(join(tmpdir(), 'weir-yarn-session-conf-'));
  await writeFile(join(confDir, 'yarn-site.xml'), '<configuration/>');
  const yarn = await app.inject({ method: 'POST', url: '/api/clusters', headers: tokens.admin, payload: { name: 'yarn-prod', kind: 'yarn', restUrl: rmFake.url, yarn: { hadoopConfDir: confDir, queue: 'default', flinkVersion: '1.20.1' } } });
  assert.equal(yarn.statusCode, 201, yarn.body);
  yarnId = yarn.json().id;
});

after(async () => {
  await app?.close();
  await weir?.stop();
  await rmFake?.close();
  if (confDir) await rm(confDir, { recursive: true, force: true });
});

const start = (payload: unknown, headers = tokens.operator, id = yarnId) =>
  app.inject({ method: 'POST', url: `/api/clusters/${id}/yarn-sessions`, headers, payload: payload as object });
const entries = async () => (await app.inject({ method: 'GET', url: '/api/clusters', headers: tokens.admin })).json().items as { name: string }[];

describe('YARN sessions through the API', () => {
  it('refuse a slot count or memory out of bounds, a wrong type and an unknown field, before YARN is asked and with nothing kept', async () => {
    const asked = askedBesidesWatching(rmFake);
    for (const payload of [
      { slotsPerTaskManager: 0 },
      { slotsPerTaskManager: 100_000 },
      { slotsPerTaskManager: 2.5 },
      { jobManagerMemoryMb: 10 ** 12 },
      { jobManagerMemoryMb: 64 },
      { taskManagerMemoryMb: -1 },
      { taskManagerMemoryMb: '4g' },
      { slots: 2 },
      { name: '../../etc' },
    ]) {
      const res = await start(payload);
      assert.equal(res.statusCode, 400, JSON.stringify(payload));
      assert.equal(res.json().error.code, 'VALIDATION');
    }
    assert.equal(askedBesidesWatching(rmFake), asked, 'YARN was not asked');
    assert.deepEqual((await entries()).map((c) => c.name), ['yarn-prod']);
  });

  it('are started and stopped by operators, not viewers', async () => {
    const viewerStart = await start({}, tokens.viewer);
    assert.equal(viewerStart.statusCode, 403);
    const viewerStop = await app.inject({ method: 'POST', url: `/api/clusters/${yarnId}/stop-session`, headers: tokens.viewer, payload: {} });
    assert.equal(viewerStop.statusCode, 403);
  });

  it('start on YARN entries only, and stop only sessions Weir started', async () => {
    const onSession = await weir.services.database.db.insertInto('clusters').values({
      id: 'plain-session', name: 'plain', rest_url: 'http://127.0.0.1:1', gateway_url: null, history_url: null, description: null, is_local: 0,
      team_id: 'default', created_at: 1, updated_at: 1, health: 'UNKNOWN', flink_version: null, task_managers: null, slots_total: null,
      slots_available: null, jobs_running: null, last_checked_at: null, last_healthy_at: null, last_error: null, auth_type: null, auth_secret: null,
      yarn_conf_dir: null, yarn_queue: null, yarn_flink_version: null, session_yarn_cluster_id: null, session_application_id: null, session_state: null, session_resources: null,
    }).execute().then(() => start({}, tokens.operator, 'plain-session'));
    assert.equal(onSession.statusCode, 400);
    assert.match(onSession.json().error.message, /is not a YARN target/);
    const stopPlain = await app.inject({ method: 'POST', url: '/api/clusters/plain-session/stop-session', headers: tokens.operator, payload: {} });
    assert.equal(stopPlain.statusCode, 400);
    assert.match(stopPlain.json().error.message, /is not a YARN session Weir started/);
    const stopYarn = await app.inject({ method: 'POST', url: `/api/clusters/${yarnId}/stop-session`, headers: tokens.operator, payload: { force: 'yes' } });
    assert.equal(stopYarn.statusCode, 400);
    assert.equal(stopYarn.json().error.code, 'VALIDATION');
  });

  it('a session that is not RUNNING is neither stopped, nor submitted to, nor removed while it may hold YARN resources', async () => {
    await weir.services.database.db.insertInto('clusters').values({
      id: 'starting-session', name: 'starting', rest_url: rmFake.url, gateway_url: null, history_url: null, description: null, is_local: 0,
      team_id: 'default', created_at: 1, updated_at: 1, health: 'UNKNOWN', flink_version: null, task_managers: null, slots_total: null,
      slots_available: null, jobs_running: null, last_checked_at: null, last_healthy_at: null, last_error: null, auth_type: null, auth_secret: null,
      yarn_conf_dir: null, yarn_queue: null, yarn_flink_version: null, session_yarn_cluster_id: yarnId, session_application_id: null, session_state: 'STARTING',
      session_resources: JSON.stringify({ slotsPerTaskManager: 2, jobManagerMemoryMb: 1024, taskManagerMemoryMb: 1024 }),
    }).execute();
    const shown = (await app.inject({ method: 'GET', url: '/api/clusters/starting-session', headers: tokens.viewer })).json();
    assert.deepEqual(shown.yarnSession, { yarnClusterId: yarnId, applicationId: null, state: 'STARTING', resources: { slotsPerTaskManager: 2, jobManagerMemoryMb: 1024, taskManagerMemoryMb: 1024 } });
    const asked = askedBesidesWatching(rmFake);
    const checked = await app.inject({ method: 'POST', url: '/api/clusters/starting-session/check', headers: tokens.operator });
    assert.equal(checked.json().health, 'UNKNOWN', 'a session without its JobManager yet is not probed');
    assert.equal(askedBesidesWatching(rmFake), asked);
    const stop = await app.inject({ method: 'POST', url: '/api/clusters/starting-session/stop-session', headers: tokens.operator, payload: {} });
    assert.equal(stop.statusCode, 409);
    assert.match(stop.json().error.message, /is STARTING; only a RUNNING session can be stopped/);
    const removed = await app.inject({ method: 'DELETE', url: '/api/clusters/starting-session', headers: { ...tokens.admin, 'accept-language': 'zh-CN' } });
    assert.equal(removed.statusCode, 409);
    assert.equal(removed.json().error.message, 'YARN 会话 starting 处于 STARTING 状态；请先停止它再删除其条目');

    const task = await app.inject({ method: 'POST', url: '/api/tasks', headers: tokens.admin, payload: { name: 'on-starting', kind: 'SQL', clusterId: 'starting-session', sql: "CREATE TABLE s (x INT) WITH ('connector' = 'datagen');\nCREATE TABLE k (x INT) WITH ('connector' = 'blackhole');\nINSERT INTO k SELECT x FROM s;" } });
    assert.equal(task.statusCode, 201, task.body);
    await app.inject({ method: 'POST', url: `/api/tasks/${task.json().id}/publish`, headers: tokens.admin, payload: { unvalidated: true } });
    const online = await app.inject({ method: 'POST', url: `/api/tasks/${task.json().id}/online`, headers: tokens.operator, payload: {} });
    assert.equal(online.statusCode, 409);
    assert.match(online.json().error.message, /is STARTING; jobs are submitted to a RUNNING session only/);
    assert.equal((await weir.services.runs.listByTask(task.json().id)).total, 0);
  });

  it('a YARN entry whose ResourceManager is stopped or does not answer is refused at once, nothing recorded or started', async () => {
    try {
      rmFake.mode = 'stopped';
      const stopped = await start({ name: 'on-stopped' });
      assert.equal(stopped.statusCode, 422, stopped.body);
      assert.match(stopped.json().error.message, /is STOPPED, not STARTED/);
      rmFake.mode = 'down';
      const down = await start({ name: 'on-down' });
      assert.equal(down.statusCode, 502, down.body);
      assert.equal(down.json().error.code, 'FLINK_UNREACHABLE');
    } finally {
      rmFake.mode = 'up';
    }
    const names = (await entries()).map((c) => c.name);
    assert.ok(!names.includes('on-stopped') && !names.includes('on-down'), names.join(', '));
  });
});
