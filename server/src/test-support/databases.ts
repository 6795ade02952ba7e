import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import { sql } from 'kysely';
import { maskUrl, openDatabase, type Database, type DialectName } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/index.js';

export const TEST_PG_URL = process.env.WEIR_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_MYSQL_URL = process.env.WEIR_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

interface Engine {
  dialect: DialectName;
  label: string;
  /** Creates an empty database; returns its URL and how to remove it. */
  create(): Promise<{ url: string; drop(): Promise<void> }>;
}

const ENGINES: Engine[] = [
  {
    dialect: 'sqlite',
    label: 'sqlite',
    async create() {
      const dir = await mkdtemp(join(tmpdir(), 'weir-t-'));
      return { url: `sqlite:${join(dir, 'weir.db')}`, drop: () => rm(dir, { recursive: true, force: true }) };
    },
  },
  serverEngine('postgres', 'postgres', TEST_PG_URL),
  serverEngine('mysql', 'mariadb', TEST_MYSQL_URL),
];

/**
 * Registers one `describe` per supported engine around `cases`, each with its own freshly created
 * and migrated database (dropped afterwards). An unreachable server fails the suite with a message
 * naming the engine and URL; it never skips, so a green run means every engine was exercised.
 */
export function forEachDatabase(name: string, cases: (getDb: () => Database) => void): void {
  for (const engine of ENGINES) {
    describe(`${name} [${engine.label}]`, () => {
      let database: Database | undefined;
      let drop: (() => Promise<void>) | undefined;

      before(async () => {
        const created = await engine.create();
        drop = created.drop;
        database = await openDatabase(created.url);
        await migrateToLatest(database);
      });

      cases(() => {
        if (!database) throw new Error(`The ${engine.label} test database is not open (its before hook failed)`);
        return database;
      });

      // Registered after the cases' own hooks, so it runs after them: node:test runs after-hooks in
      // the order they were registered, and a case's teardown (stopping background work) may still
      // write to the database.
      after(async () => {
        await database?.close();
        await drop?.();
      });
    });
  }
}

/** The engines a test run may pick for its test Weirs with WEIR_TEST_DATABASE, by dialect name. */
export type TestDatabaseChoice = DialectName;

/**
 * The engine WEIR_TEST_DATABASE names (sqlite, postgres or mysql; default sqlite). An unknown name
 * fails loudly rather than falling back, so a phase meant for PostgreSQL never quietly runs on SQLite.
 */
export function testDatabaseChoice(env: NodeJS.ProcessEnv = process.env): TestDatabaseChoice {
  const value = env.WEIR_TEST_DATABASE ?? 'sqlite';
  const engine = ENGINES.find((e) => e.dialect === value);
  if (!engine) throw new Error(`WEIR_TEST_DATABASE=${JSON.stringify(value)} is not one of ${ENGINES.map((e) => e.dialect).join(', ')}`);
  return engine.dialect;
}

/** A fresh, empty database on the chosen engine (a new one on the shared server); returns its URL and how to remove it. */
export function createTestDatabase(choice: TestDatabaseChoice): Promise<{ url: string; drop(): Promise<void> }> {
  const engine = ENGINES.find((e) => e.dialect === choice);
  if (!engine) throw new Error(`No test database engine ${choice}`);
  return engine.create();
}

function serverEngine(dialect: DialectName, label: string, url: string): Engine {
  return {
    dialect,
    label,
    async create() {
      const adminUrl = dialect === 'mysql' ? withDatabase(url, '') : url;
      let admin: Database;
      try {
        admin = await openDatabase(adminUrl);
      } catch (error) {
        const cause = error instanceof Error ? error.message : String(error);
        throw new Error(`${label} test server at ${maskUrl(adminUrl)} is unreachable: ${cause}`, { cause: error });
      }
      const name = `weir_t_${randomBytes(6).toString('hex')}`;
      try {
        await sql
          .raw(
            dialect === 'mysql'
              ? `create database ${name} character set utf8mb4 collate utf8mb4_bin`
              : `create database ${name}`,
          )
          .execute(admin.db);
      } finally {
        await admin.close();
      }
      return {
        url: withDatabase(url, name),
        async drop() {
          const cleanup = await openDatabase(adminUrl);
          try {
            await sql
              .raw(dialect === 'postgres' ? `drop database if exists ${name} with (force)` : `drop database if exists ${name}`)
              .execute(cleanup.db);
          } finally {
            await cleanup.close();
          }
        },
      };
    },
  };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = database ? `/${database}` : '';
  return parsed.toString();
}
