import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JobExceptions } from './flink-rest.schemas.js';
import { causeOfLatestFailure, exceptionsAfter, latestFailureOf, restartsOfEndedJob, taskManagersOfLatestFailure } from './exception-history.js';

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

describe('the exceptions not yet announced', () => {
  it('gives the entries after the last one announced, oldest first, each as its class, first line and failed task', () => {
    const history = {
      exceptionHistory: {
        truncated: false,
        entries: [
          { exceptionName: 'java.lang.IllegalStateException', stacktrace: 'java.lang.IllegalStateException: boom\n\tat Job.map(Job.java:1)', timestamp: 30, taskName: 'Map (1/2)' },
          { ...entry(20), taskName: null },
          entry(10),
        ],
      },
    };
    assert.deepEqual(exceptionsAfter(history, 10), [
      { at: 20, exceptionName: 'java.lang.ArithmeticException', message: 'java.lang.ArithmeticException: / by zero', failedTask: null },
      { at: 30, exceptionName: 'java.lang.IllegalStateException', message: 'java.lang.IllegalStateException: boom', failedTask: 'Map (1/2)' },
    ]);
    assert.deepEqual(exceptionsAfter(history, 30), [], 'all announced');
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

describe('the cause of the latest failure, in one line', () => {
  it('is the innermost cause of the newest entry: a job failed for good names the task\'s exception, not "recovery is suppressed"', () => {
    const suppressed = {
      exceptionName: 'org.apache.flink.runtime.JobException',
      stacktrace: 'org.apache.flink.runtime.JobException: Recovery is suppressed by NoRestartBackoffTimeStrategy\n\tat org.apache.flink.runtime.X.y(X.java:1)\nCaused by: java.lang.ArithmeticException: / by zero\n\tat StreamExecCalc$5.processElement(Unknown Source)',
      timestamp: 9,
    };
    assert.equal(causeOfLatestFailure({ exceptionHistory: { entries: [entry(1, 'java.io.IOException'), suppressed], truncated: false } }), 'java.lang.ArithmeticException: / by zero');
  });

  it('falls back to a concurrent task failure, then to the first line, and is cut to its length', () => {
    const bare = { exceptionName: 'org.apache.flink.runtime.JobException', stacktrace: 'org.apache.flink.runtime.JobException: Recovery is suppressed', timestamp: 2 };
    assert.equal(causeOfLatestFailure({ exceptionHistory: { entries: [{ ...bare, concurrentExceptions: [{ exceptionName: 'x', stacktrace: 'x\nCaused by: java.lang.IllegalStateException: boom', timestamp: 2 }] }], truncated: false } }), 'java.lang.IllegalStateException: boom');
    assert.equal(causeOfLatestFailure({ exceptionHistory: { entries: [bare], truncated: false } }), 'org.apache.flink.runtime.JobException: Recovery is suppressed');
    assert.equal(causeOfLatestFailure({ exceptionHistory: { entries: [bare], truncated: false } }, 20), 'org.apache.flink.ru…');
    assert.equal(causeOfLatestFailure(undefined), undefined);
  });
});

describe('the latest failure of an exception history, as an alert names it', () => {
  it('splits the innermost cause into class and message', () => {
    const history = JobExceptions.parse({
      'root-exception': 'ignored',
      exceptionHistory: {
        truncated: false,
        entries: [
          {
            exceptionName: 'org.apache.flink.runtime.JobException',
            stacktrace: 'org.apache.flink.runtime.JobException: Recovery is suppressed by NoRestartBackoffTimeStrategy\n\tat a.b(C.java:1)\nCaused by: java.lang.ArithmeticException: / by zero\n',
            timestamp: 5,
          },
        ],
      },
    });
    assert.deepEqual(latestFailureOf(history), { name: 'java.lang.ArithmeticException', message: '/ by zero' });
  });

  it('keeps a cause without a message whole, and names nothing without a failure', () => {
    const bare = JobExceptions.parse({ exceptionHistory: { truncated: false, entries: [{ exceptionName: 'java.lang.OutOfMemoryError', stacktrace: 'java.lang.OutOfMemoryError\n\tat x.y(Z.java:1)', timestamp: 1 }] } });
    assert.deepEqual(latestFailureOf(bare), { name: 'java.lang.OutOfMemoryError', message: '' });
    assert.equal(latestFailureOf(JobExceptions.parse({ exceptionHistory: { truncated: false, entries: [] } })), undefined);
    assert.equal(latestFailureOf(undefined), undefined);
  });
});
