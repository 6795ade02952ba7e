import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { forEachDatabase } from '../test-support/databases.js';
import { AuditStore, type NewAuditEntry } from './audit.store.js';

const T0 = 1_800_000_000_000;

function entry(overrides: Partial<NewAuditEntry>): NewAuditEntry {
  return {
    at: T0,
    teamId: null,
    actor: 'alice',
    actorKind: 'user',
    action: 'cluster.create',
    targetType: 'cluster',
    targetId: 'c1',
    targetName: 'prod',
    outcome: 'success',
    detail: null,
    ...overrides,
  };
}

forEachDatabase('AuditStore', (getDb) => {
  let audit: AuditStore;
  before(async () => {
    audit = new AuditStore(getDb());
    for (let i = 0; i < 25; i++) {
      await audit.append(entry({ at: T0 + i * 1000, actor: i % 5 === 0 ? 'ci-token' : 'alice', actorKind: i % 5 === 0 ? 'token' : 'user' }));
    }
    await audit.append(entry({ at: T0 + 100_000, action: 'task.publish', targetType: 'task', targetId: 't1', outcome: 'failure', detail: JSON.stringify({ error: '超时 timeout' }) }));
  });

  it('lists newest first with a numeric total', async () => {
    const page = await audit.list({ limit: 3 });
    assert.equal(page.total, 26);
    assert.equal(typeof page.total, 'number');
    assert.deepEqual(page.items.map((e) => e.at), [T0 + 100_000, T0 + 24_000, T0 + 23_000]);
    assert.deepEqual(JSON.parse(page.items[0]?.detail ?? 'null'), { error: '超时 timeout' });
  });

  it('pages without overlap', async () => {
    const first = await audit.list({ limit: 10, offset: 0 });
    const second = await audit.list({ limit: 10, offset: 10 });
    const third = await audit.list({ limit: 10, offset: 20 });
    const ids = [...first.items, ...second.items, ...third.items].map((e) => e.id);
    assert.equal(new Set(ids).size, 26);
    assert.equal(third.items.length, 6);
  });

  it('filters by actor, action, target and time range', async () => {
    assert.equal((await audit.list({ actor: 'ci-token' })).total, 5);
    assert.equal((await audit.list({ action: 'task.publish' })).total, 1);
    assert.equal((await audit.list({ targetType: 'task', targetId: 't1' })).items[0]?.outcome, 'failure');
    const range = await audit.list({ from: T0 + 5_000, to: T0 + 10_000 });
    assert.deepEqual(range.items.map((e) => e.at), [T0 + 9_000, T0 + 8_000, T0 + 7_000, T0 + 6_000, T0 + 5_000]);
    assert.equal((await audit.list({ actor: 'alice', from: T0, to: T0 + 5_000 })).total, 4);
  });
});
