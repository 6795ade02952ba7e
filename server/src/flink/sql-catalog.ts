import { z } from 'zod';
import { FlinkRejectedError } from '../errors/errors.js';
import type { SqlGatewayClient } from './sql-gateway.client.js';

// Reads what a SQL Gateway session can see (catalogs, databases, tables, views, functions, and
// each table's columns and connector options) through SHOW and DESCRIBE, and turns Flink's answer
// rows into Weir's own shapes. Checked against Flink 1.20: `SHOW VIEWS` takes no FROM clause, so
// each database is made current with USE before its views are listed.

export interface CatalogColumn {
  name: string;
  type: string;
  nullable: boolean;
  /** e.g. "PRI(id)". */
  key: string | null;
  /** e.g. "METADATA FROM 'timestamp'". */
  extras: string | null;
  watermark: string | null;
}

export interface CatalogTable {
  name: string;
  kind: 'TABLE' | 'VIEW';
  columns: CatalogColumn[];
  /** The WITH (…) options of a table, as SHOW CREATE TABLE prints them; none for a view. */
  options: Record<string, string>;
}

export interface CatalogDatabase {
  name: string;
  tables: CatalogTable[];
  /** User-defined functions registered in the database. */
  functions: string[];
}

export interface CatalogListing {
  currentCatalog: string;
  currentDatabase: string;
  catalogs: { name: string; databases: CatalogDatabase[] }[];
  /** Set when a limit cut the listing short. */
  truncated: boolean;
}

export interface CatalogLimits {
  maxCatalogs: number;
  maxDatabases: number;
  /** Tables described in all (each costs two statements). */
  maxTables: number;
  timeoutMs: number;
}

const Name = z.string().min(1).max(1024);
const NameRow = z.tuple([Name]).rest(z.unknown());
const DescribeRow = z.tuple([Name, z.string(), z.boolean().nullable(), z.string().nullable(), z.string().nullable(), z.string().nullable()]).rest(z.unknown());

/** `name` as a quoted Flink identifier. */
export function quoteIdentifier(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

/** Everything the session sees, within the limits; the session's current catalog and database are restored after. */
export async function readCatalogs(gateway: SqlGatewayClient, session: string, limits: CatalogLimits): Promise<CatalogListing> {
  const run = async (statement: string) => (await gateway.execute(session, statement, { timeoutMs: limits.timeoutMs })).rows;
  const names = async (statement: string) => (await run(statement)).map((row) => NameRow.parse(row)[0]);
  const currentCatalog = (await names('SHOW CURRENT CATALOG'))[0] ?? 'default_catalog';
  const currentDatabase = (await names('SHOW CURRENT DATABASE'))[0] ?? 'default_database';
  const listing: CatalogListing = { currentCatalog, currentDatabase, catalogs: [], truncated: false };
  let tablesLeft = limits.maxTables;
  let databasesLeft = limits.maxDatabases;

  const catalogs = sortCurrentFirst(await names('SHOW CATALOGS'), currentCatalog);
  if (catalogs.length > limits.maxCatalogs) listing.truncated = true;
  try {
    for (const catalog of catalogs.slice(0, limits.maxCatalogs)) {
      await run(`USE CATALOG ${quoteIdentifier(catalog)}`);
      const databases = sortCurrentFirst(await names('SHOW DATABASES'), catalog === currentCatalog ? currentDatabase : '');
      const entry: { name: string; databases: CatalogDatabase[] } = { name: catalog, databases: [] };
      listing.catalogs.push(entry);
      for (const database of databases) {
        if (databasesLeft <= 0) {
          listing.truncated = true;
          break;
        }
        databasesLeft -= 1;
        const path = `${quoteIdentifier(catalog)}.${quoteIdentifier(database)}`;
        await run(`USE ${path}`);
        const views = new Set(await names('SHOW VIEWS'));
        const tableNames = await names('SHOW TABLES');
        const functions = await names('SHOW USER FUNCTIONS').catch(rejectedAsNone);
        const tables: CatalogTable[] = [];
        for (const name of tableNames) {
          const kind = views.has(name) ? 'VIEW' : 'TABLE';
          if (tablesLeft <= 0) {
            listing.truncated = true;
            tables.push({ name, kind, columns: [], options: {} });
            continue;
          }
          tablesLeft -= 1;
          const qualified = `${path}.${quoteIdentifier(name)}`;
          const columns = (await run(`DESCRIBE ${qualified}`).catch(rejectedAsNone)).map(columnOf);
          const options = kind === 'TABLE' ? optionsOfCreateTable(String((await run(`SHOW CREATE TABLE ${qualified}`).catch(rejectedAsNone))[0]?.[0] ?? '')) : {};
          tables.push({ name, kind, columns, options });
        }
        entry.databases.push({ name: database, tables, functions });
      }
    }
  } finally {
    await run(`USE ${quoteIdentifier(currentCatalog)}.${quoteIdentifier(currentDatabase)}`).catch(() => undefined);
  }
  return listing;
}

function columnOf(row: unknown[]): CatalogColumn {
  const [name, type, nullable, key, extras, watermark] = DescribeRow.parse(row);
  return { name, type, nullable: nullable ?? true, key, extras, watermark };
}

/** A table Flink cannot describe (a connector missing from the cluster) is listed without details rather than failing the listing. */
function rejectedAsNone(err: unknown): never[] {
  if (err instanceof FlinkRejectedError) return [];
  throw err;
}

function sortCurrentFirst(names: string[], current: string): string[] {
  return [...names].sort((a, b) => (a === current ? -1 : b === current ? 1 : a.localeCompare(b)));
}

/**
 * The `'key' = 'value'` pairs of the WITH clause that SHOW CREATE TABLE prints last (a doubled quote
 * is a quote inside a literal). Nothing before `WITH (` is read, so a column comment cannot pose as an option.
 */
export function optionsOfCreateTable(ddl: string): Record<string, string> {
  const withAt = ddl.search(/\)\s*WITH\s*\(\s*'/);
  if (withAt < 0) return {};
  const options: Record<string, string> = {};
  for (const m of ddl.slice(withAt).matchAll(/'((?:[^']|'')*)'\s*=\s*'((?:[^']|'')*)'/g)) {
    options[m[1]!.replace(/''/g, "'")] = m[2]!.replace(/''/g, "'");
  }
  return options;
}
