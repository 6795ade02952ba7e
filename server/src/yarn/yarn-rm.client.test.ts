// The ResourceManager client against answers shaped like Hadoop 3.3.6's REST API (field for field as the
// local YARN answered them, trimmed to one application each), served by a fetch of the test's own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FlinkRejectedError, InputError, NotFlinkError } from '../errors/errors.js';
import { YarnResourceManagerClient } from './yarn-rm.client.js';

const RUNNING_FLINK_APP = {
  id: 'application_1796573000000_0001', user: 'root', name: 'weir TopSpeedWindowing', queue: 'default',
  state: 'RUNNING', finalStatus: 'UNDEFINED', progress: 100.0, trackingUI: 'ApplicationMaster',
  trackingUrl: 'http://127.0.0.1:8088/proxy/application_1796573000000_0001/', diagnostics: '',
  clusterId: 1796573000000, applicationType: 'Apache Flink', applicationTags: 'weir,weir-deploy-3f2a',
  priority: 0, startedTime: 1796573100000, launchTime: 1796573101000, finishedTime: 0, elapsedTime: 20000,
  amContainerLogs: 'http://127.0.0.1:8042/node/containerlogs/container_1796573000000_0001_01_000001/root',
  amHostHttpAddress: '127.0.0.1:8042', amRPCAddress: '127.0.0.1:8081', masterNodeId: '127.0.0.1:8041',
  allocatedMB: 2048, allocatedVCores: 2, runningContainers: 2, unmanagedApplication: false,
};
const KILLED_APP = {
  ...RUNNING_FLINK_APP, id: 'application_1796573000000_0002', state: 'KILLED', finalStatus: 'KILLED',
  applicationTags: '', diagnostics: 'Application application_1796573000000_0002 was killed by user dr.who at 127.0.0.1',
  finishedTime: 1796573200000, amRPCAddress: '127.0.0.1:8081',
};

interface Seen { url: URL; method: string; body: string | undefined }

function answering(status: number, body: unknown, seen: Seen[] = []): YarnResourceManagerClient {
  const fetch = (async (input: URL | string, init?: RequestInit) => {
    seen.push({ url: new URL(String(input)), method: init?.method ?? 'GET', body: init?.body as string | undefined });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return new YarnResourceManagerClient({ baseUrl: 'http://rm.test:8088', timeoutMs: 5_000, fetch });
}

test('lists applications by tag, type and state, as YARN filters them (tags lower-cased)', async () => {
  const seen: Seen[] = [];
  const apps = await answering(200, { apps: { app: [RUNNING_FLINK_APP] } }, seen)
    .applications({ tags: ['Weir'], types: ['Apache Flink'], states: ['ACCEPTED', 'RUNNING'] });
  assert.equal(seen[0]!.url.pathname, '/ws/v1/cluster/apps');
  assert.equal(seen[0]!.url.searchParams.get('applicationTags'), 'weir');
  assert.equal(seen[0]!.url.searchParams.get('applicationTypes'), 'Apache Flink');
  assert.equal(seen[0]!.url.searchParams.get('states'), 'ACCEPTED,RUNNING');
  assert.equal(apps.length, 1);
  assert.deepEqual(
    { ...apps[0] },
    {
      id: 'application_1796573000000_0001', name: 'weir TopSpeedWindowing', user: 'root', queue: 'default',
      state: 'RUNNING', finalStatus: 'UNDEFINED', type: 'Apache Flink', tags: ['weir', 'weir-deploy-3f2a'],
      diagnostics: '', trackingUrl: 'http://127.0.0.1:8088/proxy/application_1796573000000_0001/',
      jobManagerUrl: 'http://127.0.0.1:8081', startedAt: 1796573100000, finishedAt: null,
    },
  );
});

test('an empty list, which YARN answers as {"apps": null}, is no applications', async () => {
  assert.deepEqual(await answering(200, { apps: null }).applications(), []);
});

test('an ended application has its diagnostics and end time, and no JobManager address to follow', async () => {
  const app = await answering(200, { app: KILLED_APP }).application(KILLED_APP.id);
  assert.equal(app?.state, 'KILLED');
  assert.equal(app?.finalStatus, 'KILLED');
  assert.match(app!.diagnostics, /was killed by user/);
  assert.equal(app?.finishedAt, 1796573200000);
  assert.equal(app?.jobManagerUrl, null);
  assert.deepEqual(app?.tags, []);
});

test('an application YARN does not know is null, not an error', async () => {
  const notFound = {
    RemoteException: {
      exception: 'NotFoundException', message: 'java.lang.Exception: app with id: application_1796573000000_0009 not found',
      javaClassName: 'org.apache.hadoop.yarn.webapp.NotFoundException',
    },
  };
  assert.equal(await answering(404, notFound).application('application_1796573000000_0009'), null);
});

test('a kill is a PUT of the KILLED state, and YARN\'s 202 "under way" is success', async () => {
  const seen: Seen[] = [];
  await answering(202, { state: 'RUNNING' }, seen).kill('application_1796573000000_0001');
  assert.equal(seen[0]!.method, 'PUT');
  assert.equal(seen[0]!.url.pathname, '/ws/v1/cluster/apps/application_1796573000000_0001/state');
  assert.deepEqual(JSON.parse(seen[0]!.body!), { state: 'KILLED' });
});

test('a refused kill carries YARN\'s own message', async () => {
  const refused = { RemoteException: { exception: 'BadRequestException', message: 'Only \'KILLED\' is allowed as a target state.' } };
  await assert.rejects(answering(400, refused).kill('application_1796573000000_0001'), (err: unknown) =>
    err instanceof FlinkRejectedError && /YARN ResourceManager rejected PUT .*Only 'KILLED' is allowed/.test(err.message));
});

test('an id that is not a YARN application id never reaches a URL', async () => {
  const seen: Seen[] = [];
  const client = answering(200, {}, seen);
  for (const bad of ['../../cluster', 'application_1_1/state', 'job_1_1', '']) {
    await assert.rejects(client.application(bad), InputError);
    await assert.rejects(client.kill(bad), InputError);
  }
  assert.equal(seen.length, 0);
});

test('an answer not shaped like YARN\'s, or an address a JobManager cannot be at, is refused or ignored', async () => {
  await assert.rejects(answering(200, { apps: { app: [{ id: 'application_1_1', state: 'DANCING' }] } }).applications(), NotFlinkError);
  const odd = { ...RUNNING_FLINK_APP, amRPCAddress: 'evil.test:80/@other' };
  const [app] = await answering(200, { apps: { app: [odd] } }).applications();
  assert.equal(app?.jobManagerUrl, null);
});

test('one application in an unexpected shape is a NotFlinkError naming the ResourceManager', async () => {
  await assert.rejects(answering(200, { app: { id: 'application_1_1' } }).application('application_1_1'), (err: unknown) =>
    err instanceof NotFlinkError && /YARN ResourceManager at http:\/\/rm.test:8088/.test(err.message));
});

test("lists a scheduler's queues by full path and by name: capacity and fair schedulers nest them differently, FIFO has 'default' only", async () => {
  const capacity = {
    scheduler: {
      schedulerInfo: {
        type: 'capacityScheduler', capacity: 100, queueName: 'root',
        queues: { queue: [
          { type: 'capacitySchedulerLeafQueueInfo', queuePath: 'root.default', queueName: 'default', capacity: 50 },
          { queuePath: 'root.streaming', queueName: 'streaming', queues: { queue: [{ queuePath: 'root.streaming.prod', queueName: 'prod' }] } },
        ] },
      },
    },
  };
  const seen: Seen[] = [];
  const c = await answering(200, capacity, seen).queues();
  assert.equal(seen[0]!.url.pathname, '/ws/v1/cluster/scheduler');
  assert.equal(c.scheduler, 'capacityScheduler');
  assert.deepEqual([...c.queues].sort(), ['default', 'prod', 'root', 'root.default', 'root.streaming', 'root.streaming.prod', 'streaming']);

  const fair = { scheduler: { schedulerInfo: { type: 'fairScheduler', rootQueue: { queueName: 'root', childQueues: { queue: [{ queueName: 'root.default' }, { queueName: 'root.etl' }] } } } } };
  assert.deepEqual([...(await answering(200, fair).queues()).queues].sort(), ['default', 'etl', 'root', 'root.default', 'root.etl']);

  const fifo = { scheduler: { schedulerInfo: { type: 'fifoScheduler', capacity: 1, usedCapacity: 0, qstate: 'RUNNING' } } };
  assert.deepEqual([...(await answering(200, fifo).queues()).queues], ['default']);
});

test('a scheduler answer without its scheduler info is not a ResourceManager', async () => {
  await assert.rejects(answering(200, { jobs: [] }).queues(), NotFlinkError);
});
