import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileCacheWaitMs, LATE_EVENT_MS, requestOf as requestOfAt } from './capture-requests.js';
import type { WeirEvent } from '../events/events.js';

/** Heard a second after it happened. */
const requestOf = (event: WeirEvent, threadDump: boolean) => requestOfAt(event, threadDump, ('at' in event ? event.at : 0) + 1_000);

const ref = { runId: 'r1', taskId: 't', taskName: 't', clusterId: 'c', clusterName: 'c', flinkJobId: 'j', jobName: 'j' };

describe('which events call for a log capture', () => {
  it('a failure, a restart, a failed checkpoint and a lost TaskManager do, each under a key naming the event', () => {
    assert.equal(requestOf({ type: 'run.status', from: 'FAILING', to: 'FAILED', at: 5, restartCount: 0, ...ref }, false)?.triggerKey, 'FAILED:5');
    assert.equal(requestOf({ type: 'run.status', from: 'RUNNING', to: 'RESTARTING', at: 6, restartCount: 1, ...ref }, true)?.threadDump, true);
    assert.equal(requestOf({ type: 'run.checkpoint', at: 7, checkpointId: 12, outcome: 'FAILED', failure: 'expired', isSavepoint: false, ...ref }, false)?.triggerKey, 'CHECKPOINT_FAILED:12');
    const lost = requestOf({ type: 'run.exception', at: 8, exceptionName: 'java.util.concurrent.TimeoutException', message: 'Heartbeat of TaskManager with id tm-2 timed out.', failedTask: null, ...ref }, false);
    assert.equal(lost?.trigger, 'TASKMANAGER_LOST');
  });

  it('statuses Weir set for an unreachable cluster, other statuses, savepoints and ordinary exceptions do not', () => {
    assert.equal(requestOf({ type: 'run.status', from: 'RUNNING', to: 'FAILED', at: 5, restartCount: 0, cause: 'cluster-unreachable', ...ref }, false), undefined);
    assert.equal(requestOf({ type: 'run.status', from: 'RUNNING', to: 'CANCELED', at: 5, restartCount: 0, ...ref }, false), undefined);
    assert.equal(requestOf({ type: 'run.checkpoint', at: 7, checkpointId: 12, outcome: 'FAILED', isSavepoint: true, ...ref }, false), undefined);
    assert.equal(requestOf({ type: 'run.exception', at: 8, exceptionName: 'java.lang.ArithmeticException', message: '/ by zero', failedTask: null, ...ref }, false), undefined);
  });

  it('an event heard long after it happened (a job found already failed) does not: the TaskManagers no longer hold it', () => {
    const failed: WeirEvent = { type: 'run.status', from: null, to: 'FAILED', at: 1_000_000, restartCount: 0, ...ref };
    assert.equal(requestOfAt(failed, false, 1_000_000 + LATE_EVENT_MS + 1), undefined);
    assert.equal(requestOfAt(failed, false, 1_000_000 + LATE_EVENT_MS)?.trigger, 'FAILED');
  });
});

describe('when a capture may read a TaskManager file', () => {
  // Flink serves a TaskManager's log from a copy it keeps for web.refresh-interval: a copy made
  // before the event would not hold it.
  it('once the JobManager\'s copy can no longer predate the event: its refresh interval after Weir heard of it, and a little slack', () => {
    assert.equal(fileCacheWaitMs({ heardAt: 10_000, refreshIntervalMs: 1_000, now: 10_100 }), 1_150);
    assert.equal(fileCacheWaitMs({ heardAt: 10_000, refreshIntervalMs: 1_000, now: 12_000 }), 0);
  });

  it('with Flink\'s default interval when the JobManager says none or nonsense, and never longer than 30 s', () => {
    assert.equal(fileCacheWaitMs({ heardAt: 0, refreshIntervalMs: undefined, now: 0 }), 3_250);
    assert.equal(fileCacheWaitMs({ heardAt: 0, refreshIntervalMs: -5, now: 0 }), 3_250);
    assert.equal(fileCacheWaitMs({ heardAt: 0, refreshIntervalMs: Number.NaN, now: 0 }), 3_250);
    assert.equal(fileCacheWaitMs({ heardAt: 0, refreshIntervalMs: 86_400_000, now: 0 }), 30_250);
  });
});
