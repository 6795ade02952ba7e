import type { Kysely } from 'kysely';
import { varchar } from './portable.js';

/**
 * A cluster entry is a session cluster (every entry so far) or a YARN target, where Weir deploys each
 * run as a YARN application; rest_url is then the ResourceManager's REST. A YARN target's settings:
 * the Hadoop configuration folder, the queue and the Flink version it ships (null for a session).
 * One column per statement: SQLite adds only one column per ALTER TABLE.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('clusters').addColumn('kind', varchar(16), (c) => c.notNull().defaultTo('session')).execute();
  await db.schema.alterTable('clusters').addColumn('yarn_conf_dir', varchar(1024)).execute();
  await db.schema.alterTable('clusters').addColumn('yarn_queue', varchar(255)).execute();
  await db.schema.alterTable('clusters').addColumn('yarn_flink_version', varchar(32)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('clusters').dropColumn('yarn_flink_version').execute();
  await db.schema.alterTable('clusters').dropColumn('yarn_queue').execute();
  await db.schema.alterTable('clusters').dropColumn('yarn_conf_dir').execute();
  await db.schema.alterTable('clusters').dropColumn('kind').execute();
}
