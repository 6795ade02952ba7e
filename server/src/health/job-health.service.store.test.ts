import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { AuditService } from '../audit/audit.service.js';
import { AuditStore } from '../audit/audit.store.js';
import { RunsStore } from '../runs/runs.store.js';
import { TasksStore } from '../tasks/tasks.store.js';
import { forEachDatabase } from '../test-support/databases.js';
import { HealthStore } from './health.store.js';
import { JobHealthService } from './job-health.service.js';

const T0 = 1_800_000_000_000;

forEachDatabase('JobHealthService', (getDb) => {
  let service: JobHealthService;
  let store: HealthStore;
  let runs: RunsStore;
  let taskId: string;

  before(async () => {
    store = new HealthStore(getDb(), () => T0);
    runs = new RunsStore(getDb());
    const tasks = new TasksStore(getDb());
    taskId = (await tasks.create({ name: `scored-${Math.random()}`, kind: 'SQL', executionMode: 'STREAMING', clusterId: 'c1' })).id;
    service = new JobHealthService({ store, runs, tasks, audit: new AuditService(new AuditStore(getDb()), console), now: () => T0 });
  });

  it("a policy change is audited as the settings that moved, before → after, not the whole policy", async () => {
    const actor = { id: 'u1', name: 'alice', kind: 'user', role: 'admin', globalRole: 'admin', teamRoles: {} } as never;
    const checks = (await service.taskHealth(taskId)).checks;
    await service.setChecks(actor, taskId, { ...checks, restarts: { ...checks.restarts, threshold: checks.restarts.threshold + 2 }, checkpoint: { enabled: false } });
    const entry = (await new AuditStore(getDb()).list({ action: 'task.health-checks.update', targetId: taskId, limit: 1 })).items[0];
    assert.deepEqual(JSON.parse(entry?.detail ?? '{}'), {
      changes: {
        'restarts.threshold': { before: checks.restarts.threshold, after: checks.restarts.threshold + 2 },
        'checkpoint.enabled': { before: true, after: false },
      },
    });
  });

  it('a run that ended shows no score until the score of its end is there, never its last live score', async () => {
    const { run } = await runs.upsertByJob({ taskId, clusterId: 'c1', flinkJobId: `f-${taskId}`, jobName: 'j', status: 'RUNNING', executionMode: 'STREAMING' });
    await store.saveScore({ runId: run.id, taskId, score: 100, reasons: [], evaluatedAt: T0 - 5000 });
    assert.equal((await service.runHealth(run.id)).score, 100, 'running: the live score');

    // The job failed; the checks have not scored its end yet.
    await runs.upsertByJob({ taskId, clusterId: 'c1', flinkJobId: `f-${taskId}`, jobName: 'j', status: 'FAILED', executionMode: 'STREAMING' });
    const pending = await service.runHealth(run.id);
    assert.deepEqual([pending.score, pending.band, pending.reasons, pending.endedStatus], [null, null, [], null]);

    await store.saveScore({ runId: run.id, taskId, score: 0, reasons: [{ check: 'ended', points: 100, detail: 'the run ended FAILED' }] as never, evaluatedAt: T0, ended: { status: 'FAILED', at: T0 } });
    const ended = await service.runHealth(run.id);
    assert.deepEqual([ended.score, ended.band, ended.endedStatus], [0, 'unhealthy', 'FAILED']);
  });
});
