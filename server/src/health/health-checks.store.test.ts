import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { EventBus } from '../events/events.js';
import { RunsStore } from '../runs/runs.store.js';
import { TasksStore } from '../tasks/tasks.store.js';
import { forEachDatabase } from '../test-support/databases.js';
import { HealthChecker } from './health-checks.js';
import { HealthStore } from './health.store.js';

const quietLog = { error() {}, warn() {}, info() {}, debug() {} } as never;

forEachDatabase('HealthChecker over the store', (getDb) => {
  let store: HealthStore;
  let runs: RunsStore;
  let tasks: TasksStore;
  let checker: HealthChecker;

  before(async () => {
    store = new HealthStore(getDb());
    runs = new RunsStore(getDb());
    tasks = new TasksStore(getDb());
    checker = newChecker();
  });

  /** No cluster is registered: the checks that need Flink are skipped, the restart check and the scores are not. */
  function newChecker(): HealthChecker {
    return new HealthChecker({ store, runs, clusters: { list: async () => [] }, flink: { jobManagerOfRun: () => { throw new Error('no Flink here'); } }, checkpoints: { lastCompletedCheckpointAt: async () => null }, bus: new EventBus(), log: quietLog });
  }

  async function runOf(name: string, status: string) {
    const task = await tasks.create({ name: `${name}-${Math.random()}`, kind: 'SQL', executionMode: 'STREAMING', clusterId: 'c1' });
    const { run } = await runs.upsertByJob({ taskId: task.id, clusterId: 'c1', flinkJobId: `f-${task.id}`, jobName: name, status, executionMode: 'STREAMING' });
    return { taskId: task.id, run };
  }

  it('scores a run that ended since the last cycle at the next one, FAILED as unhealthy', async () => {
    const { taskId, run } = await runOf('ends', 'RUNNING');
    await checker.evaluate();
    assert.equal((await store.score(run.id))?.ended ?? null, null, 'running: a live score');
    await runs.upsertByJob({ taskId, clusterId: 'c1', flinkJobId: `f-${taskId}`, jobName: 'ends', status: 'FAILED', executionMode: 'STREAMING' });
    await checker.evaluate();
    const scored = await store.score(run.id);
    assert.equal(scored?.ended?.status, 'FAILED');
    assert.equal(scored?.score, 0);
  });

  it('scores a run that had already ended before the checks first ran (Weir was down when it ended)', async () => {
    const { run } = await runOf('ended-before', 'FAILED');
    const fresh = newChecker();
    await fresh.evaluate();
    assert.equal((await store.score(run.id))?.ended?.status, 'FAILED');
  });

  it('lets the server answer while it checks thousands of runs: the event loop gets turns during a cycle', async () => {
    const many = 1_500;
    const task = await tasks.create({ name: `many-${Math.random()}`, kind: 'SQL', executionMode: 'STREAMING', clusterId: 'c1' });
    for (let i = 0; i < many; i += 1) {
      await runs.upsertByJob({ taskId: task.id, clusterId: 'c1', flinkJobId: `many-${i}`, jobName: 'many', status: 'RUNNING', executionMode: 'STREAMING' });
    }
    let finished = false;
    let answeredDuringCycle = false;
    // What an HTTP request waiting on the server's event loop would need: a turn of its own.
    setImmediate(() => {
      answeredDuringCycle = !finished;
    });
    const result = await checker.evaluate();
    finished = true;
    assert.ok(result.runs >= many, `checked ${result.runs} runs`);
    assert.equal(answeredDuringCycle, true, 'a request waiting during the cycle had to wait for all of it');
  });
});
