import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { ID, TIME, createTable, longText, varchar } from './portable.js';

/**
 * Key metrics of runs: which series a user chose to keep for a run, and the sampled points.
 * Points are keyed by (run, series, at) with `at` on the sampler's tick grid, so a repeated or
 * concurrent tick writes the same row instead of a duplicate.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await createTable(db, dialect, 'metric_selections')
    .addColumn('run_id', ID, (c) => c.primaryKey())
    // JSON array of series keys (vertex:<id>:<metric>, job:<metric>, tm:<id>:<metric>).
    .addColumn('series', longText(dialect), (c) => c.notNull())
    .addColumn('updated_by', varchar(200), (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addForeignKeyConstraint('metric_selections_run_fk', ['run_id'], 'runs', ['id'], (fk) => fk.onDelete('cascade'))
    .execute();

  await createTable(db, dialect, 'metric_samples')
    .addColumn('run_id', ID, (c) => c.notNull())
    .addColumn('series', varchar(200), (c) => c.notNull())
    .addColumn('at', TIME, (c) => c.notNull())
    .addColumn('value', sql`double precision`, (c) => c.notNull())
    .addPrimaryKeyConstraint('metric_samples_pk', ['run_id', 'series', 'at'])
    .addForeignKeyConstraint('metric_samples_run_fk', ['run_id'], 'runs', ['id'], (fk) => fk.onDelete('cascade'))
    .execute();
  // Range reads use the primary key (run, series, at); the retention delete uses this one.
  await db.schema.createIndex('metric_samples_at_idx').on('metric_samples').column('at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('metric_samples').execute();
  await db.schema.dropTable('metric_selections').execute();
}
