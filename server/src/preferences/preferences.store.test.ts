import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { UsersStore } from '../auth/users.store.js';
import { forEachDatabase } from '../test-support/databases.js';
import { PreferencesStore } from './preferences.store.js';

forEachDatabase('PreferencesStore', (getDb) => {
  let preferences: PreferencesStore;
  let users: UsersStore;
  before(() => {
    preferences = new PreferencesStore(getDb());
    users = new UsersStore(getDb());
  });

  it('a user with no preferences reads none', async () => {
    const user = await users.create({ username: 'fresh', passwordHash: 'h', role: 'viewer' });
    assert.deepEqual(await preferences.read(user.id), {});
  });

  it("stores a preference, overwrites it, and keeps each user's apart", async () => {
    const ann = await users.create({ username: 'ann', passwordHash: 'h', role: 'viewer' });
    const ben = await users.create({ username: 'ben', passwordHash: 'h', role: 'viewer' });
    await preferences.write(ann.id, { theme: 'dark' });
    await preferences.write(ben.id, { theme: 'light' });
    assert.deepEqual(await preferences.read(ann.id), { theme: 'dark' });
    await preferences.write(ann.id, { theme: 'light' });
    assert.deepEqual(await preferences.read(ann.id), { theme: 'light' });
    assert.deepEqual(await preferences.read(ben.id), { theme: 'light' });
  });

  it('setting one preference leaves the others as they were', async () => {
    const cid = await users.create({ username: 'cid', passwordHash: 'h', role: 'viewer' });
    await preferences.write(cid.id, { theme: 'dark', density: { compact: true } });
    await preferences.write(cid.id, { density: { compact: false } });
    assert.deepEqual(await preferences.read(cid.id), { theme: 'dark', density: { compact: false } });
  });

  it('a value that is not JSON reads as never chosen', async () => {
    const dee = await users.create({ username: 'dee', passwordHash: 'h', role: 'viewer' });
    await getDb().db.insertInto('user_preferences').values({ user_id: dee.id, name: 'theme', value: 'dark', updated_at: Date.now() }).execute();
    assert.deepEqual(await preferences.read(dee.id), {});
  });

  it("a removed user's preferences go with them", async () => {
    const eve = await users.create({ username: 'eve', passwordHash: 'h', role: 'viewer' });
    await preferences.write(eve.id, { theme: 'dark' });
    await getDb().db.deleteFrom('users').where('id', '=', eve.id).execute();
    const left = await getDb().db.selectFrom('user_preferences').select('name').where('user_id', '=', eve.id).execute();
    assert.deepEqual(left, []);
  });
});
