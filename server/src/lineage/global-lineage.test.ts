import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildGlobalLineage, lineageForTable } from './global-lineage.js';
import { analyzeLineage } from './lineage-analyzer.js';

const ingest = analyzeLineage(`
CREATE TABLE kafka_orders (id BIGINT, amount DOUBLE) WITH ('connector' = 'kafka');
CREATE TABLE ods_orders (id BIGINT, amount DOUBLE) WITH ('connector' = 'jdbc');
CREATE VIEW positive AS SELECT id, amount FROM kafka_orders WHERE amount > 0;
INSERT INTO ods_orders SELECT * FROM positive;`);
const report = analyzeLineage(`
CREATE TABLE ODS_ORDERS (id BIGINT, amount DOUBLE) WITH ('connector' = 'jdbc');
CREATE TABLE customers (id BIGINT, name STRING) WITH ('connector' = 'jdbc');
CREATE TABLE daily (total DOUBLE) WITH ('connector' = 'print');
INSERT INTO daily SELECT SUM(o.amount) FROM ODS_ORDERS o JOIN customers c ON o.id = c.id;`);
const audit = analyzeLineage(`
CREATE TABLE ods_orders (id BIGINT, amount DOUBLE) WITH ('connector' = 'jdbc');
CREATE TABLE audit_log (id BIGINT) WITH ('connector' = 'print');
INSERT INTO audit_log SELECT id FROM ods_orders;`);

const graph = buildGlobalLineage([
  { task: { id: 't-ingest', name: 'ingest' }, lineage: ingest },
  { task: { id: 't-report', name: 'report' }, lineage: report },
  { task: { id: 't-audit', name: 'audit' }, lineage: audit },
]);

test('each table lists the tasks that read and write it, matched case-insensitively', () => {
  const byId = Object.fromEntries(graph.tables.map((t) => [t.id, { readers: t.readers, writers: t.writers, connector: t.connector }]));
  assert.deepEqual(byId, {
    kafka_orders: { readers: ['t-ingest'], writers: [], connector: 'kafka' },
    ods_orders: { readers: ['t-report', 't-audit'], writers: ['t-ingest'], connector: 'jdbc' },
    customers: { readers: ['t-report'], writers: [], connector: 'jdbc' },
    daily: { readers: [], writers: ['t-report'], connector: 'print' },
    audit_log: { readers: [], writers: ['t-audit'], connector: 'print' },
  });
});

test('views stay inside their task', () => {
  assert.equal(graph.tables.some((t) => t.id === 'positive'), false);
});

test('edges go table → reading task and writing task → table', () => {
  const edges = graph.edges.map((e) => `${e.from} ${e.kind} ${e.to}`).sort();
  assert.deepEqual(edges, [
    'customers reads t-report',
    'kafka_orders reads t-ingest',
    'ods_orders reads t-audit',
    'ods_orders reads t-report',
    't-audit writes audit_log',
    't-ingest writes ods_orders',
    't-report writes daily',
  ]);
});

test('the neighbourhood of a table holds its writers, their inputs, its readers and their outputs', () => {
  const n = lineageForTable(graph, 'ODS_ORDERS')!;
  assert.deepEqual(n.tasks.map((t) => t.id).sort(), ['t-audit', 't-ingest', 't-report']);
  assert.deepEqual(n.tables.map((t) => t.id).sort(), ['audit_log', 'daily', 'kafka_orders', 'ods_orders']);
  for (const e of n.edges) {
    const ends = [e.from, e.to];
    assert.ok(ends.some((x) => n.tasks.some((t) => t.id === x)));
    assert.ok(ends.some((x) => n.tables.some((t) => t.id === x)));
  }
});

test('a sink table only looks upstream; an unknown table has no neighbourhood', () => {
  const n = lineageForTable(graph, 'daily')!;
  assert.deepEqual(n.tasks.map((t) => t.id), ['t-report']);
  assert.deepEqual(n.tables.map((t) => t.id).sort(), ['customers', 'daily', 'ods_orders']);
  assert.equal(lineageForTable(graph, 'nope'), null);
});

test('depth 2 follows a second task hop', () => {
  const n = lineageForTable(graph, 'kafka_orders', 2)!;
  assert.deepEqual(n.tasks.map((t) => t.id).sort(), ['t-audit', 't-ingest', 't-report']);
});
