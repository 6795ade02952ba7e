import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { forEachDatabase } from '../test-support/databases.js';
import { SettingsStore } from './settings.store.js';

forEachDatabase('SettingsStore', (getDb) => {
  let settings: SettingsStore;
  before(() => {
    settings = new SettingsStore(getDb());
  });

  it('sets, overwrites and reads a value', async () => {
    assert.equal(await settings.get('theme'), undefined);
    await settings.set('theme', '"dark"');
    await settings.set('theme', '"light"');
    assert.equal(await settings.get('theme'), '"light"');
  });

  it('getOrCreate stores the first value exactly once, even when racing', async () => {
    let made = 0;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => settings.getOrCreate('secret-key', () => `key-${i}-${++made}`)),
    );
    assert.equal(new Set(results).size, 1, `all callers see the winner, got ${results.join(',')}`);
    assert.equal(await settings.get('secret-key'), results[0]);
    assert.equal(await settings.getOrCreate('secret-key', () => 'ignored'), results[0]);
  });

  it('round-trips a value larger than 64 KB', async () => {
    const big = JSON.stringify({ blob: 'x'.repeat(200_000) });
    await settings.set('big', big);
    assert.equal(await settings.get('big'), big);
  });

  it('deletes', async () => {
    assert.equal(await settings.delete('theme'), true);
    assert.equal(await settings.delete('theme'), false);
  });
});
