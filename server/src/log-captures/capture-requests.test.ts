import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requestOf } from './log-captures.service.js';

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
});
