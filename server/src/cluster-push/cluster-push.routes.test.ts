// POST /push/clusters/:id as Flink's push listener and as anyone else sees it: only the
// cluster's own token gets a push through to its watcher, checked before the body is read, and the
// body is small and of one shape. GET /api/clusters/:id/push-token is for the cluster's admins.
import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import { SecretBox } from '../secrets/secret-box.js';
import { fakeFlink, type FakeEndpoint } from '../test-support/fake-flink.js';
import { startTestWeir, testApp, type TestWeir } from '../test-support/weir.js';
import { PUSH_BODY_LIMIT_BYTES } from './cluster-push.routes.js';
import { PushTokens } from './push-tokens.js';

const notice = { jobId: 'a'.repeat(32), status: 'CANCELED', timestamp: 1_765_000_000_000 };

describe('cluster push', () => {
  let weir: TestWeir;
  let app: FastifyInstance;
  let flink: FakeEndpoint;
  let clusterId: string;
  let otherClusterId: string;
  let adminToken: string;
  let viewerToken: string;
  let pushed: string[];

  before(async () => {
    weir = await startTestWeir({ background: false, config: { publicUrl: 'https://weir.example' } });
    app = await testApp(weir);
    flink = await fakeFlink();
    clusterId = (await weir.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'app-1', restUrl: flink.url })).id;
    otherClusterId = (await weir.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'app-2', restUrl: `${flink.url}/other` })).id;
    adminToken = (await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'ops', 'admin')).secret;
    viewerToken = (await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'grafana', 'viewer')).secret;
    pushed = [];
    mock.method(weir.services.watchers, 'pushed', (id: string) => {
      pushed.push(id);
      return true;
    });
  });

  after(async () => {
    mock.restoreAll();
    await app?.close();
    await flink?.close();
    await weir?.stop();
  });

  const tokenOf = async (id: string) => {
    const res = await app.inject({ method: 'GET', url: `/api/clusters/${id}/push-token`, headers: { authorization: `Bearer ${adminToken}` } });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { token: string; path: string; url: string | null };
  };
  const push = (id: string, headers: Record<string, string>, payload: unknown = notice) =>
    app.inject({ method: 'POST', url: `/push/clusters/${id}`, headers: { 'content-type': 'application/json', ...headers }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });

  it("shows a cluster's admins its push token and where to push, and nobody else", async () => {
    const shown = await tokenOf(clusterId);
    assert.match(shown.token, /^wpush_[A-Za-z0-9_-]{43}$/);
    assert.equal(shown.path, `/push/clusters/${clusterId}`);
    assert.equal(shown.url, `https://weir.example/push/clusters/${clusterId}`);
    assert.notEqual((await tokenOf(otherClusterId)).token, shown.token, 'each cluster has its own');
    const asViewer = await app.inject({ method: 'GET', url: `/api/clusters/${clusterId}/push-token`, headers: { authorization: `Bearer ${viewerToken}` } });
    assert.equal(asViewer.statusCode, 403);
    assert.equal((await app.inject({ method: 'GET', url: `/api/clusters/${clusterId}/push-token` })).statusCode, 401);
    const unknown = await app.inject({ method: 'GET', url: '/api/clusters/no-such-cluster/push-token', headers: { authorization: `Bearer ${adminToken}` } });
    assert.equal(unknown.statusCode, 404);
  });

  it('audits each read of a push token: who, which cluster, when, and never the token', async () => {
    const before = Date.now();
    const { token } = await tokenOf(clusterId);
    const reads = (await weir.services.audit.list({ action: 'cluster.push-token.read', targetId: clusterId, limit: 100 })).items;
    const read = reads.find((entry) => entry.at >= before);
    assert.ok(read, 'the read is in the audit log');
    assert.equal(read.actor, 'token:ops');
    assert.equal(read.actorKind, 'token');
    assert.equal(read.targetType, 'cluster');
    assert.equal(read.targetName, 'app-1');
    assert.equal(read.outcome, 'success');
    assert.ok(!JSON.stringify(reads).includes(token), 'the token itself is never written down');
    const refused = await app.inject({ method: 'GET', url: `/api/clusters/${otherClusterId}/push-token`, headers: { authorization: `Bearer ${viewerToken}` } });
    assert.equal(refused.statusCode, 403);
    assert.equal((await weir.services.audit.list({ action: 'cluster.push-token.read', targetId: otherClusterId, actor: 'token:grafana' })).total, 0, 'a refused read shows nothing, so there is nothing to audit');
  });

  it("refuses a push without the cluster's own token (none, wrong, another cluster's, a user's API token) before reading its body", async () => {
    const { token } = await tokenOf(clusterId);
    const other = (await tokenOf(otherClusterId)).token;
    const refused: Array<Record<string, string>> = [{}, { authorization: 'Bearer wpush_wrong' }, { authorization: `Bearer ${token}x` }, { authorization: `Bearer ${other}` }, { authorization: `Bearer ${adminToken}` }, { authorization: token }];
    for (const headers of refused) {
      const res = await push(clusterId, headers);
      assert.equal(res.statusCode, 401, JSON.stringify(headers));
      assert.match(String(res.headers['www-authenticate']), /^Bearer /);
    }
    assert.equal((await push(clusterId, {}, '{"not":"a notice"')).statusCode, 401, 'a malformed body from a stranger is not even parsed');
    assert.equal((await push('no-such-cluster', { authorization: `Bearer ${token}` })).statusCode, 401, 'an unknown id is refused like a wrong token');
    assert.deepEqual(pushed, []);
  });

  it("hands an authenticated push to the cluster's watcher and answers 202", async () => {
    pushed.length = 0;
    const { token } = await tokenOf(clusterId);
    const res = await push(clusterId, { authorization: `Bearer ${token}` });
    assert.equal(res.statusCode, 202, res.body);
    assert.deepEqual(pushed, [clusterId]);
  });

  it('refuses a body that is not a notice, or larger than a notice needs, even with the right token', async () => {
    pushed.length = 0;
    const auth = { authorization: `Bearer ${(await tokenOf(clusterId)).token}` };
    for (const body of [{ ...notice, jobId: 'not-a-job-id' }, { ...notice, status: 'running; drop table' }, { ...notice, timestamp: -1 }, { ...notice, extra: 1 }, { jobId: notice.jobId }]) {
      assert.equal((await push(clusterId, auth, body)).statusCode, 400, JSON.stringify(body));
    }
    const large = await push(clusterId, auth, { ...notice, status: 'X'.repeat(PUSH_BODY_LIMIT_BYTES) });
    assert.equal(large.statusCode, 413);
    assert.deepEqual(pushed, []);
  });

  it("rotates one cluster's token: the old one is refused at once, the new one works, the other clusters keep theirs", async () => {
    pushed.length = 0;
    const old = (await tokenOf(clusterId)).token;
    const others = (await tokenOf(otherClusterId)).token;
    const res = await app.inject({ method: 'POST', url: `/api/clusters/${clusterId}/push-token/rotate`, headers: { authorization: `Bearer ${adminToken}` } });
    assert.equal(res.statusCode, 200, res.body);
    const rotated = res.json() as { token: string; path: string; url: string | null };
    assert.match(rotated.token, /^wpush_[A-Za-z0-9_-]{43}$/);
    assert.notEqual(rotated.token, old);
    assert.equal(rotated.url, `https://weir.example/push/clusters/${clusterId}`);
    assert.equal((await tokenOf(clusterId)).token, rotated.token, 'the token shown from now on is the new one');
    assert.equal((await push(clusterId, { authorization: `Bearer ${old}` })).statusCode, 401, 'the old token is refused at once');
    assert.equal((await push(clusterId, { authorization: `Bearer ${rotated.token}` })).statusCode, 202);
    assert.equal((await tokenOf(otherClusterId)).token, others);
    assert.equal((await push(otherClusterId, { authorization: `Bearer ${others}` })).statusCode, 202, "another cluster's token still works");
    assert.deepEqual(pushed, [clusterId, otherClusterId]);

    const rotations = (await weir.services.audit.list({ action: 'cluster.push-token.rotate', targetId: clusterId })).items;
    assert.equal(rotations.length, 1);
    assert.equal(rotations[0]!.actor, 'token:ops');
    assert.equal(rotations[0]!.outcome, 'success');
    assert.ok(!JSON.stringify(rotations).includes(rotated.token) && !JSON.stringify(rotations).includes(old), 'no token in the audit log');
  });

  it("lets only the cluster's admins rotate its token", async () => {
    const before = (await tokenOf(clusterId)).token;
    const rotate = (id: string, headers: Record<string, string>) => app.inject({ method: 'POST', url: `/api/clusters/${id}/push-token/rotate`, headers });
    assert.equal((await rotate(clusterId, { authorization: `Bearer ${viewerToken}` })).statusCode, 403);
    assert.equal((await rotate(clusterId, {})).statusCode, 401);
    assert.equal((await rotate('no-such-cluster', { authorization: `Bearer ${adminToken}` })).statusCode, 404);
    assert.equal((await tokenOf(clusterId)).token, before, 'a refused rotation changes nothing');
  });

  it('derives tokens from the secret key and the generation: another key or generation gives another token', () => {
    const key = 'ab'.repeat(32);
    const a = new PushTokens(SecretBox.fromKey(key));
    const b = new PushTokens(SecretBox.fromKey('cd'.repeat(32)));
    assert.equal(a.tokenFor('c1', 0), new PushTokens(SecretBox.fromKey(key)).tokenFor('c1', 0), 'the same on every instance with the key');
    assert.notEqual(a.tokenFor('c1', 0), b.tokenFor('c1', 0), 'a new key changes every token');
    assert.notEqual(a.tokenFor('c1', 3), b.tokenFor('c1', 3), 'whatever the generation');
    assert.notEqual(a.tokenFor('c1', 1), a.tokenFor('c1', 0));
    assert.equal(a.verify('c1', 0, a.tokenFor('c1', 0)), true);
    assert.equal(a.verify('c1', 0, b.tokenFor('c1', 0)), false);
    assert.equal(a.verify('c1', 1, a.tokenFor('c1', 0)), false, 'a rotated-out token is refused');
  });

  it('derives generation 0 as tokens were derived before generations, so tokens already configured keep working', () => {
    const secrets = SecretBox.fromKey('ab'.repeat(32));
    const before = 'wpush_' + secrets.derive('weir-cluster-push-token', 'c1').toString('base64url');
    assert.equal(new PushTokens(secrets).tokenFor('c1', 0), before);
  });
});
