import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { isUniqueViolation } from '../db/errors.js';
import { forEachDatabase } from '../test-support/databases.js';
import { SessionsStore } from './sessions.store.js';
import { UsersStore } from './users.store.js';

const T0 = 1_800_000_000_000;

forEachDatabase('SessionsStore', (getDb) => {
  let sessions: SessionsStore;
  let userId: string;
  let otherUserId: string;
  before(async () => {
    sessions = new SessionsStore(getDb());
    const users = new UsersStore(getDb());
    userId = (await users.create({ username: 'u1', passwordHash: 'h', role: 'viewer' })).id;
    otherUserId = (await users.create({ username: 'u2', passwordHash: 'h', role: 'viewer' })).id;
  });

  it('finds a session only until it expires', async () => {
    const created = await sessions.create({ id: 'a'.repeat(64), userId, csrfToken: 'csrf', createdAt: T0, expiresAt: T0 + 1000 });
    assert.equal(created.lastSeenAt, T0);
    assert.deepEqual(await sessions.findValid('a'.repeat(64), T0 + 999), created);
    assert.equal(await sessions.findValid('a'.repeat(64), T0 + 1000), undefined);
  });

  it('rejects a duplicate id and a session for a missing user', async () => {
    await assert.rejects(
      sessions.create({ id: 'a'.repeat(64), userId, csrfToken: 'x', createdAt: T0, expiresAt: T0 + 1 }),
      isUniqueViolation,
    );
    await assert.rejects(sessions.create({ id: 'f'.repeat(64), userId: 'nobody', csrfToken: 'x', createdAt: T0, expiresAt: T0 + 1 }));
  });

  it('slides the expiry on touch', async () => {
    assert.equal(await sessions.touch('a'.repeat(64), T0 + 500, T0 + 5000), true);
    const touched = await sessions.findValid('a'.repeat(64), T0 + 2000);
    assert.equal(touched?.lastSeenAt, T0 + 500);
    assert.equal(touched?.expiresAt, T0 + 5000);
    assert.equal(await sessions.touch('missing', T0, T0), false);
  });

  it('deletes one, all of a user but one, and expired sessions', async () => {
    for (const id of ['b', 'c', 'd']) {
      await sessions.create({ id: id.repeat(64), userId, csrfToken: 'x', createdAt: T0, expiresAt: T0 + 10_000 });
    }
    await sessions.create({ id: 'e'.repeat(64), userId: otherUserId, csrfToken: 'x', createdAt: T0, expiresAt: T0 + 100 });
    assert.equal(await sessions.delete('b'.repeat(64)), true);
    assert.equal(await sessions.delete('b'.repeat(64)), false);
    assert.equal(await sessions.deleteForUser(userId, 'c'.repeat(64)), 2); // a and d
    assert.ok(await sessions.findValid('c'.repeat(64), T0));
    const expired = await sessions.deleteExpired(T0 + 100);
    assert.equal(typeof expired, 'number');
    assert.equal(expired, 1); // e
    assert.ok(await sessions.findValid('c'.repeat(64), T0 + 100));
  });
});
