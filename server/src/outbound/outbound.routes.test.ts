import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { fakeFlink, privateService, type FakeEndpoint } from '../test-support/fake-flink.js';
import { startTestWeir, testApp, type TestWeir } from '../test-support/weir.js';
import { DEFAULT_OUTBOUND_DENY, OutboundGuard } from './outbound-guard.js';
import { makePrincipal } from '../access/principal.js';

/*
 * Registering a cluster or testing an alert channel makes Weir send a request to an address the
 * caller chose. Two rules keep that from being a way into the network beside Weir: what answers is
 * never shown back (status and a fixed reason only, in errors and in the delivery history), and
 * networks denied by WEIR_OUTBOUND_DENY (loopback and link-local by default) are not reached at all.
 */

const PRIVATE = 'TOP-SECRET-7f3a';

describe('the outbound guard', () => {
  const defaults = new OutboundGuard({ deny: DEFAULT_OUTBOUND_DENY, allow: [] });

  it('denies loopback, the unspecified address and link-local by default, and nothing else', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1', '0.0.0.0', '::', '169.254.169.254', 'fe80::1']) {
      assert.equal(defaults.allows(address), false, address);
    }
    for (const address of ['10.1.2.3', '192.168.1.10', '203.0.113.9', '2001:db8::1']) assert.equal(defaults.allows(address), true, address);
  });

  it('an allowed network opens a hole in a denied one', () => {
    const guard = new OutboundGuard({ deny: DEFAULT_OUTBOUND_DENY, allow: ['127.0.0.1/32'] });
    assert.equal(guard.allows('127.0.0.1'), true);
    assert.equal(guard.allows('127.0.0.2'), false);
  });

  it('checks the addresses a name resolves to', async () => {
    await assert.rejects(defaults.resolve('localhost'), (error: Error & { code?: string }) => error.code === 'VALIDATION' && /localhost \(.+\) is in a network Weir does not send requests to/.test(error.message));
  });

  it('is configured by WEIR_OUTBOUND_DENY and WEIR_OUTBOUND_ALLOW, with loopback and link-local denied by default', () => {
    assert.deepEqual(loadConfig({}).outbound, { deny: DEFAULT_OUTBOUND_DENY, allow: [] });
    assert.deepEqual(loadConfig({ WEIR_OUTBOUND_DENY: '10.0.0.0/8, fd00::/8', WEIR_OUTBOUND_ALLOW: '10.1.0.0/16' }).outbound, { deny: ['10.0.0.0/8', 'fd00::/8'], allow: ['10.1.0.0/16'] });
    assert.deepEqual(loadConfig({ WEIR_OUTBOUND_DENY: '' }).outbound.deny, []);
    assert.throws(() => loadConfig({ WEIR_OUTBOUND_ALLOW: '10.0.0.0/33' }), (error: Error) => error instanceof ConfigError && /WEIR_OUTBOUND_ALLOW/.test(error.message));
  });
});

interface Setup {
  weir: TestWeir;
  app: FastifyInstance;
  admin: Record<string, string>;
}

async function setUp(config: Parameters<typeof startTestWeir>[0] = {}): Promise<Setup> {
  const weir = await startTestWeir({ background: false, ...config });
  const app = await testApp(weir);
  const admin = { authorization: `Bearer ${(await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'outbound', 'admin')).secret}` };
  return { weir, app, admin };
}

async function tearDown(setup: Setup | undefined): Promise<void> {
  await setup?.app.close();
  await setup?.weir.stop();
}

async function webhookTest(setup: Setup, url: string, name: string): Promise<{ result: Record<string, unknown>; history: string }> {
  const created = await setup.app.inject({ method: 'POST', url: '/api/alerts/channels', headers: setup.admin, payload: { type: 'webhook', name, config: { url, secret: null } } });
  assert.equal(created.statusCode, 201, created.body);
  const tested = await setup.app.inject({ method: 'POST', url: `/api/alerts/channels/${(created.json() as { id: string }).id}/test`, headers: setup.admin });
  const history = await setup.app.inject({ url: '/api/alerts/history', headers: setup.admin });
  return { result: tested.json() as Record<string, unknown>, history: history.body };
}

describe('with the default outbound rules', () => {
  let setup: Setup;
  let flink: FakeEndpoint;
  before(async () => {
    setup = await setUp({ config: { outbound: { deny: DEFAULT_OUTBOUND_DENY, allow: [] } } });
    flink = await fakeFlink();
  });
  after(async () => {
    await tearDown(setup);
    await flink?.close();
  });

  for (const host of ['127.0.0.1', 'localhost']) {
    it(`a cluster on ${host} is refused with a 400 before any request is sent`, async () => {
      const restUrl = flink.url.replace('127.0.0.1', host);
      const res = await setup.app.inject({ method: 'POST', url: '/api/clusters', headers: setup.admin, payload: { name: `loopback-${host}`, restUrl } });
      assert.equal(res.statusCode, 400, res.body);
      assert.match((res.json() as { error: { message: string } }).error.message, /WEIR_OUTBOUND_DENY/);
      assert.equal(flink.seen.length, 0);
    });
  }

  it('a webhook on loopback is not called; the test says why', async () => {
    const { result } = await webhookTest(setup, `${flink.url}/hook`, 'loopback-hook');
    assert.equal(result.ok, false);
    assert.match(String(result.error), /WEIR_OUTBOUND_DENY/);
    assert.equal(flink.seen.length, 0);
  });

  it('the cluster Weir starts on this machine itself is still reached', async () => {
    const local = await setup.weir.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'local', restUrl: flink.url }, { isLocal: true });
    assert.equal(local.health, 'HEALTHY');
    assert.equal((await setup.weir.services.clusters.check(local.id)).health, 'HEALTHY');
    // It skips the guard because Weir started it there: no admin may point it (or its name, by which Weir
    // finds it again) elsewhere, e.g. at a link-local metadata service.
    const admin = makePrincipal({ kind: 'user', id: 'an-admin', name: 'an-admin' }, 'admin');
    for (const change of [{ restUrl: 'http://169.254.169.254' }, { historyUrl: 'http://127.0.0.1:1/' }, { gatewayUrl: 'http://127.0.0.1:2/' }, { name: 'renamed' }]) {
      await assert.rejects(setup.weir.services.clusters.update(admin, local.id, change), (err: Error & { code?: string }) => err.code === 'VALIDATION' && /local cluster/.test(err.message), JSON.stringify(change));
    }
    assert.equal(flink.seen.filter((r) => !r.path.startsWith('/overview')).length, 0, 'nothing was sent anywhere new');
    assert.equal((await setup.weir.services.clusters.get(local.id)).restUrl, flink.url);
  });
});

describe('what answers is never shown back', () => {
  let setup: Setup;
  const services: FakeEndpoint[] = [];
  before(async () => {
    setup = await setUp();
  });
  after(async () => {
    await tearDown(setup);
    for (const service of services) await service.close();
  });

  const answers = [
    { status: 200, shape: 'html' },
    { status: 500, shape: 'html' },
    { status: 401, shape: 'flink-errors' },
  ] as const;

  for (const { status, shape } of answers) {
    it(`registering a cluster at a private service answering ${status} (${shape}) tells the status, not the answer`, async () => {
      const service = await privateService(PRIVATE, status, shape);
      services.push(service);
      for (const field of ['restUrl', 'gatewayUrl', 'historyUrl'] as const) {
        const good = await fakeFlink();
        services.push(good);
        const payload = { name: `private-${status}-${shape}-${field}`, restUrl: good.url, [field]: service.url };
        const res = await setup.app.inject({ method: 'POST', url: '/api/clusters', headers: setup.admin, payload });
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, res.body);
        assert.ok(!res.body.includes(PRIVATE), `${field}: the answer was echoed: ${res.body}`);
        assert.ok(service.seen.length > 0);
      }
    });

    it(`testing a webhook at a private service answering ${status} (${shape}) keeps the answer out of the result and the history`, async () => {
      const service = await privateService(PRIVATE, status, shape);
      services.push(service);
      const { result, history } = await webhookTest(setup, `${service.url}/hook`, `private-hook-${status}-${shape}`);
      assert.equal(service.seen.length, 1);
      assert.ok(!JSON.stringify(result).includes(PRIVATE), JSON.stringify(result));
      assert.ok(!history.includes(PRIVATE), history);
      assert.match(JSON.stringify(result), new RegExp(`HTTP ${status}`));
    });
  }

  it('a cluster whose address starts answering as something else keeps the answer out of its last error', async () => {
    const good = await fakeFlink();
    services.push(good);
    const cluster = await setup.weir.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'turns-private', restUrl: good.url });
    const service = await privateService(PRIVATE, 200);
    services.push(service);
    await setup.weir.database.db.updateTable('clusters').set({ rest_url: service.url }).where('id', '=', cluster.id).execute();
    const checked = await setup.app.inject({ method: 'POST', url: `/api/clusters/${cluster.id}/check`, headers: setup.admin });
    assert.equal((checked.json() as { health: string }).health, 'NOT_FLINK', checked.body);
    assert.ok(!checked.body.includes(PRIVATE), checked.body);
  });

  it('an e-mail channel pointed at a service that is not SMTP keeps its words out of the result', async () => {
    const server = net.createServer((socket) => socket.end(`HTTP/1.1 400 Bad Request ${PRIVATE}\r\n\r\n`));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as net.AddressInfo;
      const config = { host: '127.0.0.1', port, security: 'none', from: 'weir@example.com', to: ['ops@example.com'] };
      const created = await setup.app.inject({ method: 'POST', url: '/api/alerts/channels', headers: setup.admin, payload: { type: 'email', name: 'not-smtp', config } });
      assert.equal(created.statusCode, 201, created.body);
      const tested = await setup.app.inject({ method: 'POST', url: `/api/alerts/channels/${(created.json() as { id: string }).id}/test`, headers: setup.admin });
      assert.equal((tested.json() as { ok: boolean }).ok, false, tested.body);
      assert.ok(!tested.body.includes(PRIVATE), tested.body);
      const history = await setup.app.inject({ url: '/api/alerts/history', headers: setup.admin });
      assert.ok(!history.body.includes(PRIVATE), history.body);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
