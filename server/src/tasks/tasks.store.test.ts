import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { isUniqueViolation } from '../db/errors.js';
import { RunsStore } from '../runs/runs.store.js';
import { forEachDatabase } from '../test-support/databases.js';
import { TasksStore } from './tasks.store.js';

forEachDatabase('TasksStore', (getDb) => {
  let tasks: TasksStore;
  let runs: RunsStore;
  before(async () => {
    tasks = new TasksStore(getDb());
    runs = new RunsStore(getDb());
    // 30 tasks: modes alternate, lifecycles cycle, every third one has never run.
    const statuses = ['RUNNING', 'FAILED', null] as const;
    const lifecycles = ['DEVELOP', 'PUBLISHED', 'ONLINE', 'OFFLINE'] as const;
    for (let i = 0; i < 30; i++) {
      const task = await tasks.create({
        name: `job_${String(i).padStart(2, '0')}${i === 7 ? '_100%_Orders' : ''}`,
        kind: i === 29 ? 'EXTERNAL' : 'SQL',
        executionMode: i % 2 === 0 ? 'STREAMING' : 'BATCH',
        clusterId: i < 10 ? 'cluster-a' : 'cluster-b',
        lifecycle: lifecycles[i % 4],
        owner: i % 5 === 0 ? null : `owner${i % 3}`,
        draftContent: 'insert into sink select * from source',
      });
      const status = statuses[i % 3];
      if (status) {
        await runs.upsertByJob({
          taskId: task.id,
          clusterId: task.clusterId,
          flinkJobId: `job${i}`.padEnd(32, '0'),
          jobName: task.name,
          status,
          executionMode: task.executionMode,
          startTime: 1_800_000_000_000 + i * 1000,
          durationMs: i * 10,
        });
      }
    }
  });

  it('creates with defaults and reads back by id and name', async () => {
    const task = await tasks.create({ name: 'defaults', kind: 'JAR', executionMode: 'BATCH', clusterId: 'c' });
    assert.equal(task.lifecycle, 'DEVELOP');
    assert.equal(task.draftConfig, '{}');
    assert.deepEqual(await tasks.get(task.id), task);
    assert.deepEqual(await tasks.getByName('defaults'), task);
    assert.equal(await tasks.delete(task.id), true);
  });

  it('rejects a duplicate name', async () => {
    await assert.rejects(tasks.create({ name: 'job_00', kind: 'SQL', executionMode: 'BATCH', clusterId: 'c' }), isUniqueViolation);
  });

  it('finds an external task by name only', async () => {
    assert.equal((await tasks.findExternalByName('job_29'))?.kind, 'EXTERNAL');
    assert.equal(await tasks.findExternalByName('job_28'), undefined);
  });

  it('names the task of a job found on a cluster after the job, or after the job on that cluster when a Weir task has the name', async () => {
    const cluster = { id: 'cluster-x', name: 'prod', teamId: null };
    const fresh = await tasks.externalTaskFor('found_orders', cluster);
    assert.deepEqual([fresh.name, fresh.kind, fresh.lifecycle, fresh.clusterId], ['found_orders', 'EXTERNAL', 'ONLINE', 'cluster-x']);
    assert.equal((await tasks.externalTaskFor('found_orders', cluster)).id, fresh.id, 'the same job name finds the same task');
    const beside = await tasks.externalTaskFor('job_03', cluster);
    assert.equal(beside.name, 'job_03 @prod');
    assert.equal((await tasks.externalTaskFor('job_29', cluster)).name, 'job_29', 'an external task of that name is reused');
    for (const task of [fresh, beside]) await tasks.delete(task.id);
  });

  it('round-trips a draft larger than 64 KB and updates only the given fields', async () => {
    const task = await tasks.getByName('job_01');
    assert.ok(task);
    const script = `-- 大脚本\n${'select 1;\n'.repeat(30_000)}`;
    const updated = await tasks.update(task.id, { draftContent: script, lifecycle: 'ONLINE' });
    assert.equal(updated?.draftContent, script);
    assert.equal(updated?.lifecycle, 'ONLINE');
    assert.equal(updated?.executionMode, task.executionMode);
    await tasks.update(task.id, { lifecycle: task.lifecycle });
    assert.equal(await tasks.update('missing', { owner: 'x' }), undefined);
  });

  it('lists a page with the latest run facts and a numeric total, drafts left out', async () => {
    const page = await tasks.list({ limit: 5 });
    assert.equal(page.total, 30);
    assert.equal(typeof page.total, 'number');
    assert.deepEqual(page.items.map((t) => t.name), ['job_00', 'job_01', 'job_02', 'job_03', 'job_04']);
    const first = page.items[0];
    assert.equal(first?.latestStatus, 'RUNNING');
    assert.equal(first?.latestFlinkJobId, 'job0'.padEnd(32, '0'));
    assert.equal(first?.latestRestartCount, 0);
    assert.equal(page.items[2]?.latestStatus, null);
    assert.equal('draftContent' in (first ?? {}), false);
    const next = await tasks.list({ limit: 5, offset: 5 });
    assert.equal(next.items[0]?.name, 'job_05');
  });

  it('filters by status (including never ran), lifecycle, cluster, mode and name', async () => {
    assert.equal((await tasks.list({ latestStatuses: ['RUNNING'] })).total, 10);
    assert.equal((await tasks.list({ latestStatuses: ['FAILED', null] })).total, 20);
    assert.equal((await tasks.list({ lifecycles: ['ONLINE'] })).total, 7);
    assert.equal((await tasks.list({ clusterIds: ['cluster-a'] })).total, 10);
    assert.equal((await tasks.list({ executionMode: 'BATCH', clusterIds: ['cluster-a'] })).total, 5);
    assert.deepEqual((await tasks.list({ nameContains: '100%_orders' })).items.map((t) => t.name), ['job_07_100%_Orders']);
    assert.equal((await tasks.list({ nameContains: '%' })).total, 1, '% is matched literally');
    assert.equal((await tasks.list({ nameContains: 'JOB_1' })).total, 10);
  });

  it('sorts by any column with NULLs last and ids breaking ties', async () => {
    const byStart = await tasks.list({ sortBy: 'latestStartTime', sortDirection: 'desc', limit: 30 });
    const starts = byStart.items.map((t) => t.latestStartTime);
    assert.equal(starts[0], 1_800_000_000_000 + 28 * 1000);
    assert.equal(starts.indexOf(null), 20, 'tasks that never ran come last');
    const byDuration = await tasks.list({ sortBy: 'latestDurationMs', sortDirection: 'asc', limit: 3 });
    assert.deepEqual(byDuration.items.map((t) => t.latestDurationMs), [0, 10, 30]);
    const byOwner = await tasks.list({ sortBy: 'owner', limit: 30 });
    assert.equal(byOwner.items.at(-1)?.owner, null);
  });

  it('counts the status cards', async () => {
    const counts = await tasks.statusCounts();
    assert.deepEqual(counts, {
      total: 30,
      streaming: 15,
      batch: 15,
      byLatestStatus: { RUNNING: 10, FAILED: 10, NONE: 10 },
    });
    assert.equal((await tasks.statusCounts({ clusterIds: ['cluster-a'] })).total, 10);
  });
});
