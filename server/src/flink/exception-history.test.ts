import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { restartsOfEndedJob } from './exception-history.js';

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
