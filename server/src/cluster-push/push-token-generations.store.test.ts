import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { ClustersStore } from '../clusters/clusters.store.js';
import { forEachDatabase } from '../test-support/databases.js';
import { PushTokenGenerationsStore } from './push-token-generations.store.js';

forEachDatabase('PushTokenGenerationsStore', (getDb) => {
  let clusters: ClustersStore;
  let generations: PushTokenGenerationsStore;
  before(() => {
    clusters = new ClustersStore(getDb());
    generations = new PushTokenGenerationsStore(getDb());
  });

  it('starts a cluster at generation 0 and raises only that cluster on each rotation', async () => {
    const a = await clusters.create({ name: 'push-a', restUrl: 'http://a:8081' });
    const b = await clusters.create({ name: 'push-b', restUrl: 'http://b:8081' });
    assert.equal(await generations.get(a.id), 0);
    assert.equal(await generations.advance(a.id), 1);
    assert.equal(await generations.advance(a.id), 2);
    assert.equal(await generations.get(a.id), 2);
    assert.equal(await generations.get(b.id), 0, 'another cluster keeps its token');
    const [x, y] = await Promise.all([generations.advance(b.id), generations.advance(b.id)]);
    assert.equal(await generations.get(b.id), 2, 'two rotations at once both count');
    assert.ok(x! >= 1 && y! >= 1, 'each caller is answered a generation past the one it rotated');
  });

  it('knows no generation of a cluster that is not registered', async () => {
    assert.equal(await generations.get('no-such-cluster'), undefined);
    assert.equal(await generations.advance('no-such-cluster'), undefined);
    const gone = await clusters.create({ name: 'push-gone', restUrl: 'http://gone:8081' });
    await clusters.delete(gone.id);
    assert.equal(await generations.get(gone.id), undefined);
  });
});
