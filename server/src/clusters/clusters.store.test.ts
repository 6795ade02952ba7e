import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { isUniqueViolation } from '../db/errors.js';
import { forEachDatabase } from '../test-support/databases.js';
import { ClustersStore } from './clusters.store.js';

forEachDatabase('ClustersStore', (getDb) => {
  let clusters: ClustersStore;
  before(() => {
    clusters = new ClustersStore(getDb());
  });

  it('creates a cluster in UNKNOWN health and reads it back', async () => {
    const created = await clusters.create({ name: 'prod', restUrl: 'http://jm:8081', isLocal: false });
    assert.equal(created.health, 'UNKNOWN');
    assert.equal(created.isLocal, false);
    assert.deepEqual(await clusters.get(created.id), created);
    assert.deepEqual(await clusters.getByName('prod'), created);
    assert.equal(await clusters.getByName('Prod'), undefined);
  });

  it('keeps a YARN target with its settings, a session cluster without any, and changes only the settings given', async () => {
    const yarn = { hadoopConfDir: '/etc/hadoop/conf', queue: 'root.streaming', flinkVersion: '1.20.1' } as const;
    const created = await clusters.create({ name: 'yarn-prod', kind: 'yarn', restUrl: 'http://rm:8088', yarn });
    assert.equal(created.kind, 'yarn');
    assert.deepEqual(created.yarn, yarn);
    assert.deepEqual(await clusters.get(created.id), created);
    const moved = await clusters.update(created.id, { yarn: { ...yarn, queue: 'default' } });
    assert.deepEqual(moved.yarn, { ...yarn, queue: 'default' });
    assert.equal(moved.kind, 'yarn');
    const session = await clusters.getByName('prod');
    assert.equal(session?.kind, 'session');
    assert.equal(session?.yarn, null);
    await clusters.delete(created.id);
  });

  it('rejects a duplicate name', async () => {
    await assert.rejects(clusters.create({ name: 'prod', restUrl: 'http://other:8081' }), isUniqueViolation);
  });

  it('updates only the given fields and lists by name', async () => {
    const local = await clusters.create({ name: 'local', restUrl: 'http://127.0.0.1:8081', gatewayUrl: 'http://127.0.0.1:8083', isLocal: true });
    const updated = await clusters.update(local.id, { description: '本地集群', historyUrl: 'http://127.0.0.1:8082' });
    assert.equal(updated.description, '本地集群');
    assert.equal(updated.gatewayUrl, 'http://127.0.0.1:8083');
    assert.equal(updated.isLocal, true);
    assert.deepEqual((await clusters.list()).map((c) => c.name), ['local', 'prod']);
  });

  it('records health facts; a failure keeps the last healthy time and facts', async () => {
    const c = await clusters.getByName('prod');
    assert.ok(c);
    const healthy = await clusters.recordHealth(c.id, {
      health: 'HEALTHY',
      checkedAt: 1000,
      flinkVersion: '1.20.1',
      taskManagers: 2,
      slotsTotal: 8,
      slotsAvailable: 3,
      jobsRunning: 5,
      error: null,
    });
    assert.equal(healthy.lastHealthyAt, 1000);
    assert.equal(healthy.slotsAvailable, 3);
    const down = await clusters.recordHealth(c.id, { health: 'UNREACHABLE', checkedAt: 2000, error: 'connect ECONNREFUSED' });
    assert.equal(down.health, 'UNREACHABLE');
    assert.equal(down.lastCheckedAt, 2000);
    assert.equal(down.lastHealthyAt, 1000);
    assert.equal(down.flinkVersion, '1.20.1');
    assert.equal(down.lastError, 'connect ECONNREFUSED');
  });

  it('deletes', async () => {
    const c = await clusters.getByName('local');
    assert.ok(c);
    assert.equal(await clusters.delete(c.id), true);
    assert.equal(await clusters.delete(c.id), false);
    assert.equal(await clusters.get(c.id), undefined);
  });
});
