import { Background, Controls, MarkerType, type NodeMouseHandler, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { GlobalLineage, GlobalLineageTable, GlobalLineageTask } from '@weir/contract';
import { Alert, Button, Card, Descriptions, Empty, Flex, Segmented, Select, Space, Spin, Tag, Typography } from 'antd';
import { type CSSProperties, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/api-error';
import { formatError } from '../../api/format-error';
import { PageHeader } from '../../components/page-header';
import { buildGlobalLineageFlow } from './global-lineage-graph';
import { useGlobalLineage, useLineageTableSearch, useTableLineage } from './global-lineage.queries';
import { TableNode, TaskNode } from './lineage-nodes';
import { useThemeMode } from '../../app/theme-mode';

const nodeTypes = { lineageTable: TableNode, lineageTask: TaskNode };
const DEPTHS = [1, 2, 3] as const;
/** Beyond this many nodes the whole graph is unreadable; the page asks for a table instead. */
const MAX_WHOLE_GRAPH_NODES = 300;
const EDGE_COLORS = { reads: '#1677ff', writes: '#52c41a' } as const;

/** Global lineage at /lineage: the whole graph, or the tasks around one table (kept in the URL). */
export function GlobalLineagePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const table = params.get('table') || null;
  const depth = DEPTHS.find((d) => String(d) === params.get('depth')) ?? 1;

  const whole = useGlobalLineage(table === null);
  const around = useTableLineage(table, depth);
  const current = table === null ? whole : around;

  const setView = (next: { table?: string | null; depth?: number }) =>
    setParams((p) => {
      if (next.table !== undefined) {
        if (next.table) p.set('table', next.table);
        else p.delete('table');
      }
      if (next.depth !== undefined) {
        if (next.depth === 1) p.delete('depth');
        else p.set('depth', String(next.depth));
      }
      return p;
    });

  const empty = table === null && whole.data !== undefined && whole.data.tasks.length === 0;
  const notFound = table !== null && around.error instanceof ApiError && around.error.status === 404;

  return (
    <>
      <PageHeader
        title={t('globalLineage.title')}
        subtitle={t('globalLineage.subtitle')}
        extra={
          !empty && (
            <>
              <TableSearch value={table} onChange={(id) => setView({ table: id })} />
              {table !== null && (
                <>
                  <Space size={4}>
                    <Typography.Text type="secondary">{t('globalLineage.depth')}</Typography.Text>
                    <Segmented<number> value={depth} options={[...DEPTHS]} onChange={(d) => setView({ depth: d })} data-testid="global-lineage-depth" />
                  </Space>
                  <Button onClick={() => setView({ table: null, depth: 1 })}>{t('globalLineage.wholeGraph')}</Button>
                </>
              )}
            </>
          )
        }
      />
      {empty ? (
        <Card>
          <Empty
            data-testid="global-lineage-empty"
            style={{ padding: '48px 0' }}
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <Space direction="vertical" size={4} style={{ maxWidth: 560 }}>
                <Typography.Text strong>{t('globalLineage.empty.title')}</Typography.Text>
                <Typography.Text type="secondary">{t('globalLineage.empty.description')}</Typography.Text>
              </Space>
            }
          >
            <Link to="/tasks">
              <Button type="primary">{t('globalLineage.empty.action')}</Button>
            </Link>
          </Empty>
        </Card>
      ) : notFound ? (
        <Card>
          <Empty data-testid="global-lineage-not-found" description={t('globalLineage.notFound', { table })} />
        </Card>
      ) : current.error ? (
        <Alert type="error" showIcon message={formatError('load', table ? ['tableLineage', { name: table }] : 'lineage', current.error)} />
      ) : !current.data ? (
        <Spin style={{ display: 'block', marginTop: 80 }} />
      ) : (
        <LineageBody graph={current.data} stale={current.isPlaceholderData} focus={table} onFocus={(id) => setView({ table: id })} />
      )}
    </>
  );
}

/**
 * `stale`: the graph is the previous table's (or depth's), kept on screen while the new one loads so
 * the page does not jump; it is dimmed and marked busy, since the roles and the focus it shows are
 * read against the table now chosen and may name tasks that are not in its lineage.
 */
function LineageBody({ graph, stale, focus, onFocus }: { graph: GlobalLineage; stale: boolean; focus: string | null; onFocus: (tableId: string) => void }) {
  const { t } = useTranslation();
  const focused = focus ? graph.tables.find((x) => x.id.toLowerCase() === focus.toLowerCase()) : undefined;
  const tooLarge = focus === null && graph.tables.length + graph.tasks.length > MAX_WHOLE_GRAPH_NODES;
  return (
    <Flex gap={16} align="stretch" data-testid="global-lineage-body" aria-busy={stale} style={stale ? { opacity: 0.5 } : undefined}>
      <Card style={{ flex: 1, minWidth: 0 }} styles={{ body: { padding: 12 } }}>
        <Flex justify="space-between" style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{t('globalLineage.hint')}</Typography.Text>
          <Typography.Text type="secondary" data-testid="global-lineage-counts">
            {t('globalLineage.counts', { tables: graph.tables.length, tasks: graph.tasks.length })}
          </Typography.Text>
        </Flex>
        {tooLarge ? (
          <Empty style={{ padding: '80px 0' }} description={t('globalLineage.tooLarge', { tables: graph.tables.length, tasks: graph.tasks.length })} />
        ) : (
          <LineageGraph graph={graph} focus={focused?.id ?? null} onFocus={onFocus} />
        )}
        <Legend />
      </Card>
      {focused && <TablePanel table={focused} tasks={graph.tasks} />}
    </Flex>
  );
}

function LineageGraph({ graph, focus, onFocus }: { graph: GlobalLineage; focus: string | null; onFocus: (tableId: string) => void }) {
  const navigate = useNavigate();
  const flow = useMemo(() => buildGlobalLineageFlow(graph, focus), [graph, focus]);
  const edges = useMemo(
    () =>
      flow.edges.map((e) => {
        const { kind, touchesFocus } = e.data!;
        const color = EDGE_COLORS[kind];
        return { ...e, animated: touchesFocus, markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14, color }, style: { stroke: color, strokeWidth: touchesFocus ? 2 : 1.2 } };
      }),
    [flow.edges],
  );
  const colorMode = useThemeMode();
  const onNodeClick: NodeMouseHandler = (_event, node) => {
    if (node.type === 'lineageTask') navigate(`/tasks/${(node.data as { task: GlobalLineageTask }).task.id}`);
    else onFocus((node.data as { table: GlobalLineageTable }).table.id);
  };
  return (
    // A short chain gets a short canvas instead of a screen of empty grid; a big graph gets the screen.
    <div style={{ height: `clamp(320px, ${Math.round(flow.height + 120)}px, calc(100vh - 300px))`, border: '1px solid #f0f0f0', borderRadius: 6 }} data-testid="global-lineage-graph">
      <ReactFlowProvider>
        <ReactFlow
          colorMode={colorMode}
          key={`${focus ?? ''}|${graph.tables.length}|${graph.tasks.length}`}
          nodes={flow.nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodeClick={onNodeClick}
          nodesDraggable
          nodesConnectable={false}
          elementsSelectable={false}
          fitView
          fitViewOptions={{ maxZoom: 1.2 }}
          minZoom={0.1}
        >
          <Background gap={16} size={1} />
          <Controls showInteractive={false} />
        </ReactFlow>
      </ReactFlowProvider>
    </div>
  );
}

function Legend() {
  const { t } = useTranslation();
  const swatch = (style: CSSProperties) => <span style={{ display: 'inline-block', width: 14, height: 10, marginInlineEnd: 6, verticalAlign: 'middle', ...style }} />;
  return (
    <Flex gap={20} wrap style={{ marginTop: 8, fontSize: 12 }}>
      <Typography.Text type="secondary">{swatch({ border: '1px solid #d9d9d9', borderRadius: 2 })}{t('globalLineage.legend.table')}</Typography.Text>
      <Typography.Text type="secondary">{swatch({ background: '#f9f0ff', border: '1px solid #d3adf7', borderRadius: 6 })}{t('globalLineage.legend.task')}</Typography.Text>
      <Typography.Text type="secondary">{swatch({ borderTop: `2px solid ${EDGE_COLORS.reads}`, height: 0 })}{t('globalLineage.legend.reads')}</Typography.Text>
      <Typography.Text type="secondary">{swatch({ borderTop: `2px solid ${EDGE_COLORS.writes}`, height: 0 })}{t('globalLineage.legend.writes')}</Typography.Text>
    </Flex>
  );
}

function TablePanel({ table, tasks }: { table: GlobalLineageTable; tasks: GlobalLineageTask[] }) {
  const { t } = useTranslation();
  const byId = new Map(tasks.map((x) => [x.id, x]));
  const list = (ids: string[], testId: string) =>
    ids.length === 0 ? (
      <Typography.Text type="secondary">{t('globalLineage.panel.none')}</Typography.Text>
    ) : (
      <Space direction="vertical" size={2} data-testid={testId}>
        {ids.map((id) => (
          <Link key={id} to={`/tasks/${id}`} data-task-id={id}>
            {byId.get(id)?.name ?? id}
          </Link>
        ))}
      </Space>
    );
  return (
    <Card style={{ width: 300, flex: 'none' }} title={<Typography.Text ellipsis>{table.name}</Typography.Text>} data-testid="global-lineage-table-panel">
      <Descriptions column={1} size="small" layout="vertical" colon={false}>
        {table.id !== table.name && <Descriptions.Item label="ID">{table.id}</Descriptions.Item>}
        <Descriptions.Item label={t('globalLineage.panel.connector')}>
          {table.connector ? <Tag translate="no">{table.connector}</Tag> : <Typography.Text type="secondary">{t('globalLineage.panel.noConnector')}</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label={t('globalLineage.panel.writtenBy')}>{list(table.writers, 'global-lineage-writers')}</Descriptions.Item>
        <Descriptions.Item label={t('globalLineage.panel.readBy')}>{list(table.readers, 'global-lineage-readers')}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** Picks a table by name; the server searches, so the list scales with the number of tables. */
function TableSearch({ value, onChange }: { value: string | null; onChange: (tableId: string | null) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const search = useLineageTableSearch(q);
  const options = (search.data?.items ?? []).map((hit) => ({
    value: hit.id,
    label: (
      <Flex justify="space-between" gap={8}>
        <Typography.Text ellipsis>{hit.id}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12, flex: 'none' }} translate="no">
          {hit.connector ?? ''}
        </Typography.Text>
      </Flex>
    ),
  }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: <Typography.Text>{value}</Typography.Text> });
  return (
    <Select
      showSearch
      allowClear
      data-testid="global-lineage-search"
      style={{ width: 320 }}
      placeholder={t('globalLineage.search')}
      value={value}
      filterOption={false}
      onSearch={setQ}
      onChange={(id: string | undefined) => {
        setQ('');
        onChange(id ?? null);
      }}
      loading={search.isFetching}
      options={options}
      optionLabelProp="value"
      notFoundContent={search.isFetching ? <Spin size="small" /> : undefined}
    />
  );
}
