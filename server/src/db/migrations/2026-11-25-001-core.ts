import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { BOOL, ID, INT, TIME, createTable, longText, varchar } from './portable.js';

/** Users, sessions, API tokens, audit log, clusters, settings. */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const text = longText(dialect);

  await createTable(db, dialect, 'users')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('username', varchar(128), (c) => c.notNull())
    .addColumn('display_name', varchar(200))
    .addColumn('password_hash', varchar(255), (c) => c.notNull())
    .addColumn('role', varchar(16), (c) => c.notNull())
    .addColumn('failed_logins', INT, (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', TIME)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addColumn('disabled', BOOL, (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('users_username_uq', ['username'])
    .execute();

  await createTable(db, dialect, 'sessions')
    .addColumn('id', varchar(64), (c) => c.primaryKey())
    .addColumn('user_id', ID, (c) => c.notNull())
    .addColumn('csrf_token', varchar(128), (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('expires_at', TIME, (c) => c.notNull())
    .addColumn('last_seen_at', TIME, (c) => c.notNull())
    .addForeignKeyConstraint('sessions_user_fk', ['user_id'], 'users', ['id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('sessions_user_id_idx').on('sessions').column('user_id').execute();
  await db.schema.createIndex('sessions_expires_at_idx').on('sessions').column('expires_at').execute();

  await createTable(db, dialect, 'api_tokens')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('name', varchar(200), (c) => c.notNull())
    .addColumn('token_hash', varchar(64), (c) => c.notNull())
    .addColumn('role', varchar(16), (c) => c.notNull())
    .addColumn('created_by', varchar(128), (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('last_used_at', TIME)
    .addColumn('revoked_at', TIME)
    .addUniqueConstraint('api_tokens_token_hash_uq', ['token_hash'])
    .execute();

  await createTable(db, dialect, 'audit_log')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('at', TIME, (c) => c.notNull())
    .addColumn('actor', varchar(200), (c) => c.notNull())
    .addColumn('actor_kind', varchar(16), (c) => c.notNull())
    .addColumn('action', varchar(64), (c) => c.notNull())
    .addColumn('target_type', varchar(64), (c) => c.notNull())
    .addColumn('target_id', varchar(128))
    .addColumn('target_name', varchar(255))
    .addColumn('outcome', varchar(16), (c) => c.notNull())
    .addColumn('detail', text)
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
  await db.schema
    .createIndex('audit_log_target_idx')
    .on('audit_log')
    .columns(['target_type', 'target_id'])
    .execute();

  await createTable(db, dialect, 'clusters')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('name', varchar(200), (c) => c.notNull())
    .addColumn('rest_url', varchar(1024), (c) => c.notNull())
    .addColumn('gateway_url', varchar(1024))
    .addColumn('history_url', varchar(1024))
    .addColumn('description', text)
    .addColumn('is_local', BOOL, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addColumn('health', varchar(16), (c) => c.notNull())
    .addColumn('flink_version', varchar(64))
    .addColumn('task_managers', INT)
    .addColumn('slots_total', INT)
    .addColumn('slots_available', INT)
    .addColumn('jobs_running', INT)
    .addColumn('last_checked_at', TIME)
    .addColumn('last_healthy_at', TIME)
    .addColumn('last_error', text)
    .addUniqueConstraint('clusters_name_uq', ['name'])
    .execute();

  await createTable(db, dialect, 'settings')
    .addColumn('key', varchar(128), (c) => c.primaryKey())
    .addColumn('value', text, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['settings', 'clusters', 'audit_log', 'api_tokens', 'sessions', 'users']) {
    await db.schema.dropTable(table).execute();
  }
}
