import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeSqlRunnerArgs, encodeSqlRunnerArgs } from './sql-runner.js';

describe('SQL runner arguments', () => {
  it('are the mode, then one base64 argument per statement that decodes to the same text, Unicode included', () => {
    const statements = ["INSERT INTO k SELECT '订单 ✓' FROM s", "CREATE TABLE s (x STRING) WITH ('connector' = 'datagen')"];
    const args = encodeSqlRunnerArgs('batch', statements);
    assert.equal(args[0], 'batch');
    assert.equal(args.length, 3);
    assert.deepEqual(decodeSqlRunnerArgs(args), { mode: 'batch', statements });
  });

  it('need the job statement', () => {
    assert.throws(() => encodeSqlRunnerArgs('streaming', []), /at least the job statement/);
  });
});
