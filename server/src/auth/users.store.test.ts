import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { isUniqueViolation } from '../db/errors.js';
import { forEachDatabase } from '../test-support/databases.js';
import { UsersStore } from './users.store.js';

forEachDatabase('UsersStore', (getDb) => {
  let users: UsersStore;
  before(() => {
    users = new UsersStore(getDb());
  });

  it('creates a user and finds it by id and username', async () => {
    const created = await users.create({ username: 'alice', displayName: 'Alice', passwordHash: 'h1', role: 'admin' });
    assert.equal(created.id.length, 26);
    assert.deepEqual(await users.findById(created.id), created);
    assert.deepEqual(await users.findByUsername('alice'), created);
    assert.equal(created.disabled, false);
    assert.equal(created.failedLogins, 0);
    assert.equal(await users.findByUsername('ALICE'), undefined, 'usernames compare case-sensitively on every engine');
  });

  it('rejects a duplicate username with a unique violation', async () => {
    await users.create({ username: 'bob', passwordHash: 'h', role: 'viewer' });
    await assert.rejects(users.create({ username: 'bob', passwordHash: 'h2', role: 'admin' }), isUniqueViolation);
  });

  it('counts as a number and lists by username', async () => {
    const count = await users.count();
    assert.equal(typeof count, 'number');
    assert.equal(count, 2);
    assert.deepEqual((await users.list()).map((u) => u.username), ['alice', 'bob']);
  });

  it('counts failed logins atomically, locks and resets', async () => {
    const user = await users.create({ username: 'carol', passwordHash: 'h', role: 'operator' });
    const counts = await Promise.all([1, 2, 3].map(() => users.recordFailedLogin(user.id)));
    assert.deepEqual([...counts].sort(), [1, 2, 3]);
    assert.equal((await users.findById(user.id))?.failedLogins, 3);
    assert.equal(await users.lock(user.id, 1_900_000_000_000), true);
    assert.equal((await users.findById(user.id))?.lockedUntil, 1_900_000_000_000);
    await users.resetFailedLogins(user.id);
    const reset = await users.findById(user.id);
    assert.equal(reset?.failedLogins, 0);
    assert.equal(reset?.lockedUntil, null);
  });

  it('updates password, role, display name and disabled flag', async () => {
    const user = await users.create({ username: 'dave', passwordHash: 'old', role: 'viewer' });
    assert.equal(await users.updatePassword(user.id, 'new'), true);
    assert.equal(await users.setRole(user.id, 'operator'), true);
    const updated = await users.update(user.id, { displayName: 'Dave', disabled: true });
    assert.equal(updated.passwordHash, 'new');
    assert.equal(updated.role, 'operator');
    assert.equal(updated.displayName, 'Dave');
    assert.equal(updated.disabled, true);
    assert.equal(await users.setRole('01NOSUCHUSER0000000000000', 'admin'), false);
  });

  it('finds an external user by its provider and subject only, never a local user of the same name', async () => {
    const local = await users.create({ username: 'dora', passwordHash: 'h', role: 'viewer' });
    assert.equal(local.authSource, 'local');
    assert.equal(local.externalSubject, null);
    const external = await users.create({ username: 'dora@sso', passwordHash: '', role: 'operator', external: { source: 'oidc', subject: 'sub-1' } });
    assert.equal(external.authSource, 'oidc');
    assert.deepEqual(await users.findByExternalSubject('oidc', 'sub-1'), external);
    assert.equal(await users.findByExternalSubject('ldap', 'sub-1'), undefined, 'the same subject from another kind of provider is someone else');
    assert.equal(await users.findByExternalSubject('oidc', 'dora'), undefined);
    await assert.rejects(
      users.create({ username: 'other-name', passwordHash: '', role: 'viewer', external: { source: 'oidc', subject: 'sub-1' } }),
      isUniqueViolation,
      'one user per subject of a provider',
    );
    // Many local users have no subject at all: the unique index must allow that.
    await users.create({ username: 'erin', passwordHash: 'h', role: 'viewer' });
  });
});
