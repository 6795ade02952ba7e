import type { Kysely } from 'kysely';
import { varchar } from './portable.js';

/**
 * Where a run deployed as a YARN application runs: the application id YARN gave it and the address of
 * its own JobManager, which every read and operation of the run then speaks to (a session run has
 * neither: its JobManager is its cluster entry's). The JobManager address moves when YARN restarts the
 * ApplicationMaster, so it is a column the watcher updates, not part of the cluster entry.
 * One column per statement: SQLite adds only one column per ALTER TABLE.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('runs').addColumn('yarn_application_id', varchar(64)).execute();
  await db.schema.alterTable('runs').addColumn('job_manager_url', varchar(1024)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('runs').dropColumn('job_manager_url').execute();
  await db.schema.alterTable('runs').dropColumn('yarn_application_id').execute();
}
