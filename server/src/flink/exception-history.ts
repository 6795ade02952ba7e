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
