import type { Kysely } from 'kysely';
import { INT } from './portable.js';

/**
 * Each cluster's push-token generation, mixed into the token's HMAC so one cluster's token can be
 * rotated alone (cluster-push/push-tokens.ts). 0 for every existing cluster: generation 0 derives
 * the token exactly as before, so the tokens already configured on JobManagers keep working.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('clusters').addColumn('push_token_generation', INT, (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('clusters').dropColumn('push_token_generation').execute();
}
