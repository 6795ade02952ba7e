import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_AUTO_RESTART_POLICY, type AutoRestartPolicy } from '@weir/contract';
import { backoffMs, decideAutoRestart, type DecisionInput } from './auto-restart.js';

const policy: AutoRestartPolicy = { ...DEFAULT_AUTO_RESTART_POLICY, enabled: true, maxAttempts: 3, backoffInitialMs: 1000, backoffMultiplier: 2, backoffMaxMs: 3000 };
const failed = (over: Partial<DecisionInput> = {}): DecisionInput => ({ policy, status: 'FAILED', stoppedOnPurpose: false, exhausted: false, attemptsInWindow: 0, ...over });

describe('decideAutoRestart', () => {
  it('restarts a FAILED run, numbering attempts within the window and backing off', () => {
    assert.deepEqual(decideAutoRestart(failed()), { action: 'restart', attempt: 1, delayMs: 1000 });
    assert.deepEqual(decideAutoRestart(failed({ attemptsInWindow: 1 })), { action: 'restart', attempt: 2, delayMs: 2000 });
    assert.deepEqual(decideAutoRestart(failed({ attemptsInWindow: 2 })), { action: 'restart', attempt: 3, delayMs: 3000 }, 'capped at backoffMaxMs');
  });

  it('gives up on the failure after the last attempt', () => {
    const d = decideAutoRestart(failed({ attemptsInWindow: 3 }));
    assert.equal(d.action, 'give-up');
    assert.match((d as { reason: string }).reason, /^3 automatic restarts within 30 min used up \(at most 3\)$/);
    assert.deepEqual((d as { stop: unknown }).stop, { code: 'attemptsUsedUp', params: { attempts: 3, windowMs: policy.windowMs, maxAttempts: 3 } }, 'the same reason as a code');
  });

  it('never restarts a run that was stopped or cancelled, or that ended CANCELED or FINISHED', () => {
    assert.equal(decideAutoRestart(failed({ stoppedOnPurpose: true })).action, 'ignore');
    assert.equal(decideAutoRestart(failed({ status: 'CANCELED' })).action, 'ignore');
    assert.equal(decideAutoRestart(failed({ status: 'FINISHED' })).action, 'ignore');
  });

  it('does nothing when the policy is off, or Weir already gave up and nobody started the task since', () => {
    assert.deepEqual(decideAutoRestart(failed({ policy: { ...policy, enabled: false } })), { action: 'ignore', reason: 'auto-restart is off' });
    assert.equal(decideAutoRestart(failed({ exhausted: true, attemptsInWindow: 5 })).action, 'ignore', 'one alert, not one per later failure');
  });
});

describe('backoffMs', () => {
  it('grows by the multiplier up to the maximum', () => {
    const p = { backoffInitialMs: 500, backoffMultiplier: 3, backoffMaxMs: 10_000 };
    assert.deepEqual([1, 2, 3, 4, 5].map((k) => backoffMs(p, k)), [500, 1500, 4500, 10_000, 10_000]);
    assert.equal(backoffMs({ backoffInitialMs: 0, backoffMultiplier: 2, backoffMaxMs: 0 }, 3), 0);
  });
});
