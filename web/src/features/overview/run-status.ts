import { isDurationLive, type OverviewRunStatus } from '@weir/contract';

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
