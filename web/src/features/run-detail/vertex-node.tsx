import { Handle, type NodeProps, Position, type Node } from '@xyflow/react';
import { Progress, Tag, theme, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from './format';
import { formatBytes, formatCount, formatRatio, type Pressure, type VertexNodeData } from './job-graph';

const LEVEL_COLOR: Record<Pressure, string> = { ok: '#52c41a', low: '#faad14', high: '#ff4d4f', unknown: '#bfbfbf' };

/** One vertex of the operator graph: parallelism, status, busy/backpressure/idle, records, bytes, watermark. */
export function VertexNode({ data }: NodeProps<Node<VertexNodeData>>) {
  const { t } = useTranslation();
  const v = data.vertex;
  const { token } = theme.useToken();
  const ratio = (label: string, value: number | null, level: Pressure) => (
    <div style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
      <span style={{ width: 82, fontSize: 11, color: token.colorTextSecondary }}>{label}</span>
      <Progress percent={value === null ? 0 : Math.round(value * 100)} showInfo={false} size="small" strokeColor={LEVEL_COLOR[level]} style={{ flex: 1, margin: 0 }} />
      <span style={{ width: 34, textAlign: 'right', fontSize: 11 }}>{formatRatio(value)}</span>
    </div>
  );
  return (
    <div
      data-testid="job-vertex"
      data-vertex-id={v.id}
      style={{
        width: '100%',
        height: '100%',
        background: token.colorBgContainer,
        border: `1px solid ${data.pressure === 'high' ? '#ff4d4f' : token.colorBorder}`,
        borderLeft: `4px solid ${LEVEL_COLOR[data.busy]}`,
        borderRadius: 6,
        padding: '6px 8px',
        fontSize: 12,
        boxShadow: '0 1px 2px rgba(0,0,0,0.06)',
      }}
    >
      {!data.isSource && <Handle type="target" position={Position.Left} />}
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 6, alignItems: 'center' }}>
        <Tooltip title={<div style={{ whiteSpace: 'pre-wrap' }}>{[v.name, ...v.operators].join('\n')}</div>}>
          <Typography.Text strong ellipsis style={{ maxWidth: 200, fontSize: 12 }} translate="no">
            {data.title}
          </Typography.Text>
        </Tooltip>
        <Tag style={{ marginInlineEnd: 0, fontSize: 10 }} color={v.status === 'RUNNING' ? 'blue' : v.status === 'FAILED' ? 'red' : 'default'}>
          {v.status}
        </Tag>
      </div>
      <div style={{ color: token.colorTextTertiary, fontSize: 11, marginBottom: 2 }}>
        {t('runDetail.graph.parallelism', { n: v.parallelism })}
        {v.ratioBasis === 'average' && ` · ${t('runDetail.graph.averaged')}`}
      </div>
      {ratio(t('runDetail.graph.busy'), v.busyRatio, data.busy)}
      {ratio(t('runDetail.graph.backpressure'), v.backpressureRatio, data.pressure)}
      {ratio(t('runDetail.graph.idle'), v.idleRatio, 'unknown')}
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 8, marginTop: 4, fontSize: 11 }}>
        <span>
          {t('runDetail.graph.recordsIn')}: <b data-testid="records-in">{formatCount(v.recordsIn)}</b>
        </span>
        <span>
          {t('runDetail.graph.recordsOut')}: <b data-testid="records-out">{formatCount(v.recordsOut)}</b>
        </span>
        <span>
          {t('runDetail.graph.bytesIn')}: {formatBytes(v.bytesIn)}
        </span>
        <span>
          {t('runDetail.graph.bytesOut')}: {formatBytes(v.bytesOut)}
        </span>
      </div>
      <div style={{ fontSize: 11, color: token.colorTextSecondary }}>
        {t('runDetail.graph.watermark')}: {v.watermark ? formatTime(v.watermark) : t('runDetail.graph.noWatermark')}
      </div>
      {!data.isSink && <Handle type="source" position={Position.Right} />}
    </div>
  );
}
