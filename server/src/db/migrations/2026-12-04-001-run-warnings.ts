import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { ID, TIME, createTable, longText, varchar } from './portable.js';

/**
 * What the watcher could not read about a run's job (one detail Flink answered oddly: not JSON,
 * a field missing, an error), one row per detail, so that the run says what it lacks and why
 * instead of one odd answer blinding the watcher or passing unnoticed.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await createTable(db, dialect, 'run_warnings')
    .addColumn('run_id', ID, (c) => c.notNull())
    .addColumn('detail', varchar(32), (c) => c.notNull())
    .addColumn('message', longText(dialect), (c) => c.notNull())
    .addColumn('at', TIME, (c) => c.notNull())
    .addPrimaryKeyConstraint('run_warnings_pk', ['run_id', 'detail'])
    .addForeignKeyConstraint('run_warnings_run_fk', ['run_id'], 'runs', ['id'], (c) => c.onDelete('cascade'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('run_warnings').execute();
}
