import type { Kysely } from 'kysely';
import { varchar } from './portable.js';

/**
 * What a health check found, as a code with its values (JSON `{code, params}`), beside the English
 * `detail`, so the web app can say it in the reader's language. Null for results recorded before:
 * those keep showing their English detail.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('health_check_results').addColumn('finding', varchar(1000)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('health_check_results').dropColumn('finding').execute();
}
