import { sql, type ColumnDataType, type CreateTableBuilder, type Expression, type Kysely } from 'kysely';

type DataTypeExpression = ColumnDataType | Expression<unknown>;
import type { DialectName } from '../database.js';

// Column types and table options that mean the same thing on SQLite, PostgreSQL and MySQL.
// See the conventions at the top of ./index.ts.

export const ID: ColumnDataType = 'varchar(32)';
export const TIME: ColumnDataType = 'bigint';
export const INT: ColumnDataType = 'integer';
/** 0/1 */
export const BOOL: ColumnDataType = 'integer';

export function varchar(length: number): DataTypeExpression {
  return `varchar(${length})` as ColumnDataType;
}

/** Unbounded text: MySQL's TEXT stops at 64 KB, so it gets LONGTEXT; `text` elsewhere. */
export function longText(dialect: DialectName): DataTypeExpression {
  return dialect === 'mysql' ? sql`longtext` : 'text';
}

/**
 * CREATE TABLE with InnoDB, utf8mb4 and binary collation on MySQL, so that text equality and
 * uniqueness are case- and accent-sensitive there as they are on SQLite and PostgreSQL.
 */
export function createTable(db: Kysely<any>, dialect: DialectName, name: string): CreateTableBuilder<string, never> {
  const builder = db.schema.createTable(name);
  return dialect === 'mysql'
    ? builder.modifyEnd(sql`engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin`)
    : builder;
}

/** Unbounded bytes (compressed content): BLOB on SQLite, bytea on PostgreSQL, LONGBLOB on MySQL (whose BLOB stops at 64 KB). */
export function bytes(dialect: DialectName): DataTypeExpression {
  return dialect === 'mysql' ? sql`longblob` : dialect === 'postgres' ? sql`bytea` : sql`blob`;
}
