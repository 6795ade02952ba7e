import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { TasksStore } from '../tasks/tasks.store.js';
import { forEachDatabase } from '../test-support/databases.js';
import { RunsStore } from './runs.store.js';
import { SavepointsStore } from './savepoints.store.js';

forEachDatabase('SavepointsStore', (getDb) => {
  let savepoints: SavepointsStore;
  let taskId: string;
  let runId: string;
  let clock = 1_800_000_000_000;
  before(async () => {
    savepoints = new SavepointsStore(getDb(), () => (clock += 1000));
    taskId = (await new TasksStore(getDb()).create({ name: 'orders', kind: 'SQL', executionMode: 'STREAMING', clusterId: 'c' })).id;
    const { run } = await new RunsStore(getDb()).upsertByJob({
      taskId, clusterId: 'c', flinkJobId: 'a'.repeat(32), jobName: 'orders', status: 'RUNNING', executionMode: 'STREAMING',
    });
    runId = run.id;
  });

  it('creates a pending savepoint and completes it once', async () => {
    const pending = await savepoints.create({ runId, taskId, kind: 'SAVEPOINT', triggerId: 'trig-1' });
    assert.equal(pending.status, 'PENDING');
    assert.equal(pending.path, null);
    assert.deepEqual(await savepoints.findByTrigger(runId, 'trig-1'), pending);
    assert.deepEqual((await savepoints.listPending()).map((s) => s.id), [pending.id]);
    assert.equal(await savepoints.complete(pending.id, 's3://sp/savepoint-1', clock + 1), true);
    assert.equal(await savepoints.fail(pending.id, 'late failure', clock + 2), false);
    const done = await savepoints.get(pending.id);
    assert.equal(done?.status, 'COMPLETED');
    assert.equal(done?.path, 's3://sp/savepoint-1');
    assert.deepEqual(await savepoints.listPending(), []);
  });

  it('records a failure with its message', async () => {
    const pending = await savepoints.create({ runId, taskId, kind: 'STOP_WITH_SAVEPOINT', triggerId: 'trig-2' });
    assert.equal(await savepoints.fail(pending.id, 'java.util.concurrent.TimeoutException\n'.repeat(3000), clock), true);
    assert.match((await savepoints.get(pending.id))?.failure ?? '', /TimeoutException/);
  });

  it('finds the latest completed savepoint by kind and lists newest first', async () => {
    const checkpoint = await savepoints.create({ runId, taskId, kind: 'CHECKPOINT', status: 'COMPLETED', path: 'file:/chk-7', completedAt: clock + 10_000 });
    assert.equal((await savepoints.latestCompleted(taskId))?.id, checkpoint.id);
    assert.equal((await savepoints.latestCompleted(taskId, ['SAVEPOINT', 'STOP_WITH_SAVEPOINT']))?.path, 's3://sp/savepoint-1');
    // The failed stop-with-savepoint in between is never a restore point.
    assert.equal((await savepoints.earliestCompleted(taskId))?.path, 's3://sp/savepoint-1');
    assert.equal((await savepoints.earliestCompleted(taskId, ['CHECKPOINT']))?.id, checkpoint.id);
    assert.equal(await savepoints.earliestCompleted('no-such-task'), undefined);
    const page = await savepoints.listByTask(taskId, { limit: 2 });
    assert.equal(page.total, 3);
    assert.deepEqual(page.items.map((s) => s.kind), ['CHECKPOINT', 'STOP_WITH_SAVEPOINT']);
    assert.deepEqual((await savepoints.listByRun(runId)).map((s) => s.kind), ['CHECKPOINT', 'STOP_WITH_SAVEPOINT', 'SAVEPOINT']);
  });
});
