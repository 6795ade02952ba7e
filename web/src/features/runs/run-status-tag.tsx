import type { OverviewRunStatus } from '@weir/contract';
import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { statusColor } from './status-colors';

/** A run's status as Flink names it, in Flink's colour; a lost run also says so. */
export function RunStatusTag({ status, lost }: { status: OverviewRunStatus; lost: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap={false}>
      <Tooltip title={t(`overview.status.${status}`)}>
        <Tag color={statusColor(status)} data-status={status} style={{ marginInlineEnd: 0, fontWeight: 500 }}>
          {status}
        </Tag>
      </Tooltip>
      {lost && (
        <Tooltip title={t('overview.lostHint', { reason: t('overview.lostReason') })}>
          <Tag bordered={false} color="default" data-lost="true" style={{ marginInlineEnd: 0 }}>
            {t('overview.lost')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}
