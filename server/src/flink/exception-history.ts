import type { z } from 'zod';
import { JobExceptions } from './flink-rest.schemas.js';

/** Flink's answer of `GET /jobs/:jid/exceptions`, as the client decodes it. */
export type FlinkExceptionHistory = z.output<typeof JobExceptions>;
type ExceptionHistoryAnswer = FlinkExceptionHistory;

/** One failure of a job's exception history, as Weir announces it (a `run.exception` event). */
export interface ExceptionAnnouncement {
  at: number;
  exceptionName: string;
  /** The first line of its stack trace: the exception's class and message. */
  message: string;
  failedTask: string | null;
}

/**
 * The failures of a job's exception history that happened after `after` (an epoch ms), oldest
 * first: what has not been announced yet when `after` is the newest one announced.
 */
export function exceptionsAfter(history: ExceptionHistoryAnswer, after: number): ExceptionAnnouncement[] {
  return history.exceptionHistory.entries
    .filter((e) => e.timestamp > after)
    .sort((a, b) => a.timestamp - b.timestamp)
    .map((e) => ({ at: e.timestamp, exceptionName: e.exceptionName, message: e.stacktrace.split('\n')[0] ?? e.exceptionName, failedTask: e.taskName ?? null }));
}

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

/**
 * What the latest failure in a job's exception history was, in one line: the innermost cause of
 * its root entry (Flink wraps a task's exception in a JobException such as "Recovery is
 * suppressed by NoRestartBackoffTimeStrategy", so its first line says nothing of the cause), else
 * of a task failure concurrent with it. At most `maxLength` characters; undefined without history.
 */
export function causeOfLatestFailure(history: ExceptionHistoryAnswer | undefined, maxLength = 300): string | undefined {
  const entries = history?.exceptionHistory?.entries ?? [];
  const latest = entries.reduce<(typeof entries)[number] | undefined>((newest, e) => (!newest || e.timestamp > newest.timestamp ? e : newest), undefined);
  if (!latest) return undefined;
  const innermost = (e: { exceptionName: string; stacktrace: string }) =>
    [...e.stacktrace.matchAll(/^Caused by: ([^\n]+)/gm)].at(-1)?.[1]?.trim();
  const cause =
    innermost(latest) ??
    (latest.concurrentExceptions ?? []).map(innermost).find(Boolean) ??
    (latest.stacktrace.split('\n')[0]?.trim() || latest.exceptionName);
  return cause.length > maxLength ? `${cause.slice(0, maxLength - 1)}…` : cause;
}

/**
 * The latest failure of a job's exception history as class and message of its innermost cause:
 * what an alert about the failure names. Undefined without a history or a failure in it.
 */
export function latestFailureOf(history: ExceptionHistoryAnswer | undefined): { name: string; message: string } | undefined {
  const cause = causeOfLatestFailure(history);
  if (!cause) return undefined;
  // "java.lang.ArithmeticException: / by zero": a Java exception's text is its class, then its message.
  const separator = cause.indexOf(': ');
  return separator > 0 && !/\s/.test(cause.slice(0, separator))
    ? { name: cause.slice(0, separator), message: cause.slice(separator + 2) }
    : { name: cause, message: '' };
}
