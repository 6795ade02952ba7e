import { Background, Controls, MarkerType, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { RunGraph } from '@weir/contract';
import { Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildJobGraph } from './job-graph';
import { VertexNode } from './vertex-node';
import { useThemeMode } from '../../app/theme-mode';

const nodeTypes = { vertex: VertexNode };

export function JobGraphView({ graph }: { graph: Pick<RunGraph, 'vertices' | 'edges'> }) {
  const { t } = useTranslation();
  const layout = useMemo(() => buildJobGraph(graph), [graph]);
  const colorMode = useThemeMode();
  if (layout.nodes.length === 0) return <Empty description={t('runDetail.graph.empty')} />;
  const edges = layout.edges.map((e) => ({
    ...e,
    markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14, color: '#8c8c8c' },
    style: { stroke: '#8c8c8c' },
    labelStyle: { fontSize: 10, fill: colorMode === 'dark' ? '#bfbfbf' : '#595959' },
    labelBgStyle: { fill: colorMode === 'dark' ? '#1f1f1f' : '#fafafa' },
  }));
  return (
    <div data-testid="job-graph" style={{ height: Math.min(Math.max(layout.height + 40, 260), 640), border: '1px solid #f0f0f0', borderRadius: 8 }}>
      <ReactFlowProvider>
        <ReactFlow colorMode={colorMode} nodes={layout.nodes} edges={edges} nodeTypes={nodeTypes} fitView fitViewOptions={{ padding: 0.1, maxZoom: 1 }} nodesDraggable={false} nodesConnectable={false} minZoom={0.2}>
          <Background gap={16} />
          <Controls showInteractive={false} />
        </ReactFlow>
      </ReactFlowProvider>
    </div>
  );
}
