import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { BOOL, INT, TIME, varchar } from './portable.js';

const COLUMNS = ['latest_flink_job_id', 'latest_end_time', 'latest_duration_ms', 'latest_restart_count', 'latest_lost'] as const;

/**
 * The rest of the latest run's overview facts (Flink job id, end time, recorded duration, restart
 * count, lost flag) copied into `tasks` next to latest_status / latest_start_time, so that sorting
 * 10,000 tasks by any run column reads only `tasks` (it joined runs: p95 54–166 ms). RunsStore keeps
 * them in step in the transaction that changes the run. Existing tasks are filled from their latest run.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('tasks').addColumn('latest_flink_job_id', varchar(32)).execute();
  await db.schema.alterTable('tasks').addColumn('latest_end_time', TIME).execute();
  await db.schema.alterTable('tasks').addColumn('latest_duration_ms', TIME).execute();
  await db.schema.alterTable('tasks').addColumn('latest_restart_count', INT).execute();
  await db.schema.alterTable('tasks').addColumn('latest_lost', BOOL).execute();

  // One statement, a primary-key lookup per task and column: the same on all three engines.
  await db
    .updateTable('tasks')
    .set((eb) => {
      const latest = (column: string) => eb.selectFrom('runs').select(`runs.${column}`).whereRef('runs.id', '=', 'tasks.latest_run_id');
      return {
        latest_flink_job_id: latest('flink_job_id'),
        latest_end_time: latest('end_time'),
        latest_duration_ms: latest('duration_ms'),
        latest_restart_count: latest('restart_count'),
        latest_lost: latest('lost'),
      };
    })
    .where('latest_run_id', 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of COLUMNS) await db.schema.alterTable('tasks').dropColumn(column).execute();
}
