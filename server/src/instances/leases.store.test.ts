import assert from 'node:assert/strict';
import { it } from 'node:test';
import { inTransaction } from '../db/transactions.js';
import { LeaseLostError } from '../errors/errors.js';
import { forEachDatabase } from '../test-support/databases.js';
import { LeasesStore } from './leases.store.js';

const T0 = 1_700_000_000_000;
const TTL = 6_000;

forEachDatabase('cluster leases', (getDb) => {
  it('one owner at a time; a lease is taken over only once it expired or was given up, and the fence grows each time', async () => {
    const store = new LeasesStore(getDb());
    assert.equal(await store.acquire('c1', 'a', T0, TTL), 1);
    assert.equal(await store.acquire('c1', 'b', T0 + 1000, TTL), null, 'held by a');
    assert.equal(await store.acquire('c1', 'b', T0 + TTL, TTL), 2, 'expired: b takes it');
    await store.release('b', ['c1']);
    assert.equal(await store.acquire('c1', 'a', T0 + TTL + 1, TTL), 3, 'given up: a takes it back at once');
  });

  it('renewal keeps only leases that have not expired: a paused owner does not revive one', async () => {
    const store = new LeasesStore(getDb());
    await store.acquire('c2', 'a', T0, TTL);
    await store.renewAll('a', T0 + 5_000, TTL);
    assert.equal((await store.leases()).find((l) => l.clusterId === 'c2')?.expiresAt, T0 + 5_000 + TTL);
    await store.renewAll('a', T0 + 5_000 + TTL + 1, TTL);
    assert.equal((await store.leases()).find((l) => l.clusterId === 'c2')?.expiresAt, T0 + 5_000 + TTL, 'an expired lease stays expired');
  });

  it('a write under a lost lease is refused inside its transaction, and writes nothing', async () => {
    const database = getDb();
    const store = new LeasesStore(database);
    const fence = (await store.acquire('c3', 'a', T0, TTL))!;
    await inTransaction(database.db, (trx) => store.assertHeld(trx, { clusterId: 'c3', owner: 'a', fence }));
    assert.equal(await store.acquire('c3', 'b', T0 + TTL, TTL), fence + 1, 'b took it over while a was paused');
    await assert.rejects(
      inTransaction(database.db, async (trx) => {
        await store.assertHeld(trx, { clusterId: 'c3', owner: 'a', fence });
        await trx.insertInto('weir_instances').values({ id: 'written-by-a', started_at: T0, seen_at: T0 }).execute();
      }),
      (err) => err instanceof LeaseLostError && /no longer holds cluster c3 \(fence 1\)/.test(err.message),
    );
    const written = await database.db.selectFrom('weir_instances').select('id').where('id', '=', 'written-by-a').execute();
    assert.deepEqual(written, [], 'nothing of the refused write');
  });
});
