import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GlobalLineage, GlobalLineageTask } from '@weir/contract';
import { buildGlobalLineageFlow, type GlobalLineageFlowNode, roleOf, tableNodeId, taskNodeId } from './global-lineage-graph';

const task = (id: string): GlobalLineageTask => ({ id, name: `task ${id}`, lifecycle: 'PUBLISHED', version: 1, status: null });
const table = (id: string, writers: string[], readers: string[]) => ({ id, name: id.split('.').pop()!, connector: null, writers, readers });

// ingest: kafka_orders → ods_orders; report: ods_orders + customers → daily; audit: ods_orders → audit_log;
// "orders" is also a task name, to show node ids never collide.
const GRAPH: GlobalLineage = {
  tables: [
    table('kafka_orders', [], ['ingest']),
    table('ods_orders', ['ingest'], ['report', 'audit']),
    table('customers', [], ['report']),
    table('daily', ['report'], []),
    table('audit_log', ['audit'], []),
    table('orders', ['orders'], ['orders']),
  ],
  tasks: [task('ingest'), task('report'), task('audit'), task('orders')],
  edges: [
    { from: 'kafka_orders', to: 'ingest', kind: 'reads' },
    { from: 'ingest', to: 'ods_orders', kind: 'writes' },
    { from: 'ods_orders', to: 'report', kind: 'reads' },
    { from: 'customers', to: 'report', kind: 'reads' },
    { from: 'report', to: 'daily', kind: 'writes' },
    { from: 'ods_orders', to: 'audit', kind: 'reads' },
    { from: 'audit', to: 'audit_log', kind: 'writes' },
    { from: 'orders', to: 'orders', kind: 'reads' },
    { from: 'orders', to: 'orders', kind: 'writes' },
    { from: 'missing_table', to: 'audit', kind: 'reads' },
  ],
};

const flow = buildGlobalLineageFlow(GRAPH, 'ODS_ORDERS');
const node = (id: string) => flow.nodes.find((n) => n.id === id)!;

test('tables and tasks are distinct node types, even when a table and a task share a name', () => {
  assert.equal(flow.nodes.length, 10);
  assert.equal(node(tableNodeId('orders')).type, 'lineageTable');
  assert.equal(node(taskNodeId('orders')).type, 'lineageTask');
  assert.deepEqual(new Set(flow.nodes.map((n) => n.type)), new Set(['lineageTable', 'lineageTask']));
});

test('reads go table → task, writes go task → table; edges to unknown nodes are dropped', () => {
  const reads = flow.edges.find((e) => e.id === 'reads:ods_orders->report')!;
  assert.deepEqual([reads.source, reads.target], [tableNodeId('ods_orders'), taskNodeId('report')]);
  const writes = flow.edges.find((e) => e.id === 'writes:ingest->ods_orders')!;
  assert.deepEqual([writes.source, writes.target], [taskNodeId('ingest'), tableNodeId('ods_orders')]);
  assert.equal(flow.edges.length, 9);
  assert.ok(flow.edges.every((e) => flow.nodes.some((n) => n.id === e.source) && flow.nodes.some((n) => n.id === e.target)));
});

test('left to right: every edge that is not part of a cycle points rightwards', () => {
  const x = (id: string) => node(id).position.x;
  for (const e of flow.edges) {
    if (e.id.includes('orders->orders')) continue; // a task that reads and writes one table is a cycle
    assert.ok(x(e.source) < x(e.target), `${e.id}: ${x(e.source)} < ${x(e.target)}`);
  }
  assert.ok(x(tableNodeId('kafka_orders')) < x(taskNodeId('ingest')) && x(taskNodeId('ingest')) < x(tableNodeId('ods_orders')));
});

test('no two nodes overlap, and all lie inside the reported size', () => {
  const box = (n: GlobalLineageFlowNode) => ({ x1: n.position.x, y1: n.position.y, x2: n.position.x + n.width!, y2: n.position.y + n.height! });
  for (let i = 0; i < flow.nodes.length; i++) {
    for (let j = i + 1; j < flow.nodes.length; j++) {
      const a = box(flow.nodes[i]!);
      const b = box(flow.nodes[j]!);
      const apart = a.x2 <= b.x1 || b.x2 <= a.x1 || a.y2 <= b.y1 || b.y2 <= a.y1;
      assert.ok(apart, `${flow.nodes[i]!.id} overlaps ${flow.nodes[j]!.id}`);
    }
  }
  for (const n of flow.nodes) {
    const b = box(n);
    assert.ok(b.x1 >= 0 && b.y1 >= 0 && b.x2 <= flow.width && b.y2 <= flow.height, `${n.id} inside ${flow.width}×${flow.height}`);
  }
});

test('the focused table is marked (any case) and each task knows its role for it', () => {
  assert.equal((node(tableNodeId('ods_orders')).data as { focused: boolean }).focused, true);
  assert.equal(flow.nodes.filter((n) => n.type === 'lineageTable' && n.data.focused).length, 1);
  const role = (id: string) => (node(taskNodeId(id)).data as { role: string }).role;
  assert.deepEqual([role('ingest'), role('report'), role('audit'), role('orders')], ['writer', 'reader', 'reader', 'other']);
  assert.equal(roleOf('orders', GRAPH.tables.find((t) => t.id === 'orders')), 'both');
  const touching = flow.edges.filter((e) => e.data!.touchesFocus).map((e) => e.id).sort();
  assert.deepEqual(touching, ['reads:ods_orders->audit', 'reads:ods_orders->report', 'writes:ingest->ods_orders']);
});

test('without a focus nothing is marked; an empty graph gives no nodes', () => {
  const plain = buildGlobalLineageFlow(GRAPH);
  assert.ok(plain.nodes.every((n) => (n.type === 'lineageTable' ? !n.data.focused : n.data.role === 'other')));
  assert.deepEqual(buildGlobalLineageFlow({ tables: [], tasks: [], edges: [] }), { nodes: [], edges: [], width: 0, height: 0 });
});
