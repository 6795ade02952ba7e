import { Handle, type NodeProps, Position } from '@xyflow/react';
import { Tag, theme, Tooltip, Typography } from 'antd';
import { memo } from 'react';
import { HEADER_HEIGHT, type LineageFlowNode, ROW_HEIGHT, columnHandleId } from './lineage-graph';
import { useLineageTexts } from './lineage-texts';

const KIND_COLORS = { source: 'blue', sink: 'green', view: 'purple', both: 'cyan' } as const;

const handleStyle = { width: 6, height: 6, minWidth: 6, minHeight: 6, background: '#8c8c8c', border: 'none' };

/** A table: header with name, kind and connector; at column level one row (and handle pair) per column. */
export const LineageTableNode = memo(function LineageTableNode({ data }: NodeProps<LineageFlowNode>) {
  const texts = useLineageTexts();
  const { table, level, columns, highlighted, dimmed } = data;
  const { token } = theme.useToken();
  return (
    <div
      data-testid={`lineage-node-${table.id}`}
      style={{
        width: '100%',
        height: '100%',
        background: token.colorBgContainer,
        border: `1px solid ${highlighted ? '#1677ff' : token.colorBorder}`,
        borderRadius: 6,
        opacity: dimmed ? 0.4 : 1,
        boxShadow: highlighted ? '0 0 0 2px rgba(22,119,255,0.15)' : undefined,
        overflow: 'hidden',
        fontSize: 12,
      }}
    >
      {level === 'table' && <Handle type="target" position={Position.Left} style={handleStyle} isConnectable={false} />}
      <div style={{ height: HEADER_HEIGHT, padding: '4px 8px', borderBottom: level === 'column' ? `1px solid ${token.colorBorderSecondary}` : undefined, background: token.colorFillAlter }}>
        <Tooltip title={table.id}>
          <Typography.Text strong ellipsis style={{ display: 'block', maxWidth: '100%' }}>
            {table.name}
          </Typography.Text>
        </Tooltip>
        <div style={{ display: 'flex', gap: 4 }}>
          <Tag color={KIND_COLORS[table.kind]} style={{ margin: 0, fontSize: 11, lineHeight: '16px' }}>
            {texts.kind[table.kind]}
          </Tag>
          {table.connector && (
            <Tag style={{ margin: 0, fontSize: 11, lineHeight: '16px' }} data-testid="lineage-connector" translate="no">
              {table.connector}
            </Tag>
          )}
        </div>
      </div>
      {level === 'column' &&
        columns.map((c) => (
          <div
            key={c.name}
            data-testid={`lineage-column-${table.id}.${c.name}`}
            data-column={c.name}
            style={{
              position: 'relative',
              height: ROW_HEIGHT,
              lineHeight: `${ROW_HEIGHT}px`,
              padding: '0 10px',
              display: 'flex',
              justifyContent: 'space-between',
              gap: 8,
              cursor: 'pointer',
              background: c.selected ? token.colorPrimaryBgHover : c.highlighted ? token.colorPrimaryBg : undefined,
            }}
          >
            {c.hasInput && <Handle id={columnHandleId(c.name, 'in')} type="target" position={Position.Left} style={handleStyle} isConnectable={false} />}
            <Typography.Text ellipsis style={{ fontSize: 12 }} translate="no">
              {c.name}
            </Typography.Text>
            <Tooltip title={c.computed}>
              <Typography.Text type="secondary" ellipsis style={{ fontSize: 11, maxWidth: 110 }}>
                {/* A column's SQL type (BIGINT) is the script's own word; Weir's words beside it are translated. */}
                {c.computed !== undefined ? (
                  texts.computed
                ) : (
                  <>
                    <span translate="no">{c.type ?? ''}</span>
                    {c.metadata ? ` · ${texts.metadata}` : ''}
                  </>
                )}
              </Typography.Text>
            </Tooltip>
            {c.hasOutput && <Handle id={columnHandleId(c.name, 'out')} type="source" position={Position.Right} style={handleStyle} isConnectable={false} />}
          </div>
        ))}
      {level === 'table' && <Handle type="source" position={Position.Right} style={handleStyle} isConnectable={false} />}
    </div>
  );
});
