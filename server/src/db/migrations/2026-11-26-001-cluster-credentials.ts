import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { longText, varchar } from './portable.js';

/**
 * Credentials for a secured Flink REST endpoint: the kind in clear (so lists can show that a
 * cluster has credentials without opening them) and the credentials sealed with SecretBox.
 * One column per statement: SQLite adds only one column per ALTER TABLE.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema.alterTable('clusters').addColumn('auth_type', varchar(16)).execute();
  await db.schema.alterTable('clusters').addColumn('auth_secret', longText(dialect)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('clusters').dropColumn('auth_secret').execute();
  await db.schema.alterTable('clusters').dropColumn('auth_type').execute();
}
