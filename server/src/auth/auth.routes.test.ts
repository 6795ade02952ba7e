import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { SERVER_TIME_HEADER } from '@weir/contract';
import { startTestWeir, testApp, type TestWeir } from '../test-support/weir.js';
import { SESSION_COOKIE } from './auth.plugin.js';
import { createInitialAdmin, initialPasswordFile } from './initial-admin.js';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';

interface Session {
  cookie: string;
  csrf: string;
}

let weir: TestWeir;
let app: FastifyInstance;
let adminPassword: string;

async function login(username: string, password: string, remoteAddress = '127.0.0.1'): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
}

async function session(username: string, password: string): Promise<Session> {
  const res = await login(username, password);
  assert.equal(res.statusCode, 200, res.body);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  assert.ok(cookie);
  return { cookie: `${SESSION_COOKIE}=${cookie.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
}

function errorOf(res: LightMyRequestResponse): { status: number; code: string } {
  return { status: res.statusCode, code: (res.json() as { error: { code: string } }).error.code };
}

before(async () => {
  weir = await startTestWeir({ background: false });
  app = await testApp(weir);
  const admin = await createInitialAdmin(weir.services.auth, weir.dataDir);
  assert.ok(admin.generatedPassword);
  adminPassword = admin.generatedPassword;
});

after(async () => {
  await app?.close();
  await weir?.stop();
});

describe('login sessions', () => {
  it('the first admin gets a generated password, kept only in a file the owner alone can read', () => {
    const file = initialPasswordFile(weir.dataDir);
    assert.equal(fs.readFileSync(file, 'utf8').trim(), adminPassword);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.ok(adminPassword.length >= 16);
  });

  it('sets an httpOnly, SameSite=Strict session cookie and returns a CSRF token, never a password', async () => {
    const res = await login('admin', adminPassword);
    assert.equal(res.statusCode, 200);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    assert.equal(cookie.path, '/');
    const body = res.json() as { csrfToken: string; user: Record<string, unknown> };
    assert.ok(body.csrfToken.length >= 24);
    assert.deepEqual(Object.keys(body.user).sort(), ['authSource', 'displayName', 'globalRole', 'id', 'role', 'teams', 'username']);
    assert.ok(!res.body.includes(adminPassword));
  });

  it('logging out ends the session on the server, not just in the browser', async () => {
    const s = await session('admin', adminPassword);
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
    assert.equal(out.statusCode, 200);
    assert.deepEqual(out.json(), { providerLogoutUrl: null }, 'a local user has no provider session to end');
    assert.equal(out.cookies.find((c) => c.name === SESSION_COOKIE)?.value, '');
    const me = await app.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } });
    assert.deepEqual(errorOf(me), { status: 401, code: 'UNAUTHENTICATED' });
  });
});

describe('CSRF protection of cookie sessions', () => {
  let s: Session;
  before(async () => {
    s = await session('admin', adminPassword);
  });
  const createToken = (headers: Record<string, string>) =>
    app.inject({ method: 'POST', url: '/api/tokens', headers, payload: { name: 'csrf-check', role: 'viewer' } });

  it('refuses a state-changing call without the x-csrf-token header', async () => {
    assert.deepEqual(errorOf(await createToken({ cookie: s.cookie })), { status: 403, code: 'CSRF' });
  });

  it('refuses a wrong token, including the token of another session', async () => {
    assert.deepEqual(errorOf(await createToken({ cookie: s.cookie, 'x-csrf-token': 'forged' })), { status: 403, code: 'CSRF' });
    const other = await session('admin', adminPassword);
    assert.deepEqual(errorOf(await createToken({ cookie: s.cookie, 'x-csrf-token': other.csrf })), { status: 403, code: 'CSRF' });
  });

  it('accepts the right token, and reads need none', async () => {
    assert.equal((await createToken({ cookie: s.cookie, 'x-csrf-token': s.csrf })).statusCode, 201);
    assert.equal((await app.inject({ url: '/api/tokens', headers: { cookie: s.cookie } })).statusCode, 200);
  });

  it('GET /api/auth/me answers an API token with the token itself as the caller', async () => {
    const { token, secret } = await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'who-am-i', 'operator');
    const me = await app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${secret}` } });
    assert.equal(me.statusCode, 200, me.body);
    assert.deepEqual((me.json() as { user: unknown }).user, { id: token.id, username: 'token:who-am-i', displayName: null, role: 'operator', globalRole: 'operator', teams: [], authSource: 'token' });
  });

  it('every answer forbids framing, sniffing and foreign scripts, and sends no referrer', async () => {
    for (const url of ['/api/health', '/api/auth/me', '/no-such-page']) {
      const res = await app.inject({ url });
      assert.match(String(res.headers['content-security-policy']), /script-src 'self';.*frame-ancestors 'none'/, url);
      assert.ok(!/script-src[^;]*unsafe-inline/.test(String(res.headers['content-security-policy'])));
      assert.equal(res.headers['x-frame-options'], 'DENY');
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['referrer-policy'], 'no-referrer');
    }
  });

  it("every answer carries Weir's clock, from which the web app counts running durations on", async () => {
    const before = Date.now();
    const res = await app.inject({ url: '/api/auth/me' });
    const sent = Number(res.headers[SERVER_TIME_HEADER]);
    assert.ok(sent >= before && sent <= Date.now(), `${SERVER_TIME_HEADER}: ${res.headers[SERVER_TIME_HEADER]}`);
  });

  it('API tokens need no CSRF token: they are not sent by browsers on their own', async () => {
    const { secret } = await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'automation', 'admin');
    assert.equal((await createToken({ authorization: `Bearer ${secret}` })).statusCode, 201);
  });
});

describe('repeated failed logins', () => {
  before(async () => {
    await weir.services.auth.createUser(SYSTEM_PRINCIPAL, { username: 'lockme', password: 'lockme-password', role: 'viewer' });
  });

  it('40 parallel wrong passwords for one account: the throttle counts them before hashing, so most get 429', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login('lockme', `wrong-${i}`, '10.9.0.1')));
    const statuses = answers.map((a) => a.statusCode);
    assert.equal(statuses.filter((s) => s === 401).length, 5, JSON.stringify(statuses));
    assert.equal(statuses.filter((s) => s === 429).length, 35);
    assert.deepEqual(errorOf(answers.find((a) => a.statusCode === 429)!), { status: 429, code: 'RATE_LIMITED' });
    // Even the right password is refused from that address for that account, until the window ends …
    assert.equal((await login('lockme', 'lockme-password', '10.9.0.1')).statusCode, 429);
  });

  it('… but a stranger cannot lock anyone out: the owner, from another address, still logs in', async () => {
    const stranger = await Promise.all(Array.from({ length: 30 }, () => login('admin', 'guessing', '198.51.100.66')));
    assert.ok(stranger.every((a) => a.statusCode === 401 || a.statusCode === 429));
    assert.equal((await login('admin', adminPassword, '10.9.0.3')).statusCode, 200);
    assert.equal((await login('lockme', 'lockme-password', '10.9.0.4')).statusCode, 200);
  });

  it('one address guessing many usernames is throttled; other addresses still log in', async () => {
    for (let i = 0; i < 20; i++) assert.equal((await login(`ghost-${i}`, 'guess', '203.0.113.7')).statusCode, 401);
    assert.deepEqual(errorOf(await login('admin', adminPassword, '203.0.113.7')), { status: 429, code: 'RATE_LIMITED' });
    assert.equal((await login('admin', adminPassword, '203.0.113.8')).statusCode, 200);
  });

  it('a wrong username and a wrong password give the same answers, throttled alike', async () => {
    for (let i = 0; i < 6; i++) {
      const unknown = await login('no-such-user', 'whatever-pass', '10.9.1.1');
      const known = await login('lockme', 'whatever-pass', '10.9.1.2');
      assert.deepEqual([unknown.statusCode, unknown.body], [known.statusCode, known.body], `attempt ${i + 1}`);
      assert.equal(known.statusCode, i < 5 ? 401 : 429);
    }
  });

  it('X-Forwarded-For is ignored unless the peer is a proxy WEIR_TRUST_PROXY names', async () => {
    await weir.services.auth.createUser(SYSTEM_PRINCIPAL, { username: 'proxied', password: 'proxied-password', role: 'viewer' });
    const viaProxy = (target: FastifyInstance, forwardedFor: string) =>
      target.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'proxied', password: 'wrong' }, remoteAddress: '10.9.3.1', headers: { 'x-forwarded-for': forwardedFor } });
    // Untrusted: a client cannot dodge the limit by inventing addresses.
    for (let i = 0; i < 5; i++) assert.equal((await viaProxy(app, `192.0.2.${i}`)).statusCode, 401);
    assert.equal((await viaProxy(app, '192.0.2.99')).statusCode, 429);

    const trusting = await testApp(weir, { trustProxy: ['10.9.3.1'] });
    try {
      // Behind the trusted proxy each client has its own count; the proxy's address is not shared by all.
      for (let i = 0; i < 5; i++) assert.equal((await viaProxy(trusting, '198.18.0.1')).statusCode, 401);
      assert.equal((await viaProxy(trusting, '198.18.0.1')).statusCode, 429);
      assert.equal((await viaProxy(trusting, '198.18.0.2')).statusCode, 401);
    } finally {
      await trusting.close();
    }
  });
});

describe('changing the password', () => {
  it('ends the other sessions, keeps this one, and deletes the first admin password file', async () => {
    const mine = await session('admin', adminPassword);
    const other = await session('admin', adminPassword);
    const change = (body: Record<string, string>, s = mine) =>
      app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: body });

    assert.deepEqual(errorOf(await change({ currentPassword: 'not-it', newPassword: 'long-enough-password' })), { status: 400, code: 'VALIDATION' });
    assert.deepEqual(errorOf(await change({ currentPassword: adminPassword, newPassword: 'short' })), { status: 400, code: 'VALIDATION' });
    assert.ok(fs.existsSync(initialPasswordFile(weir.dataDir)), 'a refused change keeps the file');

    assert.equal((await change({ currentPassword: adminPassword, newPassword: 'the-new-admin-password' })).statusCode, 204);
    assert.equal(fs.existsSync(initialPasswordFile(weir.dataDir)), false);
    assert.equal((await app.inject({ url: '/api/auth/me', headers: { cookie: mine.cookie } })).statusCode, 200);
    assert.deepEqual(errorOf(await app.inject({ url: '/api/auth/me', headers: { cookie: other.cookie } })), { status: 401, code: 'UNAUTHENTICATED' });
    assert.equal((await login('admin', adminPassword, '10.8.0.1')).statusCode, 401);
    assert.equal((await login('admin', 'the-new-admin-password', '10.8.0.1')).statusCode, 200);
    adminPassword = 'the-new-admin-password';
  });

  it('is refused to API tokens', async () => {
    const { secret } = await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'pw-token', 'admin');
    const res = await app.inject({ method: 'POST', url: '/api/auth/password', headers: { authorization: `Bearer ${secret}` }, payload: { currentPassword: 'x', newPassword: 'long-enough-password' } });
    assert.deepEqual(errorOf(res), { status: 403, code: 'FORBIDDEN' });
  });
});

describe('session expiry', () => {
  it('a session stops working once its lifetime has passed', async () => {
    // Sessions expire by the auth clock, which the test moves: the outcome follows the lifetime, not the machine's speed.
    let now = Date.now();
    const short = await startTestWeir({ background: false, config: { sessionTtlMs: 400, authClock: () => now } });
    const shortApp = await testApp(short);
    try {
      await short.services.auth.createUser(SYSTEM_PRINCIPAL, { username: 'brief', password: 'brief-password', role: 'viewer' });
      const res = await shortApp.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'brief', password: 'brief-password' } });
      const cookie = `${SESSION_COOKIE}=${res.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
      now += 399;
      assert.equal((await shortApp.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode, 200, 'still valid just before its lifetime');
      now += 400;
      assert.equal((await shortApp.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode, 401, 'ended once its lifetime passed');
    } finally {
      await shortApp.close();
      await short.stop();
    }
  });
});

describe('users, tokens and the audit log through the API', () => {
  let admin: Session;
  before(async () => {
    admin = await session('admin', adminPassword);
  });
  const as = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

  it('validation errors come in the one error shape, with the failing fields', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/users', headers: as(admin), payload: { username: 'x y', password: 'short', role: 'root' } });
    const body = res.json() as { error: { code: string; message: string; details: Array<{ path: string }> } };
    assert.equal(res.statusCode, 400);
    assert.equal(body.error.code, 'VALIDATION');
    assert.deepEqual(body.error.details.map((d) => d.path).sort(), ['body/password', 'body/role', 'body/username']);
  });

  it('records who created a user, created and revoked a token, with the outcome, and filters by them', async () => {
    const since = Date.now();
    const user = await app.inject({ method: 'POST', url: '/api/users', headers: as(admin), payload: { username: 'audited', password: 'audited-password', role: 'operator' } });
    assert.equal(user.statusCode, 201);
    const created = await app.inject({ method: 'POST', url: '/api/tokens', headers: as(admin), payload: { name: 'deploy-bot', role: 'operator' } });
    const { token, secret } = created.json() as { token: { id: string }; secret: string };
    assert.equal((await app.inject({ method: 'DELETE', url: `/api/tokens/${token.id}`, headers: as(admin) })).statusCode, 204);
    assert.deepEqual(errorOf(await app.inject({ method: 'DELETE', url: `/api/tokens/${token.id}`, headers: as(admin) })), { status: 404, code: 'NOT_FOUND' });
    // The token's secret is shown once, in the creation answer, and never listed.
    const listed = await app.inject({ url: '/api/tokens', headers: as(admin) });
    assert.ok(!listed.body.includes(secret));

    const audit = await app.inject({ url: `/api/audit?targetType=token&targetId=${token.id}&from=${since}`, headers: as(admin) });
    assert.equal(audit.statusCode, 200);
    const page = audit.json() as { total: number; items: Array<{ actor: string; actorKind: string; action: string; outcome: string; at: number; detail: unknown }> };
    assert.deepEqual(page.items.map((e) => [e.action, e.actor, e.actorKind, e.outcome]), [
      ['token.revoke', 'admin', 'user', 'success'],
      ['token.create', 'admin', 'user', 'success'],
    ]);
    assert.ok(page.items.every((e) => e.at >= since && e.at <= Date.now()));
    assert.deepEqual(page.items[1]!.detail, { role: 'operator' });

    const userEntry = (await app.inject({ url: '/api/audit?action=user.create&actor=admin', headers: as(admin) })).json() as { items: Array<{ targetName: string; detail: unknown }> };
    assert.equal(userEntry.items[0]?.targetName, 'audited');
    assert.ok(!JSON.stringify(userEntry).includes('audited-password'));

    const failures = (await app.inject({ url: '/api/audit?action=auth.login&limit=2', headers: as(admin) })).json() as { total: number; items: Array<{ outcome: string }> };
    assert.equal(failures.items.length, 2);
    assert.ok(failures.total > 20, `expected the failed logins above to be recorded, found ${failures.total}`);
    const none = (await app.inject({ url: `/api/audit?from=${Date.now() + 60_000}`, headers: as(admin) })).json() as { total: number };
    assert.equal(none.total, 0);
  });
});
