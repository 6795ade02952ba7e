import { DatabaseOutlined, PartitionOutlined } from '@ant-design/icons';
import { Handle, type NodeProps, Position } from '@xyflow/react';
import { Tag, theme, Tooltip, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { RunStatusTag } from '../runs/run-status-tag';
import { LifecycleTag } from '../tasks/task-tags';
import type { TableFlowNode, TaskFlowNode } from './global-lineage-graph';

const handle = { width: 6, height: 6, minWidth: 6, minHeight: 6, background: '#8c8c8c', border: 'none' };
const ROLE_COLORS = { writer: 'green', reader: 'blue', both: 'cyan' } as const;

/** A table: square-cornered, name and connector; the focused one is outlined. */
export const TableNode = memo(function TableNode({ data }: NodeProps<TableFlowNode>) {
  const { table, focused } = data;
  const { token } = theme.useToken();
  return (
    <div
      data-testid={`global-lineage-table-${table.id}`}
      data-focused={focused || undefined}
      style={{
        width: '100%',
        height: '100%',
        padding: '6px 10px',
        background: focused ? token.colorPrimaryBg : token.colorBgContainer,
        border: `${focused ? 2 : 1}px solid ${focused ? '#1677ff' : token.colorBorder}`,
        borderRadius: 4,
        cursor: 'pointer',
        fontSize: 12,
      }}
    >
      <Handle type="target" position={Position.Left} style={handle} isConnectable={false} />
      <Tooltip title={table.id}>
        <Typography.Text strong ellipsis style={{ display: 'block' }}>
          <DatabaseOutlined style={{ color: '#1677ff', marginInlineEnd: 6 }} />
          {table.name}
        </Typography.Text>
      </Tooltip>
      <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 11 }} translate="no">
        {table.connector ?? (table.id !== table.name ? table.id : '')}
      </Typography.Text>
      <Handle type="source" position={Position.Right} style={handle} isConnectable={false} />
    </div>
  );
});

/** A task: rounded and tinted, its name, version and lifecycle, and its role for the focused table. */
export const TaskNode = memo(function TaskNode({ data }: NodeProps<TaskFlowNode>) {
  const { t } = useTranslation();
  const { task, role } = data;
  const { token } = theme.useToken();
  return (
    <div
      data-testid={`global-lineage-task-${task.id}`}
      data-role={role}
      style={{
        width: '100%',
        height: '100%',
        padding: '6px 10px',
        background: token.purple1,
        border: `1px solid ${token.purple3}`,
        borderRadius: 16,
        cursor: 'pointer',
        fontSize: 12,
      }}
    >
      <Handle type="target" position={Position.Left} style={handle} isConnectable={false} />
      <Typography.Text strong ellipsis style={{ display: 'block' }}>
        <PartitionOutlined style={{ color: '#722ed1', marginInlineEnd: 6 }} />
        {task.name}
      </Typography.Text>
      <div style={{ display: 'flex', gap: 4, alignItems: 'center' }}>
        <Typography.Text type="secondary" style={{ fontSize: 11 }}>
          v{task.version}
        </Typography.Text>
        <span style={{ display: 'inline-flex', gap: 4, marginTop: 2 }}>
          <LifecycleTag lifecycle={task.lifecycle} />
          {/* Whether the job that moves the data runs: a FAILED writer explains a stale table downstream. */}
          {task.status && (
            <span data-testid="global-lineage-task-status">
              <RunStatusTag status={task.status} />
            </span>
          )}
          {role !== 'other' && (
            <Tag color={ROLE_COLORS[role]} style={{ margin: 0 }} data-testid="global-lineage-role">
              {t(`globalLineage.role.${role}`)}
            </Tag>
          )}
        </span>
      </div>
      <Handle type="source" position={Position.Right} style={handle} isConnectable={false} />
    </div>
  );
});
