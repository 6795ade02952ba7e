import type { AlertCondition, AlertScope } from '@weir/contract';
import { formatDateTime } from '../../components/date-time-format';
import { currentLanguage } from '../../i18n/i18n';
import type { TFunction } from 'i18next';
import { formatDuration } from './alert-durations';

/** A time in the one format of the app, in the chosen language (components/date-time-format.ts). */
export function formatTime(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '' : formatDateTime(ms, currentLanguage());
}

export { formatDuration } from './alert-durations';

/** One line for a rule's condition: "Status becomes FAILED, UNKNOWN". */
export function describeCondition(t: TFunction, c: AlertCondition): string {
  switch (c.kind) {
    case 'status':
      return t('alerts.describe.status', { statuses: c.statuses.join(', ') });
    case 'restarts':
      return t('alerts.describe.restarts', { count: c.count, window: formatDuration(t, c.windowMs) });
    case 'no-checkpoint':
      return t('alerts.describe.noCheckpoint', { duration: formatDuration(t, c.forMs) });
    case 'metric':
      return t(c.op === 'above' ? 'alerts.describe.metricAbove' : 'alerts.describe.metricBelow', {
        metric: c.vertexId ? `${c.metric} (${c.vertexId})` : c.metric,
        threshold: c.threshold,
        duration: formatDuration(t, c.forMs),
      });
    case 'health-check':
      return t('alerts.describe.healthCheck', { check: t(`alerts.healthCheck.${c.check}`) });
    default:
      return t(`alerts.conditionKind.${c.kind}`);
  }
}

export function describeScope(t: TFunction, scope: AlertScope, taskNames?: ReadonlyMap<string, string>): string {
  switch (scope.kind) {
    case 'all':
      return t('alerts.scope.allTasks');
    case 'tasks':
      return scope.taskIds.length <= 3 && taskNames
        ? scope.taskIds.map((id) => taskNames.get(id) ?? id).join(', ')
        : t('alerts.scope.nTasks', { count: scope.taskIds.length });
    case 'lifecycles':
      return t('alerts.scope.lifecyclesList', { lifecycles: scope.lifecycles.map((l) => t(`tasks.lifecycle.${l}`)).join(', ') });
  }
}
