import type { Task, TaskVersion } from '@weir/contract';
import { Alert, Empty, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatError } from '../../api/format-error';
import { DateTime } from '../../components/date-time';
import { useTaskVersions, useVersionComparison } from './tasks.queries';
import { VersionDiff } from './version-diff';

/** The task's published versions, and any two of them side by side (by default the last two). */
export function VersionsPanel({ task }: { task: Task }) {
  const { t } = useTranslation();
  const versions = useTaskVersions(task.id);
  const items = versions.data ?? [];
  const [from, setFrom] = useState<number | undefined>();
  const [to, setTo] = useState<number | undefined>();
  useEffect(() => {
    if (items.length >= 2 && from === undefined && to === undefined) {
      setFrom(items[1]!.version);
      setTo(items[0]!.version);
    }
  }, [items.length]);
  const comparison = useVersionComparison(task.id, from, to);

  if (versions.isLoadingError) return <Alert type="error" showIcon message={formatError('load', 'taskVersions', versions.error)} />;
  if (versions.isSuccess && items.length === 0) return <Empty description={t('tasks.versions.empty')} />;

  const options = items.map((v) => ({ value: v.version, label: t('tasks.editor.version', { version: v.version }) }));
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Table<TaskVersion>
        size="small"
        rowKey="id"
        loading={versions.isPending}
        pagination={false}
        dataSource={items}
        columns={[
          {
            title: t('tasks.versions.version'),
            dataIndex: 'version',
            width: 120,
            render: (v: number, version) => (
              <Space size={6}>
                <span>v{v}</span>
                {version.id === task.currentVersionId && <Tag color="blue">{t('tasks.versions.current')}</Tag>}
              </Space>
            ),
          },
          { title: t('tasks.versions.createdBy'), dataIndex: 'createdBy', width: 160 },
          { title: t('tasks.versions.createdAt'), dataIndex: 'createdAt', width: 190, render: (at: number) => <DateTime at={at} /> },
          { title: t('tasks.versions.note'), dataIndex: 'note', render: (n: string | null) => n ?? '' },
        ]}
      />
      {items.length >= 2 && (
        <>
          <Flex gap={8} align="center">
            <Typography.Text strong>{t('tasks.versions.compare')}</Typography.Text>
            <Select aria-label={t('tasks.versions.from')} style={{ width: 140 }} value={from} options={options} onChange={setFrom} />
            <span>→</span>
            <Select aria-label={t('tasks.versions.to')} style={{ width: 140 }} value={to} options={options} onChange={setTo} />
          </Flex>
          {comparison.isError && <Alert type="error" showIcon message={formatError('load', 'versionComparison', comparison.error)} />}
          {comparison.data && (
            <>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('tasks.versions.content')}
              </Typography.Title>
              <VersionDiff diff={comparison.data.content} fromLabel={`v${comparison.data.from.version}`} toLabel={`v${comparison.data.to.version}`} />
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('tasks.versions.configuration')}
              </Typography.Title>
              <VersionDiff diff={comparison.data.config} fromLabel={`v${comparison.data.from.version}`} toLabel={`v${comparison.data.to.version}`} />
            </>
          )}
        </>
      )}
    </Space>
  );
}
