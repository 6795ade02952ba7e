import { Cron } from 'croner';
import type { SavepointSchedule } from '@weir/contract';

/**
 * When a schedule's next savepoint is due, counting from its last slot (taken or skipped) or, before
 * the first, from when the schedule was set. A missed slot is not made up: after a long stop of Weir
 * the schedule takes one savepoint, then keeps its rhythm. Null when a cron expression has no more
 * times.
 */
export function nextSlotAt(schedule: SavepointSchedule, from: number): number | null {
  if ('intervalMs' in schedule) return from + schedule.intervalMs;
  return parseCron(schedule.cron).nextRun(new Date(from))?.getTime() ?? null;
}

/** A cron expression (5 fields, or 6 with seconds, in UTC), or an error saying what is wrong with it. */
export function parseCron(expression: string): Cron {
  return new Cron(expression, { timezone: 'UTC', paused: true });
}
