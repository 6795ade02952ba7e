import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/index.js';
import { SettingsStore } from '../settings/settings.store.js';
import { SecretBox } from './secret-box.js';
import { SecretKeyMismatchError, verifySecretKey } from './secret-key-check.js';

const newKey = () => SecretBox.fromKey(randomBytes(32).toString('hex'));

describe('the secret key check at start-up', () => {
  let dir: string;
  let database: Database;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weir-key-check-'));
    database = await openDatabase(`sqlite:${path.join(dir, 'weir.db')}`);
    await migrateToLatest(database);
  });
  after(async () => {
    await database?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('accepts the key of the first start again and refuses another one, naming WEIR_SECRET_KEY', async () => {
    const settings = new SettingsStore(database);
    const key = newKey();
    await verifySecretKey(settings, key);
    await verifySecretKey(settings, key);
    await assert.rejects(verifySecretKey(settings, newKey()), (error: Error) => error instanceof SecretKeyMismatchError && /^WEIR_SECRET_KEY does not open/.test(error.message));
  });

  it('refuses a new key for a database from before the check that already holds secrets', async () => {
    await new SettingsStore(database).delete('secret-key-check');
    const old = newKey();
    const sealedBefore = old.seal('{"type":"bearer","token":"t"}');
    await assert.rejects(verifySecretKey(new SettingsStore(database), newKey(), async () => sealedBefore), SecretKeyMismatchError);
    await verifySecretKey(new SettingsStore(database), old, async () => sealedBefore);
  });
});
