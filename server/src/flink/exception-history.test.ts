import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { restartsOfEndedJob, taskManagersOfLatestFailure } from './exception-history.js';

const entry = (timestamp: number, exceptionName = 'java.lang.ArithmeticException') => ({ exceptionName, stacktrace: `${exceptionName}: / by zero`, timestamp });

describe('restarts of an ended job from its exception history', () => {
  it('counts every handled failure but the one that ended a FAILED job (3 restarts, then "recovery is suppressed")', () => {
    // The shape Flink 1.20.3 and 2.3.0 answered for a fixed-delay job with 3 attempts that failed on every row.
    const history = { exceptionHistory: { entries: [entry(4, 'org.apache.flink.runtime.JobException'), entry(3), entry(2), entry(1)], truncated: false } };
    assert.equal(restartsOfEndedJob(history, 'FAILED'), 3);
  });

  it('counts every failure of a job that was cancelled or finished after restarting', () => {
    const history = { exceptionHistory: { entries: [entry(2), entry(1)], truncated: false } };
    assert.equal(restartsOfEndedJob(history, 'CANCELED'), 2);
    assert.equal(restartsOfEndedJob(history, 'FINISHED'), 2);
  });

  it('gives 0 for a job that failed once without restarting, and for one that never failed', () => {
    assert.equal(restartsOfEndedJob({ exceptionHistory: { entries: [entry(1)], truncated: false } }, 'FAILED'), 0);
    assert.equal(restartsOfEndedJob({ exceptionHistory: { entries: [], truncated: false } }, 'FAILED'), 0);
    assert.equal(restartsOfEndedJob({ exceptionHistory: { entries: [], truncated: false } }, 'CANCELED'), 0);
  });

  it('does not know when the history was cut short or is missing', () => {
    assert.equal(restartsOfEndedJob({ exceptionHistory: { entries: [entry(2), entry(1)], truncated: true } }, 'FAILED'), undefined);
    assert.equal(restartsOfEndedJob(undefined, 'FAILED'), undefined);
  });
});

describe('the TaskManagers of the latest failure', () => {
  it('names the TaskManagers of the newest entry and its concurrent failures, once each', () => {
    const history = {
      exceptionHistory: {
        truncated: false,
        entries: [
          { ...entry(1), taskManagerId: 'tm-old' },
          { ...entry(5), taskManagerId: 'tm-1', concurrentExceptions: [{ ...entry(5), taskManagerId: 'tm-2' }, { ...entry(5), taskManagerId: 'tm-1' }, { ...entry(5), taskManagerId: null }] },
        ],
      },
    };
    assert.deepEqual(taskManagersOfLatestFailure(history), ['tm-1', 'tm-2']);
  });

  it('names none for a failure without a task location, or without history', () => {
    assert.deepEqual(taskManagersOfLatestFailure({ exceptionHistory: { entries: [entry(1)], truncated: false } }), []);
    assert.deepEqual(taskManagersOfLatestFailure(undefined), []);
  });
});
