import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { ID, INT, TIME, createTable, varchar } from './portable.js';

/**
 * Savepoint schedules and retention per task (savepoints/), apart from the task's versioned job
 * configuration: changing when savepoints are taken is not a new version of the job. And who took
 * each savepoint: a user, a token or the schedule.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema.alterTable('savepoints').addColumn('taken_by', varchar(200)).execute();
  await createTable(db, dialect, 'task_savepoint_policies')
    .addColumn('task_id', ID, (c) => c.primaryKey())
    .addColumn('schedule_interval_ms', TIME)
    .addColumn('schedule_cron', varchar(120))
    .addColumn('keep_last', INT)
    .addColumn('keep_for_ms', TIME)
    // The schedule's last slot, taken or skipped (the job was not running): the next is due from there.
    .addColumn('last_slot_at', TIME)
    .addColumn('last_retention_at', TIME)
    .addColumn('updated_by', varchar(200), (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addForeignKeyConstraint('task_savepoint_policies_task_fk', ['task_id'], 'tasks', ['id'], (c) => c.onDelete('cascade'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('task_savepoint_policies').execute();
  await db.schema.alterTable('savepoints').dropColumn('taken_by').execute();
}
