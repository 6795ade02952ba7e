import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { DEFAULT_AUTO_RESTART_POLICY } from '@weir/contract';
import { RunsStore } from '../runs/runs.store.js';
import { TasksStore } from '../tasks/tasks.store.js';
import { forEachDatabase } from '../test-support/databases.js';
import { HealthStore } from './health.store.js';

const T0 = 1_800_000_000_000;

forEachDatabase('HealthStore', (getDb) => {
  let now = T0;
  let store: HealthStore;
  let taskId: string;
  let runIds: string[];

  before(async () => {
    store = new HealthStore(getDb(), () => now);
    const task = await new TasksStore(getDb()).create({ name: `health-${Math.random()}`, kind: 'SQL', executionMode: 'STREAMING', clusterId: 'c1' });
    taskId = task.id;
    const runs = new RunsStore(getDb());
    runIds = [];
    for (const jid of ['a1', 'a2', 'a3']) {
      runIds.push((await runs.upsertByJob({ taskId, clusterId: 'c1', flinkJobId: `${jid}-${task.id}`, jobName: 'j', status: 'FAILED', executionMode: 'STREAMING' })).run.id);
    }
  });

  it('records one attempt per failed run, and hands a due attempt to one claimer only', async () => {
    const first = await store.scheduleAttempt({ taskId, failedRunId: runIds[0]!, attempt: 1, dueAt: T0 + 1000 });
    assert.ok(first);
    assert.equal(await store.scheduleAttempt({ taskId, failedRunId: runIds[0]!, attempt: 1, dueAt: T0 + 1000 }), undefined, 'a second decision of the same failure');
    assert.deepEqual(await store.claimDueAttempts(60_000), [], 'not due yet');
    now = T0 + 1000;
    const [a, b] = await Promise.all([store.claimDueAttempts(60_000), store.claimDueAttempts(60_000)]);
    assert.equal(a!.length + b!.length, 1);
    await store.finishAttempt(first.id, { state: 'SUBMITTED', newRunId: runIds[1]!, restoredFrom: 'file:/cp/chk-3' });
    await store.setRestartedFrom(runIds[1]!, runIds[0]!);
    assert.equal((await store.attemptForNewRun(runIds[1]!))?.restoredFrom, 'file:/cp/chk-3');
    assert.deepEqual(await store.restartLinks(runIds[1]!), { restartedFromRunId: runIds[0]!, restartedAsRunId: null });
    assert.deepEqual(await store.restartLinks(runIds[0]!), { restartedFromRunId: null, restartedAsRunId: runIds[1]! });
    assert.equal(await store.attemptsSince(taskId, T0), 1);
    assert.equal(await store.attemptsSince(taskId, T0, runIds[0]!), 0, 'except the failure being decided');
  });

  it('keeps the policy and changes the auto-restart state once', async () => {
    assert.deepEqual((await store.taskHealth(taskId)).autoRestart, DEFAULT_AUTO_RESTART_POLICY);
    await store.savePolicy(taskId, { ...DEFAULT_AUTO_RESTART_POLICY, enabled: true, maxAttempts: 5 }, 'alice');
    assert.equal((await store.taskHealth(taskId)).autoRestart.maxAttempts, 5);
    assert.deepEqual(await store.autoRestartTaskIds(), [taskId]);
    assert.equal(await store.setAutoRestartState(taskId, 'EXHAUSTED', 'used up'), true);
    assert.equal(await store.setAutoRestartState(taskId, 'EXHAUSTED', 'used up'), false, 'only one instance reports it');
    const health = await store.taskHealth(taskId);
    assert.deepEqual([health.autoRestartState, health.autoRestartReason], ['EXHAUSTED', 'used up']);
  });

  it('reads the results of a window with the one in force at its start, and stores scores', async () => {
    const run = runIds[2]!;
    await store.appendResult(run, { check: 'checkpoint', state: 'FAIL', detail: 'old', at: T0 - 5000 });
    await store.appendResult(run, { check: 'checkpoint', state: 'PASS', detail: 'ok', at: T0 - 1000 });
    await store.appendResult(run, { check: 'restarts', state: 'PASS', detail: '0', at: T0 - 3000 });
    await store.appendResult(run, { check: 'checkpoint', state: 'FAIL', detail: 'now', at: T0 + 10 });
    const window = await store.resultsSince(run, T0);
    assert.deepEqual(window.map((r) => `${r.check}:${r.state}:${r.at - T0}`), ['restarts:PASS:-3000', 'checkpoint:PASS:-1000', 'checkpoint:FAIL:10']);
    assert.equal((await store.latestResults(run)).get('checkpoint')?.detail, 'now');
    await store.saveScore({ runId: run, taskId, score: 80, reasons: [{ check: 'checkpoint', penalty: 20, text: 'now' }], evaluatedAt: T0 });
    await store.saveScore({ runId: run, taskId, score: 60, reasons: [], evaluatedAt: T0 + 1 });
    assert.deepEqual((await store.scores([run])).get(run), { runId: run, taskId, score: 60, reasons: [], evaluatedAt: T0 + 1, ended: null });
    await store.saveScore({ runId: run, taskId, score: 0, reasons: [], evaluatedAt: T0 + 2, ended: { status: 'FAILED', at: T0 + 2 } });
    assert.deepEqual((await store.score(run))?.ended, { status: 'FAILED', at: T0 + 2 }, 'the score a run ended with says so');
  });

  it("keeps what a check found as a code beside its English, and reads one it no longer knows as English only", async () => {
    const run = runIds[1]!;
    const finding = { code: 'backpressureHigh' as const, params: { vertex: 'Sink: 订单', lastedMs: 61_000, limitMs: 60_000 } };
    await store.appendResult(run, { check: 'backpressure', state: 'FAIL', detail: 'backpressure HIGH on Sink: 订单 for 61 s (limit 60 s)', finding, at: T0 });
    assert.deepEqual((await store.latestResults(run)).get('backpressure')?.finding, finding);
    await store.appendResult(run, { check: 'restarts', state: 'PASS', detail: '0 restarts within 10 min', at: T0 });
    assert.equal('finding' in (await store.latestResults(run)).get('restarts')!, false, 'a result without a code has none');
    await getDb().db.updateTable('health_check_results').set({ finding: JSON.stringify({ code: 'fromANewerWeir', params: {} }) }).where('run_id', '=', run).where('check_name', '=', 'restarts').execute();
    const unknown = (await store.resultsSince(run, T0)).find((r) => r.check === 'restarts')!;
    assert.deepEqual([unknown.detail, 'finding' in unknown], ['0 restarts within 10 min', false]);
  });
});
