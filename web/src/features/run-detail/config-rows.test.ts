import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { configRows, fieldInWords, valueInWords } from './config-rows';

describe('configuration rows', () => {
  test("a task's settings read as words: no camelCase, no null, no {}; its Flink options as rows of their own", () => {
    const rows = configRows({
      parallelism: 2,
      checkpointIntervalMs: 10_000,
      savepointStrategy: 'latest',
      savepointPath: null,
      flinkOptions: { 'table.exec.state.ttl': '1 h', 'pipeline.auto-watermark-interval': '200 ms' },
      alertGroup: null,
    });
    assert.deepEqual(
      rows.map((r) => [r.label ?? r.key, r.value, r.group]),
      [
        ['Parallelism', '2', null],
        ['Checkpoint interval', '10 s', null],
        ['Savepoint strategy', 'latest', null],
        ['Savepoint path', null, null],
        ['Alert group', null, null],
        ['pipeline.auto-watermark-interval', '200 ms', 'flinkOptions'],
        ['table.exec.state.ttl', '1 h', 'flinkOptions'],
      ],
    );
    const shown = JSON.stringify(rows.map((r) => [r.label, r.value]));
    assert.ok(!/null\b.*:|\{\}|[a-z][A-Z]/.test(shown.replace(/null/g, '')), shown);
  });

  test('an empty map still shows its field, as not set', () => {
    assert.deepEqual(configRows({ flinkOptions: {} }), [{ key: 'flinkOptions', label: 'Flink options', value: null, group: null }]);
  });

  test("Flink's kebab-case keys and values pass through; lists and objects are spelled out", () => {
    assert.equal(fieldInWords('object-reuse-mode'), 'Object reuse mode');
    assert.equal(valueInWords('job-parallelism', 4), '4');
    assert.equal(valueInWords('object-reuse-mode', false), 'false');
    assert.equal(valueInWords('user-config', {}), null);
    assert.equal(valueInWords('args', ['--a', 1]), '--a, 1');
    assert.equal(valueInWords('x', { a: 1, b: null }), 'a=1, b=–');
  });
});
