import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { positionOf, splitScript } from './sql-script.js';

const kinds = (script: string) => splitScript(script).statements.map((s) => s.kind);
const texts = (script: string) => splitScript(script).statements.map((s) => s.text);

describe('splitScript', () => {
  it('splits at top-level semicolons and classifies each statement', () => {
    const script = [
      "SET 'pipeline.name' = 'orders';",
      'CREATE TABLE src (id BIGINT) WITH (\'connector\' = \'datagen\');',
      'CREATE VIEW v AS SELECT id FROM src;',
      "CREATE FUNCTION f AS 'com.example.F';",
      'CREATE CATALOG c WITH (\'type\' = \'generic_in_memory\');',
      'USE CATALOG default_catalog;',
      'INSERT INTO snk SELECT * FROM v;',
      'SELECT 1;',
      'CREATE TABLE t2 WITH (\'connector\' = \'blackhole\') AS SELECT * FROM src;',
      'EXPLAIN SELECT 1;',
      'RESET',
    ].join('\n');
    assert.deepEqual(kinds(script), ['SET', 'DDL', 'DDL', 'DDL', 'DDL', 'DDL', 'INSERT', 'QUERY', 'CTAS', 'OTHER', 'SET']);
  });

  it('keeps semicolons inside quotes, backticks and comments', () => {
    const script = [
      "SET 'a;b' = 'it''s; fine'; -- a comment; with semicolons",
      '/* block; comment */ INSERT INTO `we;ird` SELECT "x;y" FROM t;',
    ].join('\n');
    assert.deepEqual(texts(script), ["SET 'a;b' = 'it''s; fine'", 'INSERT INTO `we;ird` SELECT "x;y" FROM t']);
  });

  it('gives each statement the script line and column of its first keyword', () => {
    const script = "-- header\n\n  SET 'x' = '1';   CREATE TABLE t (a INT)\n  WITH ('connector' = 'datagen');";
    const [set, create] = splitScript(script).statements;
    assert.deepEqual([set!.line, set!.column], [3, 3]);
    assert.deepEqual([create!.line, create!.column], [3, 20]);
    assert.equal(create!.text, "CREATE TABLE t (a INT)\n  WITH ('connector' = 'datagen')");
  });

  it('reads EXECUTE STATEMENT SET BEGIN … END as one statement with its INSERTs, CASE … END included', () => {
    const script = [
      'EXECUTE STATEMENT SET BEGIN',
      "  INSERT INTO a SELECT CASE WHEN x > 1 THEN 'big' ELSE 'small' END FROM t;",
      '  INSERT INTO b SELECT * FROM t;',
      'END;',
      'SET \'k\' = \'v\';',
    ].join('\n');
    const { statements, problems } = splitScript(script);
    assert.deepEqual(problems, []);
    assert.deepEqual(statements.map((s) => s.kind), ['STATEMENT_SET', 'SET']);
    assert.deepEqual(statements[0]!.members!.map((m) => [m.text, m.line, m.column]), [
      ["INSERT INTO a SELECT CASE WHEN x > 1 THEN 'big' ELSE 'small' END FROM t", 2, 3],
      ['INSERT INTO b SELECT * FROM t', 3, 3],
    ]);
  });

  it("reads the SQL client's BEGIN STATEMENT SET; … END; as one statement", () => {
    const script = 'BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\nINSERT INTO b SELECT 2;\nEND;\nSELECT 3;';
    const { statements, problems } = splitScript(script);
    assert.deepEqual(problems, []);
    assert.deepEqual(statements.map((s) => [s.kind, s.index]), [['STATEMENT_SET', 0], ['QUERY', 1]]);
    assert.equal(statements[0]!.members!.length, 2);
    assert.equal(statements[0]!.text, 'BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\nINSERT INTO b SELECT 2;\nEND');
  });

  it('reports an unclosed set, a stray END and a non-INSERT inside a set at their positions', () => {
    assert.deepEqual(
      splitScript('SET \'a\' = \'b\';\nBEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;').problems.map((p) => [p.message, p.line, p.column]),
      [['BEGIN STATEMENT SET has no matching END;', 2, 1]],
    );
    assert.match(splitScript('INSERT INTO a SELECT 1;\nEND;').problems[0]!.message, /END without BEGIN/);
    const nonInsert = splitScript('EXECUTE STATEMENT SET BEGIN\n  CREATE TABLE x (a INT);\nEND;').problems;
    assert.deepEqual(nonInsert.map((p) => [p.line, p.column]), [[2, 3]]);
    assert.match(splitScript('EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1;').problems[0]!.message, /no matching END/);
  });

  it('ignores empty statements and a script of comments only', () => {
    assert.deepEqual(kinds(';;  ;\n-- nothing\n/* at all */'), []);
    assert.deepEqual(texts('SELECT 1;;SELECT 2'), ['SELECT 1', 'SELECT 2']);
  });

  it('does not end a line comment at a quote nor a string at a comment marker', () => {
    assert.deepEqual(texts("-- it's a comment\nSELECT '--not a comment;' AS x;"), ["SELECT '--not a comment;' AS x"]);
  });
});

describe('positionOf', () => {
  it('counts lines and columns from 1', () => {
    assert.deepEqual(positionOf('ab\ncd', 0), { line: 1, column: 1 });
    assert.deepEqual(positionOf('ab\ncd', 4), { line: 2, column: 2 });
  });
});
