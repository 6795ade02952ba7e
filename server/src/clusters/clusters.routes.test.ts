import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import { ClustersStore } from './clusters.store.js';
import { startTestWeir, testApp, type TestWeir } from '../test-support/weir.js';

// A cluster's stored last error as a reader sees it, without Flink: a cluster nobody answers at.

let weir: TestWeir;
let app: FastifyInstance;
let viewer: string;
let clusterId: string;

before(async () => {
  weir = await startTestWeir({ background: false });
  app = await testApp(weir);
  viewer = `Bearer ${(await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'look', 'viewer')).secret}`;
  const store = new ClustersStore(weir.database);
  clusterId = (await store.create({ name: 'nowhere', restUrl: 'http://127.0.0.1:9' })).id;
  await store.recordHealth(clusterId, { health: 'UNREACHABLE', checkedAt: Date.now(), error: 'JobManager at http://127.0.0.1:9 cannot be reached: connection refused' });
});

after(async () => {
  await app?.close();
  await weir?.stop();
});

describe('cluster routes', () => {
  it("say a cluster's last error in the caller's language, and in English to a client that asks for none", async () => {
    const get = (headers: Record<string, string>) => app.inject({ method: 'GET', url: `/api/clusters/${clusterId}`, headers: { authorization: viewer, ...headers } });
    assert.equal((await get({ 'accept-language': 'zh-CN' })).json().lastError, '无法连接 http://127.0.0.1:9 上的 JobManager：连接被拒绝');
    assert.equal((await get({})).json().lastError, 'JobManager at http://127.0.0.1:9 cannot be reached: connection refused');
    const list = await app.inject({ method: 'GET', url: '/api/clusters', headers: { authorization: viewer, 'accept-language': 'zh-CN' } });
    assert.equal(list.json().items.find((c: { id: string }) => c.id === clusterId).lastError, '无法连接 http://127.0.0.1:9 上的 JobManager：连接被拒绝');
  });
});
