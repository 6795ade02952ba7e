import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { ID, TIME, createTable, longText } from './portable.js';

/** Events relayed between instances on MySQL/MariaDB (PostgreSQL uses LISTEN/NOTIFY; see events/relay-transports.ts). */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await createTable(db, dialect, 'relayed_events')
    .addColumn('id', ID, (c) => c.notNull())
    .addColumn('at', TIME, (c) => c.notNull())
    .addColumn('payload', longText(dialect), (c) => c.notNull())
    .addPrimaryKeyConstraint('relayed_events_pk', ['id'])
    .execute();
  await db.schema.createIndex('relayed_events_at_idx').on('relayed_events').column('at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('relayed_events').execute();
}
