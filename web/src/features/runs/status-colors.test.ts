import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OverviewRunStatus } from '@weir/contract';
import { STATUS_COLORS, statusColor, UNLISTED_STATUS_COLOR } from './status-colors';

test('every status a run can show has its own colour, the same on every page', () => {
  for (const status of OverviewRunStatus.options) assert.notEqual(statusColor(status), UNLISTED_STATUS_COLOR, status);
  const colours = Object.values(STATUS_COLORS);
  assert.equal(new Set(colours).size, colours.length, 'no two statuses share a colour');
});

test("a status Weir does not know (a newer Flink's) is drawn neutral, not in another status's colour", () => {
  assert.equal(statusColor('SOMETHING_NEW'), UNLISTED_STATUS_COLOR);
  assert.ok(!Object.values(STATUS_COLORS).includes(UNLISTED_STATUS_COLOR));
});
