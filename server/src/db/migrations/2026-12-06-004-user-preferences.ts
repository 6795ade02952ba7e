import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { ID, TIME, createTable, varchar } from './portable.js';

/**
 * What each user chose for how Weir looks to them (light or dark, for now), kept on the server so it
 * follows them to every browser. One row per user and preference: setting one never rewrites
 * another, so two tabs changing different preferences cannot undo each other. The value is JSON;
 * the contract's schema reads it back, and a value it no longer accepts counts as never chosen.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await createTable(db, dialect, 'user_preferences')
    .addColumn('user_id', ID, (c) => c.notNull())
    .addColumn('name', varchar(64), (c) => c.notNull())
    .addColumn('value', varchar(1000), (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addPrimaryKeyConstraint('user_preferences_pk', ['user_id', 'name'])
    .addForeignKeyConstraint('user_preferences_user_fk', ['user_id'], 'users', ['id'], (c) => c.onDelete('cascade'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('user_preferences').execute();
}
