import type { TaskKind, TaskLifecycle } from '@weir/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { statusColor } from '../runs/status-colors';

const LIFECYCLE_COLORS: Record<TaskLifecycle, string> = { DEVELOP: 'default', PUBLISHED: 'blue', ONLINE: 'green', OFFLINE: 'orange' };

export function LifecycleTag({ lifecycle }: { lifecycle: TaskLifecycle }) {
  const { t } = useTranslation();
  return (
    <Tag color={LIFECYCLE_COLORS[lifecycle]} data-lifecycle={lifecycle} style={{ marginInlineEnd: 0 }}>
      {t(`tasks.lifecycle.${lifecycle}`)}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: TaskKind }) {
  const { t } = useTranslation();
  return (
    <Tag bordered={false} style={{ marginInlineEnd: 0 }}>
      {t(`tasks.kind.${kind}`)}
    </Tag>
  );
}

/** A job status as Flink names it, in the colour every page gives it; "not run" when the task never ran. */
export function JobStatusTag({ status }: { status: string | null }) {
  const { t } = useTranslation();
  if (!status) return <span style={{ color: '#8c8c8c' }}>{t('tasks.notRun')}</span>;
  return (
    <Tag color={statusColor(status)} data-status={status} style={{ marginInlineEnd: 0, fontWeight: 500 }}>
      {status}
    </Tag>
  );
}
