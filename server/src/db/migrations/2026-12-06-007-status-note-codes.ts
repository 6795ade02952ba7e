import type { Kysely } from 'kysely';
import { varchar } from './portable.js';

/**
 * Why a status-history entry was written, as a code with its values (JSON `{code, params}`), beside
 * the English `note`, so the web app can say it in the reader's language. Null for entries written
 * before: those keep showing their English note.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('run_transitions').addColumn('note_code', varchar(2000)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('run_transitions').dropColumn('note_code').execute();
}
