import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { statusColor } from './status-colors';

/**
 * A run's status as Flink (or Weir) names it, in the one colour every page gives it, with its
 * meaning on hover; a lost run also says so, and a task that never ran (no status) says "not run".
 * The overview, the tasks list, the task editor, the lineage graph and the run page all draw it.
 */
export function RunStatusTag({ status, lost = false, testId }: { status: string | null; lost?: boolean; testId?: string }) {
  const { t } = useTranslation();
  if (!status) return <span style={{ color: '#8c8c8c' }}>{t('overview.notRun')}</span>;
  return (
    <Space size={4} wrap={false}>
      <Tooltip title={t(`overview.status.${status}`, { defaultValue: status })}>
        <Tag color={statusColor(status)} data-testid={testId} data-status={status} style={{ marginInlineEnd: 0, fontWeight: 500 }}>
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
