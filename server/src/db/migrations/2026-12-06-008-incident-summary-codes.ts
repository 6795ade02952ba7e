import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { longText } from './portable.js';

/**
 * An incident's summary as a code with its values (JSON `{code, params}`), beside the English
 * summary its alerts were sent with, so the web app can say it in the reader's language. Unbounded
 * like the facts: its values quote Flink's failure reasons and health-check details as they are.
 * Null for incidents opened before: those keep showing their English summary.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema.alterTable('alert_incidents').addColumn('summary_code', longText(dialect)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('alert_incidents').dropColumn('summary_code').execute();
}
