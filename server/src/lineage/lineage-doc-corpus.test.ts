// The analyser against Flink's documented SQL (doc-corpus/flink-docs.sql): every statement Flink
// accepts must parse without a syntax error and give lineage or a warning naming it. The verdicts
// stored in the file are re-checked against a running SQL Gateway by lineage-doc-corpus.int.test.ts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gatewayCheckFor, parseDocCorpus, readDocCorpus, versionAtLeast } from './doc-corpus/doc-corpus.js';
import { analyzeLineage } from './lineage-analyzer.js';
import { parseScript } from './flink-sql-statements.js';
import { LineageResult } from './lineage.schemas.js';

const corpus = readDocCorpus();
const accepted = corpus.filter((s) => s.flink.accepted);

/** Statements that move no data between tables: no lineage is their lineage. */
const NO_DATA_FLOW = /^(SHOW|DESCRIBE|DESC|EXPLAIN|SET|RESET|USE|LOAD|UNLOAD|STOP)\b/i;

const edges = (r: LineageResult, statementIndex?: number) =>
  r.columnEdges
    .filter((e) => statementIndex === undefined || e.statementIndex === statementIndex)
    .map((e) => `${e.from.table}.${e.from.column} -> ${e.to.table}.${e.to.column}${e.transform ? ` : ${e.transform}` : ''}`)
    .sort();

describe('Flink documentation corpus', () => {
  test('covers the documented query, DDL and DML pages and the reported gaps', () => {
    assert.ok(accepted.length >= 20, `only ${accepted.length} accepted scripts`);
    const sources = corpus.map((s) => s.source).join(' ');
    for (const page of ['queries/select.md', 'queries/window-tvf.md', 'queries/window-agg.md', 'queries/over-agg.md', 'queries/joins.md', 'queries/match_recognize.md', 'create.md', 'insert.md', 'systemFunctions.md', 'gap']) {
      assert.ok(sources.includes(page), `no script from ${page}`);
    }
    assert.ok(corpus.some((s) => !s.flink.accepted), 'the corpus keeps statements Flink rejects, with the reason');
  });

  for (const script of accepted) {
    test(`${script.name} parses and every statement gives lineage or a warning naming it`, () => {
      const result = analyzeLineage(script.sql);
      LineageResult.parse(result);
      assert.deepEqual(result.errors, [], `syntax errors in ${script.name} (flink-docs.sql:${script.line})`);
      const parsed = parseScript(script.sql);
      result.statements.forEach((statement, i) => {
        assert.notEqual(statement.kind, 'invalid');
        if (statement.kind !== 'other' || NO_DATA_FLOW.test(parsed[i]!.source)) return;
        const words = parsed[i]!.source.trim().split(/\s+/).slice(0, 2).join(' ').toUpperCase();
        assert.ok(
          result.warnings.some((w) => w.line === statement.line && w.message.toUpperCase().startsWith(words)),
          `${script.name}: statement at line ${statement.line} (${words}) has neither lineage nor a warning naming it`,
        );
      });
      // A sink column named EXPR$n means a table lost its declared columns.
      assert.deepEqual(result.columnEdges.filter((e) => /^EXPR\$/i.test(e.to.column)), []);
      const misread = result.warnings.filter((w) => /not found|not a column|writes \d+ column|ambiguous|Cannot expand/.test(w.message));
      assert.deepEqual(misread, [], `${script.name}: the analyser misread a statement Flink accepts`);
    });
  }
});

// Cookbook-style cases: the reported gaps, traced to the right columns with the transform as written.
const SOURCES = `
CREATE TABLE Users (id BIGINT, name STRING, email STRING, created TIMESTAMP(3),
  WATERMARK FOR created AS created - INTERVAL '1' SECOND) WITH ('connector' = 'datagen');
`;

describe('reported gaps', () => {
  test('SQL-standard call forms and reserved function names keep their column lineage and their text', () => {
    const r = analyzeLineage(`${SOURCES}
CREATE TABLE Out1 (code STRING, len INT, cleaned STRING, yr BIGINT, hr TIMESTAMP(3), masked STRING, n INT) WITH ('connector' = 'blackhole');
INSERT INTO Out1
SELECT SUBSTRING(name FROM 1 FOR 3), CHAR_LENGTH(name), TRIM(BOTH ' ' FROM email), EXTRACT(YEAR FROM created),
  FLOOR(created TO HOUR), OVERLAY(email PLACING '***' FROM 1 FOR 3), TRY_CAST(name AS INT)
FROM Users;`);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(edges(r), [
      "Users.created -> Out1.hr : FLOOR(created TO HOUR)",
      'Users.created -> Out1.yr : EXTRACT(YEAR FROM created)',
      "Users.email -> Out1.cleaned : TRIM(BOTH ' ' FROM email)",
      "Users.email -> Out1.masked : OVERLAY(email PLACING '***' FROM 1 FOR 3)",
      'Users.name -> Out1.code : SUBSTRING(name FROM 1 FOR 3)',
      'Users.name -> Out1.len : CHAR_LENGTH(name)',
      'Users.name -> Out1.n : TRY_CAST(name AS INT)',
    ]);
  });

  test('an alias on a window TVF call addresses the windowed rows', () => {
    const r = analyzeLineage(`${SOURCES}
CREATE TABLE Out2 (name STRING, window_start TIMESTAMP(3), cnt BIGINT, emails BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO Out2
SELECT w.name, w.window_start, COUNT(*), COUNT(DISTINCT w.email)
FROM TABLE(TUMBLE(TABLE Users, DESCRIPTOR(created), INTERVAL '1' MINUTE)) AS w
GROUP BY w.name, w.window_start, w.window_end;`);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.warnings, []);
    assert.deepEqual(edges(r), [
      'Users.created -> Out2.window_start : TUMBLE(TABLE Users, DESCRIPTOR(created), INTERVAL \'1\' MINUTE).window_start',
      'Users.email -> Out2.emails : COUNT(DISTINCT w.email)',
      'Users.name -> Out2.name',
    ]);
  });

  test('OVER w without AS, and an OVER aggregate inside an expression, keep the window in the transform', () => {
    const r = analyzeLineage(`${SOURCES}
CREATE TABLE Out3 (name STRING, total BIGINT, bumped BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO Out3
SELECT name, SUM(id) OVER w, MAX(id) OVER (PARTITION BY name ORDER BY created) + 1
FROM Users
WINDOW w AS (PARTITION BY name ORDER BY created ROWS BETWEEN 2 PRECEDING AND CURRENT ROW);`);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(edges(r), [
      'Users.id -> Out3.bumped : MAX(id) OVER (PARTITION BY name ORDER BY created) + 1',
      'Users.id -> Out3.total : SUM(id) OVER w',
      'Users.name -> Out3.name',
    ]);
  });

  test('MATCH_RECOGNIZE measures trace to the input columns their pattern variables read', () => {
    const r = analyzeLineage(`
CREATE TABLE Ticker (symbol STRING, price BIGINT, tax BIGINT, rowtime TIMESTAMP(3),
  WATERMARK FOR rowtime AS rowtime - INTERVAL '1' SECOND) WITH ('connector' = 'datagen');
CREATE TABLE Drops (symbol STRING, start_ts TIMESTAMP(3), low BIGINT, taxed BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO Drops
SELECT M.symbol, M.start_ts, M.low, M.taxed
FROM Ticker MATCH_RECOGNIZE (
  PARTITION BY symbol
  ORDER BY rowtime
  MEASURES
    FIRST(A.rowtime) AS start_ts,
    LAST(B.price) AS low,
    SUM(B.price * B.tax) AS taxed
  ONE ROW PER MATCH
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B+) WITHIN INTERVAL '1' HOUR
  DEFINE B AS B.price < A.price
) AS M;`);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.warnings, []);
    assert.deepEqual(edges(r), [
      'Ticker.price -> Drops.low : LAST(B.price)',
      'Ticker.price -> Drops.taxed : SUM(B.price * B.tax)',
      'Ticker.rowtime -> Drops.start_ts : FIRST(A.rowtime)',
      'Ticker.symbol -> Drops.symbol',
      'Ticker.tax -> Drops.taxed : SUM(B.price * B.tax)',
    ]);
  });

  test('MATCH_RECOGNIZE with ALL ROWS PER MATCH returns the input columns and then the measures', () => {
    const r = analyzeLineage(`
CREATE TABLE Ticker (symbol STRING, price BIGINT, rowtime TIMESTAMP(3), WATERMARK FOR rowtime AS rowtime) WITH ('connector' = 'datagen');
CREATE TABLE Rows1 (symbol STRING, price BIGINT, rowtime TIMESTAMP(3), first_price BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO Rows1 SELECT * FROM Ticker MATCH_RECOGNIZE (
  PARTITION BY symbol ORDER BY rowtime MEASURES FIRST(A.price) AS first_price
  ALL ROWS PER MATCH PATTERN (A B) DEFINE B AS B.price > A.price);`);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(edges(r), [
      'Ticker.price -> Rows1.first_price : FIRST(A.price)',
      'Ticker.price -> Rows1.price',
      'Ticker.rowtime -> Rows1.rowtime',
      'Ticker.symbol -> Rows1.symbol',
    ]);
  });
});

describe('every table-creating form yields the columns Flink gives the table', () => {
  const columnsOf = (r: LineageResult, table: string) => r.tables.find((t) => t.id === table)?.columns.map((c) => (c.type ? `${c.name} ${c.type}` : c.name));

  test('CREATE TABLE AS, [CREATE OR] REPLACE TABLE AS and a CTAS with a column list (2.0+)', () => {
    const r = analyzeLineage(`${SOURCES}
CREATE TABLE Ctas WITH ('connector' = 'blackhole') AS SELECT id, UPPER(name) AS shout FROM Users;
CREATE OR REPLACE TABLE Rtas WITH ('connector' = 'blackhole') AS SELECT id, email FROM Users;
REPLACE TABLE Rtas2 WITH ('connector' = 'blackhole') AS SELECT name FROM Users;
CREATE TABLE CtasCols (note STRING, id BIGINT NOT NULL, name STRING, PRIMARY KEY (id) NOT ENFORCED)
  WITH ('connector' = 'blackhole') AS SELECT name, id FROM Users;
CREATE TABLE Later (id BIGINT, name STRING) WITH ('connector' = 'blackhole');
INSERT INTO Later SELECT id, name FROM CtasCols;`);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.warnings, []);
    assert.deepEqual(columnsOf(r, 'Ctas'), ['id', 'shout']);
    assert.deepEqual(columnsOf(r, 'Rtas'), ['id', 'email']);
    assert.deepEqual(columnsOf(r, 'Rtas2'), ['name']);
    assert.deepEqual(columnsOf(r, 'CtasCols'), ['note STRING', 'name STRING', 'id BIGINT']);
    assert.deepEqual(r.statements.map((s) => s.kind), ['create_table', 'create_table_as', 'create_table_as', 'create_table_as', 'create_table_as', 'create_table', 'insert']);
    assert.deepEqual(edges(r, 4), ['Users.id -> CtasCols.id', 'Users.name -> CtasCols.name']);
    assert.deepEqual(edges(r, 6), ['CtasCols.id -> Later.id', 'CtasCols.name -> Later.name']);
  });

  test('LIKE with added columns keeps the base columns first, and an INSERT fills them by position', () => {
    const r = analyzeLineage(`${SOURCES}
CREATE TABLE Wide (extra STRING, shout AS UPPER(name)) WITH ('connector' = 'blackhole') LIKE Users (EXCLUDING OPTIONS);
INSERT INTO Wide SELECT id, name, email, created, 'x' FROM Users;`);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(columnsOf(r, 'Wide'), ['id BIGINT', 'name STRING', 'email STRING', 'created TIMESTAMP(3)', 'extra STRING', 'shout']);
    assert.deepEqual(edges(r, 2), ['Users.created -> Wide.created', 'Users.email -> Wide.email', 'Users.id -> Wide.id', 'Users.name -> Wide.name']);
  });
});

describe('statements without lineage are named', () => {
  test('statements the grammar has no rule for are named when they move data, and let through when they only inspect', () => {
    const r = analyzeLineage(`${SOURCES}
DELETE FROM Users WHERE id = 1;
UPDATE Users SET name = 'x' WHERE id = 1;
TRUNCATE TABLE Users;
CALL my_catalog.sys.compact('Users');
COMPILE PLAN 'file:///tmp/plan.json' FOR INSERT INTO Users SELECT * FROM Users;
EXECUTE PLAN 'file:///tmp/plan.json';
SHOW JOBS;
DESCRIBE EXTENDED Users;
STOP JOB '228d70913eab60dda85c5e7f78b5782c' WITH SAVEPOINT;`);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(
      r.warnings.map((w) => [w.line, w.message.split(' is not analysed')[0]]),
      [
        [5, 'DELETE FROM'],
        [6, 'UPDATE'],
        [7, 'TRUNCATE TABLE'],
        [8, 'CALL'],
        [9, 'COMPILE PLAN'],
        [10, 'EXECUTE PLAN'],
      ],
    );
  });

  test('ALTER and DROP get a warning naming them; SHOW and EXPLAIN move no data and get none', () => {
    const r = analyzeLineage(`${SOURCES}
ALTER TABLE Users ADD note STRING;
DROP TABLE Users;
SHOW TABLES;
EXPLAIN SELECT id FROM Users;`);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(
      r.warnings.map((w) => [w.line, w.message.split(' is not analysed')[0]]),
      [
        [5, 'ALTER TABLE'],
        [6, 'DROP TABLE'],
      ],
    );
  });
});

describe('corpus file and gateway checks', () => {
  test('queries, INSERTs and statement sets are checked through EXPLAIN; everything else as written', () => {
    assert.equal(gatewayCheckFor('SELECT 1'), 'EXPLAIN SELECT 1');
    assert.equal(gatewayCheckFor('-- note\nINSERT INTO t SELECT 1'), 'EXPLAIN INSERT INTO t SELECT 1');
    assert.equal(gatewayCheckFor('(SELECT a FROM t) UNION (SELECT a FROM u)'), 'EXPLAIN (SELECT a FROM t) UNION (SELECT a FROM u)');
    assert.equal(gatewayCheckFor('EXECUTE STATEMENT SET\nBEGIN\nINSERT INTO t SELECT 1;\nEND'), 'EXPLAIN STATEMENT SET\nBEGIN\nINSERT INTO t SELECT 1;\nEND');
    assert.equal(gatewayCheckFor("CREATE TABLE t (a INT) WITH ('connector' = 'datagen')"), "CREATE TABLE t (a INT) WITH ('connector' = 'datagen')");
    assert.equal(gatewayCheckFor('EXPLAIN SELECT 1'), 'EXPLAIN SELECT 1');
  });

  test('a script header must be complete', () => {
    assert.throws(() => parseDocCorpus('-- @flink accepted\nSELECT 1;'), /before any @script/);
    assert.throws(() => parseDocCorpus('-- @script a\n-- @source x\n-- @flink rejected\nSELECT 1;'), /needs the words/);
    assert.throws(() => parseDocCorpus('-- @script a\nSELECT 1;'), /has no @source/);
    assert.deepEqual(
      parseDocCorpus('-- @script a\n-- @source x.md\n-- @since 2.0\n-- @flink rejected not supported\nSELECT 1;').map((s) => [s.name, s.source, s.since, s.flink, s.sql]),
      [['a', 'x.md', '2.0', { accepted: false, reason: 'not supported' }, 'SELECT 1;\n']],
    );
  });

  test('versions compare by number', () => {
    assert.equal(versionAtLeast('1.20.3', '2.0'), false);
    assert.equal(versionAtLeast('2.3.0', '2.0'), true);
    assert.equal(versionAtLeast('2.0', '2.0'), true);
  });
});
