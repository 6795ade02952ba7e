import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeDateTime, formatDateTime } from './date-time-format';

const AT = Date.UTC(2026, 11, 6, 2, 32, 17);

test('one format per language, 24-hour', () => {
  assert.equal(formatDateTime(AT, 'en-US', 'UTC'), 'Dec 6, 2026, 02:32:17');
  assert.equal(formatDateTime(AT, 'zh-CN', 'UTC'), '2026年12月6日 02:32:17');
  assert.equal(formatDateTime(Date.UTC(2026, 11, 6, 14, 5, 0), 'en-US', 'Asia/Shanghai'), 'Dec 6, 2026, 22:05:00');
  assert.equal(formatDateTime(null, 'en-US'), '–');
});

test('the hover names the zone and gives UTC', () => {
  assert.match(describeDateTime(AT, 'en-US', 'Asia/Shanghai'), /^Dec 6, 2026, 10:32:17 China Standard Time \(Asia\/Shanghai\) · 2026-12-06T02:32:17\.000Z$/);
  assert.match(describeDateTime(AT, 'zh-CN', 'UTC'), /^2026年12月6日 协调世界时 02:32:17 \(UTC\) · 2026-12-06T02:32:17\.000Z$/);
});
