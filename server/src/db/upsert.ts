import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database } from './database.js';
import type { Tables } from './tables.js';

// The one place where insert-or-update SQL differs by engine: SQLite and PostgreSQL use
// ON CONFLICT (key) …, MySQL/MariaDB use ON DUPLICATE KEY UPDATE. MySQL's form reacts to a
// conflict on ANY unique key of the table, so call these only with `key` being the table's
// primary key or its only unique key that the row can collide on.

type TableName = keyof Tables & string;
type ColumnOf<T extends TableName> = keyof Tables[T] & string;
type Target = Pick<Database, 'db' | 'dialect'>;

/** Inserts `row`, or, when a row with the same `key` exists, overwrites its `update` columns. */
export async function upsert<T extends TableName>(
  target: Target,
  table: T,
  row: Insertable<Tables[T]>,
  key: readonly ColumnOf<T>[],
  update: readonly ColumnOf<T>[],
): Promise<void> {
  const db = target.db as unknown as Kysely<any>;
  const insert = db.insertInto(table).values(row as Record<string, unknown>);
  if (target.dialect === 'mysql') {
    const set = Object.fromEntries(update.map((column) => [column, sql`values(${sql.ref(column)})`]));
    await insert.onDuplicateKeyUpdate(set as any).execute();
  } else {
    const set = Object.fromEntries(update.map((column) => [column, sql.ref(`excluded.${column}`)]));
    await insert.onConflict((conflict) => conflict.columns([...key]).doUpdateSet(set as any)).execute();
  }
}

/**
 * Inserts `row` unless a row with the same `key` exists; returns whether it inserted. Safe when
 * several writers race: exactly one of them gets `true`. On MySQL a duplicate is detected by its
 * ER_DUP_ENTRY error (a failed statement does not abort a MySQL transaction, unlike PostgreSQL);
 * INSERT IGNORE is avoided because it also silences truncation and NOT NULL errors.
 */
export async function insertIfAbsent<T extends TableName>(
  target: Target,
  table: T,
  row: Insertable<Tables[T]>,
  key: readonly ColumnOf<T>[],
): Promise<boolean> {
  const db = target.db as unknown as Kysely<any>;
  const insert = db.insertInto(table).values(row as Record<string, unknown>);
  if (target.dialect === 'mysql') {
    try {
      await insert.execute();
      return true;
    } catch (error) {
      if ((error as { errno?: unknown }).errno === 1062) return false;
      throw error;
    }
  }
  const [result] = await insert.onConflict((conflict) => conflict.columns([...key]).doNothing()).execute();
  return Number(result?.numInsertedOrUpdatedRows ?? 0) > 0;
}
