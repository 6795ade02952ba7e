import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * The overview's search finds a task by the Flink id of any of its jobs, not only the latest: the id
 * an alert, a log line or Flink's dashboard named last week. The unique key on (cluster, job id)
 * cannot serve a search that knows no cluster, so the job id gets an index of its own, which turns
 * the search of a job id's first digits into one range read however many runs are kept.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('runs_flink_job_id_idx').on('runs').column('flink_job_id').execute();
}

export async function down(db: Kysely<any>, dialect: DialectName): Promise<void> {
  // MySQL names the table of an index to drop; the others refuse the ON clause.
  const drop = db.schema.dropIndex('runs_flink_job_id_idx');
  await (dialect === 'mysql' ? drop.on('runs') : drop).execute();
}
