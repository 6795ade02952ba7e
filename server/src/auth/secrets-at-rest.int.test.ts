import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { SECRET_MASK } from '@weir/contract';
import { buildApp } from '../app.js';
import type { Database } from '../db/database.js';
import { createServices, type Services } from '../services.js';
import { forEachDatabase } from '../test-support/databases.js';
import { sharedTestFlink, type TestFlink } from '../test-support/flink.js';
import { TEST_OUTBOUND_POLICY } from '../test-support/weir.js';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';

/*
 * Secrets given to Weir (alert channel credentials, cluster credentials) are encrypted in the
 * database, shown by the API only as a mask, kept out of the audit log, and still used: the
 * cluster's credentials reach a secured Flink REST endpoint (a checking proxy in front of the real
 * JobManager). Every change is in the audit log with who, what and the outcome.
 */

interface SecuredJobManager {
  url: string;
  /** Authorization headers the proxy saw, in order. */
  seen: string[];
  accept: Set<string>;
  close(): Promise<void>;
}

/** A reverse proxy that answers 401 unless the request carries one of the accepted Authorization headers. */
async function securedJobManager(target: string): Promise<SecuredJobManager> {
  const seen: string[] = [];
  const accept = new Set<string>();
  const server = http.createServer(async (req, res) => {
    const authorization = req.headers.authorization ?? '';
    seen.push(authorization);
    if (!accept.has(authorization)) {
      res.writeHead(401, { 'content-type': 'text/html', 'www-authenticate': 'Basic realm="flink"' });
      res.end('<html><body>401 Authorization Required</body></html>');
      return;
    }
    const upstream = await fetch(target + (req.url ?? '/'), { method: req.method });
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, seen, accept, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Every value of every row of every table, as one text to search. */
async function wholeDatabase(database: Database): Promise<string> {
  const tables = await database.db.introspection.getTables();
  const dumps: string[] = [];
  for (const table of tables) {
    const rows = await sql`select * from ${sql.table(table.name)}`.execute(database.db);
    dumps.push(`${table.name}: ${JSON.stringify(rows.rows)}`);
  }
  return dumps.join('\n');
}

let flink: TestFlink;
before(async () => {
  flink = await sharedTestFlink();
});
after(async () => {
  await flink?.stop();
});

forEachDatabase('secrets at rest and the audit trail', (getDb) => {
  let services: Services;
  let app: FastifyInstance;
  let proxy: SecuredJobManager;
  let dataDir: string;
  let admin: Record<string, string>;
  const secretKey = randomBytes(32).toString('hex');
  const clear = {
    webhookSecret: `whsec-${randomBytes(9).toString('hex')}`,
    robotToken: `robot-${randomBytes(9).toString('hex')}`,
    robotSecret: `SEC${randomBytes(9).toString('hex')}`,
    smtpPassword: `smtp-${randomBytes(9).toString('hex')}`,
    clusterPassword: `basic-${randomBytes(9).toString('hex')}`,
    clusterToken: `bearer-${randomBytes(9).toString('hex')}`,
  };
  const basicHeader = `Basic ${Buffer.from(`flink-ops:${clear.clusterPassword}`).toString('base64')}`;
  const bearerHeader = `Bearer ${clear.clusterToken}`;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weir-secrets-'));
    services = createServices(getDb(), {
      sessionTtlMs: 3_600_000,
      flinkTimeoutMs: 5_000,
      secretKey,
      dataDir,
      clusterCheckIntervalMs: 60_000,
      checkpointPollMs: 60_000,
      watcher: { intervalMs: 60_000, reconnectAttempts: 3, reconnectWindowMs: 1_500, lostAfterMs: 1_000 },
      outbound: TEST_OUTBOUND_POLICY,
    } as Parameters<typeof createServices>[1]);
    app = await buildApp({ services, logLevel: 'silent', sessionTtlMs: 3_600_000 });
    proxy = await securedJobManager(flink.restUrl);
    const { secret } = await services.auth.createToken(SYSTEM_PRINCIPAL, 'secrets-admin', 'admin');
    admin = { authorization: `Bearer ${secret}` };
  });

  after(async () => {
    await services?.stopBackgroundWork();
    await app?.close();
    await proxy?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('alert channel credentials are sealed in the database and masked by the API', async () => {
    const channels = [
      { type: 'webhook', name: 'hook', config: { url: 'http://127.0.0.1:9/hook', secret: clear.webhookSecret } },
      { type: 'dingtalk', name: 'ding', config: { url: `https://oapi.dingtalk.com/robot/send?access_token=${clear.robotToken}`, secret: clear.robotSecret } },
      { type: 'email', name: 'mail', config: { host: 'smtp.example.com', port: 587, security: 'starttls', username: 'alerts', password: clear.smtpPassword, from: 'weir@example.com', to: ['ops@example.com'] } },
    ];
    for (const channel of channels) {
      const res = await app.inject({ method: 'POST', url: '/api/alerts/channels', headers: admin, payload: channel });
      assert.equal(res.statusCode, 201, res.body);
      for (const value of Object.values(clear)) assert.ok(!res.body.includes(value), `${channel.type}: the answer holds a secret`);
      assert.ok(res.body.includes(SECRET_MASK));
      assert.ok(!res.body.includes('v1:'), 'the answer holds the sealed value');
    }
    const list = await app.inject({ url: '/api/alerts/channels', headers: admin });
    for (const value of Object.values(clear)) assert.ok(!list.body.includes(value));
  });

  it('cluster credentials reach the secured endpoint, and a cluster without them is refused', async () => {
    // Whatever the test cluster runs (npm test runs this on every Flink version), read straight from it.
    const clusterVersion = (await flink.jm.probe()).flinkVersion;
    proxy.accept.add(basicHeader);
    const name = `secured-${randomBytes(3).toString('hex')}`;
    const refused = await app.inject({ method: 'POST', url: '/api/clusters', headers: admin, payload: { name, restUrl: proxy.url } });
    assert.equal(refused.statusCode, 422, refused.body);
    assert.equal(proxy.seen.at(-1), '');

    const res = await app.inject({
      method: 'POST',
      url: '/api/clusters',
      headers: admin,
      payload: { name, restUrl: proxy.url, auth: { type: 'basic', username: 'flink-ops', password: clear.clusterPassword } },
    });
    assert.equal(res.statusCode, 201, res.body);
    const cluster = res.json() as { id: string; health: string; flinkVersion: string; auth: unknown };
    assert.equal(cluster.health, 'HEALTHY');
    assert.equal(cluster.flinkVersion, clusterVersion);
    assert.deepEqual(cluster.auth, { type: 'basic', secret: SECRET_MASK });
    assert.ok(!res.body.includes(clear.clusterPassword) && !res.body.includes('v1:') && !res.body.includes('authSealed'));
    assert.equal(proxy.seen.at(-1), basicHeader);

    // Later calls (health checks, the watcher's client) open the stored credentials.
    const seenBefore = proxy.seen.length;
    const checked = await app.inject({ method: 'POST', url: `/api/clusters/${cluster.id}/check`, headers: admin });
    assert.equal((checked.json() as { health: string }).health, 'HEALTHY', checked.body);
    const since = proxy.seen.slice(seenBefore);
    assert.ok(since.length >= 1 && since.every((h) => h === basicHeader), `sent ${JSON.stringify(since)}`);

    // Replacing them with a bearer token: proven against the endpoint before they are kept.
    proxy.accept.clear();
    proxy.accept.add(bearerHeader);
    const wrong = await app.inject({ method: 'PATCH', url: `/api/clusters/${cluster.id}`, headers: admin, payload: { auth: { type: 'bearer', token: 'not-the-token' } } });
    assert.equal(wrong.statusCode, 422, wrong.body);
    // The watcher may still finish a cycle with the old credentials meanwhile: look for the new ones, not the last.
    const seenBeforePatch = proxy.seen.length;
    const patched = await app.inject({ method: 'PATCH', url: `/api/clusters/${cluster.id}`, headers: admin, payload: { auth: { type: 'bearer', token: clear.clusterToken } } });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.deepEqual((patched.json() as { auth: unknown; health: string }).auth, { type: 'bearer', secret: SECRET_MASK });
    assert.equal((patched.json() as { health: string }).health, 'HEALTHY');
    assert.ok(proxy.seen.slice(seenBeforePatch).includes(bearerHeader), 'the new token was proven against the endpoint');
    const stored = await services.clusters.get(cluster.id);
    const jm = services.flink.jobManager(stored);
    assert.equal((await jm.probe()).flinkVersion, clusterVersion);
    // The watcher's clients send them too: its JobManager client, and its HistoryServer client (behind a
    // gateway of its own here, so that only these two requests reach it).
    const gateway = await securedJobManager(flink.restUrl);
    try {
      gateway.accept.add(bearerHeader);
      await services.flink.watcherClient({ ...stored, restUrl: gateway.url }).jobsOverview();
      await services.flink.historyClient({ ...stored, historyUrl: gateway.url })!.jobsOverview();
      assert.deepEqual(gateway.seen, [bearerHeader, bearerHeader]);
    } finally {
      await gateway.close();
    }

    const listed = await app.inject({ url: '/api/clusters', headers: admin });
    assert.ok(!listed.body.includes(clear.clusterToken) && !listed.body.includes('v1:'));
  });

  it('the database never holds any of the secrets in clear, yet the key opens them', async () => {
    const dump = await wholeDatabase(getDb());
    for (const [what, value] of Object.entries(clear)) assert.ok(!dump.includes(value), `${what} is in the database in clear`);
    assert.ok(!dump.includes(basicHeader.slice('Basic '.length)), 'the basic credentials are in the database as base64');
    const row = await getDb().db.selectFrom('clusters').select(['auth_type', 'auth_secret']).where('auth_type', 'is not', null).executeTakeFirstOrThrow();
    assert.equal(row.auth_type, 'bearer');
    assert.match(row.auth_secret ?? '', /^v1:/);
    assert.deepEqual(JSON.parse(services.secrets.open(row.auth_secret!)), { type: 'bearer', token: clear.clusterToken });
  });

  it('the audit log has every change with who, what and the outcome, and no secrets', async () => {
    const cluster = (await services.clusters.list()).find((c) => c.auth)!;
    const deleted = await app.inject({ method: 'DELETE', url: `/api/clusters/${cluster.id}`, headers: admin });
    assert.equal(deleted.statusCode, 204);

    const res = await app.inject({ url: '/api/audit?targetType=cluster&limit=20', headers: admin });
    const entries = (res.json() as { items: Array<{ action: string; actor: string; actorKind: string; outcome: string; targetName: string; detail: { error?: string; auth?: string; changes?: { auth?: { before: string | null; after: string | null } } } | null }> }).items
      .filter((e) => e.targetName === cluster.name)
      .reverse();
    assert.deepEqual(
      entries.map((e) => [e.action, e.outcome, e.actor, e.actorKind]),
      [
        ['cluster.create', 'failure', 'token:secrets-admin', 'token'],
        ['cluster.create', 'success', 'token:secrets-admin', 'token'],
        ['cluster.update', 'failure', 'token:secrets-admin', 'token'],
        ['cluster.update', 'success', 'token:secrets-admin', 'token'],
        ['cluster.delete', 'success', 'token:secrets-admin', 'token'],
      ],
    );
    assert.match(entries[0]!.detail?.error ?? '', /HTTP 401/);
    assert.equal(entries[1]!.detail?.auth, 'basic');
    assert.deepEqual(entries[3]!.detail?.changes?.auth, { before: 'basic', after: 'bearer' }, 'the update names the kind of credentials, before → after');
    for (const value of Object.values(clear)) assert.ok(!res.body.includes(value));

    const channels = await app.inject({ url: '/api/audit?action=alert.channel.create', headers: admin });
    const created = (channels.json() as { items: Array<{ targetName: string; outcome: string; actor: string }> }).items;
    assert.deepEqual(created.map((e) => [e.targetName, e.outcome, e.actor]).sort(), [
      ['ding', 'success', 'token:secrets-admin'],
      ['hook', 'success', 'token:secrets-admin'],
      ['mail', 'success', 'token:secrets-admin'],
    ]);
    for (const value of Object.values(clear)) assert.ok(!channels.body.includes(value));
  });
});
