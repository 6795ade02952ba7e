// GlobalLineage (tables and the tasks that read and write them) → @xyflow/react nodes and edges,
// laid out left to right by dagre: a table's writers sit left of it, its readers right. Pure, so
// the rules are tested without a DOM; the page only renders what this returns.
import dagre from '@dagrejs/dagre';
import type { Edge, Node } from '@xyflow/react';
import type { GlobalLineage, GlobalLineageTable, GlobalLineageTask } from '@weir/contract';

/** How a task relates to the focused table. */
export type TaskRole = 'writer' | 'reader' | 'both' | 'other';

export interface TableNodeData extends Record<string, unknown> {
  table: GlobalLineageTable;
  focused: boolean;
}

export interface TaskNodeData extends Record<string, unknown> {
  task: GlobalLineageTask;
  role: TaskRole;
}

export type TableFlowNode = Node<TableNodeData, 'lineageTable'>;
export type TaskFlowNode = Node<TaskNodeData, 'lineageTask'>;
export type GlobalLineageFlowNode = TableFlowNode | TaskFlowNode;
export type GlobalLineageFlowEdge = Edge<{ kind: 'reads' | 'writes'; touchesFocus: boolean }>;

export interface GlobalLineageFlow {
  nodes: GlobalLineageFlowNode[];
  edges: GlobalLineageFlowEdge[];
  /** Size of the laid-out graph, so the page can give a short graph a short canvas. */
  width: number;
  height: number;
}

export const TABLE_NODE = { width: 200, height: 56 } as const;
export const TASK_NODE = { width: 260, height: 60 } as const;

/** Node ids carry their type: a table and a task may share a name. */
export const tableNodeId = (tableId: string) => `table:${tableId}`;
export const taskNodeId = (taskId: string) => `task:${taskId}`;
/** Readable in the DOM (React Flow puts edge ids into data-testid="rf__edge-<id>"). */
export const edgeId = (kind: 'reads' | 'writes', from: string, to: string) => `${kind}:${from}->${to}`;

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** A task's role for the focused table, from the table's writer and reader lists. */
export function roleOf(taskId: string, focused: GlobalLineageTable | undefined): TaskRole {
  if (!focused) return 'other';
  const writes = focused.writers.includes(taskId);
  const reads = focused.readers.includes(taskId);
  return writes && reads ? 'both' : writes ? 'writer' : reads ? 'reader' : 'other';
}

export function buildGlobalLineageFlow(graph: GlobalLineage, focusTableId?: string | null): GlobalLineageFlow {
  const focused = focusTableId ? graph.tables.find((t) => same(t.id, focusTableId)) : undefined;
  const tableIds = new Set(graph.tables.map((t) => t.id));
  const taskIds = new Set(graph.tasks.map((t) => t.id));

  const edges: GlobalLineageFlowEdge[] = [];
  for (const e of graph.edges) {
    // reads: table → task; writes: task → table. Edges to nodes outside this graph are dropped.
    const [table, task] = e.kind === 'reads' ? [e.from, e.to] : [e.to, e.from];
    if (!tableIds.has(table) || !taskIds.has(task)) continue;
    const [source, target] = e.kind === 'reads' ? [tableNodeId(table), taskNodeId(task)] : [taskNodeId(task), tableNodeId(table)];
    edges.push({ id: edgeId(e.kind, e.from, e.to), source, target, data: { kind: e.kind, touchesFocus: focused !== undefined && table === focused.id } });
  }

  const layout = new dagre.graphlib.Graph();
  layout.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 70, marginx: 16, marginy: 16 });
  layout.setDefaultEdgeLabel(() => ({}));
  for (const t of graph.tables) layout.setNode(tableNodeId(t.id), { ...TABLE_NODE });
  for (const t of graph.tasks) layout.setNode(taskNodeId(t.id), { ...TASK_NODE });
  for (const e of edges) layout.setEdge(e.source, e.target);
  dagre.layout(layout);

  const at = (id: string, size: { width: number; height: number }) => {
    const laid = layout.node(id);
    return { x: laid.x - size.width / 2, y: laid.y - size.height / 2 };
  };
  const nodes: GlobalLineageFlowNode[] = [
    ...graph.tables.map(
      (table): TableFlowNode => ({
        id: tableNodeId(table.id),
        type: 'lineageTable',
        position: at(tableNodeId(table.id), TABLE_NODE),
        ...TABLE_NODE,
        data: { table, focused: focused?.id === table.id },
      }),
    ),
    ...graph.tasks.map(
      (task): TaskFlowNode => ({
        id: taskNodeId(task.id),
        type: 'lineageTask',
        position: at(taskNodeId(task.id), TASK_NODE),
        ...TASK_NODE,
        data: { task, role: roleOf(task.id, focused) },
      }),
    ),
  ];
  const laid = layout.graph();
  return { nodes, edges, width: nodes.length ? (laid.width ?? 0) : 0, height: nodes.length ? (laid.height ?? 0) : 0 };
}
