import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planLeases, type LeaseView } from './lease-plan.js';

const NOW = 1_000_000;
const lease = (clusterId: string, owner: string | null, expiresIn = 5000): LeaseView => ({ clusterId, owner, expiresAt: NOW + expiresIn });
const clusters = ['c1', 'c2', 'c3', 'c4'];

describe('planLeases', () => {
  it('a lone instance takes every cluster', () => {
    assert.deepEqual(planLeases({ me: 'a', clusterIds: clusters, leases: [], alive: ['a'], now: NOW }), { acquire: clusters, release: [] });
  });

  it('two instances starting together each take their share, the same way on both', () => {
    const a = planLeases({ me: 'a', clusterIds: clusters, leases: [], alive: ['a', 'b'], now: NOW });
    assert.deepEqual(a, { acquire: ['c1', 'c2'], release: [] });
    // a's claims landed: b takes the rest.
    const afterA = [lease('c1', 'a'), lease('c2', 'a')];
    assert.deepEqual(planLeases({ me: 'b', clusterIds: clusters, leases: afterA, alive: ['a', 'b'], now: NOW }), { acquire: ['c3', 'c4'], release: [] });
  });

  it('an instance that joins gets clusters: the one holding all gives up what is over its share', () => {
    const all = clusters.map((c) => lease(c, 'a'));
    assert.deepEqual(planLeases({ me: 'a', clusterIds: clusters, leases: all, alive: ['a', 'b'], now: NOW }), { acquire: [], release: ['c3', 'c4'] });
    assert.deepEqual(planLeases({ me: 'b', clusterIds: clusters, leases: all, alive: ['a', 'b'], now: NOW }), { acquire: [], release: [] }, 'b never takes a lease that has not expired');
  });

  it('takes over the clusters of an instance whose leases expired, beyond its share when nobody else can', () => {
    const leases = [lease('c1', 'a'), lease('c2', 'a'), lease('c3', 'b', -1), lease('c4', 'b', -1)];
    // b is gone (no longer alive): a takes all four.
    assert.deepEqual(planLeases({ me: 'a', clusterIds: clusters, leases, alive: ['a'], now: NOW }), { acquire: ['c3', 'c4'], release: [] });
    // b still counted alive (its heartbeat not yet stale) but holding nothing: a keeps its share and leaves b's to b.
    assert.deepEqual(planLeases({ me: 'a', clusterIds: clusters, leases, alive: ['a', 'b'], now: NOW }), { acquire: [], release: [] });
  });

  it('settles: with an odd number of clusters the spread does not swing', () => {
    const three = ['c1', 'c2', 'c3'];
    const leases = [lease('c1', 'a'), lease('c2', 'a'), lease('c3', 'b')];
    assert.deepEqual(planLeases({ me: 'a', clusterIds: three, leases, alive: ['a', 'b'], now: NOW }), { acquire: [], release: [] });
    assert.deepEqual(planLeases({ me: 'b', clusterIds: three, leases, alive: ['a', 'b'], now: NOW }), { acquire: [], release: [] });
  });

  it('ignores leases of clusters that were removed, and a cluster with no row is free', () => {
    const leases = [lease('gone', 'a'), lease('c1', null, -1)];
    assert.deepEqual(planLeases({ me: 'a', clusterIds: ['c1', 'c2'], leases, alive: ['a'], now: NOW }), { acquire: ['c1', 'c2'], release: [] });
  });
});
