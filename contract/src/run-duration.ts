import { isTerminalRunStatus } from './run-statuses.js';

/**
 * The response header with Weir's clock (epoch ms) when it sent the answer: clients count running
 * durations on from it, as the server computes them, rather than from their own clock.
 */
export const SERVER_TIME_HEADER = 'x-weir-server-time';

/** What a run's duration depends on. `recordedMs` is the last duration Flink reported, kept for runs with no times. */
export interface RunTimes {
  status: string;
  lost: boolean;
  startTime: number | null;
  endTime: number | null;
  recordedMs: number | null;
}

/**
 * Whether a run's duration grows with the clock: it started, has not ended, and Weir still follows
 * it (a lost run's end is unknown, so its duration stops at what was last seen).
 */
export function isDurationLive(run: Pick<RunTimes, 'status' | 'lost' | 'startTime' | 'endTime'>): boolean {
  return !run.lost && run.startTime !== null && run.endTime === null && !isTerminalRunStatus(run.status);
}

/**
 * The one rule for a run's duration, used by the API and the web app: ended, end − start; still
 * going, now − start; otherwise (no start time, or lost or ended without an end time) the last
 * duration Flink reported. Flink's stored duration changes only when Flink reports a change, so a
 * running job's duration must never come from it.
 */
export function runDurationMs(run: RunTimes, now: number): number | null {
  if (run.startTime === null) return run.recordedMs;
  if (run.endTime !== null) return Math.max(0, run.endTime - run.startTime);
  if (!isDurationLive(run)) return run.recordedMs;
  return Math.max(0, now - run.startTime);
}
