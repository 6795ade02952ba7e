import type { RunDetail } from '@weir/contract';
import { Empty, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from './format';
import { useRunAlerts } from './run-detail.queries';

export function AlertsTab({ detail }: { detail: RunDetail }) {
  const { t } = useTranslation();
  const q = useRunAlerts(detail.run.id);
  if (q.isPending) return <Spin />;
  const items = q.data?.items ?? [];
  if (items.length === 0) return <Empty description={t('runDetail.alerts.empty')} />;
  return (
    <Table
      size="small"
      rowKey="id"
      dataSource={items}
      columns={[
        { title: t('runDetail.alerts.time'), render: (_, d) => formatTime(d.createdAt) },
        { title: t('runDetail.alerts.kind'), render: (_, d) => <Tag color={d.kind === 'RESOLVED' ? 'green' : 'red'}>{d.kind}</Tag> },
        { title: t('runDetail.alerts.channel'), render: (_, d) => d.channelName ?? d.channelId },
        { title: t('runDetail.alerts.status'), dataIndex: 'status' },
        { title: t('runDetail.alerts.error'), render: (_, d) => (d.error ? <Typography.Text type="danger">{d.error}</Typography.Text> : '') },
      ]}
    />
  );
}
