import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkBackpressure, checkCheckpoint, checkpointLimitMs, checkRestarts } from './health-checks.js';

describe('health checks', () => {
  it('checkpoint limit is max(interval, timeout) × (tolerable failures + 2)', () => {
    assert.equal(checkpointLimitMs({ interval: 1000, timeout: 2000, tolerableFailures: 0 }), 4000);
    assert.equal(checkpointLimitMs({ interval: 60_000, timeout: 10_000, tolerableFailures: 3 }), 300_000);
  });

  it('checkpoint fails once no checkpoint completed within the limit, counting from the first RUNNING', () => {
    const config = { interval: 1000, timeout: 2000, tolerableFailures: 0 };
    const base = { config, enabled: true, runningSince: 10_000 };
    assert.equal(checkCheckpoint({ ...base, lastCompletedAt: null, now: 14_000 }).state, 'PASS');
    const late = checkCheckpoint({ ...base, lastCompletedAt: null, now: 14_001 });
    assert.equal(late.state, 'FAIL');
    assert.match(late.detail, /^no checkpoint completed for 4 s \(limit 4 s = max\(interval 1 s, timeout 2 s\) × \(0 tolerable \+ 2\)\)$/);
    assert.equal(checkCheckpoint({ ...base, lastCompletedAt: 20_000, now: 23_000 }).state, 'PASS');
    assert.equal(checkCheckpoint({ ...base, lastCompletedAt: 20_000, now: 24_500 }).state, 'FAIL');
    assert.deepEqual(late.finding, { code: 'checkpointOverdue', params: { quietMs: 4_001, limitMs: 4_000, intervalMs: 1_000, timeoutMs: 2_000, tolerable: 0 } }, 'the same as a code, for the reader\'s language');
    assert.equal(checkCheckpoint({ ...base, lastCompletedAt: null, now: 14_000 }).finding.code, 'checkpointNoneYet');
    assert.equal(checkCheckpoint({ ...base, lastCompletedAt: 20_000, now: 23_000 }).finding.code, 'checkpointRecent');
    assert.equal(checkCheckpoint({ ...base, config: null, lastCompletedAt: null, now: 99_999 }).state, 'SKIPPED', 'checkpointing off');
    assert.equal(checkCheckpoint({ ...base, enabled: false, lastCompletedAt: null, now: 99_999 }).state, 'SKIPPED');
  });

  it('restarts fail above the threshold', () => {
    const s = { enabled: true, threshold: 2, windowMs: 600_000 };
    assert.deepEqual(checkRestarts(2, s), { state: 'PASS', detail: '2 restarts within 10 min', finding: { code: 'restartsWithin', params: { restarts: 2, windowMs: 600_000, threshold: 2 } } });
    assert.deepEqual(checkRestarts(3, s), { state: 'FAIL', detail: '3 restarts within 10 min (more than 2)', finding: { code: 'restartsOver', params: { restarts: 3, windowMs: 600_000, threshold: 2 } } });
  });

  it('backpressure fails when HIGH lasted the duration', () => {
    const s = { enabled: true, vertex: 'Calc', forMs: 60_000 };
    assert.equal(checkBackpressure({ ...s, highSince: null, now: 1 }).state, 'PASS');
    assert.equal(checkBackpressure({ ...s, highSince: 0, now: 59_999 }).state, 'PASS');
    assert.deepEqual(checkBackpressure({ ...s, highSince: 0, now: 61_000 }), {
      state: 'FAIL',
      detail: 'backpressure HIGH on Calc for 61 s (limit 60 s)',
      finding: { code: 'backpressureHigh', params: { vertex: 'Calc', lastedMs: 61_000, limitMs: 60_000 } },
    });
  });
});
