import type { OverviewRunStatus } from '@weir/contract';

/**
 * A run status's colour, the one every page draws it in (the overview's cards and table, the tasks
 * list, the run page's tag and its status strip): the Flink web dashboard's palette, so people who know
 * Flink read them at a glance; Weir's own RECONNECTING and UNKNOWN get a warning gold and a neutral grey.
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

/** The colour of a status Weir does not know (a newer Flink's): neutral, never one that means something. */
export const UNLISTED_STATUS_COLOR = '#bfbfbf';

export function statusColor(status: string): string {
  return (STATUS_COLORS as Record<string, string>)[status] ?? UNLISTED_STATUS_COLOR;
}
