import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Cluster } from '@weir/contract';
import { FlinkRejectedError } from '../errors/errors.js';
import type { EventBus } from '../events/events.js';
import type { FlinkJobOverview, JobManagerClient } from '../flink/job-manager.client.js';
import { quietLogger } from '../logging/logger.js';
import type { RunsStore } from '../runs/runs.store.js';
import type { TasksStore } from '../tasks/tasks.store.js';
import { ClusterWatcher } from './cluster-watcher.js';

const cluster = { id: 'c1', name: 'prod', health: 'HEALTHY', teamId: null } as unknown as Cluster;

/** A cluster listing jobs Weir has never seen; each details read is recorded, and the first one stops the watch. */
function clusterWithNewJobs(count: number, stop: AbortController) {
  const detailsRead: string[] = [];
  const overview = Array.from({ length: count }, (_, i) => ({ jid: `job-${i}`, name: `job ${i}`, state: 'RUNNING' }) as FlinkJobOverview);
  const jm = {
    jobsOverview: async () => overview,
    dashboardConfig: async () => ({ 'refresh-interval': 3_000 }),
    job: async (jid: string) => {
      detailsRead.push(jid);
      stop.abort(new Error('scheduler stopped'));
      // Gone between the list and the details: the watcher logs it and goes on to the next job.
      throw new FlinkRejectedError(`Job ${jid} not found`, { status: 404 });
    },
  } as unknown as JobManagerClient;
  const runs = { listNonTerminalByCluster: async () => [], getByJob: async () => undefined } as unknown as RunsStore;
  const watcher = new ClusterWatcher(cluster, jm, {
    runs,
    tasks: {} as TasksStore,
    events: { publish() {} } as unknown as EventBus,
    settings: { intervalMs: 1_000, reconnectAttempts: 3, reconnectWindowMs: 10_000 },
    log: quietLogger,
  });
  return { watcher, detailsRead };
}

describe('a watch cycle told to stop', () => {
  it('starts no further read of job details once the scheduler aborts it', async () => {
    const stop = new AbortController();
    const { watcher, detailsRead } = clusterWithNewJobs(3, stop);
    const report = await watcher.cycle({ signal: stop.signal });
    assert.deepEqual(detailsRead, ['job-0']);
    assert.equal(report.jobs, 3);
  });

  it('reads every job it has to when nobody stops it', async () => {
    const { watcher, detailsRead } = clusterWithNewJobs(3, new AbortController());
    await watcher.cycle();
    assert.deepEqual(detailsRead, ['job-0', 'job-1', 'job-2']);
  });
});
