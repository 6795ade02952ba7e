import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Cluster } from '@weir/contract';
import { parseClusterSort, sortClusters } from './cluster-sort';

function cluster(name: string, overrides: Partial<Cluster> = {}): Cluster {
  return {
    id: name,
    name,
    kind: 'session',
    yarn: null,
    yarnSession: null,
    restUrl: `http://${name}:8081`,
    gatewayUrl: null,
    historyUrl: null,
    description: null,
    isLocal: false,
    teamId: 'default',
    health: 'HEALTHY',
    flinkVersion: null,
    taskManagers: null,
    slotsTotal: null,
    slotsAvailable: null,
    jobsRunning: null,
    lastCheckedAt: null,
    lastHealthyAt: null,
    lastError: null,
    auth: null,
    createdAt: 0,
    ...overrides,
  };
}

const names = (clusters: Cluster[]) => clusters.map((c) => c.name);

test('sorts by name by default, numerically aware', () => {
  assert.deepEqual(names(sortClusters([cluster('prod-10'), cluster('prod-2'), cluster('dev')], null)), ['dev', 'prod-2', 'prod-10']);
});

test('puts the least healthy first when sorting by health ascending', () => {
  const list = [cluster('a'), cluster('b', { health: 'UNREACHABLE' }), cluster('c', { health: 'UNKNOWN' })];
  assert.deepEqual(names(sortClusters(list, { key: 'health', order: 'asc' })), ['b', 'c', 'a']);
});

test('keeps missing values last in both orders', () => {
  const list = [cluster('a', { jobsRunning: 3 }), cluster('b'), cluster('c', { jobsRunning: 7 })];
  assert.deepEqual(names(sortClusters(list, { key: 'jobsRunning', order: 'asc' })), ['a', 'c', 'b']);
  assert.deepEqual(names(sortClusters(list, { key: 'jobsRunning', order: 'desc' })), ['c', 'a', 'b']);
});

test('reads the sort from the URL and ignores unknown keys', () => {
  assert.deepEqual(parseClusterSort(new URLSearchParams('sort=jobsRunning&order=desc')), { key: 'jobsRunning', order: 'desc' });
  assert.deepEqual(parseClusterSort(new URLSearchParams('sort=name')), { key: 'name', order: 'asc' });
  assert.equal(parseClusterSort(new URLSearchParams('sort=restUrl')), null);
});
