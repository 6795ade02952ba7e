import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, MysqlDialect, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { createPool } from 'mysql2';
import pg from 'pg';
import type { Tables } from './tables.js';

export type DialectName = 'sqlite' | 'postgres' | 'mysql';

export interface Database {
  db: Kysely<Tables>;
  dialect: DialectName;
  close(): Promise<void>;
  /**
   * PostgreSQL only: calls `onMessage` with the payload of every NOTIFY on `channel` (a fixed
   * identifier), on a connection of its own that comes back by itself after a loss. Resolves
   * once listening; the returned function stops.
   */
  listen?(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
}

const CONNECT_TIMEOUT_MS = 5_000;
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens the database named by one connection URL and checks that it answers:
 * `sqlite:<path>` / `file:<path>` (embedded), `postgres[ql]://…`, `mysql://…` / `mariadb://…`.
 * Rejects, within about {@link CONNECT_TIMEOUT_MS}, with an Error naming the URL (password masked)
 * and the cause when the scheme is unknown or the server cannot be reached.
 */
export async function openDatabase(url: string): Promise<Database> {
  const dialect = dialectOf(url);
  let database: Database;
  try {
    database =
      dialect === 'sqlite' ? openSqlite(url) : dialect === 'postgres' ? openPostgres(url) : openMysql(url);
  } catch (error) {
    throw connectError(url, error);
  }
  try {
    await withTimeout(sql`select 1`.execute(database.db), CONNECT_TIMEOUT_MS + 1_000);
  } catch (error) {
    await database.close().catch(() => undefined);
    throw connectError(url, error);
  }
  return database;
}

export function dialectOf(url: string): DialectName {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  switch (scheme) {
    case 'sqlite':
    case 'file':
      return 'sqlite';
    case 'postgres':
    case 'postgresql':
      return 'postgres';
    case 'mysql':
    case 'mariadb':
      return 'mysql';
    default:
      throw new Error(
        `Could not open database ${maskUrl(url)}: unsupported scheme ${scheme ? `"${scheme}:"` : '(none)'}; ` +
          'use sqlite:<path>, file:<path>, postgres://…, postgresql://…, mysql://… or mariadb://…',
      );
  }
}

/**
 * The URL with any password replaced by `***`, safe for logs and error messages. The password runs
 * from the first `:` after the user name to the LAST `@` of the authority: operators paste passwords
 * as they are, and one with an unencoded `@` (or `/`) must still be masked whole. Masking too much
 * of an odd URL is harmless; masking too little is not.
 */
export function maskUrl(url: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url)?.[0];
  if (!scheme) return url;
  const rest = url.slice(scheme.length);
  const at = rest.lastIndexOf('@');
  if (at < 0) return url;
  const colon = rest.indexOf(':');
  if (colon < 0 || colon > at) return url;
  return `${scheme}${rest.slice(0, colon + 1)}***${rest.slice(at)}`;
}

/** The password of a connection URL as typed (an unencoded `@` included), to keep out of messages. */
function passwordOf(url: string): string | undefined {
  const masked = maskUrl(url);
  if (masked === url) return undefined;
  const start = masked.indexOf('***');
  return url.slice(start, start + url.length - masked.length + 3);
}

function openSqlite(url: string): Database {
  const file = sqlitePath(url);
  if (file !== ':memory:') {
    mkdirSync(dirname(resolve(file)), { recursive: true, mode: 0o700 });
    // The file holds password hashes and sealed secrets: owner only. SQLite gives its -wal and -shm
    // files the mode of the database file, so creating it 0600 covers them; an older file is tightened.
    closeSync(openSync(file, 'a', 0o600));
    chmodSync(file, 0o600);
  }
  const connection = new BetterSqlite3(file);
  if (file !== ':memory:') connection.pragma('journal_mode = WAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  connection.pragma('synchronous = NORMAL');
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(connection) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew, and preparing is most of a small query's cost in
 * SQLite (a third of the watcher's database time at 10,000 jobs). Weir's queries come
 * from a few hundred builders, so their texts repeat: keep the prepared statements,
 * least recently used dropped first. Safe on one connection: Kysely runs one query at
 * a time on it and reads every result out before the next.
 */
function withStatementCache(connection: BetterSqlite3.Database) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => connection.close(),
    prepare(text: string): BetterSqlite3.Statement {
      let statement = cache.get(text);
      if (statement) {
        cache.delete(text); // re-inserted below: the Map's order is the recency order
      } else {
        statement = connection.prepare(text);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(text, statement);
      return statement;
    },
  };
}

/** The file of an embedded database's URL; undefined for a server database or an in-memory one. */
export function sqliteFileOf(url: string): string | undefined {
  if (dialectOf(url) !== 'sqlite') return undefined;
  const file = sqlitePath(url);
  return file === ':memory:' ? undefined : resolve(file);
}

/** `sqlite:data/weir.db`, `sqlite:///abs/weir.db`, `file:./weir.db`, `sqlite::memory:`. */
function sqlitePath(url: string): string {
  let rest = url.slice(url.indexOf(':') + 1);
  if (rest.startsWith('//')) rest = rest.slice(2);
  rest = decodeURIComponent(rest.split('?')[0] ?? '');
  if (rest === '') throw new Error('the URL names no file');
  return rest;
}

// int8 (count(*), bigint columns) and numeric (sum, avg) arrive as strings by default. Weir's
// bigints are epoch milliseconds and counts, far below 2^53, so numbers are exact. Only this pool's
// clients get these parsers; the global pg.types stays untouched.
const PG_INT8_OID = 20;
const PG_NUMERIC_OID = 1700;
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === PG_INT8_OID || oid === PG_NUMERIC_OID) {
      return (value: string) => (value === null ? null : Number(value));
    }
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

function openPostgres(url: string): Database {
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    types: pgTypes,
    max: 10,
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  const listen = async (channel: string, onMessage: (payload: string) => void) => {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
    let client: pg.PoolClient | undefined;
    let stopped = false;
    const connect = async (): Promise<void> => {
      const next = await pool.connect();
      next.on('notification', (n) => {
        if (n.channel === channel && n.payload !== undefined) onMessage(n.payload);
      });
      // A lost connection listens no more: a new one takes over a second later.
      next.on('error', () => {
        next.release(true);
        if (client === next) client = undefined;
        if (!stopped) setTimeout(() => void reconnect(), 1_000).unref();
      });
      await next.query(`LISTEN ${channel}`);
      client = next;
    };
    const reconnect = () => connect().catch(() => (stopped ? undefined : void setTimeout(() => void reconnect(), 1_000).unref()));
    await connect();
    return async () => {
      stopped = true;
      const held = client;
      client = undefined;
      if (held) {
        await held.query(`UNLISTEN ${channel}`).catch(() => undefined);
        held.release();
      }
    };
  };
  return { db, dialect: 'postgres', close: () => db.destroy(), listen };
}

function openMysql(url: string): Database {
  const parsed = new URL(url.replace(/^mariadb:/i, 'mysql:'));
  const pool = createPool({
    host: decodeURIComponent(parsed.hostname.replace(/^\[|\]$/g, '')),
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)) || undefined,
    connectTimeout: CONNECT_TIMEOUT_MS,
    connectionLimit: 10,
    charset: 'utf8mb4_bin',
    supportBigNumbers: true,
    bigNumberStrings: false,
    decimalNumbers: true,
  });
  const db = new Kysely<Tables>({ dialect: new MysqlDialect({ pool }) });
  return { db, dialect: 'mysql', close: () => db.destroy() };
}

function connectError(url: string, error: unknown): Error {
  if (error instanceof Error && error.message.startsWith(`Could not open database ${maskUrl(url)}`)) return error;
  // A driver that misreads a password with an unencoded `@` names part of it as the host.
  let cause = describeCause(error);
  const password = passwordOf(url);
  for (const part of password ? new Set([password, ...password.split(/[@:/]/)]) : []) {
    if (part.length >= 3) cause = cause.split(part).join('***');
  }
  return new Error(`Could not open database ${maskUrl(url)}: ${cause}`, { cause: error });
}

function describeCause(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.map(describeCause).join('; ');
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const message = error.message || String(code ?? error.name);
    return typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message;
  }
  return String(error);
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
