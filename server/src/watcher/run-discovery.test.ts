import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FlinkJobDetails } from '../flink/job-manager.client.js';
import type { FlinkJobOverview } from '../flink/job-manager.client.js';
import { firstRecordOf } from './run-discovery.js';
import { detailsFromOverview } from './stale-details.js';

const details = (over: Partial<FlinkJobDetails>): FlinkJobDetails =>
  ({ jid: 'j1', name: 'orders', state: 'RUNNING', 'start-time': 1_000, 'end-time': -1, duration: 5_000, now: 6_000, timestamps: {}, vertices: [], ...over }) as FlinkJobDetails;

describe('run discovery', () => {
  it('starts the run of a job found already running at its first status, so the history Flink reports follows in order', () => {
    const record = firstRecordOf(details({ timestamps: { INITIALIZING: 1_000, CREATED: 1_010, RUNNING: 1_200, FAILED: 0 } }), 'task-1', 'cluster-1');
    assert.equal(record.status, 'INITIALIZING');
    assert.deepEqual({ taskId: record.taskId, clusterId: record.clusterId, flinkJobId: record.flinkJobId, jobName: record.jobName, startTime: record.startTime }, {
      taskId: 'task-1',
      clusterId: 'cluster-1',
      flinkJobId: 'j1',
      jobName: 'orders',
      startTime: 1_000,
    });
  });

  it('places the run of a job found in a YARN application started outside Weir in that application, and a session cluster\'s nowhere', () => {
    const placed = firstRecordOf(details({}), 'task-1', 'yarn-1', { yarnApplicationId: 'application_1_0002', jobManagerUrl: 'http://nm:41002' });
    assert.equal(placed.yarnApplicationId, 'application_1_0002');
    assert.equal(placed.jobManagerUrl, 'http://nm:41002');
    const session = firstRecordOf(details({}), 'task-1', 'cluster-1');
    assert.equal('yarnApplicationId' in session, false);
    assert.equal('jobManagerUrl' in session, false);
  });

  it('takes the current status when Flink gives no times, and a batch job\'s mode from Flink', () => {
    const record = firstRecordOf(details({ state: 'CREATED', 'start-time': -1, 'job-type': 'BATCH' } as Partial<FlinkJobDetails>), 'task-1', 'cluster-1');
    assert.equal(record.status, 'CREATED');
    assert.equal(record.executionMode, 'BATCH');
    assert.equal(record.startTime, null);
  });

  it('starts a run known from the job list alone at its start, not at its end, so no reader sees it ended before its history is written', () => {
    // Its details unreadable, a job that failed before Weir first read it: the run is created first
    // and its history written after (with the final snapshot between), so a run created FAILED would
    // be seen for that moment as FAILED without a single transition.
    const failedLine = { jid: 'j1', name: 'orders', state: 'FAILED', 'start-time': 1_000, 'end-time': 4_000, duration: 3_000, 'last-modification': 4_000, tasks: {} } as unknown as FlinkJobOverview;
    const record = firstRecordOf(detailsFromOverview(failedLine, 9_000), 'task-1', 'cluster-1');
    assert.equal(record.status, 'INITIALIZING');
    assert.equal(record.startTime, 1_000);
  });
});
