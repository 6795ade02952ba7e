import type { OverviewRunStatus } from '@weir/contract';

/** The cards, in the reference's order: Total first, then one per status it lists, plus RECONNECTING. */
export const CARD_STATUSES = ['RUNNING', 'CANCELED', 'FAILED', 'RESTARTING', 'FINISHED', 'UNKNOWN', 'RECONNECTING'] as const satisfies readonly OverviewRunStatus[];

/**
 * The Flink term a status card shows under its label, or nothing when the label already says it
 * ("Running" is RUNNING): in Chinese the Flink dashboard's word helps an operator who knows Flink,
 * in English it only repeats the label.
 */
export function flinkTermBeside(status: OverviewRunStatus, label: string): string | null {
  return label.trim().toUpperCase() === status ? null : status;
}
