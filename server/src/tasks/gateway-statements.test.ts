import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asExplained, messageInScript, planSubmission, ScriptPlanError } from './gateway-statements.js';

describe('planSubmission', () => {
  it('runs setup statements in order and one job statement last', () => {
    const plan = planSubmission("SET 'a' = '1';\nINSERT INTO s SELECT 1;\nCREATE TABLE x (a INT);");
    assert.deepEqual(plan.setup.map((s) => s.text), ["SET 'a' = '1'", 'CREATE TABLE x (a INT)']);
    assert.equal(plan.job.text, 'INSERT INTO s SELECT 1');
    assert.deepEqual(plan.job.toScript({ line: 1, column: 13 }), { line: 2, column: 13, statementIndex: 1 });
  });

  it('merges several INSERTs and statement sets into one statement set and maps errors back to each member', () => {
    const script = [
      'CREATE TABLE t (a INT);',
      'INSERT INTO a',
      '  SELECT a FROM t;',
      'BEGIN STATEMENT SET;',
      '    INSERT INTO b SELECT a FROM nosuch;',
      'END;',
    ].join('\n');
    const plan = planSubmission(script);
    assert.equal(plan.job.kind, 'STATEMENT_SET');
    assert.equal(plan.job.text, 'EXECUTE STATEMENT SET\nBEGIN\nINSERT INTO a\n  SELECT a FROM t;\nINSERT INTO b SELECT a FROM nosuch;\nEND');
    // Line 5 of the generated text, column 29: `nosuch` in the second INSERT.
    assert.deepEqual(plan.job.toScript({ line: 5, column: 29 }), { line: 5, column: 33, statementIndex: 2 });
    assert.deepEqual(plan.job.toScript({ line: 4, column: 10 }), { line: 3, column: 10, statementIndex: 1 });
  });

  it('refuses a script without a job, and a query combined with INSERTs', () => {
    assert.throws(() => planSubmission("SET 'a' = '1';\nCREATE TABLE x (a INT);"), (err: unknown) => {
      assert.ok(err instanceof ScriptPlanError);
      assert.match(err.message, /starts no Flink job/);
      return true;
    });
    assert.throws(() => planSubmission('INSERT INTO a SELECT 1;\nSELECT 2;'), (err: unknown) => {
      assert.ok(err instanceof ScriptPlanError);
      assert.deepEqual([err.problem.line, err.problem.column, err.problem.statementIndex], [2, 1, 1]);
      return true;
    });
  });

  it('sends a single query or CTAS as typed', () => {
    assert.equal(planSubmission('SELECT 1').job.text, 'SELECT 1');
    assert.equal(planSubmission('CREATE TABLE t AS SELECT 1;').job.kind, 'CTAS');
  });
});

describe('messageInScript', () => {
  it("rewrites Flink's positions into the script's and drops a repeated sentence", () => {
    const { job } = planSubmission('CREATE TABLE t (a INT);\n\nINSERT INTO t\n  SELECT a FROM nowhere;');
    const flink = 'SQL validation failed. SQL validation failed. From line 2, column 17 to line 2, column 23: Object \'nowhere\' not found';
    assert.equal(messageInScript(flink, job), "SQL validation failed. From line 4, column 17 to line 4, column 23: Object 'nowhere' not found");
    assert.equal(messageInScript('Incorrect syntax near the keyword \'WHERE\' at line 1, column 8.', job), "Incorrect syntax near the keyword 'WHERE' at line 3, column 8.");
  });
});

describe('asExplained', () => {
  it('explains a single INSERT with EXPLAIN on its own line, and maps positions back by one line', () => {
    const script = "SET 'a' = 'b';\n  EXECUTE INSERT INTO snk\n  SELECT x FROM src;";
    const explained = asExplained(planSubmission(script).job);
    assert.equal(explained.text, 'EXPLAIN\n        INSERT INTO snk\n  SELECT x FROM src');
    // Flink's "line 3, column 10" is `x` on the script's line 3; "line 2, column 9" is INSERT.
    assert.deepEqual(explained.toScript({ line: 3, column: 10 }), { line: 3, column: 10, statementIndex: 1 });
    assert.deepEqual(explained.toScript({ line: 2, column: 9 }), { line: 2, column: 11, statementIndex: 1 });
    assert.deepEqual(explained.toScript({ line: 1, column: 1 }), { line: 2, column: 3, statementIndex: 1 });
  });

  it('explains a statement set as STATEMENT SET BEGIN … END, positions mapped to its members', () => {
    const script = 'INSERT INTO a SELECT 1;\nINSERT INTO b SELECT y FROM src;';
    const explained = asExplained(planSubmission(script).job);
    assert.equal(explained.text, 'EXPLAIN\n        STATEMENT SET\nBEGIN\nINSERT INTO a SELECT 1;\nINSERT INTO b SELECT y FROM src;\nEND');
    assert.deepEqual(explained.toScript({ line: 5, column: 22 }), { line: 2, column: 22, statementIndex: 1 });
  });

  it('explains only the query of a CREATE TABLE … AS SELECT, every character where it was', () => {
    const script = "CREATE TABLE t WITH ('connector' = 'blackhole')\nAS SELECT y FROM src;";
    const explained = asExplained(planSubmission(script).job);
    assert.equal(explained.text, `EXPLAIN\n${' '.repeat(47)}\n   SELECT y FROM src`);
    assert.deepEqual(explained.toScript({ line: 3, column: 11 }), { line: 2, column: 11, statementIndex: 0 });
  });
});
