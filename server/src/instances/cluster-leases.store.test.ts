import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDatabase } from '../test-support/databases.js';
import { ClusterLeases, ONE_INSTANCE_LEASE } from './cluster-leases.js';
import { LeasesStore } from './leases.store.js';

const quiet = { info() {}, warn() {}, error() {} };
const TTL = 6_000;
const TICK = 1_000;

forEachDatabase('cluster leases across instances', (getDb) => {
  const instance = (instanceId: string, clusterIds: string[], clock: { now: number }) =>
    new ClusterLeases({ store: new LeasesStore(getDb()), clusterIds: async () => clusterIds, settings: { ttlMs: TTL, tickMs: TICK }, log: quiet, instanceId, now: () => clock.now });

  /** Two instances on the database, on one clock the test moves. */
  function pair(clusterIds: string[]) {
    const clock = { now: 1_700_000_000_000 };
    return { clock, a: instance(`a-${clusterIds[0]}`, clusterIds, clock), b: instance(`b-${clusterIds[0]}`, clusterIds, clock) };
  }

  it('an instance that joins a running pair gets its share within a few ticks, and one that leaves hands its clusters over, each cluster watched by exactly one', async () => {
    const clusters = ['j1', 'j2', 'j3', 'j4', 'j5', 'j6'];
    const clock = { now: 1_700_000_000_000 };
    const [a, b, c] = ['a-join', 'b-join', 'c-join'].map((id) => instance(id, clusters, clock)) as [ClusterLeases, ClusterLeases, ClusterLeases];
    const spread = (members: ClusterLeases[]) => {
      for (const cluster of clusters) {
        const holders = members.filter((m) => m.holds(cluster)).length;
        assert.ok(holders <= 1, `${cluster} watched by ${holders} instances`);
      }
      return members.map((m) => clusters.filter((cluster) => m.holds(cluster)).length);
    };
    const tickAll = async (members: ClusterLeases[]) => {
      clock.now += TICK;
      for (const m of members) await m.tick();
    };
    await tickAll([a, b]);
    await tickAll([a, b]);
    assert.deepEqual(spread([a, b]).sort(), [3, 3], 'two instances split six clusters');

    let ticks = 0;
    for (; ticks < 10 && spread([a, b, c]).join() !== '2,2,2'; ticks += 1) await tickAll([a, b, c]);
    assert.deepEqual(spread([a, b, c]), [2, 2, 2], 'the third instance got its share');
    assert.ok(ticks <= 3, `rebalanced in ${ticks} ticks`);

    await c.stop();
    await tickAll([a, b]);
    assert.deepEqual(spread([a, b]).sort(), [3, 3], 'what the leaving instance gave up is taken at the next tick');
    await a.stop();
    await b.stop();
  });

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
