import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { SqlCatalog } from '@weir/contract';
import { completionsAt, knownTables, quoteIfNeeded } from './sql-completion';
import { problemRange } from './sql-markers';

const catalog: SqlCatalog = {
  currentCatalog: 'default_catalog',
  currentDatabase: 'default_database',
  truncated: false,
  problem: null,
  listedAt: 0,
  catalogs: [
    {
      name: 'default_catalog',
      databases: [
        {
          name: 'default_database',
          functions: ['my_udf'],
          tables: [
            { name: 'orders', kind: 'TABLE', options: {}, columns: [{ name: 'amount', type: 'DOUBLE', nullable: true, key: null, extras: null, watermark: null }] },
            { name: 'users', kind: 'TABLE', options: {}, columns: [{ name: 'email', type: 'STRING', nullable: true, key: null, extras: null, watermark: null }] },
          ],
        },
        { name: 'archive', functions: [], tables: [{ name: 'old', kind: 'VIEW', options: {}, columns: [] }] },
      ],
    },
  ],
};

it('offers the columns of the tables the statement reads, with their table and type', () => {
  const items = completionsAt({ expectsColumn: true, expectsTable: false, tablesInStatement: ['orders'], keywords: ['FROM'] }, knownTables(catalog, []), ['my_udf']);
  const columns = items.filter((i) => i.kind === 'column');
  assert.deepEqual(columns.map((c) => `${c.label} ${c.detail}`), ['amount orders · DOUBLE']);
  assert.ok(items.some((i) => i.kind === 'function' && i.label === 'my_udf'));
  assert.equal(items.at(-1)!.label, 'FROM');
});

it('offers every known column before the statement names a table, and the script\'s own tables over the catalog\'s', () => {
  const tables = knownTables(catalog, [{ name: 'orders', columns: [{ name: 'amount', type: 'DECIMAL(10, 2)' }, { name: 'id', type: 'BIGINT' }] }]);
  const columns = completionsAt({ expectsColumn: true, expectsTable: false, tablesInStatement: [], keywords: [] }, tables, []).filter((i) => i.kind === 'column');
  assert.deepEqual(columns.map((c) => `${c.label} ${c.detail}`), ['amount orders · DECIMAL(10, 2)', 'id orders · BIGINT', 'email users · STRING']);
});

it('names a table of another database in full, and quotes names that need it', () => {
  const items = completionsAt({ expectsColumn: false, expectsTable: true, tablesInStatement: [], keywords: [] }, knownTables(catalog, []), []);
  assert.deepEqual(items.filter((i) => i.kind === 'table').map((i) => i.label), ['orders', 'users', 'default_catalog.archive.old']);
  assert.equal(quoteIfNeeded('my-col'), '`my-col`');
  assert.equal(quoteIfNeeded('ok_1'), 'ok_1');
});

it('underlines Flink\'s inclusive range, or the word at a single point', () => {
  assert.deepEqual(problemRange({ line: 6, column: 14, endLine: 6, endColumn: 18 }, ''), { startLineNumber: 6, startColumn: 14, endLineNumber: 6, endColumn: 19 });
  assert.deepEqual(problemRange({ line: 2, column: 8, endLine: null, endColumn: null }, 'SELECT amout, x FROM t'), { startLineNumber: 2, startColumn: 8, endLineNumber: 2, endColumn: 13 });
  assert.deepEqual(problemRange({ line: 1, column: 3, endLine: null, endColumn: null }, '  ;'), { startLineNumber: 1, startColumn: 3, endLineNumber: 1, endColumn: 4 });
});
