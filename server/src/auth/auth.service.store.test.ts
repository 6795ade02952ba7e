import assert from 'node:assert/strict';
import { beforeEach, it } from 'node:test';
import { AuditService } from '../audit/audit.service.js';
import { AuditStore } from '../audit/audit.store.js';
import { AppError } from '../errors/errors.js';
import { forEachDatabase } from '../test-support/databases.js';
import { ApiTokensStore } from './api-tokens.store.js';
import { AuthService } from './auth.service.js';
import type { GroupRoleMapping } from '../config/identity-settings.js';
import type { ExternalIdentity } from './external-identity.js';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import { SessionsStore } from './sessions.store.js';
import { UsersStore } from './users.store.js';
import { TeamsStore } from '../teams/teams.store.js';

const TTL = 30 * 60_000;
const WINDOW = 15 * 60_000;
const LIFETIME = 4 * TTL;
const PASSWORD = 'correct-horse-battery';

async function rejectsWith(promise: Promise<unknown>, code: string, message?: RegExp): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof AppError, `expected an AppError, got ${String(err)}`);
    assert.equal(err.code, code);
    if (message) assert.match(err.message, message);
    return true;
  });
}

forEachDatabase('AuthService on the real stores', (getDb) => {
  let clock: number;
  let auth: AuthService;
  let audit: AuditStore;
  let changed: string[];
  let username: string;
  let serial = 0;
  let waited: number[];

  beforeEach(async () => {
    clock = 1_800_000_000_000;
    changed = [];
    waited = [];
    const now = () => clock;
    const db = getDb();
    audit = new AuditStore(db);
    auth = new AuthService(new UsersStore(db, now), new SessionsStore(db), new ApiTokensStore(db, now), new TeamsStore(db, now), new AuditService(audit, console, now), {
      sessionTtlMs: TTL,
      sessionLifetimeMs: LIFETIME,
      now,
      sleep: async (ms) => {
        waited.push(ms);
      },
      onPasswordChanged: (u) => changed.push(u.username),
    });
    serial += 1;
    username = `user${serial}`;
    await auth.createUser(SYSTEM_PRINCIPAL, { username, password: PASSWORD, role: 'operator' });
  });

  it('wrong passwords from many addresses slow the account down, never lock its owner out', async () => {
    for (let i = 0; i < 8; i++) await rejectsWith(auth.login(username, 'wrong-password', `10.0.0.${i}`), 'UNAUTHENTICATED');
    // After 5 failures each attempt waits, doubling: 500, 1000, 2000 ms …
    assert.deepEqual(waited, [0, 0, 0, 0, 0, 500, 1000, 2000].filter((ms) => ms > 0));
    const { info } = await auth.login(username, PASSWORD, '10.0.1.1');
    assert.equal(info.user.username, username);
    assert.equal(waited.at(-1), 4000);
    clock += WINDOW;
    waited = [];
    await auth.login(username, PASSWORD, '10.0.1.1');
    assert.deepEqual(waited, [], 'the slow-down ends with the window');
    const entries = (await audit.list({ action: 'auth.login', targetId: info.user.id, limit: 100 })).items;
    assert.equal(entries.filter((e) => e.outcome === 'failure').length, 8);
  });

  it('throttles one address that tries many usernames, without locking out other addresses', async () => {
    const address = `192.0.2.${serial}`;
    for (let i = 0; i < 20; i++) await rejectsWith(auth.login(`nobody-${i}`, 'guess', address), 'UNAUTHENTICATED');
    await rejectsWith(auth.login(username, PASSWORD, address), 'RATE_LIMITED', /Too many failed logins/);
    await auth.login(username, PASSWORD, '198.51.100.1');
    clock += WINDOW;
    await auth.login(username, PASSWORD, address);
  });

  it('a session ends at its expiry, and activity slides it', async () => {
    const { sessionToken } = await auth.login(username, PASSWORD, '10.1.0.1');
    assert.ok(await auth.principalFromSession(sessionToken));
    clock += TTL - 1;
    const p = await auth.principalFromSession(sessionToken);
    assert.equal(p?.name, username);
    // That activity moved the expiry forward by a full TTL.
    clock += TTL - 1;
    assert.ok(await auth.principalFromSession(sessionToken));
    clock += TTL;
    assert.equal(await auth.principalFromSession(sessionToken), undefined);
  });

  it('activity slides a session only up to its absolute lifetime; expired sessions are deleted', async () => {
    const start = clock;
    const { sessionToken } = await auth.login(username, PASSWORD, '10.1.0.2');
    while (clock + TTL / 2 < start + LIFETIME) {
      assert.ok(await auth.principalFromSession(sessionToken), `still active at +${clock - start} ms`);
      clock += TTL / 2;
    }
    clock = start + LIFETIME;
    assert.equal(await auth.principalFromSession(sessionToken), undefined, 'ended at the lifetime although active');
    assert.ok((await auth.deleteExpiredSessions()) >= 1);
  });

  it('changing the password ends the other sessions, keeps this one, and reports the change', async () => {
    const a = await auth.login(username, PASSWORD, '10.2.0.1');
    const b = await auth.login(username, PASSWORD, '10.2.0.2');
    const pa = (await auth.principalFromSession(a.sessionToken))!;
    await rejectsWith(auth.changePassword(pa, 'not-the-password', 'a-new-password-1'), 'VALIDATION');
    assert.ok(await auth.principalFromSession(b.sessionToken), 'a failed change ends nothing');
    await auth.changePassword(pa, PASSWORD, 'a-new-password-1');
    assert.ok(await auth.principalFromSession(a.sessionToken));
    assert.equal(await auth.principalFromSession(b.sessionToken), undefined);
    assert.deepEqual(changed, [username]);
    await rejectsWith(auth.login(username, PASSWORD, '10.2.0.3'), 'UNAUTHENTICATED');
    await auth.login(username, 'a-new-password-1', '10.2.0.3');
  });

  it('disabling a user or changing the role ends their sessions; a disabled user cannot log in', async () => {
    const { sessionToken, info } = await auth.login(username, PASSWORD, '10.3.0.1');
    const admin = { ...SYSTEM_PRINCIPAL, id: 'another-admin' };
    await auth.updateUser(admin, info.user.id, { role: 'viewer' });
    assert.equal(await auth.principalFromSession(sessionToken), undefined);
    const again = await auth.login(username, PASSWORD, '10.3.0.1');
    assert.equal((await auth.principalFromSession(again.sessionToken))?.role, 'viewer');
    await auth.updateUser(admin, info.user.id, { disabled: true });
    assert.equal(await auth.principalFromSession(again.sessionToken), undefined);
    await rejectsWith(auth.login(username, PASSWORD, '10.3.0.1'), 'UNAUTHENTICATED');
  });

  it('an API token works until it is revoked, with the role it was given', async () => {
    const { token, secret } = await auth.createToken(SYSTEM_PRINCIPAL, `ci-${serial}`, 'operator');
    assert.equal((await auth.principalFromToken(secret))?.role, 'operator');
    assert.equal(await auth.principalFromToken(secret.slice(0, -1)), undefined);
    await auth.revokeToken(SYSTEM_PRINCIPAL, token.id);
    assert.equal(await auth.principalFromToken(secret), undefined);
    await rejectsWith(auth.revokeToken(SYSTEM_PRINCIPAL, token.id), 'NOT_FOUND');
    const listed = (await auth.listTokens(SYSTEM_PRINCIPAL)).find((t) => t.id === token.id);
    assert.equal(listed?.revokedAt, clock);
    assert.ok(!JSON.stringify(listed).includes(secret));
  });

  it('a token with an expiry stops working then, on its own', async () => {
    const { secret } = await auth.createToken(SYSTEM_PRINCIPAL, `short-${serial}`, 'viewer', { expiresAt: clock + 60_000 });
    assert.ok(await auth.principalFromToken(secret));
    clock += 60_000;
    assert.equal(await auth.principalFromToken(secret), undefined);
    await rejectsWith(auth.createToken(SYSTEM_PRINCIPAL, `past-${serial}`, 'viewer', { expiresAt: clock - 1 }), 'VALIDATION');
  });

  it('revoking a token revokes the tokens it made, and theirs; disabling a user revokes what the user made', async () => {
    const { token: parent, secret: parentSecret } = await auth.createToken(SYSTEM_PRINCIPAL, `parent-${serial}`, 'admin');
    const parentPrincipal = (await auth.principalFromToken(parentSecret))!;
    const child = await auth.createToken(parentPrincipal, `child-${serial}`, 'operator');
    const grandchild = await auth.createToken((await auth.principalFromToken(child.secret))!, `grandchild-${serial}`, 'viewer');
    const unrelated = await auth.createToken(SYSTEM_PRINCIPAL, `unrelated-${serial}`, 'viewer');
    await auth.revokeToken(SYSTEM_PRINCIPAL, parent.id);
    assert.equal(await auth.principalFromToken(child.secret), undefined);
    assert.equal(await auth.principalFromToken(grandchild.secret), undefined);
    assert.ok(await auth.principalFromToken(unrelated.secret));
    const revokeEntry = (await audit.list({ action: 'token.revoke', targetId: parent.id, limit: 5 })).items[0];
    assert.match(revokeEntry?.detail ?? '', new RegExp(child.token.id));

    const { sessionToken } = await auth.login(username, PASSWORD, '10.4.0.1');
    const userPrincipal = (await auth.principalFromSession(sessionToken))!;
    const made = await auth.createToken(userPrincipal, `made-by-user-${serial}`, 'operator');
    const madeViewer = await auth.createToken(userPrincipal, `viewer-by-user-${serial}`, 'viewer');
    assert.equal(made.token.createdByUserId, userPrincipal.id);
    // Demoted to viewer: the operator token goes, the viewer token stays; disabled: everything goes.
    await auth.updateUser({ ...SYSTEM_PRINCIPAL, id: 'another-admin' }, userPrincipal.id, { role: 'viewer' });
    assert.equal(await auth.principalFromToken(made.secret), undefined);
    assert.ok(await auth.principalFromToken(madeViewer.secret));
    await auth.updateUser({ ...SYSTEM_PRINCIPAL, id: 'another-admin' }, userPrincipal.id, { disabled: true });
    assert.equal(await auth.principalFromToken(madeViewer.secret), undefined);
  });

  const MAPPING: GroupRoleMapping = { groups: [{ group: 'weir-admins', role: 'admin' }, { group: 'flink-ops', role: 'operator' }, { group: 'flink-watch', role: 'viewer' }] };
  function identity(groups: string[], subject = `sub-${serial}`): ExternalIdentity {
    return { source: 'oidc', subject, username: `sso-${serial}`, displayName: `SSO ${serial}`, groups };
  }

  it('creates an external user at the first login and gives it, at every login, the role its groups map to now', async () => {
    const first = await auth.loginExternal(identity(['flink-ops']), MAPPING, '10.1.0.1');
    assert.deepEqual(
      { ...first.info.user, id: undefined },
      { id: undefined, username: `sso-${serial}`, displayName: `SSO ${serial}`, role: 'operator', globalRole: 'operator', teams: [], authSource: 'oidc' },
    );
    const operator = await auth.principalFromSession(first.sessionToken);
    assert.equal(operator?.role, 'operator');
    // The user made an operator token; then left flink-ops for flink-watch at the provider.
    const { secret } = await auth.createToken(operator!, 'deploy', 'operator');
    clock += 1000;
    const second = await auth.loginExternal(identity(['flink-watch', 'marketing']), MAPPING, '10.1.0.1');
    assert.equal(second.info.user.id, first.info.user.id, 'found again by its subject: one user');
    assert.equal(second.info.user.role, 'viewer');
    assert.equal(await auth.principalFromToken(secret), undefined, 'the demotion revoked the token made above the new role');
    assert.equal((await auth.principalFromSession(first.sessionToken))?.role, 'viewer', 'the older session has the new role too');
    const updates = (await audit.list({ action: 'user.update', targetId: first.info.user.id, limit: 10 })).items;
    assert.equal(updates.length, 1);
    const detail = JSON.parse(updates[0]!.detail ?? '{}') as Record<string, unknown>;
    assert.deepEqual({ ...detail, tokensRevoked: (detail['tokensRevoked'] as unknown[]).length }, { role: 'viewer', teams: [], because: 'group flink-watch', source: 'oidc', tokensRevoked: 1 });
  });

  it('refuses, with a reason and an audit entry, a user in no mapped group, a disabled user and a name taken by a local account', async () => {
    await rejectsWith(auth.loginExternal(identity(['marketing']), MAPPING, '10.1.0.2'), 'FORBIDDEN', /none of your groups gives a role/);
    const { info } = await auth.loginExternal(identity(['flink-watch']), MAPPING, '10.1.0.2');
    await auth.updateUser(SYSTEM_PRINCIPAL, info.user.id, { disabled: true });
    await rejectsWith(auth.loginExternal(identity(['weir-admins']), MAPPING, '10.1.0.2'), 'FORBIDDEN', /disabled/);
    // A provider that calls someone by the name of a local account does not get that account.
    await rejectsWith(
      auth.loginExternal({ source: 'oidc', subject: 'someone-else', username, displayName: null, groups: ['weir-admins'] }, MAPPING, '10.1.0.2'),
      'CONFLICT',
      /already has a different account/,
    );
    const failures = (await audit.list({ action: 'auth.login', limit: 100 })).items
      .filter((e) => e.outcome === 'failure')
      .map((e) => JSON.parse(e.detail ?? '{}') as { reason: string; address: string })
      .filter((d) => d.address === '10.1.0.2');
    assert.deepEqual(failures.map((d) => d.reason).sort(), ['disabled', 'in no mapped group', 'username taken']);
  });

  it('never lets an external user log in or change a password with a Weir password', async () => {
    const { sessionToken } = await auth.loginExternal(identity(['flink-ops']), MAPPING, '10.1.0.3');
    await rejectsWith(auth.login(`sso-${serial}`, '', '10.1.0.3'), 'UNAUTHENTICATED');
    await rejectsWith(auth.login(`sso-${serial}`, 'anything-at-all', '10.1.0.3'), 'UNAUTHENTICATED');
    const principal = await auth.principalFromSession(sessionToken);
    await rejectsWith(auth.changePassword(principal!, '', 'a-new-password-1'), 'VALIDATION', /kept by single sign-on/);
  });
});
