import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { forEachDatabase } from '../test-support/databases.js';
import { maskUrl, openDatabase } from './database.js';
import { idTime, newId } from './ids.js';
import { migrateDown, MIGRATION_NAMES, migrateToLatest } from './migrations/index.js';

describe('openDatabase', () => {
  it('rejects an unknown scheme, naming the URL without its password', async () => {
    await assert.rejects(openDatabase('redis://u:hunter2@host/0'), (error: Error) => {
      assert.match(error.message, /redis:\/\/u:\*\*\*@host\/0/);
      assert.match(error.message, /unsupported scheme/);
      assert.doesNotMatch(error.message, /hunter2/);
      return true;
    });
  });

  for (const url of ['postgres://postgres:hunter2@127.0.0.1:1/x', 'mysql://root:hunter2@127.0.0.1:1/x']) {
    it(`rejects quickly when ${url.split(':')[0]} is unreachable, naming URL and cause`, async () => {
      const started = Date.now();
      await assert.rejects(openDatabase(url), (error: Error) => {
        assert.ok(error.message.includes(maskUrl(url)), error.message);
        assert.match(error.message, /ECONNREFUSED/);
        assert.doesNotMatch(error.message, /hunter2/);
        return true;
      });
      assert.ok(Date.now() - started < 6_000);
    });
  }

  // An operator pastes a password as it is; an unencoded `@` in it must not leave half of it in the message.
  for (const url of ['postgres://weir:hunt@er2@127.0.0.1:1/x', 'mysql://weir:hunt@er2@127.0.0.1:1/x', 'redis://weir:hunt@er2@host/0']) {
    it(`masks the whole password of ${url.split(':')[0]} when it holds an unencoded @`, async () => {
      assert.equal(maskUrl(url), url.replace('hunt@er2', '***'));
      await assert.rejects(openDatabase(url), (error: Error) => {
        assert.doesNotMatch(error.message, /hunt|er2/, error.message);
        return true;
      });
    });
  }

  it('creates an embedded database file that only its owner can read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'weir-db-'));
    try {
      const file = join(dir, 'weir.db');
      const database = await openDatabase(`sqlite:${file}`);
      await sql`create table t (x integer)`.execute(database.db);
      for (const name of ['weir.db', 'weir.db-wal', 'weir.db-shm']) {
        assert.equal((await stat(join(dir, name))).mode & 0o777, 0o600, name);
      }
      await database.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('opens an embedded file with WAL and foreign keys on', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'weir-db-'));
    try {
      const database = await openDatabase(`file:${join(dir, 'nested', 'weir.db')}`);
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(database.db);
      const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(database.db);
      assert.equal(journal.rows[0]?.journal_mode, 'wal');
      assert.equal(fk.rows[0]?.foreign_keys, 1);
      await database.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('newId', () => {
  it('is 26 sortable characters that carry their time', () => {
    const ids = Array.from({ length: 1000 }, () => newId(1_800_000_000_000));
    assert.ok(ids.every((id) => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id)));
    assert.deepEqual([...ids].sort(), ids, 'ids made in one millisecond still increase');
    assert.equal(idTime(ids[0] ?? ''), 1_800_000_000_000);
    assert.ok(newId(1_800_000_000_001) > (ids.at(-1) ?? ''));
  });
});

forEachDatabase('migrations', (getDb) => {
  it('are already applied, so a second run applies nothing', async () => {
    assert.deepEqual(await migrateToLatest(getDb()), []);
  });

  it('refuse to run on a database a newer Weir migrated, naming what it does not know', async () => {
    const db = getDb().db as unknown as Kysely<any>;
    const future = '2099-01-01-001-from-a-newer-weir';
    await db.insertInto('kysely_migration').values({ name: future, timestamp: new Date().toISOString() }).execute();
    try {
      await assert.rejects(migrateToLatest(getDb()), new RegExp(`upgraded by a newer Weir \\(it has migration ${future},`));
    } finally {
      await db.deleteFrom('kysely_migration').where('name', '=', future).execute();
    }
    assert.deepEqual(await migrateToLatest(getDb()), [], 'runs again once the newer migration is gone');
  });

  it('revert one by one, newest first, and re-apply cleanly', async () => {
    const reverted: string[] = [];
    for (let step = 0; step < MIGRATION_NAMES.length; step += 1) reverted.push(...(await migrateDown(getDb())));
    assert.deepEqual(reverted, [...MIGRATION_NAMES].reverse());
    assert.deepEqual(await migrateToLatest(getDb()), [...MIGRATION_NAMES]);
  });

  it('parse bigint columns, counts and sums as numbers', async () => {
    const database = getDb();
    const at = 8_000_000_000_000; // beyond 32 bits
    for (const name of ['a', 'b']) {
      await database.db
        .insertInto('clusters')
        .values({ id: newId(), name, rest_url: 'http://x', is_local: 0, created_at: at, updated_at: at, health: 'UNKNOWN' })
        .execute();
    }
    const row = await database.db
      .selectFrom('clusters')
      .select((eb) => ['created_at', eb.fn.countAll().as('count'), eb.fn.sum('created_at').as('total')])
      .groupBy('created_at')
      .executeTakeFirstOrThrow();
    assert.equal(row.created_at, at);
    assert.equal(row.count, 2);
    assert.equal(row.total, 2 * at);
  });
});
