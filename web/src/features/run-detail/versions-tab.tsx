import type { DiffLine, RunDetail, TaskVersion } from '@weir/contract';
import { Alert, Card, Empty, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompareVersions, useTaskVersions } from './run-detail.queries';
import { DateTime } from '../../components/date-time';

const LINE_STYLE: Record<DiffLine['kind'], React.CSSProperties> = {
  same: {},
  added: { background: '#e6ffec' },
  removed: { background: '#ffebe9' },
};

/** Side by side: the left column is the older side of the comparison, the right the newer. */
function Diff({ lines }: { lines: DiffLine[] }) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', fontFamily: 'monospace', fontSize: 12, border: '1px solid #f0f0f0', maxHeight: 520, overflow: 'auto' }}>
      {lines.map((l, i) => (
        <div key={i} style={{ display: 'contents' }}>
          <div style={{ ...(l.kind === 'added' ? {} : LINE_STYLE[l.kind]), whiteSpace: 'pre', padding: '0 6px', borderRight: '1px solid #f0f0f0' }}>
            <span style={{ color: '#afb8c1', display: 'inline-block', width: 32 }}>{l.fromLine ?? ''}</span>
            {l.kind === 'added' ? '' : l.text}
          </div>
          <div style={{ ...(l.kind === 'removed' ? {} : LINE_STYLE[l.kind]), whiteSpace: 'pre', padding: '0 6px' }} data-diff={l.kind}>
            <span style={{ color: '#afb8c1', display: 'inline-block', width: 32 }}>{l.toLine ?? ''}</span>
            {l.kind === 'removed' ? '' : l.text}
          </div>
        </div>
      ))}
    </div>
  );
}

export function VersionsTab({ detail }: { detail: RunDetail }) {
  const { t } = useTranslation();
  const taskId = detail.task?.id;
  const versions = useTaskVersions(detail.task?.kind === 'EXTERNAL' ? undefined : taskId);
  const runVersion = detail.version?.version ?? null;
  const [base, setBase] = useState<number | null>(runVersion);
  const [other, setOther] = useState<number | null>(null);
  const from = base !== null && other !== null ? Math.min(base, other) : null;
  const to = base !== null && other !== null ? Math.max(base, other) : null;
  const compare = useCompareVersions(taskId, from, to);
  if (versions.isLoading) return <Spin />;
  const items = versions.data ?? [];
  if (items.length === 0) return <Empty description={t('runDetail.versions.none')} />;
  const options = items.map((v) => ({ value: v.version, label: `v${v.version}${v.version === runVersion ? ` (${t('runDetail.versions.current')})` : ''}` }));
  const same = compare.data && compare.data.content.every((l) => l.kind === 'same') && compare.data.config.every((l) => l.kind === 'same');
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Table<TaskVersion>
        size="small"
        rowKey="id"
        dataSource={items}
        pagination={false}
        columns={[
          { title: t('runDetail.versions.version'), render: (_, v) => <Space>{`v${v.version}`}{v.version === runVersion && <Tag color="blue">{t('runDetail.versions.current')}</Tag>}</Space> },
          { title: t('runDetail.versions.created'), render: (_, v) => <DateTime at={v.createdAt} /> },
          { title: t('runDetail.versions.by'), dataIndex: 'createdBy' },
          { title: t('runDetail.versions.note'), render: (_, v) => v.note ?? '' },
        ]}
      />
      {runVersion === null && <Alert type="info" showIcon message={t('runDetail.versions.noRunVersion')} />}
      <Space wrap>
        {runVersion === null && <Select style={{ width: 160 }} value={base ?? undefined} onChange={setBase} options={options} />}
        <Typography.Text>{t('runDetail.versions.compareWith')}</Typography.Text>
        <Select style={{ width: 160 }} value={other ?? undefined} onChange={setOther} options={options.filter((o) => o.value !== base)} aria-label={t('runDetail.versions.compareWith')} />
      </Space>
      {compare.isFetching && <Spin />}
      {compare.data && (
        <>
          {same && <Alert type="success" showIcon message={t('runDetail.versions.same')} />}
          <Card size="small" title={`${t('runDetail.versions.content')}: v${from} → v${to}`}>
            <Diff lines={compare.data.content} />
          </Card>
          <Card size="small" title={`${t('runDetail.versions.configuration')}: v${from} → v${to}`}>
            <Diff lines={compare.data.config} />
          </Card>
        </>
      )}
    </Space>
  );
}
