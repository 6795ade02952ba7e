import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { TIME, varchar } from './portable.js';

/** Savepoints Weir disposed of through Flink (status DISPOSED): when, and by whom. */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('savepoints').addColumn('disposed_at', TIME).execute();
  await db.schema.alterTable('savepoints').addColumn('disposed_by', varchar(200)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('savepoints').dropColumn('disposed_by').execute();
  await db.schema.alterTable('savepoints').dropColumn('disposed_at').execute();
}
