import type { ClusterHealth } from '@weir/contract';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

const HEALTH_COLORS: Record<ClusterHealth, string> = {
  HEALTHY: 'green',
  UNREACHABLE: 'red',
  NOT_FLINK: 'orange',
  UNKNOWN: 'default',
};

export function ClusterHealthTag({ health, lastError }: { health: ClusterHealth; lastError?: string | null }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={HEALTH_COLORS[health]} data-health={health}>
      {t(`clusters.health.${health}`)}
    </Tag>
  );
  return lastError && health !== 'HEALTHY' ? <Tooltip title={lastError}>{tag}</Tooltip> : tag;
}
