import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildLineageGraph, columnHandleId, describeTransforms, type LineageEdgeData, type LineageGraph, type LineageLevel, relatedColumns, shortTransformLabel } from './lineage-graph';
import type { LineageColumnEdge, LineageResult, LineageTable } from './lineage.types';

const table = (id: string, kind: LineageTable['kind'], columns: string[]): LineageTable => ({
  id,
  name: id.split('.').pop()!,
  kind,
  connector: kind === 'view' ? null : 'kafka',
  columns: columns.map((name) => ({ name, type: kind === 'view' ? null : 'STRING' })),
});
const edge = (from: string, to: string, transform = '', via: string[] = [], statementIndex = 0): LineageColumnEdge => {
  const [ft, fc] = from.split(':') as [string, string];
  const [tt, tc] = to.split(':') as [string, string];
  return { from: { table: ft, column: fc }, to: { table: tt, column: tc }, transform, statementIndex, via };
};
function result(tables: LineageTable[], columnEdges: LineageColumnEdge[]): LineageResult {
  const pairs = new Map(columnEdges.map((e) => [`${e.from.table}->${e.to.table}`, { from: e.from.table, to: e.to.table }]));
  return { tables, columnEdges, tableEdges: [...pairs.values()], statements: [], warnings: [], errors: [] };
}

// orders ─┐            ┌─> daily
//         ├─ (view v) ─┤
// rates ──┘            └─> audit ─> archive
const pipeline = result(
  [
    table('orders', 'source', ['id', 'amount', 'currency']),
    table('rates', 'source', ['currency', 'rate']),
    table('v', 'view', ['id', 'converted']),
    table('daily', 'sink', ['total']),
    table('audit', 'both', ['id', 'converted']),
    table('archive', 'sink', ['id']),
  ],
  [
    edge('orders:amount', 'daily:total', 'SUM(amount * rate)', ['v'], 3),
    edge('rates:rate', 'daily:total', 'SUM(amount * rate)', ['v'], 3),
    edge('orders:id', 'audit:id', '', ['v'], 4),
    edge('orders:amount', 'audit:converted', 'amount * rate', ['v'], 4),
    edge('rates:rate', 'audit:converted', 'amount * rate', ['v'], 4),
    edge('audit:id', 'archive:id', '', [], 5),
  ],
);

function checkInvariants(r: LineageResult, g: LineageGraph, level: LineageLevel) {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  for (const e of g.edges) {
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    assert.ok(source && target, `edge ${e.id} has both endpoints`);
    if (level === 'column') {
      assert.ok(source.data.columns.some((c) => columnHandleId(c.name, 'out') === e.sourceHandle && c.hasOutput), `${e.id} source handle exists`);
      assert.ok(target.data.columns.some((c) => columnHandleId(c.name, 'in') === e.targetHandle && c.hasInput), `${e.id} target handle exists`);
    }
    if (e.source !== e.target) assert.ok(source.position.x < target.position.x, `${e.id}: upstream is left of downstream`);
  }
  for (const a of g.nodes) {
    for (const b of g.nodes) {
      if (a === b) continue;
      const apart = a.position.x + a.width! <= b.position.x || b.position.x + b.width! <= a.position.x || a.position.y + a.height! <= b.position.y || b.position.y + b.height! <= a.position.y;
      assert.ok(apart, `${a.id} and ${b.id} do not overlap`);
    }
  }
  const sources = g.nodes.filter((n) => n.data.table.kind === 'source');
  const sinks = g.nodes.filter((n) => n.data.table.kind === 'sink' && g.edges.some((e) => e.target === n.id));
  for (const s of sources) for (const k of sinks) if (g.edges.some((e) => e.source === s.id)) assert.ok(s.position.x < k.position.x, `${s.id} left of ${k.id}`);
  assert.equal(new Set(g.nodes.map((n) => n.id)).size, g.nodes.length);
  assert.equal(new Set(g.edges.map((e) => e.id)).size, g.edges.length);
  void r;
}

describe('table level', () => {
  const g = buildLineageGraph(pipeline, { level: 'table' });
  test('keeps views and draws edges through them', () => {
    assert.deepEqual(g.nodes.map((n) => n.id).sort(), ['table:archive', 'table:audit', 'table:daily', 'table:orders', 'table:rates', 'table:v']);
    assert.deepEqual(g.edges.map((e) => `${e.source}->${e.target}`).sort(), [
      'table:audit->table:archive',
      'table:orders->table:v',
      'table:rates->table:v',
      'table:v->table:audit',
      'table:v->table:daily',
    ]);
  });
  test('layout invariants', () => checkInvariants(pipeline, g, 'table'));
});

describe('column level', () => {
  const g = buildLineageGraph(pipeline, { level: 'column' });
  test('draws column edges source → sink with their transformation', () => {
    assert.equal(g.nodes.some((n) => n.id === 'table:v'), false);
    const total = g.edges.filter((e) => e.target === 'table:daily');
    assert.deepEqual(total.map((e) => [e.sourceHandle, e.targetHandle, e.data!.transforms, e.data!.via]).sort(), [
      ['out:amount', 'in:total', ['SUM(amount * rate)'], ['v']],
      ['out:rate', 'in:total', ['SUM(amount * rate)'], ['v']],
    ]);
  });
  test('layout invariants', () => checkInvariants(pipeline, g, 'column'));
  test('nodes are tall enough for their columns', () => {
    const orders = g.nodes.find((n) => n.id === 'table:orders')!;
    assert.ok(orders.height! >= 44 + 3 * 24);
  });
});

describe('highlight', () => {
  test("a column's upstream and downstream are highlighted, the rest dimmed", () => {
    const related = relatedColumns(pipeline, { table: 'audit', column: 'id' });
    assert.deepEqual([...related].map((k) => k.replace('\u0000', '.')).sort(), ['archive.id', 'audit.id', 'orders.id']);
    const g = buildLineageGraph(pipeline, { level: 'column', selectedColumn: { table: 'audit', column: 'id' } });
    assert.deepEqual(g.edges.filter((e) => e.data!.highlighted).map((e) => e.id).sort(), ['col:audit|id->archive|id', 'col:orders|id->audit|id']);
    assert.equal(g.nodes.find((n) => n.id === 'table:rates')!.data.dimmed, true);
    assert.equal(g.nodes.find((n) => n.id === 'table:orders')!.data.columns.find((c) => c.name === 'id')!.highlighted, true);
    assert.equal(g.nodes.find((n) => n.id === 'table:audit')!.data.columns.find((c) => c.name === 'id')!.selected, true);
  });
  test('a selected table highlights its upstream and downstream tables', () => {
    const g = buildLineageGraph(pipeline, { level: 'table', selectedTable: 'daily' });
    assert.deepEqual(g.nodes.filter((n) => n.data.highlighted).map((n) => n.id).sort(), ['table:daily', 'table:orders', 'table:rates', 'table:v']);
  });
});

describe('generated graphs', () => {
  // Layered random pipelines: every edge goes from layer i to a later layer, as lineage does.
  function random(seed: number) {
    let s = seed;
    return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  }
  test('invariants hold for 40 random pipelines at both levels', () => {
    const rnd = random(42);
    for (let n = 0; n < 40; n++) {
      const layers = 2 + Math.floor(rnd() * 3);
      const tables: LineageTable[] = [];
      for (let l = 0; l < layers; l++) {
        const count = 1 + Math.floor(rnd() * 3);
        for (let i = 0; i < count; i++) tables.push({ ...table(`t${l}_${i}`, l === 0 ? 'source' : l === layers - 1 ? 'sink' : 'both', ['a', 'b', 'c'].slice(0, 1 + Math.floor(rnd() * 3))) });
      }
      const layerOf = (t: LineageTable) => Number(t.id.slice(1).split('_')[0]);
      const edges: LineageColumnEdge[] = [];
      for (const to of tables.filter((t) => layerOf(t) > 0)) {
        const ups = tables.filter((t) => layerOf(t) < layerOf(to));
        for (const c of to.columns) {
          const from = ups[Math.floor(rnd() * ups.length)]!;
          edges.push(edge(`${from.id}:${from.columns[0]!.name}`, `${to.id}:${c.name}`, rnd() > 0.5 ? 'UPPER(x)' : ''));
        }
      }
      const r = result(tables, edges);
      for (const level of ['table', 'column'] as const) checkInvariants(r, buildLineageGraph(r, { level }), level);
    }
  });

  test('an empty result gives an empty graph', () => {
    assert.deepEqual(buildLineageGraph(result([], []), { level: 'column' }), { nodes: [], edges: [] });
  });
});

describe('edge labels', () => {
  const data = (transforms: string[]): LineageEdgeData => ({ transforms, statements: [0], via: [], highlighted: false, dimmed: false });

  test('a straight copy carries no label until hovered, where it says so', () => {
    assert.equal(shortTransformLabel(data([''])), undefined);
    assert.equal(describeTransforms(data(['']), 'copied as is'), 'copied as is');
  });

  test('a transformation is the label, cut to fit, with the whole text on hover', () => {
    assert.equal(shortTransformLabel(data(['UPPER(name)'])), 'UPPER(name)');
    const long = "SUBSTRING(name FROM 1 FOR 3) || TRIM(BOTH ' ' FROM email)";
    const short = shortTransformLabel(data([long]))!;
    assert.ok(short.length <= 18 && short.endsWith('…') && long.startsWith(short.slice(0, -1)), short);
    assert.equal(describeTransforms(data([long]), 'copied as is'), long);
  });

  test('several ways of computing a column show the first and how many more', () => {
    assert.equal(shortTransformLabel(data(['', 'a + 1', 'a * 2'])), 'a + 1 (+1)');
    assert.equal(describeTransforms(data(['', 'a + 1']), 'copied as is'), 'copied as is\na + 1');
  });
});
