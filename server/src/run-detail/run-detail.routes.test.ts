import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import { ClustersStore } from '../clusters/clusters.store.js';
import { startTestWeir, testApp, type TestWeir } from '../test-support/weir.js';

// Why a run page section is not live, without Flink: a cluster the health check found unreachable.

let weir: TestWeir;
let app: FastifyInstance;
let viewer: string;
let runId: string;

before(async () => {
  weir = await startTestWeir({ background: false });
  app = await testApp(weir);
  viewer = `Bearer ${(await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'look', 'viewer')).secret}`;
  const store = new ClustersStore(weir.database);
  const clusterId = (await store.create({ name: 'nowhere', restUrl: 'http://127.0.0.1:9' })).id;
  await store.recordHealth(clusterId, { health: 'UNREACHABLE', checkedAt: Date.now(), error: 'JobManager at http://127.0.0.1:9 cannot be reached: connection refused' });
  const task = await weir.services.tasks.create({ name: 'found', kind: 'EXTERNAL', lifecycle: 'ONLINE', executionMode: 'STREAMING', clusterId });
  runId = (await weir.services.runs.upsertByJob({ taskId: task.id, clusterId, flinkJobId: 'e'.repeat(32), jobName: 'found', status: 'RUNNING', executionMode: 'STREAMING' })).run.id;
});

after(async () => {
  await app?.close();
  await weir?.stop();
});

describe('run detail routes', () => {
  it('say why a section is not live as a code with the cluster and its last error, that error in the caller\'s language and the English kept', async () => {
    const get = (headers: Record<string, string>) => app.inject({ method: 'GET', url: `/api/runs/${runId}/graph`, headers: { authorization: viewer, ...headers } });
    const zh = (await get({ 'accept-language': 'zh-CN' })).json();
    assert.deepEqual(zh.reasonCode, { code: 'clusterUnreachableBecause', params: { cluster: 'nowhere', error: '无法连接 http://127.0.0.1:9 上的 JobManager：连接被拒绝' } });
    assert.equal(zh.reason, 'Cluster nowhere does not answer (JobManager at http://127.0.0.1:9 cannot be reached: connection refused)');
    const en = (await get({})).json();
    assert.equal(en.reasonCode.params.error, 'JobManager at http://127.0.0.1:9 cannot be reached: connection refused');
  });
});
