import type { SavepointPolicy, SavepointPolicyView, SavepointRetentionPolicy } from '@weir/contract';

/** The savepoint policy as the form edits it: plain fields, units the user picks. */
export interface PolicyFormValues {
  scheduleKind: 'off' | 'interval' | 'cron';
  every: number | null;
  everyUnit: 'seconds' | 'minutes' | 'hours';
  cron: string;
  keepLastOn: boolean;
  keepLast: number | null;
  keepForOn: boolean;
  keepForDays: number | null;
}

const UNIT_MS = { seconds: 1_000, minutes: 60_000, hours: 3_600_000 } as const;
const DAY_MS = 86_400_000;

export function toFormValues(view: SavepointPolicyView | undefined): PolicyFormValues {
  const schedule = view?.schedule ?? null;
  const interval = schedule && 'intervalMs' in schedule ? schedule.intervalMs : null;
  const unit = interval === null ? 'hours' : interval % UNIT_MS.hours === 0 ? 'hours' : interval % UNIT_MS.minutes === 0 ? 'minutes' : 'seconds';
  return {
    scheduleKind: schedule === null ? 'off' : 'intervalMs' in schedule ? 'interval' : 'cron',
    every: interval === null ? 6 : interval / UNIT_MS[unit],
    everyUnit: unit,
    cron: schedule && 'cron' in schedule ? schedule.cron : '0 */6 * * *',
    keepLastOn: view?.retention?.keepLast !== undefined,
    keepLast: view?.retention?.keepLast ?? 5,
    keepForOn: view?.retention?.keepForMs !== undefined,
    keepForDays: view?.retention?.keepForMs !== undefined ? view.retention.keepForMs / DAY_MS : 7,
  };
}

/** The retention the form describes; null when neither rule is on. */
export function retentionOf(values: PolicyFormValues): SavepointRetentionPolicy | null {
  const keepLast = values.keepLastOn && values.keepLast ? Math.round(values.keepLast) : undefined;
  const keepForMs = values.keepForOn && values.keepForDays ? Math.round(values.keepForDays * DAY_MS) : undefined;
  if (keepLast !== undefined) return keepForMs !== undefined ? { keepLast, keepForMs } : { keepLast };
  return keepForMs !== undefined ? { keepForMs } : null;
}

/** The policy the form describes, as the API takes it. */
export function policyOf(values: PolicyFormValues): SavepointPolicy {
  const schedule =
    values.scheduleKind === 'interval' && values.every
      ? { intervalMs: Math.round(values.every * UNIT_MS[values.everyUnit]) }
      : values.scheduleKind === 'cron' && values.cron.trim()
        ? { cron: values.cron.trim() }
        : null;
  return { schedule, retention: retentionOf(values) };
}
