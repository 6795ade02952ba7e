import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { TaskVersionsStore } from '../tasks/task-versions.store.js';
import { TasksStore } from '../tasks/tasks.store.js';
import { forEachDatabase } from '../test-support/databases.js';
import { LineageStore } from './lineage.store.js';

forEachDatabase('LineageStore', (getDb) => {
  let store: LineageStore;
  let versions: TaskVersionsStore;
  const ids: Record<string, string> = {};

  before(async () => {
    store = new LineageStore(getDb());
    const tasks = new TasksStore(getDb());
    versions = new TaskVersionsStore(getDb());
    const make = async (name: string, kind: 'SQL' | 'JAR' | 'EXTERNAL') =>
      (ids[name] = (await tasks.create({ name, kind, executionMode: 'STREAMING', clusterId: 'c1', lifecycle: 'PUBLISHED' })).id);
    await make('report', 'SQL');
    await make('ingest', 'SQL');
    await make('draft_only', 'SQL');
    await make('a_jar', 'JAR');
    await make('found_running', 'EXTERNAL');
    await versions.createNext({ taskId: ids.ingest!, content: 'v1', config: '{}', lineage: '{"v":1}', createdBy: 'x' });
    await versions.createNext({ taskId: ids.ingest!, content: 'v2', config: '{}', lineage: '{"v":2}', createdBy: 'x' });
    await versions.createNext({ taskId: ids.report!, content: 'r1', config: '{}', createdBy: 'x' });
    await versions.createNext({ taskId: ids.a_jar!, content: '{"jarId":"j"}', config: '{}', createdBy: 'x' });
  });

  it('lists the current version of each published SQL task, by name', async () => {
    const rows = await store.currentVersions();
    assert.deepEqual(
      rows.map((r) => [r.taskName, r.version, r.lineage, r.lifecycle]),
      [
        ['ingest', 2, '{"v":2}', 'PUBLISHED'],
        ['report', 1, null, 'PUBLISHED'],
      ],
    );
    assert.equal(rows[0]!.taskId, ids.ingest);
  });

  it("carries the status of each task's latest run, which the global graph shows on the task", async () => {
    await getDb().db.updateTable('tasks').set({ latest_status: 'FAILED' }).where('id', '=', ids.ingest!).execute();
    const rows = await store.currentVersions();
    assert.deepEqual(rows.map((r) => [r.taskName, r.latestStatus]), [['ingest', 'FAILED'], ['report', null]]);
  });

  it('lists only the given teams’ tasks when asked', async () => {
    const tasks = new TasksStore(getDb());
    const other = await tasks.create({ name: 'other_team_job', kind: 'SQL', executionMode: 'STREAMING', clusterId: 'c1', lifecycle: 'PUBLISHED', teamId: 'other-team' });
    await versions.createNext({ taskId: other.id, content: 'o1', config: '{}', createdBy: 'x' });
    assert.deepEqual((await store.currentVersions(['other-team'])).map((r) => r.taskName), ['other_team_job']);
    assert.equal((await store.currentVersions(['default'])).some((r) => r.taskName === 'other_team_job'), false);
    assert.deepEqual(await store.currentVersions([]), []);
    assert.ok((await store.currentVersions()).some((r) => r.taskName === 'other_team_job'));
  });

  it('sees lineage filled in later', async () => {
    const report = (await store.currentVersions()).find((r) => r.taskName === 'report')!;
    assert.equal(await versions.setLineage(report.versionId, '{"later":true}'), true);
    assert.equal((await store.currentVersions()).find((r) => r.taskName === 'report')!.lineage, '{"later":true}');
  });
});
