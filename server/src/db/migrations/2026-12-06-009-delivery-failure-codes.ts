import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { longText } from './portable.js';

/**
 * Why a delivery attempt failed, as a code with its values (JSON `{code, params}`), beside the
 * sender's own `error` text, so the web app can say it in the reader's language. Null for attempts
 * recorded before, for sent ones and for canceled or held-back ones: those show `error` as it is.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema.alterTable('alert_deliveries').addColumn('error_code', longText(dialect)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('alert_deliveries').dropColumn('error_code').execute();
}
