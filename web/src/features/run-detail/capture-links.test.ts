import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LogCapture } from '@weir/contract';
import { captureNear } from './capture-links';

const capture = (id: string, trigger: LogCapture['trigger'], triggerAt: number, status: LogCapture['status'] = 'COMPLETE'): LogCapture => ({
  id, runId: 'r', trigger, triggerAt, detail: null, requestedBy: null, status, failure: null, textBytes: 1, storedBytes: 1, truncated: false, durationMs: 1, createdAt: triggerAt, completedAt: triggerAt, parts: [],
});

describe('the capture around an exception', () => {
  test('is the first automatic capture at or just after it', () => {
    const captures = [capture('late', 'RESTARTING', 100_000), capture('failed', 'FAILED', 10_500), capture('manual', 'MANUAL', 10_200)];
    assert.equal(captureNear(10_000, captures)?.id, 'failed');
  });

  test('a manual capture serves when no automatic one does; failed captures and far ones never', () => {
    assert.equal(captureNear(10_000, [capture('manual', 'MANUAL', 60_000)])?.id, 'manual');
    assert.equal(captureNear(10_000, [capture('broken', 'FAILED', 10_500, 'FAILED')]), undefined);
    assert.equal(captureNear(10_000, [capture('before', 'FAILED', 1_000), capture('after', 'FAILED', 10_000 + 11 * 60_000)]), undefined);
  });
});
