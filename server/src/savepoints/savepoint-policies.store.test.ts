import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { TasksStore } from '../tasks/tasks.store.js';
import { forEachDatabase } from '../test-support/databases.js';
import { SavepointPoliciesStore } from './savepoint-policies.store.js';

const T0 = 1_700_000_000_000;

forEachDatabase('savepoint policies', (getDb) => {
  let taskId: string;
  before(async () => {
    taskId = (await new TasksStore(getDb()).create({ name: 'scheduled', kind: 'SQL', executionMode: 'STREAMING', clusterId: 'c' })).id;
  });

  it('stores a schedule and a retention, and lists the task as active; turned off, it is not', async () => {
    const store = new SavepointPoliciesStore(getDb());
    await store.put(taskId, { schedule: { cron: '0 */6 * * *' }, retention: { keepLast: 3, keepForMs: 86_400_000 } }, 'olga', T0);
    const stored = await store.get(taskId);
    assert.deepEqual([stored?.schedule, stored?.retention, stored?.updatedBy, stored?.lastSlotAt], [{ cron: '0 */6 * * *' }, { keepLast: 3, keepForMs: 86_400_000 }, 'olga', null]);
    assert.deepEqual((await store.listActive()).map((p) => p.taskId), [taskId]);
    await store.put(taskId, { schedule: null, retention: null }, 'olga', T0 + 1);
    assert.deepEqual(await store.listActive(), []);
  });

  it('of two instances that read the same slot due, exactly one takes it; a new schedule starts counting again', async () => {
    const store = new SavepointPoliciesStore(getDb());
    await store.put(taskId, { schedule: { intervalMs: 60_000 }, retention: null }, 'olga', T0);
    const taken = await Promise.all([store.takeSlot(taskId, null, T0 + 60_000), store.takeSlot(taskId, null, T0 + 60_001)]);
    assert.deepEqual(taken.sort(), [false, true]);
    const slot = (await store.get(taskId))!.lastSlotAt!;
    assert.equal(await store.takeSlot(taskId, null, T0 + 120_000), false, 'a stale read loses');
    assert.equal(await store.takeSlot(taskId, slot, T0 + 120_000), true);
    await store.put(taskId, { schedule: { intervalMs: 30_000 }, retention: null }, 'olga', T0 + 200_000);
    assert.equal((await store.get(taskId))!.lastSlotAt, null);
  });
});
