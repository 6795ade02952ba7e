import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import { DEFAULT_OUTBOUND_DENY } from '../outbound/outbound-guard.js';
import { waitUntil } from '../test-support/flink.js';
import { startTestWeir, testApp, type TestWeir } from '../test-support/weir.js';

// A YARN target entry against a ResourceManager of the test's own: what a saved entry holds, and each
// wrong field refused with its own code before anything is kept. The real YARN is the integration test's.

/** Answers as Hadoop 3.3's ResourceManager does with the FIFO scheduler (queue `default` only); counts requests. */
function fakeResourceManager(): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    res.setHeader('content-type', 'application/json');
    if (req.url === '/ws/v1/cluster/info') return res.end(JSON.stringify({ clusterInfo: { id: 1, state: 'STARTED', haState: 'ACTIVE', hadoopVersion: '3.3.6', resourceManagerVersion: '3.3.6' } }));
    if (req.url === '/ws/v1/cluster/scheduler') return res.end(JSON.stringify({ scheduler: { schedulerInfo: { type: 'fifoScheduler', capacity: 1, usedCapacity: 0, qstate: 'RUNNING' } } }));
    res.statusCode = 404;
    res.end('{"errors":["Not found"]}');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

/** Something at an address that is not a ResourceManager: a JobManager's 404 for YARN's paths. */
function notResourceManager(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.statusCode = 404;
    res.setHeader('content-type', 'application/json');
    res.end('{"errors":["Not found: /ws/v1/cluster/info"]}');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

let weir: TestWeir;
let app: FastifyInstance;
let admin: Record<string, string>;
let rmFake: Awaited<ReturnType<typeof fakeResourceManager>>;
let confDir: string;

before(async () => {
  weir = await startTestWeir({ background: false });
  app = await testApp(weir);
  admin = { authorization: `Bearer ${(await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'yarn', 'admin')).secret}` };
  rmFake = await fakeResourceManager();
  confDir = await mkdtemp(join(tmpdir(), 'weir-yarn-conf-'));
  await writeFile(join(confDir, 'yarn-site.xml'), '<configuration/>');
});

after(async () => {
  await app?.close();
  await weir?.stop();
  await rmFake?.close();
  if (confDir) await rm(confDir, { recursive: true, force: true });
});

const create = (payload: unknown) => app.inject({ method: 'POST', url: '/api/clusters', headers: admin, payload: payload as object });
const yarnEntry = (over: Record<string, unknown> = {}, yarn: Record<string, unknown> = {}) => ({
  name: 'yarn-prod',
  kind: 'yarn',
  restUrl: rmFake.url,
  yarn: { hadoopConfDir: confDir, queue: 'default', flinkVersion: '1.20.1', ...yarn },
  ...over,
});

describe('YARN target entries', () => {
  it('refuse a wrong queue, an address that is no ResourceManager or does not answer, and a folder without yarn-site.xml, each with its own code, and keep nothing', async () => {
    const queue = await create(yarnEntry({}, { queue: 'etl' }));
    assert.equal(queue.statusCode, 422);
    assert.equal(queue.json().error.code, 'YARN_QUEUE_UNKNOWN');
    assert.match(queue.json().error.message, /has no queue etl; its queues: default$/);

    const other = await notResourceManager();
    try {
      const notYarn = await create(yarnEntry({ restUrl: other.url }));
      assert.equal(notYarn.statusCode, 422);
      assert.equal(notYarn.json().error.code, 'NOT_YARN');
    } finally {
      await other.close();
    }
    const gone = await notResourceManager();
    await gone.close(); // nothing listens there now
    const unreachable = await create(yarnEntry({ restUrl: gone.url }));
    assert.equal(unreachable.statusCode, 502);
    assert.equal(unreachable.json().error.code, 'YARN_UNREACHABLE');

    const noSite = await create(yarnEntry({}, { hadoopConfDir: tmpdir() + '/weir-no-such-conf' }));
    assert.equal(noSite.statusCode, 400);
    assert.match(noSite.json().error.message, /no readable yarn-site\.xml/);

    const list = await app.inject({ method: 'GET', url: '/api/clusters', headers: admin });
    assert.deepEqual(list.json().items, []);
  });

  it('refuse what a YARN target does not have and settings it needs in the wrong shape, before any request', async () => {
    const before = rmFake.requests.length;
    for (const payload of [
      yarnEntry({ yarn: undefined }),
      yarnEntry({ gatewayUrl: 'http://127.0.0.1:8083' }),
      yarnEntry({ auth: { type: 'bearer', token: 't' } }),
      yarnEntry({}, { hadoopConfDir: 'etc/hadoop' }),
      yarnEntry({}, { hadoopConfDir: '/etc/../root' }),
      yarnEntry({}, { queue: 'a queue' }),
      yarnEntry({}, { flinkVersion: '1.20.3' }),
      { ...yarnEntry(), kind: undefined },
    ]) {
      const res = await create(payload);
      assert.equal(res.statusCode, 400, JSON.stringify(payload));
      assert.equal(res.json().error.code, 'VALIDATION');
    }
    assert.equal(rmFake.requests.length, before);
  });

  it('keep a proven target: its ResourceManager, folder, queue and Flink version; a SQL task whose published script Weir can no longer plan is refused submission as a session cluster refuses it, with no run', async () => {
    const created = await create(yarnEntry());
    assert.equal(created.statusCode, 201, created.body.slice(0, 3000));
    const cluster = created.json();
    assert.equal(cluster.kind, 'yarn');
    assert.equal(cluster.restUrl, rmFake.url);
    assert.deepEqual(cluster.yarn, { hadoopConfDir: confDir, queue: 'default', flinkVersion: '1.20.1' });
    assert.equal(cluster.health, 'HEALTHY');
    assert.equal(cluster.gatewayUrl, null);
    assert.ok(rmFake.requests.includes('/ws/v1/cluster/scheduler'));
    assert.ok(!rmFake.requests.some((url) => url.startsWith('/jobs') || url === '/overview' || url === '/config'), rmFake.requests.join(' '));

    const checked = await app.inject({ method: 'POST', url: `/api/clusters/${cluster.id}/check`, headers: admin });
    assert.equal(checked.json().health, 'HEALTHY');
    const moved = await app.inject({ method: 'PATCH', url: `/api/clusters/${cluster.id}`, headers: admin, payload: { yarn: { ...cluster.yarn, queue: 'etl' } } });
    assert.equal(moved.json().error.code, 'YARN_QUEUE_UNKNOWN');
    const gateway = await app.inject({ method: 'PATCH', url: `/api/clusters/${cluster.id}`, headers: admin, payload: { gatewayUrl: 'http://127.0.0.1:8083' } });
    assert.equal(gateway.statusCode, 400);

    const task = await app.inject({ method: 'POST', url: '/api/tasks', headers: admin, payload: { name: 'on-yarn', kind: 'SQL', clusterId: cluster.id, sql: "SET 'pipeline.name' 'no equals sign';\nCREATE TABLE s (x INT) WITH ('connector' = 'datagen');\nCREATE TABLE k (x INT) WITH ('connector' = 'blackhole');\nINSERT INTO k SELECT x FROM s;" } });
    assert.equal(task.statusCode, 201, task.body);
    const taskId = task.json().id;
    const published = await app.inject({ method: 'POST', url: `/api/tasks/${taskId}/publish`, headers: admin, payload: { unvalidated: true } });
    assert.equal(published.statusCode, 201, published.body);
    const online = await app.inject({ method: 'POST', url: `/api/tasks/${taskId}/online`, headers: { ...admin, 'accept-language': 'zh-CN' }, payload: {} });
    // SQL tasks deploy to YARN (deployment/yarn-sql.int.test.ts) through Weir's SQL runner, which takes SET statements
    // as the application's options: one it cannot read is refused before a run is recorded and YARN is asked anything.
    assert.equal(online.statusCode, 400, online.body);
    assert.equal(online.json().error.code, 'VALIDATION');
    assert.equal(online.json().error.message, "脚本无法提交：Weir cannot read this SET statement as 'key' = 'value'（第 1 行，第 1 列）");
    // Refused before a run is recorded: the task has no run, and is not ONLINE.
    assert.equal((await weir.services.runs.listByTask(taskId)).total, 0);
    assert.equal((await app.inject({ method: 'GET', url: `/api/tasks/${taskId}`, headers: admin })).json().lifecycle, 'PUBLISHED');
  });

  it('a ResourceManager address in a network Weir does not send requests to is not reached', async () => {
    const guarded = await startTestWeir({ background: false, config: { outbound: { deny: DEFAULT_OUTBOUND_DENY, allow: [] } } });
    const guardedApp = await testApp(guarded);
    try {
      const token = `Bearer ${(await guarded.services.auth.createToken(SYSTEM_PRINCIPAL, 'yarn', 'admin')).secret}`;
      const before = rmFake.requests.length;
      const res = await guardedApp.inject({ method: 'POST', url: '/api/clusters', headers: { authorization: token }, payload: yarnEntry({ name: 'guarded' }) });
      assert.equal(res.statusCode, 400, res.body);
      assert.match(res.json().error.message, /is in a network Weir does not send requests to/);
      // The suite's other Weir, whose YARN entry is this fake, may list its live Flink applications meanwhile (its
      // watcher asks each cycle, for applications started outside Weir); the guarded Weir asked nothing at all.
      assert.deepEqual(rmFake.requests.slice(before).filter((url) => !url.startsWith('/ws/v1/cluster/apps?')), []);
    } finally {
      await guardedApp.close();
      await guarded.stop();
    }
  });

  it("with Weir's background work running, only the health check asks the ResourceManager: no watcher or checkpoint tracker reads Flink paths there", async () => {
    const running = await startTestWeir({ config: { clusterCheckIntervalMs: 200 } });
    try {
      const from = rmFake.requests.length;
      const cluster = await running.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'watched-yarn', kind: 'yarn', restUrl: rmFake.url, yarn: { hadoopConfDir: confDir, queue: 'default', flinkVersion: '1.20.1' } });
      // Several scheduled checks after the registration's own: the watchers have synced and cycled meanwhile.
      await waitUntil('three scheduled health checks of the YARN target', 30_000, async () => rmFake.requests.slice(from).filter((url) => url === '/ws/v1/cluster/info').length >= 4);
      const seen = rmFake.requests.slice(from);
      assert.deepEqual(seen.filter((url) => !url.startsWith('/ws/v1/cluster/')), [], seen.join(' '));
      assert.equal((await running.services.clusters.get(cluster.id)).health, 'HEALTHY');
    } finally {
      await running.stop();
    }
  });
});
