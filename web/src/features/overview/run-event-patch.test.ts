import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OverviewTask, OverviewTaskPage } from '@weir/contract';
import { patchRunStatus } from './run-event-patch';

function task(id: string, latestRunId: string, overrides: Partial<OverviewTask> = {}): OverviewTask {
  return {
    id,
    name: id,
    kind: 'EXTERNAL',
    lifecycle: 'ONLINE',
    executionMode: 'STREAMING',
    clusterId: 'c1',
    clusterName: 'dev',
    teamId: 'default',
    teamName: 'default',
    owner: null,
    latestRunId,
    flinkJobId: `${latestRunId}-job`,
    status: 'RUNNING',
    lost: false,
    startTime: 1,
    endTime: null,
    durationMs: 10,
    restartCount: 0,
    health: { score: 64, band: 'degraded', reasons: [{ check: 'restarts', penalty: 36, text: '5 restarts in 10 min' }], evaluatedAt: 1 },
    ...overrides,
  };
}
const page: OverviewTaskPage = { items: [task('a', 'run-a'), task('b', 'run-b', { status: 'UNKNOWN', lost: true })], total: 2, page: 1, pageSize: 20, now: 5 };

test('a status event changes only the row whose latest run it is, with its restart count', () => {
  const next = patchRunStatus(page, { type: 'run.status', runId: 'run-a', taskId: 'a', to: 'RESTARTING', restartCount: 3 });
  assert.deepEqual(next?.items.map((i) => [i.status, i.restartCount]), [['RESTARTING', 3], ['UNKNOWN', 0]]);
  assert.equal(page.items[0]!.status, 'RUNNING', 'the cached page is not mutated');
});

test("a run that ends drops its health score at once; one that restarts keeps it until the next refresh", () => {
  const restarting = patchRunStatus(page, { type: 'run.status', runId: 'run-a', taskId: 'a', to: 'RESTARTING', restartCount: 1 });
  assert.equal(restarting?.items[0]!.health?.score, 64);
  const failed = patchRunStatus(page, { type: 'run.status', runId: 'run-a', taskId: 'a', to: 'FAILED', restartCount: 1 });
  assert.equal(failed?.items[0]!.health, null);
});

test('a run seen again is no longer lost', () => {
  const next = patchRunStatus(page, { type: 'run.status', runId: 'run-b', taskId: 'b', to: 'RUNNING', restartCount: 0 });
  assert.deepEqual([next?.items[1]!.status, next?.items[1]!.lost], ['RUNNING', false]);
});

test('events for runs not on the page, an earlier run of a listed task, or no page at all change nothing', () => {
  assert.equal(patchRunStatus(page, { type: 'run.status', runId: 'run-z', taskId: 'z', to: 'FAILED', restartCount: 0 }), page);
  assert.equal(patchRunStatus(page, { type: 'run.status', runId: 'old-run-of-a', taskId: 'a', to: 'FAILED', restartCount: 0 }), page);
  assert.equal(patchRunStatus(undefined, { type: 'run.discovered', runId: 'run-a', taskId: 'a', status: 'RUNNING' }), undefined);
});
