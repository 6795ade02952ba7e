import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { ID, TIME } from './portable.js';

/**
 * API tokens may expire, and each records who made it (a user, or another token), so revoking a
 * token or a user's access can revoke what they made. Existing tokens never expire and have no
 * recorded maker (only the `created_by` name they always had). One column per statement (SQLite).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_tokens').addColumn('expires_at', TIME).execute();
  await db.schema.alterTable('api_tokens').addColumn('created_by_user_id', ID).execute();
  await db.schema.alterTable('api_tokens').addColumn('created_by_token_id', ID).execute();
  await db.schema.createIndex('api_tokens_created_by_user_id_idx').on('api_tokens').column('created_by_user_id').execute();
  await db.schema.createIndex('api_tokens_created_by_token_id_idx').on('api_tokens').column('created_by_token_id').execute();
}

export async function down(db: Kysely<any>, dialect?: DialectName): Promise<void> {
  // MySQL names the table of an index to drop; the others refuse the ON clause.
  for (const index of ['api_tokens_created_by_token_id_idx', 'api_tokens_created_by_user_id_idx']) {
    const drop = db.schema.dropIndex(index);
    await (dialect === 'mysql' ? drop.on('api_tokens') : drop).execute();
  }
  await db.schema.alterTable('api_tokens').dropColumn('created_by_token_id').execute();
  await db.schema.alterTable('api_tokens').dropColumn('created_by_user_id').execute();
  await db.schema.alterTable('api_tokens').dropColumn('expires_at').execute();
}
