import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { longText } from './portable.js';

/**
 * Why a notice was canceled or held back, as a code with its values (JSON `{code, params}`), beside
 * its English `error` line, so the web app can say it in the reader's language. Null for notices
 * that were sent or failed, and for ones recorded before: those show `error` as it is.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema.alterTable('alert_deliveries').addColumn('skip_reason', longText(dialect)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('alert_deliveries').dropColumn('skip_reason').execute();
}
