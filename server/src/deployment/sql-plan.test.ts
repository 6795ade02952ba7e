import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../errors/errors.js';
import { planScriptOrRefuse, tableEnvironmentPlan } from './sql-plan.js';

test('a script that cannot be planned is refused with its position, in the words every target uses', () => {
  assert.throws(() => planScriptOrRefuse("CREATE TABLE t (a INT) WITH ('connector' = 'datagen');"), (err: unknown) => {
    assert.ok(err instanceof InputError);
    assert.match(err.message, /^The script cannot be submitted: The script starts no Flink job: add an INSERT INTO statement \(line 1, column \d+\)$/);
    return true;
  });
});

test('SET and RESET become options, in script order, and every other statement is given to the TableEnvironment as it is', () => {
  const plan = tableEnvironmentPlan(planScriptOrRefuse([
    "SET 'table.exec.state.ttl' = '1 h';",
    "SET 'pipeline.name' = 'it''s mine';",
    'SET parallelism.default = 4;',
    "CREATE TABLE s (x INT) WITH ('connector' = 'datagen');",
    "RESET 'table.exec.state.ttl';",
    "CREATE TABLE k (x INT) WITH ('connector' = 'blackhole');",
    'INSERT INTO k SELECT x FROM s;',
  ].join('\n')));
  assert.deepEqual(plan.options, { 'pipeline.name': "it's mine", 'parallelism.default': '4' });
  assert.deepEqual(plan.statements, [
    "CREATE TABLE s (x INT) WITH ('connector' = 'datagen')",
    "CREATE TABLE k (x INT) WITH ('connector' = 'blackhole')",
    'INSERT INTO k SELECT x FROM s',
  ]);
});

test('a bare RESET clears what the script set before it, and a SET Weir cannot read is refused at its line', () => {
  assert.deepEqual(tableEnvironmentPlan(planScriptOrRefuse("SET 'a' = 'b';\nRESET;\nSET 'c' = 'd';\nINSERT INTO k SELECT 1;")).options, { c: 'd' });
  assert.throws(() => tableEnvironmentPlan(planScriptOrRefuse("CREATE TABLE s (x INT);\nSET 'a' 'b';\nINSERT INTO k SELECT 1;")), (err: unknown) => {
    assert.ok(err instanceof InputError);
    assert.equal(err.message, "The script cannot be submitted: Weir cannot read this SET statement as 'key' = 'value' (line 2, column 1)");
    return true;
  });
});
