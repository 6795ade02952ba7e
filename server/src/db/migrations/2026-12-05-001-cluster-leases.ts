import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { ID, INT, TIME, createTable, varchar } from './portable.js';

/**
 * Several Weir instances on one database: the instances alive, and a lease per cluster so each
 * cluster is watched by one of them (see instances/cluster-leases.ts).
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await createTable(db, dialect, 'weir_instances')
    .addColumn('id', varchar(100), (c) => c.notNull())
    .addColumn('started_at', TIME, (c) => c.notNull())
    .addColumn('seen_at', TIME, (c) => c.notNull())
    .addPrimaryKeyConstraint('weir_instances_pk', ['id'])
    .execute();
  await createTable(db, dialect, 'cluster_leases')
    .addColumn('cluster_id', ID, (c) => c.notNull())
    .addColumn('owner', varchar(100))
    .addColumn('fence', INT, (c) => c.notNull())
    .addColumn('expires_at', TIME, (c) => c.notNull())
    .addColumn('acquired_at', TIME, (c) => c.notNull())
    .addPrimaryKeyConstraint('cluster_leases_pk', ['cluster_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('cluster_leases').execute();
  await db.schema.dropTable('weir_instances').execute();
}
