import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { varchar } from './portable.js';

/**
 * Users that a company's identity provider or directory vouches for (OIDC, LDAP) beside Weir's
 * own accounts. Such a user is found again by who the provider says it is (`external_subject`:
 * OIDC's `sub`, LDAP's entry DN), never by username alone, so a provider cannot take over a local
 * account that shares a name.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('auth_source', varchar(16), (c) => c.notNull().defaultTo('local')).execute();
  await db.schema.alterTable('users').addColumn('external_subject', varchar(512)).execute();
  await db.schema.createIndex('users_auth_source_external_subject_uq').on('users').columns(['auth_source', 'external_subject']).unique().execute();
}

export async function down(db: Kysely<any>, dialect?: DialectName): Promise<void> {
  // MySQL names the table of an index to drop; the others refuse the ON clause.
  const drop = db.schema.dropIndex('users_auth_source_external_subject_uq');
  await (dialect === 'mysql' ? drop.on('users') : drop).execute();
  await db.schema.alterTable('users').dropColumn('external_subject').execute();
  await db.schema.alterTable('users').dropColumn('auth_source').execute();
}
