import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AutoRestartStop } from '@weir/contract';
import { autoRestartStopText, gaveUpAuditDetail } from './auto-restart-stops.js';

test('each reason auto-restart stops for reads in English with the values its code carries', () => {
  const cases: [AutoRestartStop, string][] = [
    [{ code: 'attemptsUsedUp', params: { attempts: 1, windowMs: 600_000, maxAttempts: 1 } }, '1 automatic restart within 10 min used up (at most 1)'],
    [{ code: 'attemptsUsedUp', params: { attempts: 3, windowMs: 1_800_000, maxAttempts: 3 } }, '3 automatic restarts within 30 min used up (at most 3)'],
    [{ code: 'notSubmitted', params: { attempt: 2, error: 'latest-checkpoint: no checkpoint' } }, 'attempt 2 could not be submitted (latest-checkpoint: no checkpoint)'],
    [
      { code: 'clusterUnreachable', params: { attempt: 1, waitedMs: 1_800_000, error: 'connect ECONNREFUSED' } },
      'attempt 1 could not be submitted: the cluster could not be reached for 30 min (connect ECONNREFUSED)',
    ],
  ];
  for (const [stop, english] of cases) {
    assert.ok(AutoRestartStop.safeParse(stop).success);
    assert.equal(autoRestartStopText(stop), english);
  }
});

test("giving up is audited with the reason's English and the same as its code", () => {
  const stop = { code: 'notSubmitted', params: { attempt: 2, error: 'savepoint: not found' } } as const;
  assert.deepEqual(gaveUpAuditDetail('run-1', stop), { runId: 'run-1', reason: 'attempt 2 could not be submitted (savepoint: not found)', stop });
});
