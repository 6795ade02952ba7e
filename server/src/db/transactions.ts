import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import type { Tables } from './tables.js';

/**
 * Runs `work` in a transaction, or inside the caller's transaction when `db` already is one
 * (Kysely cannot nest them). Stores use it for writes that must agree.
 */
export function inTransaction<T>(db: Kysely<Tables>, work: (trx: Kysely<Tables>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/**
 * Runs `work` with a Database bound to one transaction, so a service can build several stores on
 * it (`new RunsStore(trxDatabase)`) and have their writes commit or roll back together.
 */
export function withTransaction<T>(database: Database, work: (trxDatabase: Database) => Promise<T>): Promise<T> {
  return inTransaction(database.db, (trx) =>
    work({
      db: trx,
      dialect: database.dialect,
      close: () => Promise.reject(new Error('A transaction-bound Database cannot be closed')),
    }),
  );
}
