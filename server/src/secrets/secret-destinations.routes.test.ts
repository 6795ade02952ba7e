import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { SECRET_MASK } from '@weir/contract';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import { fakeFlink, privateService, type FakeEndpoint } from '../test-support/fake-flink.js';
import { startTestWeir, testApp, type TestWeir } from '../test-support/weir.js';

/*
 * A stored secret is bound to the destinations (scheme, host, port) it was entered for. Changing
 * where it goes without entering it again is refused with a 400 naming the field, before anything
 * is sent to the new address; entering it again is accepted.
 */

let weir: TestWeir;
let app: FastifyInstance;
let admin: Record<string, string>;
let home: FakeEndpoint;
let elsewhere: FakeEndpoint;
const basic = { type: 'basic', username: 'flink-ops', password: 'stored-cluster-password' } as const;
const basicHeader = `Basic ${Buffer.from('flink-ops:stored-cluster-password').toString('base64')}`;

before(async () => {
  weir = await startTestWeir({ background: false });
  app = await testApp(weir);
  admin = { authorization: `Bearer ${(await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'destinations', 'admin')).secret}` };
  home = await fakeFlink();
  elsewhere = await fakeFlink();
});

after(async () => {
  await app?.close();
  await weir?.stop();
  await home?.close();
  await elsewhere?.close();
});

let clusterCount = 0;
async function clusterWithCredentials(): Promise<string> {
  clusterCount += 1;
  const res = await app.inject({
    method: 'POST',
    url: '/api/clusters',
    headers: admin,
    payload: { name: `secured-${clusterCount}`, restUrl: home.url, gatewayUrl: home.url, auth: basic },
  });
  assert.equal(res.statusCode, 201, res.body);
  return (res.json() as { id: string }).id;
}

const errorOf = (res: { statusCode: number; json(): unknown }) => ({ status: res.statusCode, ...(res.json() as { error: { code: string; message: string } }).error });

describe('cluster credentials follow no new address', () => {
  for (const field of ['restUrl', 'gatewayUrl', 'historyUrl'] as const) {
    it(`changing ${field} to another server without the credentials is refused, and nothing is sent there`, async () => {
      const id = await clusterWithCredentials();
      const seenBefore = elsewhere.seen.length;
      const res = await app.inject({ method: 'PATCH', url: `/api/clusters/${id}`, headers: admin, payload: { [field]: elsewhere.url } });
      const error = errorOf(res);
      assert.equal(error.status, 400, res.body);
      assert.equal(error.code, 'VALIDATION');
      assert.match(error.message, /^auth must be entered again/);
      assert.equal(elsewhere.seen.length, seenBefore, 'a request reached the new address');
      const stored = await weir.services.clusters.get(id);
      assert.equal(stored[field], field === 'historyUrl' ? null : home.url);
    });
  }

  it('changing the address with the credentials entered again is accepted, and they go there', async () => {
    const id = await clusterWithCredentials();
    const res = await app.inject({ method: 'PATCH', url: `/api/clusters/${id}`, headers: admin, payload: { restUrl: elsewhere.url, historyUrl: elsewhere.url, auth: basic } });
    assert.equal(res.statusCode, 200, res.body);
    assert.ok(elsewhere.seen.some((r) => r.authorization === basicHeader));
  });

  it('another path on the same server is the same destination', async () => {
    const id = await clusterWithCredentials();
    const res = await app.inject({ method: 'PATCH', url: `/api/clusters/${id}`, headers: admin, payload: { historyUrl: `${home.url}/history` } });
    assert.equal(res.statusCode, 200, res.body);
  });

  it('a HistoryServer address that does not answer as Flink is refused, on registration and on change', async () => {
    const notFlink = await privateService('hs-private');
    try {
      const created = await app.inject({ method: 'POST', url: '/api/clusters', headers: admin, payload: { name: 'with-history', restUrl: home.url, historyUrl: notFlink.url } });
      assert.equal(errorOf(created).status, 422, created.body);
      assert.equal(errorOf(created).code, 'NOT_FLINK');
      const id = await clusterWithCredentials();
      const changed = await app.inject({ method: 'PATCH', url: `/api/clusters/${id}`, headers: admin, payload: { historyUrl: notFlink.url, auth: basic } });
      assert.equal(errorOf(changed).status, 422, changed.body);
    } finally {
      await notFlink.close();
    }
  });
});

describe('alert channel secrets follow no new destination', () => {
  const channels = [
    {
      type: 'webhook',
      field: 'secret',
      config: { url: 'https://hooks.example.com/weir', secret: 'whsec-stored' },
      moved: { url: 'https://elsewhere.example.net/weir' },
      sameServer: { url: 'https://hooks.example.com/other-path' },
    },
    {
      type: 'dingtalk',
      field: 'secret',
      config: { url: 'https://oapi.dingtalk.com/robot/send?access_token=stored', secret: 'SECstored' },
      moved: { url: 'https://ding.example.net/robot/send?access_token=new' },
      sameServer: { url: 'https://oapi.dingtalk.com/robot/send?access_token=another' },
    },
    {
      type: 'feishu',
      field: 'secret',
      config: { url: 'https://open.feishu.cn/open-apis/bot/v2/hook/stored', secret: 'feishu-stored' },
      moved: { url: 'https://feishu.example.net/open-apis/bot/v2/hook/new' },
      sameServer: { url: 'https://open.feishu.cn/open-apis/bot/v2/hook/another' },
    },
    {
      type: 'pagerduty',
      field: 'routingKey',
      config: { url: 'https://events.pagerduty.com/v2/enqueue', routingKey: 'R0123456789abcdef0123456789abcde', severity: 'critical' },
      moved: { url: 'https://pagerduty.example.net/v2/enqueue' },
      sameServer: { severity: 'warning' },
    },
    {
      type: 'email',
      field: 'password',
      config: { host: 'smtp.example.com', port: 587, security: 'starttls', username: 'alerts', password: 'smtp-stored', from: 'weir@example.com', to: ['ops@example.com'] },
      moved: { host: 'smtp.example.net' },
      sameServer: { to: ['oncall@example.com'] },
    },
  ] as const;

  for (const channel of channels) {
    it(`${channel.type}: a new destination needs config.${channel.field} again (mask or left out); the same server does not`, async () => {
      const created = await app.inject({ method: 'POST', url: '/api/alerts/channels', headers: admin, payload: { type: channel.type, name: `bound-${channel.type}`, config: channel.config } });
      assert.equal(created.statusCode, 201, created.body);
      const { id } = created.json() as { id: string };
      const put = (config: Record<string, unknown>) =>
        app.inject({ method: 'PUT', url: `/api/alerts/channels/${id}`, headers: admin, payload: { type: channel.type, name: `bound-${channel.type}`, config } });

      for (const kept of [{ [channel.field]: SECRET_MASK }, {}]) {
        const config: Record<string, unknown> = { ...channel.config, ...channel.moved, ...kept };
        if (!(channel.field in kept)) delete config[channel.field];
        const refused = await put(config);
        const error = errorOf(refused);
        assert.equal(error.status, 400, refused.body);
        assert.equal(error.code, 'VALIDATION');
        assert.match(error.message, new RegExp(`^config\\.${channel.field} must be entered again`));
      }
      const sameServer = await put({ ...channel.config, ...channel.sameServer, [channel.field]: SECRET_MASK });
      assert.equal(sameServer.statusCode, 200, sameServer.body);
      const reentered = await put({ ...channel.config, ...channel.moved, [channel.field]: 'entered-again' });
      assert.equal(reentered.statusCode, 200, reentered.body);
    });
  }
});
