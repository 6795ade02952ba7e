import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { BOOL, ID, INT, TIME, createTable, longText, varchar } from './portable.js';

/** Tasks and their versions, runs with their transitions, snapshots and savepoints. */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const text = longText(dialect);

  // latest_run_id / latest_status / latest_start_time duplicate the task's latest run so the
  // overview can filter and count 10,000 tasks without joining runs. RunsStore keeps them in step.
  await createTable(db, dialect, 'tasks')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('name', varchar(200), (c) => c.notNull())
    .addColumn('kind', varchar(16), (c) => c.notNull())
    .addColumn('lifecycle', varchar(16), (c) => c.notNull())
    .addColumn('execution_mode', varchar(16), (c) => c.notNull())
    .addColumn('cluster_id', ID, (c) => c.notNull())
    .addColumn('owner', varchar(128))
    .addColumn('description', text)
    .addColumn('draft_content', text, (c) => c.notNull())
    .addColumn('draft_config', text, (c) => c.notNull())
    .addColumn('current_version_id', ID)
    .addColumn('latest_run_id', ID)
    .addColumn('latest_status', varchar(16))
    .addColumn('latest_start_time', TIME)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addUniqueConstraint('tasks_name_uq', ['name'])
    .execute();
  await db.schema.createIndex('tasks_latest_status_idx').on('tasks').column('latest_status').execute();
  await db.schema.createIndex('tasks_lifecycle_idx').on('tasks').column('lifecycle').execute();
  await db.schema.createIndex('tasks_cluster_id_idx').on('tasks').column('cluster_id').execute();
  await db.schema.createIndex('tasks_execution_mode_idx').on('tasks').column('execution_mode').execute();
  // Name search and sort use the index behind tasks_name_uq.

  await createTable(db, dialect, 'task_versions')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('task_id', ID, (c) => c.notNull())
    .addColumn('version', INT, (c) => c.notNull())
    .addColumn('content', text, (c) => c.notNull())
    .addColumn('config', text, (c) => c.notNull())
    .addColumn('lineage', text)
    .addColumn('created_by', varchar(128), (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('note', text)
    .addUniqueConstraint('task_versions_task_version_uq', ['task_id', 'version'])
    .addForeignKeyConstraint('task_versions_task_fk', ['task_id'], 'tasks', ['id'], (c) => c.onDelete('cascade'))
    .execute();

  // No foreign key to clusters: a finished run stays viewable after its cluster is removed.
  await createTable(db, dialect, 'runs')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('task_id', ID, (c) => c.notNull())
    .addColumn('cluster_id', ID, (c) => c.notNull())
    .addColumn('flink_job_id', varchar(32), (c) => c.notNull())
    .addColumn('job_name', varchar(512), (c) => c.notNull())
    .addColumn('status', varchar(16), (c) => c.notNull())
    .addColumn('execution_mode', varchar(16), (c) => c.notNull())
    .addColumn('version_id', ID)
    .addColumn('start_time', TIME)
    .addColumn('end_time', TIME)
    .addColumn('duration_ms', TIME)
    .addColumn('restart_count', INT, (c) => c.notNull().defaultTo(0))
    .addColumn('last_modification', TIME)
    .addColumn('lost', BOOL, (c) => c.notNull().defaultTo(0))
    .addColumn('lost_evidence', text)
    .addColumn('unreachable_since', TIME)
    .addColumn('failed_probes', INT, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addUniqueConstraint('runs_cluster_job_uq', ['cluster_id', 'flink_job_id'])
    .addForeignKeyConstraint('runs_task_fk', ['task_id'], 'tasks', ['id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('runs_task_start_idx').on('runs').columns(['task_id', 'start_time']).execute();
  await db.schema.createIndex('runs_status_idx').on('runs').column('status').execute();

  await createTable(db, dialect, 'run_transitions')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('run_id', ID, (c) => c.notNull())
    .addColumn('seq', INT, (c) => c.notNull())
    .addColumn('from_status', varchar(16))
    .addColumn('to_status', varchar(16), (c) => c.notNull())
    .addColumn('at', TIME, (c) => c.notNull())
    .addColumn('source', varchar(16), (c) => c.notNull())
    .addColumn('note', text)
    .addUniqueConstraint('run_transitions_run_seq_uq', ['run_id', 'seq'])
    .addForeignKeyConstraint('run_transitions_run_fk', ['run_id'], 'runs', ['id'], (c) => c.onDelete('cascade'))
    .execute();

  await createTable(db, dialect, 'run_snapshots')
    .addColumn('run_id', ID, (c) => c.notNull())
    .addColumn('kind', varchar(32), (c) => c.notNull())
    .addColumn('body', text, (c) => c.notNull())
    .addColumn('captured_at', TIME, (c) => c.notNull())
    .addPrimaryKeyConstraint('run_snapshots_pk', ['run_id', 'kind'])
    .addForeignKeyConstraint('run_snapshots_run_fk', ['run_id'], 'runs', ['id'], (c) => c.onDelete('cascade'))
    .execute();

  // path is null while a savepoint is PENDING: Flink names it only on completion.
  await createTable(db, dialect, 'savepoints')
    .addColumn('id', ID, (c) => c.primaryKey())
    .addColumn('run_id', ID, (c) => c.notNull())
    .addColumn('task_id', ID, (c) => c.notNull())
    .addColumn('path', text)
    .addColumn('kind', varchar(32), (c) => c.notNull())
    .addColumn('trigger_id', varchar(64))
    .addColumn('status', varchar(16), (c) => c.notNull())
    .addColumn('failure', text)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('completed_at', TIME)
    .addForeignKeyConstraint('savepoints_run_fk', ['run_id'], 'runs', ['id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('savepoints_run_idx').on('savepoints').columns(['run_id', 'created_at']).execute();
  await db.schema.createIndex('savepoints_task_idx').on('savepoints').columns(['task_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['savepoints', 'run_snapshots', 'run_transitions', 'runs', 'task_versions', 'tasks']) {
    await db.schema.dropTable(table).execute();
  }
}
