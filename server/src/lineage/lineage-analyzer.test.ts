import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeLineage } from './lineage-analyzer.js';
import { normaliseExpected, readCorpus, toCompact } from './lineage-corpus.js';
import { LineageResult } from './lineage.schemas.js';

const corpus = readCorpus();

describe('lineage corpus (expected lineage written by hand)', () => {
  test('has at least 60 scripts', () => {
    assert.ok(corpus.length >= 60, `only ${corpus.length} corpus scripts`);
  });
  for (const c of corpus) {
    test(c.name, () => {
      const result = analyzeLineage(c.sql);
      LineageResult.parse(result);
      assert.deepStrictEqual(toCompact(result), normaliseExpected(c.expected));
    });
  }
});

describe('lineage result details', () => {
  test('table edges are the column edges plus every table a writing statement reads', () => {
    for (const c of corpus) {
      const r = analyzeLineage(c.sql);
      const tableEdges = new Set(r.tableEdges.map((e) => `${e.from}->${e.to}`));
      for (const e of r.columnEdges) assert.ok(tableEdges.has(`${e.from.table}->${e.to.table}`), `${c.name}: ${e.from.table}->${e.to.table}`);
      const ids = new Set(r.tables.map((t) => t.id));
      for (const e of r.columnEdges) {
        assert.ok(ids.has(e.from.table) && ids.has(e.to.table), c.name);
        const from = r.tables.find((t) => t.id === e.from.table)!;
        assert.notEqual(from.kind, 'view', `${c.name}: edges start at real tables`);
        assert.ok(from.columns.some((col) => col.name === e.from.column), `${c.name}: ${e.from.table}.${e.from.column} is a column`);
        for (const v of e.via) assert.equal(r.tables.find((t) => t.id === v)?.kind, 'view');
      }
    }
  });

  test('case-insensitive names keep the first spelling', () => {
    const r = analyzeLineage("CREATE TABLE MyTable (Id INT) WITH ('connector'='datagen');\nCREATE TABLE out_t (id INT) WITH ('connector'='print');\nINSERT INTO OUT_T SELECT ID FROM mytable;");
    assert.deepEqual(r.columnEdges.map((e) => [e.from, e.to]), [[{ table: 'MyTable', column: 'Id' }, { table: 'out_t', column: 'id' }]]);
  });
});

describe('errors and partial scripts', () => {
  test('a syntax error points at its line and column', () => {
    const r = analyzeLineage("CREATE TABLE t (a INT) WITH ('connector' = 'datagen');\n\nSELECT a\n  FROM t WHERE a = = 1;");
    assert.equal(r.errors.length > 0, true);
    assert.deepEqual({ line: r.errors[0]!.line, column: r.errors[0]!.column }, { line: 4, column: 20 }); // the second '='
    assert.equal(r.statements[1]!.kind, 'invalid');
    assert.equal(r.tables.length, 1, 'the valid statement is still analysed');
  });

  test('an error inside a statement that is not first on its line is placed in script coordinates', () => {
    const r = analyzeLineage("SET 'a' = 'b'; SELECT a FROM t WHERE = 1;");
    assert.deepEqual(r.errors, [{ message: "'=' is not valid at this position", line: 1, column: 38 }]);
  });

  test('an error after a grammar shim is placed where it is written', () => {
    const r = analyzeLineage("CREATE TABLE a (x INT) WITH ('connector'='datagen');\nCREATE TABLE b (WATERMARK FOR x AS x) WITH ('k' = ) LIKE a;");
    assert.equal(r.errors.length > 0, true);
    assert.equal(r.errors[0]!.line, 2);
    assert.equal(r.errors[0]!.column, 51);
  });

  test('an unknown table gives a warning with its position and the rest is still analysed', () => {
    const sql = [
      "CREATE TABLE src (id INT) WITH ('connector' = 'datagen');",
      "CREATE TABLE dst (id INT) WITH ('connector' = 'print');",
      'INSERT INTO dst SELECT * FROM missing_table;',
      'INSERT INTO dst SELECT id FROM src;',
    ].join('\n');
    const r = analyzeLineage(sql);
    assert.deepEqual(
      r.warnings.map((w) => [w.line, w.column]),
      [
        [3, 31],
        [3, 24],
        [3, 17],
      ],
    );
    assert.match(r.warnings[0]!.message, /missing_table/);
    assert.match(r.warnings[1]!.message, /Cannot expand/);
    assert.match(r.warnings[2]!.message, /writes 1 column\(s\) but the query returns 0/);
    assert.deepEqual(r.columnEdges.map((e) => `${e.from.table}.${e.from.column}->${e.to.table}.${e.to.column}`), ['src.id->dst.id']);
    assert.deepEqual(r.errors, []);
  });

  test('a truncated script returns the statements before the cut', () => {
    const full = corpus.find((c) => c.name.startsWith('20-'))!.sql;
    const r = analyzeLineage(full.slice(0, full.indexOf('INNER JOIN') + 5));
    assert.equal(r.tables.length, 3);
    assert.ok(r.errors.length > 0);
  });
});

// A small deterministic generator so a failure can be reproduced from the seed.
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const NOISE = ['(', ')', ',', ';', "'", '`', 'SELECT', 'FROM', 'AS', 'END', 'BEGIN', 'TABLE', 'JOIN', '*', '.', 'OVER', 'LIKE', 'WITH', '--', '/*', 'CASE', 'SESSION(', 'STATEMENT SET'];

function mutate(sql: string, rnd: () => number): string {
  let out = sql;
  const edits = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rnd() * (out.length + 1));
    const kind = Math.floor(rnd() * 5);
    if (kind === 0) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(rnd() * 20));
    else if (kind === 1) out = out.slice(0, at) + NOISE[Math.floor(rnd() * NOISE.length)] + out.slice(at);
    else if (kind === 2) out = out.slice(0, at);
    else if (kind === 3) {
      const from = Math.floor(rnd() * out.length);
      out = out.slice(0, at) + out.slice(from, from + Math.floor(rnd() * 40)) + out.slice(at);
    } else out = out.slice(at) + out.slice(0, at);
  }
  return out;
}

describe('robustness', () => {
  test('never throws and always returns a valid result on mutated corpus scripts', () => {
    const rnd = random(7);
    let cases = 0;
    for (let round = 0; round < 6; round++) {
      for (const c of corpus) {
        const sql = mutate(c.sql, rnd);
        let result: LineageResult;
        assert.doesNotThrow(() => {
          result = analyzeLineage(sql);
        }, sql);
        LineageResult.parse(result!);
        const crashed = [...result!.errors, ...result!.warnings].filter((p) => /analysis failed|could not be analysed/.test(p.message));
        assert.deepEqual(crashed, [], `analyser defect on:\n${sql}`);
        cases += 1;
      }
    }
    assert.ok(cases >= 300);
  });

  test('never throws on junk', () => {
    for (const junk of ['', ';;;', 'END;', '))))', "'unterminated", 'BEGIN STATEMENT SET;', 'EXECUTE STATEMENT SET BEGIN', 'INSERT INTO', '\u0000\uffff', 'SELECT * FROM TABLE(SESSION(TABLE', 'CREATE TABLE x WITH (']) {
      const r = analyzeLineage(junk);
      LineageResult.parse(r);
    }
    // Not a string at all (a caller passing through untyped JSON).
    LineageResult.parse(analyzeLineage(undefined as unknown as string));
  });
});

describe('statements Flink 2.x adds', () => {
  test('a materialized table is the table its query computes, whatever its refresh clauses', () => {
    const r = analyzeLineage(
      "CREATE TABLE src (id INT, v STRING) WITH ('connector'='datagen');\n" +
        "CREATE OR ALTER MATERIALIZED TABLE mt (PRIMARY KEY (id) NOT ENFORCED) PARTITIONED BY (v) WITH ('format'='json')\n" +
        "  FRESHNESS = INTERVAL '30' SECOND REFRESH_MODE = CONTINUOUS AS SELECT id, UPPER(v) AS v FROM src;\n" +
        "CREATE TABLE out_t (id INT) WITH ('connector'='print');\nINSERT INTO out_t SELECT id FROM mt;",
    );
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.warnings, []);
    assert.deepEqual(
      r.columnEdges.map((e) => `${e.from.table}.${e.from.column}->${e.to.table}.${e.to.column}`).sort(),
      ['mt.id->out_t.id', 'src.id->mt.id', 'src.v->mt.v'],
    );
  });

  test('models and ML_PREDICT give a warning naming the statement and no edges, not errors or a guessed graph', () => {
    const r = analyzeLineage(
      "CREATE MODEL m INPUT (x STRING) OUTPUT (y STRING) WITH ('provider'='openai', 'task'='classification');\n" +
        "CREATE TABLE src (id INT, x STRING) WITH ('connector'='datagen');\nCREATE TABLE out_t (id INT, y STRING) WITH ('connector'='print');\n" +
        'INSERT INTO out_t SELECT id, y FROM ML_PREDICT(TABLE src, MODEL m, DESCRIPTOR(x));\nDROP MATERIALIZED TABLE mt;',
    );
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.columnEdges, []);
    assert.deepEqual(r.tableEdges, []);
    assert.deepEqual(
      r.warnings.map((w) => [w.line, w.message.split(' (Flink 2.x)')[0]]),
      [[1, 'CREATE MODEL'], [4, 'ML_PREDICT'], [5, 'DROP MATERIALIZED TABLE']],
    );
  });
});
