import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flinkTermBeside } from './run-status';

test("a status card names Flink's term only when its label does not already say it", () => {
  assert.equal(flinkTermBeside('RUNNING', 'Running'), null);
  assert.equal(flinkTermBeside('UNKNOWN', 'Unknown'), null);
  assert.equal(flinkTermBeside('RUNNING', '运行中'), 'RUNNING');
  assert.equal(flinkTermBeside('FAILED', '异常作业'), 'FAILED');
  assert.equal(flinkTermBeside('RECONNECTING', 'Reconnecting to the cluster'), 'RECONNECTING');
});
