import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lastUsedCluster, preselectedCluster, rememberCluster } from './cluster-preselect';

const prod = { id: 'prod' };
const staging = { id: 'staging' };

test('a new task starts on the only cluster it may use', () => {
  assert.equal(preselectedCluster([prod], null), 'prod');
  assert.equal(preselectedCluster([prod], 'gone'), 'prod', 'the only choice wins over a history that no longer applies');
});

test('with several clusters, the last one used while it still serves the team, else none', () => {
  assert.equal(preselectedCluster([prod, staging], 'staging'), 'staging');
  assert.equal(preselectedCluster([prod, staging], 'removed'), undefined);
  assert.equal(preselectedCluster([prod, staging], null), undefined);
  assert.equal(preselectedCluster([], 'prod'), undefined, 'no cluster serves the team');
});

test('the last cluster is remembered, and a storage that refuses breaks nothing', () => {
  const values = new Map<string, string>();
  const storage = { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value) };
  assert.equal(lastUsedCluster(storage), null);
  rememberCluster('staging', storage);
  assert.equal(lastUsedCluster(storage), 'staging');
  const refusing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); } };
  assert.equal(lastUsedCluster(refusing), null);
  assert.doesNotThrow(() => rememberCluster('prod', refusing));
});
