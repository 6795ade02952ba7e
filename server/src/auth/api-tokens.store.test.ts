import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { isUniqueViolation } from '../db/errors.js';
import { forEachDatabase } from '../test-support/databases.js';
import { ApiTokensStore } from './api-tokens.store.js';

forEachDatabase('ApiTokensStore', (getDb) => {
  let tokens: ApiTokensStore;
  before(() => {
    tokens = new ApiTokensStore(getDb());
  });

  it('creates a token and finds it by hash without exposing the hash', async () => {
    const token = await tokens.create({ name: 'ci', tokenHash: '1'.repeat(64), role: 'operator', createdBy: 'alice' });
    assert.deepEqual(await tokens.findActiveByHash('1'.repeat(64)), token);
    assert.equal('tokenHash' in token, false);
    assert.equal(token.lastUsedAt, null);
  });

  it('rejects a duplicate hash', async () => {
    await assert.rejects(
      tokens.create({ name: 'other', tokenHash: '1'.repeat(64), role: 'viewer', createdBy: 'alice' }),
      isUniqueViolation,
    );
  });

  it('records last use and revokes once', async () => {
    const token = await tokens.create({ name: 'deploy', tokenHash: '2'.repeat(64), role: 'viewer', createdBy: 'bob' });
    await tokens.touchLastUsed(token.id, 1_800_000_000_123);
    assert.equal((await tokens.findActiveByHash('2'.repeat(64)))?.lastUsedAt, 1_800_000_000_123);
    assert.equal(await tokens.revoke(token.id, 1_800_000_001_000), true);
    assert.equal(await tokens.revoke(token.id, 1_800_000_002_000), false);
    assert.equal(await tokens.findActiveByHash('2'.repeat(64)), undefined);
    const listed = await tokens.list();
    assert.deepEqual(listed.map((t) => t.name), ['deploy', 'ci']);
    assert.equal(listed[0]?.revokedAt, 1_800_000_001_000);
  });
});
