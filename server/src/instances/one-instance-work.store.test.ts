import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDatabase } from '../test-support/databases.js';
import { ClusterLeases, ONE_INSTANCE_LEASE } from './cluster-leases.js';
import { LeasesStore } from './leases.store.js';

const quiet = { info() {}, warn() {} };
const TTL = 6_000;
const TICK = 1_000;

forEachDatabase('the one-instance lease', (getDb) => {
  /** Two instances on the database, on one clock the test moves. */
  function pair(clusterIds: string[]) {
    const clock = { now: 1_700_000_000_000 };
    const make = (instanceId: string) =>
      new ClusterLeases({ store: new LeasesStore(getDb()), clusterIds: async () => clusterIds, settings: { ttlMs: TTL, tickMs: TICK }, log: quiet, instanceId, now: () => clock.now });
    return { clock, a: make(`a-${clusterIds[0]}`), b: make(`b-${clusterIds[0]}`) };
  }

  it('is held by exactly one instance, is not a cluster, and passes on when its holder stops', async () => {
    const { clock, a, b } = pair(['e1', 'e2']);
    await a.tick();
    await b.tick();
    assert.equal(a.holdsOneInstanceLease(), true, 'the first instance to tick took it');
    assert.equal(b.holdsOneInstanceLease(), false);
    assert.equal(b.view().oneInstanceWork, a.instanceId, 'every instance sees who holds it');
    assert.equal(a.holds(ONE_INSTANCE_LEASE), false, 'it is not watched as a cluster');
    assert.ok(![...b.view().owners.keys()].includes(ONE_INSTANCE_LEASE), 'nor listed among the clusters');

    clock.now += TICK;
    await a.tick();
    await b.tick();
    assert.equal(a.holdsOneInstanceLease(), true, 'renewed with the cluster leases');
    assert.equal(b.holdsOneInstanceLease(), false);

    await a.stop();
    assert.equal(a.holdsOneInstanceLease(), false);
    clock.now += TICK;
    await b.tick();
    assert.equal(b.holdsOneInstanceLease(), true, 'given up at stop: the other instance takes it on its next tick');
    await b.stop();
  });

  it('a paused holder stops by its own clock before another instance takes the work over', async () => {
    const { clock, a, b } = pair(['p1']);
    await a.tick();
    await b.tick();
    assert.equal(a.holdsOneInstanceLease(), true);
    // a is paused: it does not tick while b does, past a's lease.
    for (let i = 0; i < TTL / TICK; i += 1) {
      clock.now += TICK;
      await b.tick();
      if (b.holdsOneInstanceLease()) assert.equal(a.holdsOneInstanceLease(), false, 'never both at once');
    }
    assert.equal(b.holdsOneInstanceLease(), true, 'b took it once a\'s lease expired');
    assert.equal(a.holdsOneInstanceLease(), false, 'a, woken, does not count it as its own');
    await a.tick();
    assert.equal(a.holdsOneInstanceLease(), false, 'nor takes it back');
    await a.stop();
    await b.stop();
  });
});
