import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lowestWatermark } from './watermarks.js';

test("a vertex's watermark is its slowest subtask's, and none until every subtask has one", () => {
  const T = 1_800_000_000_000;
  assert.equal(lowestWatermark([{ id: '0.currentInputWatermark', value: String(T + 5) }, { id: '1.currentInputWatermark', value: String(T) }, { id: '0.numRecordsIn', value: '7' }]), T);
  // Flink reports Long.MIN_VALUE for a subtask that has not seen a watermark yet.
  assert.equal(lowestWatermark([{ id: '0.currentInputWatermark', value: String(T) }, { id: '1.currentInputWatermark', value: '-9223372036854775808' }]), null);
  assert.equal(lowestWatermark([{ id: '0.currentInputWatermark', value: 'NaN' }]), null);
  assert.equal(lowestWatermark([]), null);
});
