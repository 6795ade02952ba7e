import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * A run's page asks which run restarted it (`restarted_from_run_id = ?`): without an index that read
 * every run Weir keeps, 150–440 ms per page at 1,000,000 runs on SQLite, and on SQLite the server
 * answers nothing else meanwhile.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('runs_restarted_from_idx').on('runs').column('restarted_from_run_id').execute();
}

export async function down(db: Kysely<any>, dialect: DialectName): Promise<void> {
  // MySQL names the table of an index to drop; the others refuse the ON clause.
  const drop = db.schema.dropIndex('runs_restarted_from_idx');
  await (dialect === 'mysql' ? drop.on('runs') : drop).execute();
}
