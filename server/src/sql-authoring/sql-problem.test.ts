import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../errors/errors.js';
import { endOfRange, problemOfRejection, syntaxProblems } from './sql-problem.js';

it('reads the end of the range Flink faults, and nothing from a single point', () => {
  assert.deepEqual(endOfRange("SQL validation failed. From line 6, column 14 to line 6, column 18: Column 'amout' not found"), { endLine: 6, endColumn: 18 });
  assert.equal(endOfRange('SQL parse failed. Encountered "FROM" at line 1, column 12.'), null);
});

it('turns a rejection at a script position into a problem with its range', () => {
  const err = new InputError('Flink rejects statement 3', { message: 'From line 2, column 3 to line 2, column 6: Column not found', line: 2, column: 3, statementIndex: 2, statement: 'SELECT' });
  assert.deepEqual(problemOfRejection(err), { message: 'From line 2, column 3 to line 2, column 6: Column not found', line: 2, column: 3, endLine: 2, endColumn: 6, statementIndex: 2 });
});

it('leaves errors that carry no script position to the caller', () => {
  assert.equal(problemOfRejection(new InputError('no details')), null);
  assert.equal(problemOfRejection(new Error('boom')), null);
});

describe('what the editor underlines as one types', () => {
  it('is nothing for forms Flink accepts that the grammar alone rejects', async () => {
    const script = [
      "CREATE TEMPORARY TABLE src (id BIGINT, name STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen');",
      "CREATE TEMPORARY TABLE snk (id BIGINT, prefix STRING, len INT, total BIGINT) WITH ('connector' = 'blackhole');",
      'INSERT INTO snk SELECT id, SUBSTRING(name FROM 1 FOR 3), CHAR_LENGTH(name), SUM(id) OVER w FROM src',
      'WINDOW w AS (PARTITION BY name ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW);',
    ].join('\n');
    assert.deepEqual(await syntaxProblems(script), []);
  });

  it('is an unfinished clause, at its line and column, in its statement', async () => {
    const [problem, ...rest] = await syntaxProblems("SET 'parallelism.default' = '1';\nSELECT a FROM t WHERE AND");
    assert.deepEqual(rest, []);
    assert.equal(problem?.line, 2);
    assert.equal(problem?.column, 23);
    assert.equal(problem?.statementIndex, 1);
  });
});
