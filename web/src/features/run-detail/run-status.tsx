import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { statusColor } from '../runs/status-colors';

/** The run's status as Flink (or Weir) names it; a lost run also says so. */
export function RunStatus({ status, lost }: { status: string; lost: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <Tag color={statusColor(status)} data-testid="run-status" data-status={status} style={{ marginInlineEnd: 0 }}>
        {status}
      </Tag>
      {lost && <Tag>{t('runDetail.fields.lost')}</Tag>}
    </Space>
  );
}
