import type { Kysely } from 'kysely';
import { varchar } from './portable.js';

/**
 * A session cluster entry Weir started on a YARN entry (a Flink YARN session): the YARN entry it runs on,
 * its YARN application, where it stands (STARTING, RUNNING, STOPPING, STOPPED, FAILED) and the resources it
 * was started with (JSON). All null for every other entry. One column per statement: SQLite adds only one
 * column per ALTER TABLE.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('clusters').addColumn('session_yarn_cluster_id', varchar(64)).execute();
  await db.schema.alterTable('clusters').addColumn('session_application_id', varchar(64)).execute();
  await db.schema.alterTable('clusters').addColumn('session_state', varchar(16)).execute();
  await db.schema.alterTable('clusters').addColumn('session_resources', varchar(255)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('clusters').dropColumn('session_resources').execute();
  await db.schema.alterTable('clusters').dropColumn('session_state').execute();
  await db.schema.alterTable('clusters').dropColumn('session_application_id').execute();
  await db.schema.alterTable('clusters').dropColumn('session_yarn_cluster_id').execute();
}
