import assert from 'node:assert/strict';
import { it } from 'node:test';
import { CatalogCache } from './catalog-cache.js';

function setup(maxEntries = 10) {
  let now = 1_000;
  const cache = new CatalogCache<string>({ ttlMs: 30_000, maxEntries, now: () => now });
  let asked = 0;
  const list = (answer: string) => () => {
    asked += 1;
    return Promise.resolve(answer);
  };
  return { cache, list, asked: () => asked, advance: (ms: number) => (now += ms) };
}

it('answers a script listed less than the TTL ago from memory, and lists it again after', async () => {
  const { cache, list, asked, advance } = setup();
  assert.equal(await cache.get('c1', 'script-a', list('first')), 'first');
  advance(29_999);
  assert.equal(await cache.get('c1', 'script-a', list('second')), 'first');
  assert.equal(asked(), 1);
  advance(1);
  assert.equal(await cache.get('c1', 'script-a', list('third')), 'third');
  assert.equal(asked(), 2);
});

it('keeps listings apart per cluster and per script, and lists afresh when asked to refresh', async () => {
  const { cache, list, asked } = setup();
  await cache.get('c1', 'script-a', list('c1 a'));
  assert.equal(await cache.get('c2', 'script-a', list('c2 a')), 'c2 a');
  assert.equal(await cache.get('c1', 'script-b', list('c1 b')), 'c1 b');
  assert.equal(await cache.get('c1', 'script-a', list('c1 a again'), { refresh: true }), 'c1 a again');
  assert.equal(await cache.get('c1', 'script-a', list('unused')), 'c1 a again');
  assert.equal(asked(), 4);
});

it('gives callers that ask at the same moment one listing', async () => {
  const { cache, asked } = setup();
  let release!: (v: string) => void;
  let calls = 0;
  const slow = () => {
    calls += 1;
    return new Promise<string>((r) => (release = r));
  };
  const both = Promise.all([cache.get('c1', 'a', slow), cache.get('c1', 'a', slow)]);
  release('listing');
  assert.deepEqual(await both, ['listing', 'listing']);
  assert.equal(calls, 1);
  assert.equal(asked(), 0);
});

it('does not keep a failed listing', async () => {
  const { cache, list } = setup();
  await assert.rejects(cache.get('c1', 'a', () => Promise.reject(new Error('gateway away'))), /gateway away/);
  assert.equal(await cache.get('c1', 'a', list('after')), 'after');
});

it('forgets every listing of a cluster whose catalogs a statement may have changed, and no other', async () => {
  const { cache, list, asked } = setup();
  await cache.get('c1', 'a', list('x'));
  await cache.get('c1', 'b', list('x'));
  await cache.get('c2', 'a', list('c2'));
  cache.forgetCluster('c1');
  assert.equal(cache.size, 1);
  assert.equal(await cache.get('c2', 'a', list('unused')), 'c2');
  assert.equal(asked(), 3);
});

it('holds at most maxEntries listings, dropping the oldest', async () => {
  const { cache, list, asked } = setup(2);
  await cache.get('c1', 'a', list('a'));
  await cache.get('c1', 'b', list('b'));
  await cache.get('c1', 'c', list('c'));
  assert.equal(cache.size, 2);
  assert.equal(await cache.get('c1', 'b', list('unused')), 'b');
  assert.equal(await cache.get('c1', 'a', list('a again')), 'a again');
  assert.equal(asked(), 4);
});
