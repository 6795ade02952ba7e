// LineageResult → @xyflow/react nodes and edges, laid out left to right by dagre. Pure, so the
// layout rules are tested without a DOM; LineageView only renders what this returns.
import dagre from '@dagrejs/dagre';
import type { Edge, Node } from '@xyflow/react';
import type { LineageResult, LineageTable } from './lineage.types';

export type LineageLevel = 'table' | 'column';

export interface ColumnKey {
  table: string;
  column: string;
}

export interface LineageColumnRow {
  name: string;
  type: string | null;
  computed?: string;
  metadata?: boolean;
  /** On the selected column's upstream or downstream path. */
  highlighted: boolean;
  selected: boolean;
  /** Has edges on its left / right, so the node renders a handle there. */
  hasInput: boolean;
  hasOutput: boolean;
}

export interface LineageNodeData extends Record<string, unknown> {
  table: LineageTable;
  level: LineageLevel;
  columns: LineageColumnRow[];
  highlighted: boolean;
  dimmed: boolean;
}

export interface LineageEdgeData extends Record<string, unknown> {
  /** Distinct transformations on this edge ('' for a straight copy). */
  transforms: string[];
  statements: number[];
  /** Views the value went through, when drawn as one column edge. */
  via: string[];
  highlighted: boolean;
  dimmed: boolean;
}

export type LineageFlowNode = Node<LineageNodeData, 'lineageTable'>;
export type LineageFlowEdge = Edge<LineageEdgeData>;

export interface LineageGraph {
  nodes: LineageFlowNode[];
  edges: LineageFlowEdge[];
}

export const NODE_WIDTH = 260;
export const HEADER_HEIGHT = 44;
export const ROW_HEIGHT = 24;
const TABLE_NODE_HEIGHT = 56;

export const nodeId = (tableId: string) => `table:${tableId}`;
export const columnHandleId = (column: string, side: 'in' | 'out') => `${side}:${column}`;
const columnKey = (c: ColumnKey) => `${c.table}\u0000${c.column}`;
/** Readable in the DOM (React Flow puts edge ids into attributes). */
const columnEdgeId = (from: ColumnKey, to: ColumnKey) => `col:${from.table}|${from.column}->${to.table}|${to.column}`;

export function nodeHeight(level: LineageLevel, columnCount: number): number {
  return level === 'table' ? TABLE_NODE_HEIGHT : HEADER_HEIGHT + Math.max(1, columnCount) * ROW_HEIGHT + 8;
}

/** Every column the selected one is computed from (upstream) or feeds (downstream), itself included. */
export function relatedColumns(result: LineageResult, selected: ColumnKey): Set<string> {
  const out = new Set([columnKey(selected)]);
  const follow = (forward: boolean) => {
    const queue = [columnKey(selected)];
    const seen = new Set(queue);
    while (queue.length > 0) {
      const current = queue.shift()!;
      for (const e of result.columnEdges) {
        const [here, there] = forward ? [e.from, e.to] : [e.to, e.from];
        if (columnKey(here) !== current || seen.has(columnKey(there))) continue;
        seen.add(columnKey(there));
        out.add(columnKey(there));
        queue.push(columnKey(there));
      }
    }
  };
  follow(true);
  follow(false);
  return out;
}

/** Tables connected to the selected one, upstream and downstream, through table edges and views. */
export function relatedTables(result: LineageResult, tableId: string): Set<string> {
  const pairs = tableLevelPairs(result);
  const out = new Set([tableId]);
  for (const forward of [true, false]) {
    const queue = [tableId];
    const seen = new Set(queue);
    while (queue.length > 0) {
      const current = queue.shift()!;
      for (const p of pairs) {
        const [here, there] = forward ? [p.from, p.to] : [p.to, p.from];
        if (here !== current || seen.has(there)) continue;
        seen.add(there);
        out.add(there);
        queue.push(there);
      }
    }
  }
  return out;
}

/** Table-level hops: a column edge through views becomes source → view → … → sink. */
function tableLevelPairs(result: LineageResult): { from: string; to: string }[] {
  const pairs = new Map<string, { from: string; to: string }>();
  const add = (from: string, to: string) => pairs.set(`${from}\u0000${to}`, { from, to });
  const throughViews = new Set<string>();
  for (const e of result.columnEdges) {
    if (e.via.length === 0) continue;
    const chain = [e.from.table, ...e.via, e.to.table];
    for (let i = 0; i + 1 < chain.length; i++) add(chain[i]!, chain[i + 1]!);
    throughViews.add(`${e.from.table}\u0000${e.to.table}`);
  }
  const direct = new Set(result.columnEdges.filter((e) => e.via.length === 0).map((e) => `${e.from.table}\u0000${e.to.table}`));
  for (const e of result.tableEdges) {
    const k = `${e.from}\u0000${e.to}`;
    if (throughViews.has(k) && !direct.has(k)) continue; // already drawn through its views
    add(e.from, e.to);
  }
  return [...pairs.values()];
}

export interface BuildOptions {
  level: LineageLevel;
  selectedColumn?: ColumnKey | null;
  selectedTable?: string | null;
}

export function buildLineageGraph(result: LineageResult, options: BuildOptions): LineageGraph {
  const { level } = options;
  // Column edges are drawn source → sink directly, so views only appear at table level.
  const tables = level === 'column' ? result.tables.filter((t) => t.kind !== 'view') : result.tables;
  const known = new Set(tables.map((t) => t.id));

  const related = options.selectedColumn ? relatedColumns(result, options.selectedColumn) : null;
  const relatedTableIds = options.selectedTable ? relatedTables(result, options.selectedTable) : null;

  const edges: LineageFlowEdge[] = [];
  if (level === 'column') {
    const merged = new Map<string, LineageFlowEdge>();
    for (const e of result.columnEdges) {
      if (!known.has(e.from.table) || !known.has(e.to.table)) continue;
      const id = columnEdgeId(e.from, e.to);
      const highlighted = related !== null && related.has(columnKey(e.from)) && related.has(columnKey(e.to));
      const existing = merged.get(id);
      if (existing) {
        const d = existing.data!;
        if (!d.transforms.includes(e.transform)) d.transforms.push(e.transform);
        if (!d.statements.includes(e.statementIndex)) d.statements.push(e.statementIndex);
        for (const v of e.via) if (!d.via.includes(v)) d.via.push(v);
        continue;
      }
      merged.set(id, {
        id,
        source: nodeId(e.from.table),
        target: nodeId(e.to.table),
        sourceHandle: columnHandleId(e.from.column, 'out'),
        targetHandle: columnHandleId(e.to.column, 'in'),
        data: { transforms: [e.transform], statements: [e.statementIndex], via: [...e.via], highlighted, dimmed: related !== null && !highlighted },
      });
    }
    edges.push(...merged.values());
  } else {
    for (const p of tableLevelPairs(result)) {
      if (!known.has(p.from) || !known.has(p.to)) continue;
      const highlighted = relatedTableIds !== null && relatedTableIds.has(p.from) && relatedTableIds.has(p.to);
      const statements = [...new Set(result.columnEdges.filter((e) => e.from.table === p.from && e.to.table === p.to).map((e) => e.statementIndex))];
      edges.push({
        id: `tbl:${p.from}->${p.to}`,
        source: nodeId(p.from),
        target: nodeId(p.to),
        data: { transforms: [], statements, via: [], highlighted, dimmed: relatedTableIds !== null && !highlighted },
      });
    }
  }

  const inputs = new Set(edges.filter((e) => e.targetHandle).map((e) => `${e.target}\u0000${e.targetHandle}`));
  const outputs = new Set(edges.filter((e) => e.sourceHandle).map((e) => `${e.source}\u0000${e.sourceHandle}`));

  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 32, ranksep: 140, marginx: 16, marginy: 16 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const t of tables) graph.setNode(nodeId(t.id), { width: NODE_WIDTH, height: nodeHeight(level, t.columns.length) });
  for (const e of edges) if (e.source !== e.target) graph.setEdge(e.source, e.target);
  dagre.layout(graph);

  const nodes: LineageFlowNode[] = tables.map((t) => {
    const id = nodeId(t.id);
    const laid = graph.node(id);
    const height = nodeHeight(level, t.columns.length);
    const columns: LineageColumnRow[] = t.columns.map((c) => {
      const key = columnKey({ table: t.id, column: c.name });
      return {
        ...c,
        highlighted: related?.has(key) ?? false,
        selected: options.selectedColumn ? columnKey(options.selectedColumn) === key : false,
        hasInput: inputs.has(`${id}\u0000${columnHandleId(c.name, 'in')}`),
        hasOutput: outputs.has(`${id}\u0000${columnHandleId(c.name, 'out')}`),
      };
    });
    const highlighted = relatedTableIds?.has(t.id) ?? columns.some((c) => c.highlighted);
    return {
      id,
      type: 'lineageTable',
      position: { x: laid.x - NODE_WIDTH / 2, y: laid.y - height / 2 },
      width: NODE_WIDTH,
      height,
      data: { table: t, level, columns, highlighted, dimmed: (related !== null || relatedTableIds !== null) && !highlighted },
    };
  });
  return { nodes, edges };
}

/** What an edge's tooltip or label says: the transformations, or that it is a straight copy. */
export function describeTransforms(data: LineageEdgeData, copyText: string): string {
  const parts = data.transforms.map((t) => (t === '' ? copyText : t));
  return parts.join('\n');
}

/**
 * What an edge says without being hovered: its transformation cut to `max` characters (with how many
 * more there are when several statements compute the column differently), or nothing for a straight
 * copy, so the graph stays readable and the full text is one hover away. 18 characters of the
 * 10px monospace label fit the gap the layout leaves between two tables.
 */
export function shortTransformLabel(data: LineageEdgeData, max = 18): string | undefined {
  const computed = data.transforms.filter((t) => t !== '');
  const first = computed[0];
  if (first === undefined) return undefined;
  const cut = first.length > max ? `${first.slice(0, max - 1).trimEnd()}…` : first;
  return computed.length > 1 ? `${cut} (+${computed.length - 1})` : cut;
}
