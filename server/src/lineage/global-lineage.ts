// Lineage across tasks: which tasks read and write each table. Pure; the caller loads each task
// version's stored LineageResult. Views are local to a script and are left out.
import type { GlobalLineageEdge, GlobalLineageTable, LineageResult } from '@weir/contract';

export type { GlobalLineageEdge, GlobalLineageTable };

/** What the graph needs to know of a task; callers may carry more (lifecycle, version) and get it back. */
export interface LineageTaskRef {
  id: string;
  name: string;
}

export interface GlobalLineageInput<T extends LineageTaskRef = LineageTaskRef> {
  task: T;
  lineage: LineageResult;
}

export interface GlobalLineageGraph<T extends LineageTaskRef = LineageTaskRef> {
  tables: GlobalLineageTable[];
  tasks: T[];
  edges: GlobalLineageEdge[];
}

const key = (id: string) => id.toLowerCase();

export function buildGlobalLineage<T extends LineageTaskRef>(inputs: readonly GlobalLineageInput<T>[]): GlobalLineageGraph<T> {
  const tables = new Map<string, GlobalLineageTable>();
  const tasks: T[] = [];
  const edges = new Map<string, GlobalLineageEdge>();

  const table = (id: string, lineage: LineageResult): GlobalLineageTable => {
    const found = tables.get(key(id));
    const declared = lineage.tables.find((t) => key(t.id) === key(id));
    if (found) {
      found.connector ??= declared?.connector ?? null;
      return found;
    }
    const created: GlobalLineageTable = { id, name: declared?.name ?? id.split('.').pop()!, connector: declared?.connector ?? null, readers: [], writers: [] };
    tables.set(key(id), created);
    return created;
  };

  for (const { task, lineage } of inputs) {
    const taskId = task.id;
    tasks.push(task);
    const views = new Set(lineage.tables.filter((t) => t.kind === 'view').map((t) => key(t.id)));
    const reads = new Set<string>();
    const writes = new Set<string>();
    for (const e of lineage.tableEdges) {
      reads.add(e.from);
      writes.add(e.to);
    }
    for (const s of lineage.statements) for (const sink of s.sinks) writes.add(sink);
    for (const t of lineage.tables) {
      if (t.kind === 'both') reads.add(t.id);
      if (t.kind === 'sink' || t.kind === 'both') writes.add(t.id);
    }
    for (const id of reads) {
      if (views.has(key(id))) continue;
      const t = table(id, lineage);
      if (!t.readers.includes(taskId)) t.readers.push(taskId);
      edges.set(`r\u0000${key(id)}\u0000${taskId}`, { from: t.id, to: taskId, kind: 'reads' });
    }
    for (const id of writes) {
      if (views.has(key(id))) continue;
      const t = table(id, lineage);
      if (!t.writers.includes(taskId)) t.writers.push(taskId);
      edges.set(`w\u0000${taskId}\u0000${key(id)}`, { from: taskId, to: t.id, kind: 'writes' });
    }
  }
  return { tables: [...tables.values()], tasks, edges: [...edges.values()] };
}

/**
 * The part of the graph around one table: the tasks that write it and what they read (upstream),
 * the tasks that read it and what they write (downstream), `depth` task hops each way.
 * Null when no task reads or writes the table.
 */
export function lineageForTable<T extends LineageTaskRef>(graph: GlobalLineageGraph<T>, tableId: string, depth = 1): GlobalLineageGraph<T> | null {
  const start = graph.tables.find((t) => key(t.id) === key(tableId));
  if (!start) return null;
  const tableIds = new Set([start.id]);
  const taskIds = new Set<string>();
  const kept = new Set<GlobalLineageEdge>();
  const byId = new Map(graph.tables.map((t) => [t.id, t]));

  const walk = (direction: 'up' | 'down') => {
    let frontier = [start.id];
    for (let hop = 0; hop < depth && frontier.length > 0; hop++) {
      const next: string[] = [];
      for (const id of frontier) {
        const table = byId.get(id)!;
        for (const task of direction === 'up' ? table.writers : table.readers) {
          taskIds.add(task);
          for (const e of graph.edges) {
            const touchesTask = direction === 'up' ? (e.kind === 'writes' && e.from === task && e.to === id) || (e.kind === 'reads' && e.to === task) : (e.kind === 'reads' && e.to === task && e.from === id) || (e.kind === 'writes' && e.from === task);
            if (!touchesTask) continue;
            kept.add(e);
            const other = e.kind === 'reads' ? e.from : e.to;
            if (!tableIds.has(other)) {
              tableIds.add(other);
              next.push(other);
            }
          }
        }
      }
      frontier = next;
    }
  };
  walk('up');
  walk('down');
  return {
    tables: graph.tables.filter((t) => tableIds.has(t.id)),
    tasks: graph.tasks.filter((t) => taskIds.has(t.id)),
    edges: graph.edges.filter((e) => kept.has(e)),
  };
}
