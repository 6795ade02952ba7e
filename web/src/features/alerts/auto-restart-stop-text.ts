import type { AutoRestartStop } from '@weir/contract';
import type { TFunction } from 'i18next';
import { formatDuration } from './alert-durations';

// Why Weir stopped restarting a task, in the reader's language from its code: said the same in an
// incident's summary and in the audit log's entry about giving up. Pure (t comes in).

export function autoRestartStopText(t: TFunction, stop: AutoRestartStop): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(stop.params)) values[name] = typeof value === 'number' && name.endsWith('Ms') ? formatDuration(t, value) : value;
  if (stop.code === 'attemptsUsedUp') return t('alerts.incidents.autoRestartStops.attemptsUsedUp', { ...values, count: stop.params.attempts });
  return t(`alerts.incidents.autoRestartStops.${stop.code}`, values);
}
