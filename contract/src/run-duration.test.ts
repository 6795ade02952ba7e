import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDurationLive, runDurationMs } from './run-duration.js';

const start = 1_000_000;
const now = start + 210_000;

describe('runDurationMs', () => {
  it('counts a running job from its start to now, whatever Flink last reported', () => {
    assert.equal(runDurationMs({ status: 'RUNNING', lost: false, startTime: start, endTime: null, recordedMs: 1390 }, now), 210_000);
    assert.equal(isDurationLive({ status: 'RESTARTING', lost: false, startTime: start, endTime: null }), true);
  });

  it('takes end − start once the run ended', () => {
    assert.equal(runDurationMs({ status: 'FAILED', lost: false, startTime: start, endTime: start + 5000, recordedMs: 1 }, now), 5000);
    assert.equal(isDurationLive({ status: 'FAILED', lost: false, startTime: start, endTime: start + 5000 }), false);
  });

  it('keeps what Flink reported when it cannot count: no start, lost, or ended without an end time', () => {
    assert.equal(runDurationMs({ status: 'CREATED', lost: false, startTime: null, endTime: null, recordedMs: null }, now), null);
    assert.equal(runDurationMs({ status: 'UNKNOWN', lost: true, startTime: start, endTime: null, recordedMs: 7000 }, now), 7000);
    assert.equal(runDurationMs({ status: 'CANCELED', lost: false, startTime: start, endTime: null, recordedMs: 9000 }, now), 9000);
  });
});
