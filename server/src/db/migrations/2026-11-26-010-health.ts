import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { ID, INT, TIME, createTable, longText, varchar } from './portable.js';

/**
 * Job health: a run restarted automatically points to the failed run it replaced; per-task health
 * settings (auto-restart policy, check thresholds) and auto-restart state; one row per automatic
 * restart attempt (unique per failed run, so two instances never restart one failure twice); the
 * health check results as a log of state changes; and each run's latest score for the overview.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const text = longText(dialect);

  await db.schema.alterTable('runs').addColumn('restarted_from_run_id', ID).execute();

  await createTable(db, dialect, 'task_health')
    .addColumn('task_id', ID, (c) => c.primaryKey())
    // JSON AutoRestartPolicy / HealthCheckSettings; null means the defaults.
    .addColumn('auto_restart', text)
    .addColumn('checks', text)
    .addColumn('auto_restart_state', varchar(16), (c) => c.notNull())
    .addColumn('auto_restart_reason', text)
    .addColumn('auto_restart_state_at', TIME)
    .addColumn('updated_by', varchar(200), (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addForeignKeyConstraint('task_health_task_fk', ['task_id'], 'tasks', ['id'], (c) => c.onDelete('cascade'))
    .execute();

  await createTable(db, dialect, 'auto_restart_attempts')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('task_id', ID, (c) => c.notNull())
    .addColumn('failed_run_id', ID, (c) => c.notNull())
    .addColumn('new_run_id', ID)
    .addColumn('attempt', INT, (c) => c.notNull())
    .addColumn('state', varchar(16), (c) => c.notNull())
    .addColumn('due_at', TIME, (c) => c.notNull())
    .addColumn('claimed_at', TIME)
    .addColumn('restored_from', text)
    .addColumn('error', text)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addUniqueConstraint('auto_restart_attempts_failed_run_uq', ['failed_run_id'])
    .addForeignKeyConstraint('auto_restart_attempts_task_fk', ['task_id'], 'tasks', ['id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('auto_restart_attempts_task_idx').on('auto_restart_attempts').columns(['task_id', 'created_at']).execute();
  await db.schema.createIndex('auto_restart_attempts_state_idx').on('auto_restart_attempts').columns(['state', 'due_at']).execute();

  await createTable(db, dialect, 'health_check_results')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('run_id', ID, (c) => c.notNull())
    .addColumn('check_name', varchar(32), (c) => c.notNull())
    .addColumn('state', varchar(16), (c) => c.notNull())
    .addColumn('detail', text, (c) => c.notNull())
    .addColumn('at', TIME, (c) => c.notNull())
    .addForeignKeyConstraint('health_check_results_run_fk', ['run_id'], 'runs', ['id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('health_check_results_run_at_idx').on('health_check_results').columns(['run_id', 'at']).execute();

  await createTable(db, dialect, 'run_health')
    .addColumn('run_id', ID, (c) => c.primaryKey())
    .addColumn('task_id', ID, (c) => c.notNull())
    .addColumn('score', INT, (c) => c.notNull())
    .addColumn('reasons', text, (c) => c.notNull())
    .addColumn('evaluated_at', TIME, (c) => c.notNull())
    .addForeignKeyConstraint('run_health_run_fk', ['run_id'], 'runs', ['id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('run_health_score_idx').on('run_health').column('score').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['run_health', 'health_check_results', 'auto_restart_attempts', 'task_health']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('runs').dropColumn('restarted_from_run_id').execute();
}
