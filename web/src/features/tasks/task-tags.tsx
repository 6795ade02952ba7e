import type { TaskKind, TaskLifecycle } from '@weir/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

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
