import type { Database } from '../db/database.js';
import { insertIfAbsent, upsert } from '../db/upsert.js';

/** Instance-wide key/value settings (values are text, usually JSON). */
export class SettingsStore {
  constructor(private readonly database: Database) {}

  async get(key: string): Promise<string | undefined> {
    const row = await this.database.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value;
  }

  async set(key: string, value: string): Promise<void> {
    await upsert(this.database, 'settings', { key, value }, ['key'], ['value']);
  }

  /**
   * The stored value, or `initial()` stored now when there is none. When several instances race,
   * all of them get the one value that won (e.g. a generated secret key is made exactly once).
   */
  async getOrCreate(key: string, initial: () => string): Promise<string> {
    const existing = await this.get(key);
    if (existing !== undefined) return existing;
    await insertIfAbsent(this.database, 'settings', { key, value: initial() }, ['key']);
    const stored = await this.get(key);
    if (stored === undefined) throw new Error(`Setting ${key} vanished right after it was stored`);
    return stored;
  }

  async delete(key: string): Promise<boolean> {
    const result = await this.database.db.deleteFrom('settings').where('key', '=', key).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
