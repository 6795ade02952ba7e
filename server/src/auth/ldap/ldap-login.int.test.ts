// LDAP login against a real OpenLDAP slapd (test-support/slapd.ts), through the HTTP route and
// through the directory client alone. Needs slapd, not Flink; npm test installs Debian's slapd
// before the integration phase.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type LdapConfig } from '../../config/config.js';
import { DIRECTORY, GROUPS, GROUPS_BASE, PEOPLE_BASE, startSlapd, weirLdapEnv, type TestSlapd } from '../../test-support/slapd.js';
import { cuttableProxy } from '../../test-support/cuttable-proxy.js';
import { startTestWeir, testApp, type TestWeir } from '../../test-support/weir.js';
import { SESSION_COOKIE } from '../auth.plugin.js';
import { SYSTEM_PRINCIPAL } from '../../access/principal.js';
import { ClustersStore } from '../../clusters/clusters.store.js';
import { TasksStore } from '../../tasks/tasks.store.js';
import { LdapDirectory } from './ldap-directory.js';

const ALL_PASSWORDS = [DIRECTORY.service, DIRECTORY.alice, DIRECTORY.bob, DIRECTORY.carol, DIRECTORY.eve, DIRECTORY.dave].map((p) => p.password);

let slapd: TestSlapd;
const started: Array<{ weir: TestWeir; app: FastifyInstance }> = [];

/** The LDAP settings as an operator writes them, read through loadConfig (the validation included). */
function ldapEnv(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  return weirLdapEnv(slapd, overrides);
}

function ldapConfig(overrides: Record<string, string | undefined> = {}): LdapConfig {
  const ldap = loadConfig(ldapEnv(overrides)).identity.ldap;
  assert.ok(ldap, 'LDAP is configured');
  return ldap;
}

async function weirWith(ldap: LdapConfig): Promise<{ weir: TestWeir; app: FastifyInstance }> {
  const weir = await startTestWeir({ background: false, config: { identity: { localLogin: 'on', ldap } } });
  const app = await testApp(weir);
  started.push({ weir, app });
  return { weir, app };
}

function ldapLogin(app: FastifyInstance, username: string, password: string, remoteAddress = '127.0.0.1'): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/auth/ldap/login', payload: { username, password }, remoteAddress });
}

function errorOf(res: LightMyRequestResponse): { status: number; code: string; message: string } {
  const { error } = res.json() as { error: { code: string; message: string } };
  return { status: res.statusCode, code: error.code, message: error.message };
}

interface AuditRow {
  actor: string;
  action: string;
  outcome: string;
  detail: Record<string, unknown> | null;
}

async function auditRows(weir: TestWeir): Promise<AuditRow[]> {
  const rows = await weir.database.db.selectFrom('audit_log').selectAll().orderBy('at').execute();
  return rows.map((r) => ({ actor: r.actor, action: r.action, outcome: r.outcome, detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null }));
}

async function lastLoginFailure(weir: TestWeir, actor: string): Promise<Record<string, unknown> | null | undefined> {
  const rows = (await auditRows(weir)).filter((r) => r.action === 'auth.login' && r.outcome === 'failure' && r.actor === actor);
  return rows.at(-1)?.detail;
}

before(async () => {
  slapd = await startSlapd();
});

after(async () => {
  for (const { weir, app } of started) {
    await app.close();
    await weir.stop();
  }
  await slapd?.stop();
});

describe('LDAP login through the HTTP route (search-then-bind over StartTLS)', () => {
  let weir: TestWeir;
  let app: FastifyInstance;
  before(async () => {
    ({ weir, app } = await weirWith(ldapConfig()));
  });

  it('GET /api/auth/methods offers the directory with its label', async () => {
    const methods = await app.inject({ url: '/api/auth/methods' });
    assert.deepEqual(methods.json(), { local: 'on', oidc: null, ldap: { label: 'Example directory' } });
  });

  it('a directory user logs in: the session cookie is set, /api/auth/me answers with it, the role comes from the group', async () => {
    const res = await ldapLogin(app, 'alice', DIRECTORY.alice.password);
    assert.equal(res.statusCode, 200, res.body);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    const body = res.json() as { user: { username: string; displayName: string; role: string; authSource: string }; csrfToken: string };
    assert.deepEqual(body.user.role, 'operator');
    assert.equal(body.user.authSource, 'ldap');
    assert.equal(body.user.displayName, DIRECTORY.alice.displayName);
    const me = await app.inject({ url: '/api/auth/me', headers: { cookie: `${SESSION_COOKIE}=${cookie.value}` } });
    assert.equal(me.statusCode, 200, me.body);
    assert.equal((me.json() as { user: { username: string } }).user.username, 'alice');
  });

  it('the user is kept by the directory\'s DN, with no password in Weir: no Weir-password login, and no password in any row of the audit', async () => {
    const user = await weir.database.db.selectFrom('users').selectAll().where('username', '=', 'alice').executeTakeFirstOrThrow();
    assert.equal(user.password_hash, '');
    assert.equal(user.auth_source, 'ldap');
    assert.equal(user.external_subject, DIRECTORY.alice.dn);
    const local = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'alice', password: DIRECTORY.alice.password }, remoteAddress: '127.0.0.9' });
    assert.equal(errorOf(local).status, 401);
  });

  it('a change of group changes the role at the next login', async () => {
    await slapd.setMember(GROUPS.weirAdmins, DIRECTORY.alice.dn, true);
    try {
      const promoted = await ldapLogin(app, 'alice', DIRECTORY.alice.password);
      assert.equal((promoted.json() as { user: { role: string } }).user.role, 'admin', promoted.body);
    } finally {
      await slapd.setMember(GROUPS.weirAdmins, DIRECTORY.alice.dn, false);
    }
    const demoted = await ldapLogin(app, 'alice', DIRECTORY.alice.password);
    assert.equal((demoted.json() as { user: { role: string } }).user.role, 'operator', demoted.body);
    const bob = await ldapLogin(app, 'bob', DIRECTORY.bob.password);
    assert.equal((bob.json() as { user: { role: string } }).user.role, 'admin', bob.body);
  });

  it('a user in no mapped group is refused with 403, no session and an audit entry naming why', async () => {
    const res = await ldapLogin(app, 'carol', DIRECTORY.carol.password);
    assert.equal(errorOf(res).status, 403);
    assert.match(errorOf(res).message, /none of your groups gives a role in Weir/);
    assert.equal(res.cookies.find((c) => c.name === SESSION_COOKIE), undefined);
    assert.equal((await lastLoginFailure(weir, 'carol'))?.reason, 'in no mapped group');
    assert.equal(await weir.database.db.selectFrom('users').select('id').where('username', '=', 'carol').executeTakeFirst(), undefined);
  });

  it('a wrong password and an unknown user get the same 401; the audit tells them apart', async () => {
    const wrong = await ldapLogin(app, 'bob', 'not-bobs-password', '127.0.0.2');
    const unknown = await ldapLogin(app, 'mallory', 'whatever-password', '127.0.0.2');
    for (const res of [wrong, unknown]) {
      assert.deepEqual(errorOf(res), { status: 401, code: 'UNAUTHENTICATED', message: 'Wrong username or password' });
      assert.equal(res.cookies.find((c) => c.name === SESSION_COOKIE), undefined);
    }
    assert.deepEqual(await lastLoginFailure(weir, 'bob'), { reason: 'wrong password', source: 'ldap', address: '127.0.0.2' });
    assert.deepEqual(await lastLoginFailure(weir, 'mallory'), { reason: 'no such user in the directory', source: 'ldap', address: '127.0.0.2' });
  });

  it('an empty password is refused: by the request schema, and by the directory client before any bind', async () => {
    const res = await ldapLogin(app, 'alice', '');
    assert.equal(errorOf(res).status, 400);
    const answer = await new LdapDirectory(ldapConfig().directory).check('alice', '');
    assert.deepEqual(answer, { ok: false, failure: 'wrong-credentials', reason: 'empty password' });
  });

  it('LDAP filter syntax in a username matches only itself: `*` is nobody, `eve*)(uid=*` is Eve', async () => {
    for (const username of ['*', 'a*', '*)(uid=*', 'alice)(|(uid=*']) {
      const res = await ldapLogin(app, username, DIRECTORY.alice.password, '127.0.0.3');
      assert.equal(errorOf(res).status, 401, `${username}: ${res.body}`);
    }
    const eve = await ldapLogin(app, DIRECTORY.eve.uid, DIRECTORY.eve.password, '127.0.0.4');
    assert.equal(eve.statusCode, 200, eve.body);
    const user = await weir.database.db.selectFrom('users').selectAll().where('external_subject', '=', DIRECTORY.eve.dn).executeTakeFirstOrThrow();
    assert.equal(user.username, DIRECTORY.eve.uid);
  });

  it('wrong passwords go through the login throttle: the sixth attempt from one address at one account is refused', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await ldapLogin(app, 'dave,jr', `wrong-${i}`, '127.0.0.5')).statusCode, 401);
    assert.equal(errorOf(await ldapLogin(app, 'dave,jr', DIRECTORY.dave.password, '127.0.0.5')).code, 'RATE_LIMITED');
    assert.equal((await ldapLogin(app, 'dave,jr', DIRECTORY.dave.password, '127.0.0.6')).statusCode, 200);
  });

  it('no directory password and no service password is ever written to the database', async () => {
    const audit = JSON.stringify(await weir.database.db.selectFrom('audit_log').selectAll().execute());
    const users = JSON.stringify(await weir.database.db.selectFrom('users').selectAll().execute());
    for (const password of ALL_PASSWORDS) {
      assert.ok(!audit.includes(password), 'a password in the audit log');
      assert.ok(!users.includes(password), 'a password in the users table');
    }
  });
});

describe('LDAP login: other ways to reach the directory', () => {
  it('direct bind (no search account): the DN template with the username escaped per RFC 4514', async () => {
    const { app, weir } = await weirWith(ldapConfig({ WEIR_LDAP_BIND_DN: undefined, WEIR_LDAP_BIND_PASSWORD: undefined, WEIR_LDAP_USER_BASE: undefined, WEIR_LDAP_USER_DN: `uid={username},${PEOPLE_BASE}` }));
    const alice = await ldapLogin(app, 'alice', DIRECTORY.alice.password);
    assert.equal((alice.json() as { user: { role: string } }).user.role, 'operator', alice.body);
    // "dave,jr" unescaped would be the DN uid=dave,jr,ou=people,… (no such entry).
    const dave = await ldapLogin(app, 'dave,jr', DIRECTORY.dave.password);
    assert.equal(dave.statusCode, 200, dave.body);
    const wrong = await ldapLogin(app, 'bob', 'not-bobs-password');
    assert.equal(errorOf(wrong).status, 401);
    assert.equal((await lastLoginFailure(weir, 'bob'))?.reason, 'wrong password or no such user');
  });

  it('LDAPS with the directory\'s CA', async () => {
    const answer = await new LdapDirectory(ldapConfig({ WEIR_LDAP_URL: slapd.ldapsUrl, WEIR_LDAP_START_TLS: 'off' }).directory).check('bob', DIRECTORY.bob.password);
    assert.ok(answer.ok, JSON.stringify(answer));
    assert.deepEqual(answer.identity, { source: 'ldap', subject: DIRECTORY.bob.dn, username: 'bob', displayName: DIRECTORY.bob.displayName, groups: ['weir-admins'] });
  });

  it("a directory group gives a role in one team (group=team:role): the user sees that team's tasks and no other's", async () => {
    const ldap = ldapConfig({ WEIR_LDAP_GROUP_ROLES: 'flink-ops=payments:operator, weir-admins=admin' });
    const { weir, app } = await weirWith(ldap);
    const payments = await weir.services.teams.create(SYSTEM_PRINCIPAL, { name: 'payments' });
    const clusters = new ClustersStore(weir.database);
    const cluster = await clusters.create({ name: 'shared', restUrl: 'http://127.0.0.1:9/', teamId: null });
    const tasks = new TasksStore(weir.database);
    await tasks.create({ name: 'payments-settlement', kind: 'SQL', executionMode: 'STREAMING', clusterId: cluster.id, teamId: payments.id });
    const other = await tasks.create({ name: 'risk-scoring', kind: 'SQL', executionMode: 'STREAMING', clusterId: cluster.id });

    const res = await ldapLogin(app, 'alice', DIRECTORY.alice.password);
    assert.equal(res.statusCode, 200, res.body);
    const { user } = res.json() as { user: { globalRole: string; role: string; teams: Array<{ teamName: string; role: string }> } };
    assert.deepEqual({ globalRole: user.globalRole, role: user.role, teams: user.teams.map((t) => [t.teamName, t.role]) }, { globalRole: 'none', role: 'operator', teams: [['payments', 'operator']] });
    const cookie = `${SESSION_COOKIE}=${res.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
    const listed = await app.inject({ url: '/api/tasks', headers: { cookie } });
    assert.deepEqual((listed.json() as { items: Array<{ name: string }> }).items.map((t) => t.name), ['payments-settlement']);
    assert.equal((await app.inject({ url: `/api/tasks/${other.id}`, headers: { cookie } })).statusCode, 404);
  });

  it('groups named by their DN, mapped with ;-separated pairs', async () => {
    const ldap = ldapConfig({ WEIR_LDAP_GROUP_NAME: 'dn', WEIR_LDAP_GROUP_ROLES: `${GROUPS.weirAdmins}=admin; ${GROUPS.flinkOps}=viewer;` });
    const { app } = await weirWith(ldap);
    const res = await ldapLogin(app, 'alice', DIRECTORY.alice.password);
    assert.equal((res.json() as { user: { role: string } }).user.role, 'viewer', res.body);
  });

  it('StartTLS with a CA that did not sign the directory\'s certificate: 503 with a clear message, the TLS reason in the audit', async () => {
    const { app, weir } = await weirWith(ldapConfig({ WEIR_LDAP_CA_FILE: slapd.wrongCaFile }));
    const res = await ldapLogin(app, 'alice', DIRECTORY.alice.password);
    assert.equal(errorOf(res).status, 503);
    assert.equal(errorOf(res).code, 'DIRECTORY_UNAVAILABLE');
    assert.match(errorOf(res).message, /^The directory cannot be reached/);
    const reason = String((await lastLoginFailure(weir, 'alice'))?.reason);
    assert.match(reason, /^directory unreachable: no trusted TLS connection to ldap:\/\/127\.0\.0\.1:\d+: self-signed certificate/, reason);
    assert.match(reason, /WEIR_LDAP_CA_FILE/);
  });

  it('a refused service account is Weir\'s configuration, not the user\'s password: 503 "misconfigured", audited', async () => {
    const { app, weir } = await weirWith(ldapConfig({ WEIR_LDAP_BIND_PASSWORD: 'not-the-service-password' }));
    const res = await ldapLogin(app, 'alice', DIRECTORY.alice.password);
    assert.equal(errorOf(res).status, 503);
    assert.match(errorOf(res).message, /misconfigured/);
    assert.match(String((await lastLoginFailure(weir, 'alice'))?.reason), /^directory misconfigured: bind as WEIR_LDAP_BIND_DN failed: InvalidCredentials \(LDAP result 49\)/);
  });
});

describe('LDAP login when the directory is down', () => {
  it('503 "The directory cannot be reached…", no session, an audit entry with the reason, and no failed guess counted', async () => {
    const own = await startSlapd();
    const { app, weir } = await weirWith(ldapConfig({ WEIR_LDAP_URL: own.url, WEIR_LDAP_CA_FILE: own.caFile }));
    assert.equal((await ldapLogin(app, 'alice', DIRECTORY.alice.password)).statusCode, 200);
    await own.stop();
    for (let i = 0; i < 6; i++) {
      const res = await ldapLogin(app, 'alice', DIRECTORY.alice.password, '127.0.0.7');
      assert.deepEqual({ status: errorOf(res).status, code: errorOf(res).code }, { status: 503, code: 'DIRECTORY_UNAVAILABLE' }, res.body);
      assert.match(errorOf(res).message, /^The directory cannot be reached, so Weir cannot check your password/);
      assert.equal(res.cookies.find((c) => c.name === SESSION_COOKIE), undefined);
    }
    const detail = await lastLoginFailure(weir, 'alice');
    assert.match(String(detail?.reason), /^directory unreachable: no answer from ldap:\/\/127\.0\.0\.1:\d+: connect ECONNREFUSED/);
    assert.equal(detail?.source, 'ldap');
    const audit = JSON.stringify(await auditRows(weir));
    assert.ok(!audit.includes(DIRECTORY.alice.password));
  });

  it('a hung directory (it takes the connection, never answers) is unreachable after WEIR_LDAP_TIMEOUT_MS, not a wait without end', async () => {
    const own = await startSlapd();
    try {
      const { app, weir } = await weirWith(ldapConfig({ WEIR_LDAP_URL: own.url, WEIR_LDAP_CA_FILE: own.caFile, WEIR_LDAP_TIMEOUT_MS: '500' }));
      own.freeze(true);
      const begun = Date.now();
      const res = await ldapLogin(app, 'bob', DIRECTORY.bob.password);
      const tookMs = Date.now() - begun;
      assert.equal(errorOf(res).status, 503, res.body);
      assert.ok(tookMs < 5_000, `answered after ${tookMs} ms`);
      assert.match(String((await lastLoginFailure(weir, 'bob'))?.reason), /^directory unreachable: no answer from ldap:\/\/127\.0\.0\.1:\d+ within 500 ms \(WEIR_LDAP_TIMEOUT_MS\)/);
      own.freeze(false);
      assert.equal((await ldapLogin(app, 'bob', DIRECTORY.bob.password)).statusCode, 200);
    } finally {
      await own.stop();
    }
  });

  it('a directory that agrees to StartTLS and then stalls in the handshake is unreachable after WEIR_LDAP_TIMEOUT_MS, and the next login goes through', async () => {
    const proxy = await cuttableProxy(new URL(slapd.url));
    try {
      const { app, weir } = await weirWith(ldapConfig({ WEIR_LDAP_URL: proxy.url.replace(/^http:/, 'ldap:'), WEIR_LDAP_TIMEOUT_MS: '500' }));
      proxy.stallAfterFirstAnswer();
      const begun = Date.now();
      const res = await ldapLogin(app, 'bob', DIRECTORY.bob.password);
      const tookMs = Date.now() - begun;
      assert.equal(errorOf(res).status, 503, res.body);
      assert.ok(tookMs < 5_000, `answered after ${tookMs} ms`);
      assert.match(String((await lastLoginFailure(weir, 'bob'))?.reason), /^directory unreachable: no answer from ldap:\/\/127\.0\.0\.1:\d+ within 500 ms \(WEIR_LDAP_TIMEOUT_MS\): the TLS handshake did not finish/);
      proxy.restore();
      assert.equal((await ldapLogin(app, 'bob', DIRECTORY.bob.password)).statusCode, 200);
    } finally {
      await proxy.close();
    }
  });
});

describe('LDAP login: the name in Weir is the directory\'s', () => {
  it('a name typed in another case logs in as the same user, under the directory\'s spelling', async () => {
    const { app, weir } = await weirWith(ldapConfig());
    const first = await ldapLogin(app, 'ALICE', DIRECTORY.alice.password);
    const second = await ldapLogin(app, 'alice', DIRECTORY.alice.password);
    assert.equal((first.json() as { user: { username: string } }).user.username, 'alice', first.body);
    assert.equal((first.json() as { user: { id: string } }).user.id, (second.json() as { user: { id: string } }).user.id);
    const rows = await weir.database.db.selectFrom('users').select('username').where('auth_source', '=', 'ldap').execute();
    assert.deepEqual(rows, [{ username: 'alice' }]);
  });
});
