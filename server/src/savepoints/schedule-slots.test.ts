import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextSlotAt, parseCron } from './schedule-slots.js';

const T0 = Date.UTC(2026, 11, 5, 10, 0, 7);

test('an interval counts from the last slot', () => {
  assert.equal(nextSlotAt({ intervalMs: 60_000 }, T0), T0 + 60_000);
});

test('a cron expression gives its next time after the last slot, in UTC; with seconds too', () => {
  assert.equal(nextSlotAt({ cron: '0 */6 * * *' }, T0), Date.UTC(2026, 11, 5, 12, 0, 0));
  assert.equal(nextSlotAt({ cron: '*/10 * * * * *' }, T0), Date.UTC(2026, 11, 5, 10, 0, 10));
});

test('a malformed cron expression is refused with the reason', () => {
  assert.throws(() => parseCron('every hour'), /exactly five, six, or seven/);
  assert.throws(() => parseCron('0 25 * * *'), /CronPattern/);
});
