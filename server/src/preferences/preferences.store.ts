import type { Database } from '../db/database.js';
import { inTransaction } from '../db/transactions.js';
import { upsert } from '../db/upsert.js';

// Row shape as stored (migration 2026-12-06-004), merged into the shared `Tables` next to the only
// code that reads it.
export interface UserPreferencesTable {
  user_id: string;
  name: string;
  /** JSON */
  value: string;
  updated_at: number;
}

declare module '../db/tables.js' {
  interface Tables {
    user_preferences: UserPreferencesTable;
  }
}

/** Each user's preferences, name → value (any JSON). The service decides which names and values exist. */
export class PreferencesStore {
  constructor(
    private readonly database: Database,
    private readonly now: () => number = Date.now,
  ) {}

  /** The user's stored preferences; a value that is not JSON (written by hand) is left out. */
  async read(userId: string): Promise<Record<string, unknown>> {
    const rows = await this.database.db.selectFrom('user_preferences').select(['name', 'value']).where('user_id', '=', userId).execute();
    const values: Record<string, unknown> = {};
    for (const row of rows) {
      try {
        values[row.name] = JSON.parse(row.value);
      } catch {
        // Not JSON: as if never chosen.
      }
    }
    return values;
  }

  /** Stores the given preferences, together or not at all; the user's other preferences stay. */
  async write(userId: string, values: Readonly<Record<string, unknown>>): Promise<void> {
    const entries = Object.entries(values).filter(([, value]) => value !== undefined);
    if (entries.length === 0) return;
    const now = this.now();
    await inTransaction(this.database.db, async (trx) => {
      for (const [name, value] of entries) {
        await upsert({ db: trx, dialect: this.database.dialect }, 'user_preferences', { user_id: userId, name, value: JSON.stringify(value), updated_at: now }, ['user_id', 'name'], ['value', 'updated_at']);
      }
    });
  }
}
