import type { RunStatus } from '../events/events.js';

// Where two statuses carry the same millisecond, the order a job moves through them.
const LIFECYCLE_ORDER: Record<string, number> = {
  INITIALIZING: 0,
  CREATED: 1,
  RECONCILING: 2,
  RUNNING: 3,
  FAILING: 4,
  RESTARTING: 5,
  CANCELLING: 6,
  SUSPENDED: 7,
  FINISHED: 8,
  CANCELED: 8,
  FAILED: 8,
};

export interface ObservedStep {
  status: RunStatus;
  at: number;
}

/**
 * Turns what Flink reports about a job into the status changes Flink made that Weir has not
 * recorded yet, oldest first, each at Flink's own time.
 *
 * Flink's `timestamps` holds, per status, the LAST time the job entered it (0 when never).
 * Everything entered after the last Flink change Weir recorded is new, so a change shorter
 * than one watcher cycle still appears, in order. The comparison is with Weir's last record
 * OF FLINK, never with a status of Weir's own (RECONNECTING, UNKNOWN): Flink's RUNNING
 * before an outage is not new after it. A current status Flink gives no time for is not
 * Flink's step to record; the caller records it as Weir's own observation.
 */
export function newSteps(args: {
  current: RunStatus;
  timestamps: Record<string, number> | undefined;
  lastFlinkStatus: RunStatus | null;
  lastFlinkAt: number | null;
}): ObservedStep[] {
  const { current, timestamps = {}, lastFlinkStatus, lastFlinkAt } = args;
  const after = lastFlinkAt ?? Number.NEGATIVE_INFINITY;
  const steps = Object.entries(timestamps)
    .filter(([status, at]) => at > 0 && at > after && status in LIFECYCLE_ORDER)
    .map(([status, at]) => ({ status: status as RunStatus, at }))
    .sort((a, b) => a.at - b.at || (LIFECYCLE_ORDER[a.status] ?? 0) - (LIFECYCLE_ORDER[b.status] ?? 0));

  // The current state must be last: a status entered after it (impossible in Flink) or a
  // repeated older entry would otherwise end the list.
  const currentIndex = steps.findIndex((s) => s.status === current);
  const trimmed = currentIndex >= 0 ? steps.slice(0, currentIndex + 1) : steps;

  // Drop steps that do not change Flink's status.
  const result: ObservedStep[] = [];
  let previous = lastFlinkStatus;
  for (const step of trimmed) {
    if (step.status === previous) continue;
    result.push(step);
    previous = step.status;
  }
  return result;
}

/** How many restarts a list of recorded statuses shows. */
export function countRestarts(statuses: readonly string[]): number {
  return statuses.filter((s) => s === 'RESTARTING').length;
}
