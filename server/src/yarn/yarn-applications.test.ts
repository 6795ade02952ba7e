import assert from 'node:assert/strict';
import { test } from 'node:test';
import { externalApplicationsToFollow, findRunningFlinkApplications, killApplication } from './yarn-applications.js';
import { toYarnApplication, YarnResourceManagerClient } from './yarn-rm.client.js';

const app = (id: string, state: string, tags: string, extra: Record<string, unknown> = {}) => ({
  id, user: 'etl', name: id, queue: 'default', state, finalStatus: state === 'KILLED' ? 'KILLED' : 'UNDEFINED',
  applicationType: 'Apache Flink', applicationTags: tags, diagnostics: '', startedTime: 1, finishedTime: 0, ...extra,
});

/** A ResourceManager that answers each request with the next of `answers`, recording what was asked. */
function scripted(answers: Array<[number, unknown]>, asked: string[]): YarnResourceManagerClient {
  const fetch = (async (input: URL | string, init?: RequestInit) => {
    asked.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}${new URL(String(input)).search}`);
    const [status, body] = answers.shift()!;
    return new Response(JSON.stringify(body), { status });
  }) as typeof globalThis.fetch;
  return new YarnResourceManagerClient({ baseUrl: 'http://rm.test:8088', timeoutMs: 5_000, fetch });
}

test('Flink applications holding containers are split into Weir\'s own (tagged weir) and external ones', async () => {
  const asked: string[] = [];
  const rm = scripted([[200, { apps: { app: [
    app('application_1_0001', 'RUNNING', 'weir,weir-deploy-aa'),
    app('application_1_0002', 'ACCEPTED', 'team-etl'),
    app('application_1_0003', 'RUNNING', ''),
  ] } }]], asked);
  const { own, external } = await findRunningFlinkApplications(rm);
  assert.deepEqual(own.map((a) => a.id), ['application_1_0001']);
  assert.deepEqual(external.map((a) => a.id), ['application_1_0002', 'application_1_0003']);
  const query = new URLSearchParams(asked[0]!.split('?')[1]);
  assert.equal(query.get('applicationTypes'), 'Apache Flink');
  assert.equal(query.get('states'), 'NEW,NEW_SAVING,SUBMITTED,ACCEPTED,RUNNING');
});

test('a kill waits for YARN\'s final word and returns it with the diagnostics', async () => {
  const asked: string[] = [];
  const killed = app('application_1_0001', 'KILLED', 'weir', { diagnostics: 'Application application_1_0001 was killed by user dr.who', finishedTime: 9 });
  const rm = scripted([
    [202, { state: 'RUNNING' }],
    [200, { app: app('application_1_0001', 'RUNNING', 'weir') }],
    [200, { app: killed }],
  ], asked);
  const ended = await killApplication(rm, 'application_1_0001', { pollMs: 1 });
  assert.deepEqual(asked, ['PUT /ws/v1/cluster/apps/application_1_0001/state', 'GET /ws/v1/cluster/apps/application_1_0001', 'GET /ws/v1/cluster/apps/application_1_0001']);
  assert.equal(ended.state, 'KILLED');
  assert.equal(ended.finalStatus, 'KILLED');
  assert.match(ended.diagnostics, /was killed by user/);
});

test('of the live applications, Weir reads the Flink ones started outside it that have a JobManager address', () => {
  const live = [
    app('application_1_0001', 'RUNNING', 'weir,weir-deploy-aa', { amRPCAddress: 'nm:41001' }),
    app('application_1_0002', 'RUNNING', 'team-etl', { amRPCAddress: 'nm:41002' }),
    app('application_1_0003', 'ACCEPTED', ''),
    app('application_1_0004', 'RUNNING', '', { trackingUrl: 'http://rm:8088/proxy/application_1_0004/' }),
    app('application_1_0005', 'RUNNING', '', { applicationType: 'SPARK', amRPCAddress: 'nm:41005' }),
  ].map((a) => toYarnApplication(a as Parameters<typeof toYarnApplication>[0]));
  assert.deepEqual(externalApplicationsToFollow(live).map((a) => [a.id, a.jobManagerUrl]), [['application_1_0002', 'http://nm:41002']]);
});
