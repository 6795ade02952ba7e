// Operator graph shaping and layout: RunGraph (from the API) → React Flow nodes and edges,
// laid out left to right with dagre. Pure, so it is tested without a DOM.
import dagre from '@dagrejs/dagre';
import type { Edge, Node } from '@xyflow/react';
import type { GraphVertex, RunGraph } from '@weir/contract';

export const VERTEX_WIDTH = 300;
export const VERTEX_HEIGHT = 176;

export type Pressure = 'ok' | 'low' | 'high' | 'unknown';

export interface VertexNodeData extends Record<string, unknown> {
  vertex: GraphVertex;
  /** The name without Flink's `[n]` ids and `Source: ` prefix noise, for the title line. */
  title: string;
  pressure: Pressure;
  busy: Pressure;
  isSource: boolean;
  isSink: boolean;
}

export interface JobGraphLayout {
  nodes: Node<VertexNodeData>[];
  edges: Edge<{ shipStrategy: string | null }>[];
  width: number;
  height: number;
}

/** Flink's web UI levels: ≤10 % OK, ≤50 % LOW, above HIGH. */
export function pressureLevel(ratio: number | null): Pressure {
  if (ratio === null) return 'unknown';
  if (ratio <= 0.1) return 'ok';
  if (ratio <= 0.5) return 'low';
  return 'high';
}

export function vertexTitle(name: string): string {
  return name.replace(/\[\d+\]/g, '').replace(/\s+/g, ' ').trim();
}

/** Lays out the vertices left to right in data-flow order; edges keep the plan's ship strategy as label. */
export function buildJobGraph(graph: Pick<RunGraph, 'vertices' | 'edges'>): JobGraphLayout {
  const ids = new Set(graph.vertices.map((v) => v.id));
  const edges = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const v of graph.vertices) g.setNode(v.id, { width: VERTEX_WIDTH, height: VERTEX_HEIGHT });
  for (const e of edges) g.setEdge(e.source, e.target);
  dagre.layout(g);

  const hasInput = new Set(edges.map((e) => e.target));
  const hasOutput = new Set(edges.map((e) => e.source));
  const nodes = graph.vertices.map((vertex): Node<VertexNodeData> => {
    const p = g.node(vertex.id);
    return {
      id: vertex.id,
      type: 'vertex',
      position: { x: p.x - VERTEX_WIDTH / 2, y: p.y - VERTEX_HEIGHT / 2 },
      width: VERTEX_WIDTH,
      height: VERTEX_HEIGHT,
      data: {
        vertex,
        title: vertexTitle(vertex.name),
        pressure: pressureLevel(vertex.backpressureRatio),
        busy: pressureLevel(vertex.busyRatio),
        isSource: !hasInput.has(vertex.id),
        isSink: !hasOutput.has(vertex.id),
      },
    };
  });
  const graphLabel = g.graph();
  return {
    nodes,
    edges: edges.map((e) => ({
      id: `${e.source}->${e.target}`,
      source: e.source,
      target: e.target,
      label: e.shipStrategy ?? undefined,
      data: { shipStrategy: e.shipStrategy },
    })),
    width: graphLabel.width ?? 0,
    height: graphLabel.height ?? 0,
  };
}

/** 0.42 → "42%"; null → "–". */
export function formatRatio(ratio: number | null): string {
  return ratio === null ? '–' : `${Math.round(ratio * 100)}%`;
}

/** Compact counts: 1234 → "1.23K", 5_600_000 → "5.6M". */
export function formatCount(n: number | null): string {
  if (n === null) return '–';
  const abs = Math.abs(n);
  for (const [size, unit] of [[1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'K']] as const) {
    if (abs >= size) return `${Number((n / size).toPrecision(3))}${unit}`;
  }
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** Bytes in binary units: 1536 → "1.5 KiB". */
export function formatBytes(n: number | null): string {
  if (n === null) return '–';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = n;
  let i = 0;
  while (Math.abs(value) >= 1024 && i < units.length - 1) {
    value /= 1024;
    i += 1;
  }
  return i === 0 ? `${value} B` : `${Number(value.toPrecision(3))} ${units[i]}`;
}
