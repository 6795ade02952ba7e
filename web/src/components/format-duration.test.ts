import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDuration } from './format-duration';

test('formats durations compactly at every scale', () => {
  assert.equal(formatDuration(null), null);
  assert.equal(formatDuration(0), '0s');
  assert.equal(formatDuration(999), '0s');
  assert.equal(formatDuration(45_000), '45s');
  assert.equal(formatDuration(185_000), '3m 05s');
  assert.equal(formatDuration(2 * 3_600_000 + 7 * 60_000 + 59_000), '2h 07m');
  assert.equal(formatDuration(3 * 86_400_000 + 4 * 3_600_000 + 1), '3d 4h');
  assert.equal(formatDuration(-5), '0s', 'clock skew never shows a negative duration');
});
