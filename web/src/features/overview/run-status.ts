import { isDurationLive, type OverviewRunStatus } from '@weir/contract';

/**
 * Status colours as the Flink web dashboard draws them (its antd palette), so people who know Flink
 * read them at a glance; Weir's own RECONNECTING and UNKNOWN get a warning gold and a neutral grey.
 */
export const STATUS_COLORS: Record<OverviewRunStatus, string> = {
  INITIALIZING: '#738df8',
  CREATED: '#2f54eb',
  RUNNING: '#52c41a',
  FAILING: '#ff7a45',
  FAILED: '#f5222d',
  CANCELLING: '#faad14',
  CANCELED: '#fa8c16',
  FINISHED: '#1890ff',
  RESTARTING: '#13c2c2',
  SUSPENDED: '#722ed1',
  RECONCILING: '#eb2f96',
  RECONNECTING: '#d4b106',
  UNKNOWN: '#8c8c8c',
};

/** The cards, in the reference's order: Total first, then one per status it lists, plus RECONNECTING. */
export const CARD_STATUSES = ['RUNNING', 'CANCELED', 'FAILED', 'RESTARTING', 'FINISHED', 'UNKNOWN', 'RECONNECTING'] as const satisfies readonly OverviewRunStatus[];

/** A run whose duration keeps growing while the page is open: the server's rule (isDurationLive). */
export function isLive(status: OverviewRunStatus, lost: boolean, startTime: number | null, endTime: number | null): boolean {
  return isDurationLive({ status, lost, startTime, endTime });
}

/**
 * The Flink term a status card shows under its label, or nothing when the label already says it
 * ("Running" is RUNNING): in Chinese the Flink dashboard's word helps an operator who knows Flink,
 * in English it only repeats the label.
 */
export function flinkTermBeside(status: OverviewRunStatus, label: string): string | null {
  return label.trim().toUpperCase() === status ? null : status;
}
