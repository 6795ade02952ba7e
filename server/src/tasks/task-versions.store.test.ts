import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { isUniqueViolation } from '../db/errors.js';
import { forEachDatabase } from '../test-support/databases.js';
import { TaskVersionsStore } from './task-versions.store.js';
import { TasksStore } from './tasks.store.js';

forEachDatabase('TaskVersionsStore', (getDb) => {
  let tasks: TasksStore;
  let versions: TaskVersionsStore;
  let taskId: string;
  before(async () => {
    tasks = new TasksStore(getDb());
    versions = new TaskVersionsStore(getDb());
    taskId = (await tasks.create({ name: 'orders', kind: 'SQL', executionMode: 'STREAMING', clusterId: 'c' })).id;
  });

  it('numbers versions 1, 2, … and makes the newest current', async () => {
    const v1 = await versions.createNext({ taskId, content: 'select 1', config: '{}', createdBy: 'alice' });
    const v2 = await versions.createNext({ taskId, content: 'select 2', config: '{"parallelism":2}', createdBy: 'bob', note: 'faster' });
    assert.equal(v1.version, 1);
    assert.equal(v2.version, 2);
    assert.equal((await tasks.get(taskId))?.currentVersionId, v2.id);
    assert.deepEqual(await versions.getByNumber(taskId, 1), v1);
    assert.deepEqual(await versions.get(v2.id), v2);
    assert.deepEqual((await versions.listByTask(taskId)).map((v) => v.version), [2, 1]);
  });

  it('gives concurrent publishes distinct consecutive numbers', async () => {
    const made = await Promise.all(
      Array.from({ length: 6 }, (_, i) => versions.createNext({ taskId, content: `select ${i}`, config: '{}', createdBy: 'ci' })),
    );
    assert.deepEqual(made.map((v) => v.version).sort((a, b) => a - b), [3, 4, 5, 6, 7, 8]);
  });

  it('stores large content and lineage, filled in later', async () => {
    const content = `insert into t select ${'c, '.repeat(40_000)} 1 from s`;
    const version = await versions.createNext({ taskId, content, config: '{}', createdBy: 'alice' });
    const lineage = JSON.stringify({ columns: Array.from({ length: 3000 }, (_, i) => ({ from: `s.c${i}`, to: `t.c${i}` })) });
    assert.equal(await versions.setLineage(version.id, lineage), true);
    const read = await versions.get(version.id);
    assert.equal(read?.content, content);
    assert.equal(read?.lineage, lineage);
  });

  it('refuses a duplicate version number and an unknown task', async () => {
    const db = getDb().db;
    await assert.rejects(
      db.insertInto('task_versions').values({ id: 'dup', task_id: taskId, version: 1, content: '', config: '{}', created_by: 'x', created_at: 0, lineage: null, note: null }).execute(),
      isUniqueViolation,
    );
    await assert.rejects(versions.createNext({ taskId: 'missing', content: '', config: '{}', createdBy: 'x' }), /does not exist/);
  });
});
