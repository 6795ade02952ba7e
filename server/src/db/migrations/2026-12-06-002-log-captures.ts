import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { BOOL, ID, INT, TIME, bytes, createTable, longText, varchar } from './portable.js';

/**
 * Post-mortem evidence: the JobManager and TaskManager log lines Weir kept at the moment a run
 * failed, restarted, missed a checkpoint or lost a TaskManager (or when a user asked), so the run
 * page can show them after the cluster restarted or its logs rolled over.
 *
 * - `log_captures`: one row per capture. `(run_id, trigger_key)` is unique: the key names the
 *   event (its kind and time), so an event is captured once however many instances hear of it.
 * - `log_capture_parts`: one row per file read (a JobManager log excerpt, a TaskManager's log or
 *   stdout tail, a thread dump), its text gzip-compressed in `content`; a part that could not be
 *   read keeps its reason instead. `run_id` is repeated so a run's stored size is one indexed sum.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await createTable(db, dialect, 'log_captures')
    .addColumn('id', ID, (c) => c.notNull())
    .addColumn('run_id', ID, (c) => c.notNull())
    .addColumn('trigger', varchar(32), (c) => c.notNull())
    .addColumn('trigger_key', varchar(200), (c) => c.notNull())
    .addColumn('trigger_at', TIME, (c) => c.notNull())
    .addColumn('detail', longText(dialect))
    .addColumn('requested_by', varchar(200))
    .addColumn('status', varchar(16), (c) => c.notNull())
    .addColumn('failure', longText(dialect))
    .addColumn('text_bytes', TIME, (c) => c.notNull())
    .addColumn('stored_bytes', TIME, (c) => c.notNull())
    .addColumn('truncated', BOOL, (c) => c.notNull())
    .addColumn('duration_ms', TIME)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('completed_at', TIME)
    .addPrimaryKeyConstraint('log_captures_pk', ['id'])
    .addUniqueConstraint('log_captures_run_id_trigger_key_uq', ['run_id', 'trigger_key'])
    .addForeignKeyConstraint('log_captures_run_fk', ['run_id'], 'runs', ['id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('log_captures_created_at_idx').on('log_captures').column('created_at').execute();

  await createTable(db, dialect, 'log_capture_parts')
    .addColumn('capture_id', ID, (c) => c.notNull())
    .addColumn('seq', INT, (c) => c.notNull())
    .addColumn('run_id', ID, (c) => c.notNull())
    .addColumn('component', varchar(16), (c) => c.notNull())
    .addColumn('tm_id', varchar(200))
    .addColumn('kind', varchar(16), (c) => c.notNull())
    .addColumn('selection', varchar(32), (c) => c.notNull())
    .addColumn('status', varchar(16), (c) => c.notNull())
    .addColumn('failure', longText(dialect))
    .addColumn('source_bytes', TIME)
    .addColumn('text_bytes', TIME, (c) => c.notNull())
    .addColumn('stored_bytes', TIME, (c) => c.notNull())
    .addColumn('truncated', BOOL, (c) => c.notNull())
    .addColumn('content', bytes(dialect))
    .addPrimaryKeyConstraint('log_capture_parts_pk', ['capture_id', 'seq'])
    .addForeignKeyConstraint('log_capture_parts_capture_fk', ['capture_id'], 'log_captures', ['id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('log_capture_parts_run_id_idx').on('log_capture_parts').column('run_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('log_capture_parts').execute();
  await db.schema.dropTable('log_captures').execute();
}
