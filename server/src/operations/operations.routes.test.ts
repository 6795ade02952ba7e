import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import { ClustersStore } from '../clusters/clusters.store.js';
import { startTestWeir, testApp, type TestWeir } from '../test-support/weir.js';

// Operation routes without Flink: validation, roles, and the refusals Weir decides by itself.

let weir: TestWeir;
let app: FastifyInstance;
let operator: string;
let viewer: string;
let externalRunId: string;

before(async () => {
  weir = await startTestWeir({ background: false });
  app = await testApp(weir);
  operator = `Bearer ${(await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'ops', 'operator')).secret}`;
  viewer = `Bearer ${(await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'look', 'viewer')).secret}`;
  const clusterId = (await new ClustersStore(weir.database).create({ name: 'nowhere', restUrl: 'http://127.0.0.1:9' })).id;
  // A job the watcher discovered: an EXTERNAL task with one run.
  const task = await weir.services.tasks.create({ name: 'found', kind: 'EXTERNAL', lifecycle: 'ONLINE', executionMode: 'STREAMING', clusterId });
  externalRunId = (
    await weir.services.runs.upsertByJob({ taskId: task.id, clusterId, flinkJobId: 'e'.repeat(32), jobName: 'found', status: 'RUNNING', executionMode: 'STREAMING' })
  ).run.id;
});

after(async () => {
  await app?.close();
  await weir?.stop();
});

function post(url: string, body?: unknown, auth = operator) {
  return app.inject({ method: 'POST', url, headers: { authorization: auth }, ...(body === undefined ? {} : { payload: body as object }) });
}

describe('operation routes', () => {
  it('validates bodies', async () => {
    const noFlag = await post(`/api/runs/${externalRunId}/stop`, {});
    assert.equal(noFlag.statusCode, 400);
    assert.match(noFlag.json().error.message, /withSavepoint/);
    assert.equal((await post(`/api/runs/${externalRunId}/restart`, { from: 'yesterday' })).statusCode, 400);
    assert.equal((await post('/api/tasks/bulk', { action: 'online', taskIds: [] })).statusCode, 400);
    assert.equal((await post('/api/tasks/bulk', { action: 'pause', taskIds: ['a'] })).statusCode, 400);
    assert.equal((await post('/api/tasks/x/offline', {})).statusCode, 400);
  });

  it('answers 404 for a run or task that does not exist', async () => {
    for (const url of ['/api/runs/nope/cancel', '/api/runs/nope/savepoint', '/api/runs/nope/refresh']) {
      const res = await post(url);
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.json().error.code, 'NOT_FOUND');
    }
    assert.equal((await post('/api/tasks/nope/online', {})).statusCode, 404);
    assert.equal((await app.inject({ method: 'GET', url: '/api/runs/nope/savepoints', headers: { authorization: viewer } })).statusCode, 404);
  });

  it('refuses to resubmit a job Weir did not submit, with a sentence saying why', async () => {
    const res = await post(`/api/runs/${externalRunId}/restart`, { from: 'none' });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().error.code, 'CONFLICT');
    assert.match(res.json().error.message, /not submitted by Weir/);
  });

  it('needs a path to restart from a chosen savepoint', async () => {
    const task = await weir.services.tasksService.create(SYSTEM_PRINCIPAL, { name: 'sql', kind: 'SQL', clusterId: (await weir.services.clusters.list())[0]!.id, sql: 'INSERT INTO a SELECT 1' });
    await weir.services.tasksService.publish(SYSTEM_PRINCIPAL, task.id, undefined, { unvalidated: true });
    const version = (await weir.services.tasksService.listVersions(task.id))[0]!;
    const { run } = await weir.services.runs.upsertByJob({ taskId: task.id, clusterId: task.clusterId, flinkJobId: 'f'.repeat(32), jobName: 'sql', status: 'CANCELED', executionMode: 'STREAMING', versionId: version.id });
    const res = await post(`/api/runs/${run.id}/restart`, { from: 'savepoint' });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().error.message, /needs savepointPath/);
  });

  it('reports an unreachable JobManager as FLINK_UNREACHABLE', async () => {
    const res = await post(`/api/runs/${externalRunId}/cancel`);
    assert.equal(res.statusCode, 502);
    assert.equal(res.json().error.code, 'FLINK_UNREACHABLE');
  });

  it('lets a viewer list savepoints but not operate', async () => {
    const list = await app.inject({ method: 'GET', url: `/api/runs/${externalRunId}/savepoints`, headers: { authorization: viewer } });
    assert.equal(list.statusCode, 200);
    assert.deepEqual(list.json(), { items: [] });
    assert.equal((await post(`/api/runs/${externalRunId}/cancel`, undefined, viewer)).statusCode, 403);
    assert.equal((await post('/api/tasks/bulk', { action: 'offline', taskIds: ['a'] }, viewer)).statusCode, 403);
  });

  it('gives one result per task in a bulk operation, failures included', async () => {
    const res = await post('/api/tasks/bulk', { action: 'offline', taskIds: ['nope', 'nope'] });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), {
      items: [{ taskId: 'nope', taskName: null, ok: false, result: null, error: { code: 'NOT_FOUND', message: 'Task nope does not exist' } }],
      succeeded: 0,
      failed: 1,
    });
  });

  it("says each task's failure in a bulk operation in the caller's language", async () => {
    const res = await app.inject({ method: 'POST', url: '/api/tasks/bulk', headers: { authorization: operator, 'accept-language': 'zh-CN' }, payload: { action: 'offline', taskIds: ['nope'] } });
    assert.deepEqual(res.json().items[0].error, { code: 'NOT_FOUND', message: '任务 nope 不存在' });
  });

  it("says an operation's success in the caller's language, and in English to a client that asks for none", async () => {
    const url = `/api/runs/${externalRunId}/refresh`;
    const zh = await app.inject({ method: 'POST', url, headers: { authorization: operator, 'accept-language': 'zh-CN' } });
    assert.equal(zh.statusCode, 200);
    assert.match(zh.json().message, /^无法连接 JobManager；作业 e{32} 处于 \w+ 状态$/);
    const en = await post(url);
    assert.match(en.json().message, /^The JobManager could not be reached; job e{32} is \w+$/);
  });
});
