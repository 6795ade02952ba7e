import assert from 'node:assert/strict';
import { it } from 'node:test';
import { taskUpdateChanges } from './task-changes.js';
import type { TaskRecord } from './tasks.store.js';

const task: TaskRecord = {
  id: 't1', name: 'orders', kind: 'SQL', lifecycle: 'DEVELOP', executionMode: 'STREAMING', clusterId: 'c1', teamId: 'default', owner: 'alice', description: null,
  draftContent: 'INSERT INTO a\nSELECT * FROM b', draftConfig: JSON.stringify({ parallelism: 2, checkpointIntervalMs: 60_000, flinkOptions: { 'a.b': '1', 'c.d': '2' } }),
  currentVersionId: null, latestRunId: null, latestStatus: null, latestStartTime: null, createdAt: 1, updatedAt: 1,
};

it('a task update names what moved: settings one by one, the cluster by name, the script by its lines', () => {
  const changes = taskUpdateChanges(
    task,
    { owner: 'bob', sql: 'INSERT INTO a\nSELECT *\nFROM b', config: { parallelism: 4, checkpointIntervalMs: 60_000, flinkOptions: { 'c.d': '2', 'a.b': '1' } }, clusterId: 'c2' },
    { before: 'prod', after: 'staging' },
  );
  assert.deepEqual(changes, {
    owner: { before: 'alice', after: 'bob' },
    cluster: { before: 'prod', after: 'staging' },
    parallelism: { before: 2, after: 4 },
    sqlLines: { before: 2, after: 3 },
  });
});

it('a script changed within the same lines is still named; an untouched one is not', () => {
  assert.deepEqual(taskUpdateChanges(task, { sql: 'INSERT INTO a\nSELECT id FROM b' }), { sqlLines: { before: 2, after: 2 } });
  assert.deepEqual(taskUpdateChanges(task, { sql: task.draftContent, name: 'orders' }), {});
  assert.deepEqual(taskUpdateChanges(task, { config: { alertGroup: '', savepointPath: 's3://sp' } }), { savepointPath: { before: null, after: 's3://sp' } });
});
