import { Background, Controls, type EdgeMouseHandler, MarkerType, type NodeMouseHandler, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { Alert, Empty, Segmented, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { LINEAGE_FIT_VIEW } from './lineage-fit';
import { buildLineageGraph, type ColumnKey, describeTransforms, type LineageLevel, shortTransformLabel } from './lineage-graph';
import { LineageTableNode } from './lineage-table-node';
import { formatPosition, useLineageTexts } from './lineage-texts';
import type { LineageResult } from './lineage.types';
import { useThemeMode } from '../../app/theme-mode';

export interface LineageViewProps {
  /** The stored lineage of one task version (what the server's analyseLineage returned). */
  lineage: LineageResult;
  /** Level shown first; the user switches with the toggle. Default 'column'. */
  defaultLevel?: LineageLevel;
  /** Height of the graph area (the warnings above it are extra). Default 560. */
  height?: number | string;
  /** Double-click on a table, e.g. to open the global lineage page for it. */
  onOpenTable?: (tableId: string) => void;
}

const nodeTypes = { lineageTable: LineageTableNode };

/**
 * Table- and column-level lineage of a FlinkSQL script. Click a column (or, at table level, a table)
 * to highlight everything upstream and downstream of it. Column edges are labelled with their
 * transformation, shortened; hover or click an edge to see all of it.
 */
export function LineageView({ lineage, defaultLevel = 'column', height = 560, onOpenTable }: LineageViewProps) {
  const texts = useLineageTexts();
  const colorMode = useThemeMode();
  const [level, setLevel] = useState<LineageLevel>(defaultLevel);
  const [selectedColumn, setSelectedColumn] = useState<ColumnKey | null>(null);
  const [selectedTable, setSelectedTable] = useState<string | null>(null);
  const [hoveredEdge, setHoveredEdge] = useState<string | null>(null);
  const [pinnedEdge, setPinnedEdge] = useState<string | null>(null);

  const graph = useMemo(() => buildLineageGraph(lineage, { level, selectedColumn, selectedTable }), [lineage, level, selectedColumn, selectedTable]);

  const edges = useMemo(
    () =>
      graph.edges.map((e) => {
        const d = e.data!;
        const hovered = hoveredEdge === e.id || pinnedEdge === e.id;
        const via = d.via.length > 0 ? ` (${texts.via} ${d.via.join(', ')})` : '';
        const full = describeTransforms(d, texts.straightCopy) + via;
        // Column edges carry their transformation as a short label; hovering (or a click) shows all of it.
        const label = level !== 'column' ? undefined : hovered ? full : shortTransformLabel(d);
        return {
          ...e,
          animated: d.highlighted,
          markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14, color: d.highlighted ? '#1677ff' : '#8c8c8c' },
          style: { stroke: d.highlighted || hovered ? '#1677ff' : '#8c8c8c', strokeWidth: d.highlighted || hovered ? 2 : 1, opacity: d.dimmed && !hovered ? 0.15 : 1 },
          label,
          ...(level === 'column' ? { ariaLabel: full } : {}),
          labelStyle: { fontSize: hovered ? 11 : 10, fontFamily: 'monospace', fill: hovered ? '#000' : '#595959' },
          labelBgStyle: { fill: hovered ? '#fffbe6' : '#ffffff', fillOpacity: hovered ? 1 : 0.85 },
          zIndex: hovered ? 10 : d.highlighted ? 5 : 0,
        };
      }),
    [graph.edges, hoveredEdge, pinnedEdge, level, texts],
  );

  const clear = () => {
    setSelectedColumn(null);
    setSelectedTable(null);
    setPinnedEdge(null);
  };

  const onNodeClick: NodeMouseHandler = (event, node) => {
    const tableId = node.id.slice('table:'.length);
    if (level === 'table') {
      setSelectedTable((current) => (current === tableId ? null : tableId));
      return;
    }
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-column]');
    const column = row?.dataset.column;
    if (!column) return;
    setSelectedColumn((current) => (current && current.table === tableId && current.column === column ? null : { table: tableId, column }));
  };
  const onNodeDoubleClick: NodeMouseHandler = (_event, node) => onOpenTable?.(node.id.slice('table:'.length));
  const onEdgeEnter: EdgeMouseHandler = (_event, edge) => setHoveredEdge(edge.id);
  const onEdgeLeave: EdgeMouseHandler = () => setHoveredEdge(null);
  // A click keeps the transformation shown (touch screens have no hover); it also makes React Flow
  // give edges pointer events, which it withholds from edges that are neither selectable nor clickable.
  const onEdgeClick: EdgeMouseHandler = (_event, edge) => setPinnedEdge((current) => (current === edge.id ? null : edge.id));

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="small" data-testid="lineage-view">
      {lineage.errors.length > 0 && <ProblemList type="error" title={texts.errors} problems={lineage.errors} />}
      {lineage.warnings.length > 0 && <ProblemList type="warning" title={texts.warnings} problems={lineage.warnings} />}
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Segmented<LineageLevel>
          value={level}
          onChange={(value) => {
            setLevel(value);
            clear();
          }}
          options={[
            { label: texts.tableLevel, value: 'table' },
            { label: texts.columnLevel, value: 'column' },
          ]}
          data-testid="lineage-level"
        />
        <Typography.Text type="secondary">{level === 'table' ? texts.clearSelectionTable : texts.clearSelection}</Typography.Text>
      </Space>
      <div style={{ height, border: '1px solid #f0f0f0', borderRadius: 6 }} data-testid="lineage-graph">
        {graph.nodes.length === 0 ? (
          <Empty style={{ paddingTop: 80 }} description={texts.empty} />
        ) : (
          <ReactFlowProvider>
            <ReactFlow
              colorMode={colorMode}
              key={level}
              nodes={graph.nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              onNodeClick={onNodeClick}
              onNodeDoubleClick={onNodeDoubleClick}
              onEdgeClick={onEdgeClick}
              onEdgeMouseEnter={onEdgeEnter}
              onEdgeMouseLeave={onEdgeLeave}
              onPaneClick={clear}
              nodesDraggable
              nodesConnectable={false}
              elementsSelectable={false}
              fitView
              fitViewOptions={LINEAGE_FIT_VIEW}
              minZoom={0.1}
            >
              <Background gap={16} size={1} />
              <Controls showInteractive={false} fitViewOptions={LINEAGE_FIT_VIEW} />
            </ReactFlow>
          </ReactFlowProvider>
        )}
      </div>
    </Space>
  );
}

function ProblemList({ type, title, problems }: { type: 'error' | 'warning'; title: string; problems: LineageResult['warnings'] }) {
  const texts = useLineageTexts();
  return (
    <Alert
      type={type}
      showIcon
      message={title}
      data-testid={`lineage-${type}s`}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {problems.map((p, i) => (
            <li key={i}>
              <Typography.Text type="secondary">{formatPosition(texts, p.line, p.column)}: </Typography.Text>
              {p.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}
