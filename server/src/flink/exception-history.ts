import type { z } from 'zod';
import type { JobExceptions } from './flink-rest.schemas.js';

type ExceptionHistoryAnswer = z.infer<typeof JobExceptions>;

/**
 * How many times an ended job restarted, as its exception history tells: each entry is one
 * failure Flink handled, and each led to a restart except, for a job that ended FAILED, the last
 * one (which ended it). Undefined when the history is cut short (only the newest entries are
 * kept) or missing: then it does not know.
 *
 * Why: once a job has ended, Flink's `numRestarts` metric answers 0 (checked on 1.20.3 and
 * 2.3.0), so a job that restarted and failed between two watcher cycles was recorded with fewer
 * restarts than it made.
 */
export function restartsOfEndedJob(history: ExceptionHistoryAnswer | undefined, endStatus: string): number | undefined {
  const entries = history?.exceptionHistory?.entries;
  if (!entries || history.exceptionHistory.truncated) return undefined;
  return Math.max(0, entries.length - (endStatus === 'FAILED' ? 1 : 0));
}

/**
 * The TaskManagers of the latest failure in a job's exception history (its root entry and the
 * task failures concurrent with it), by Flink's id, newest first and without repeats: the ones
 * whose logs explain it. Empty when the failure had no task location (a JobManager-side failure).
 */
export function taskManagersOfLatestFailure(history: ExceptionHistoryAnswer | undefined): string[] {
  const entries = history?.exceptionHistory?.entries ?? [];
  const latest = entries.reduce<(typeof entries)[number] | undefined>((newest, e) => (!newest || e.timestamp > newest.timestamp ? e : newest), undefined);
  if (!latest) return [];
  const ids = [latest, ...(latest.concurrentExceptions ?? [])].map((e) => e.taskManagerId).filter((id): id is string => typeof id === 'string' && id.length > 0);
  return [...new Set(ids)];
}
