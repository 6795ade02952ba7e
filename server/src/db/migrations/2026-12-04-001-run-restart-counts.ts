import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { ID, INT, TIME, createTable, longText, varchar } from './portable.js';

/**
 * When each of a run's restart counts became known, so "restarts within a window" is counted from
 * the same number the run shows (runs.restart_count, which also takes Flink's own counter) and not
 * from the RESTARTING transitions Weir happened to see. Runs that already restarted start with one
 * row at their last update. run_health records whether a score is the one a run ended with, and
 * runs.submission_error why a submission never reached Flink (its job id was never Flink's).
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await createTable(db, dialect, 'run_restart_counts')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('run_id', ID, (c) => c.notNull())
    .addColumn('restart_count', INT, (c) => c.notNull())
    .addColumn('at', TIME, (c) => c.notNull())
    .addForeignKeyConstraint('run_restart_counts_run_fk', ['run_id'], 'runs', ['id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('run_restart_counts_run_at_idx').on('run_restart_counts').columns(['run_id', 'at']).execute();
  // The run's own id is unique and sortable: a fine id for its first count.
  await db
    .insertInto('run_restart_counts')
    .columns(['id', 'run_id', 'restart_count', 'at'])
    .expression((eb) => eb.selectFrom('runs').select(['id', 'id as run_id', 'restart_count', 'updated_at as at']).where('restart_count', '>', 0))
    .execute();

  await db.schema.alterTable('run_health').addColumn('ended_status', varchar(16)).execute();
  await db.schema.alterTable('run_health').addColumn('ended_at', TIME).execute();
  await db.schema.alterTable('runs').addColumn('submission_error', longText(dialect)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('runs').dropColumn('submission_error').execute();
  await db.schema.alterTable('run_health').dropColumn('ended_at').execute();
  await db.schema.alterTable('run_health').dropColumn('ended_status').execute();
  await db.schema.dropTable('run_restart_counts').execute();
}
