import { isTerminalRunStatus } from '@weir/contract';
import { FlinkRejectedError, type AppError } from '../errors/errors.js';
import type { FlinkJobDetails, FlinkJobOverview } from '../flink/job-manager.client.js';
import { CACHE_EXPIRY_MARGIN_MS } from '../flink/rest-caches.js';
import type { TransitionNote } from '../runs/runs.store.js';

/**
 * When an answer of Flink about a job is not to be believed yet. Flink serves a job's details from
 * a cache for `web.refresh-interval` while /jobs/overview is live, so details can disagree with the
 * job list for a few seconds; and a job's details can come without a time for its status, or in
 * an odd shape, for a moment while it starts or ends. Recording either would give the run a
 * history with a gap or out of order, so the watcher waits for a better answer, a bounded while.
 * These are those rules, apart from the watcher's reads and writes so that they can be tested.
 */

/** How long the watcher waits for details that agree with the job list, or that give Flink's times. */
export const DEFAULT_STALE_DETAILS_LIMIT_MS = 10_000;

/** What overviewUnchanged compares of a job's overview line, the part of it a watcher keeps per job. */
export type SeenOverview = Pick<FlinkJobOverview, 'state' | 'last-modification' | 'tasks'>;

/**
 * The part of a job's overview line kept until the next cycle compares it: not the whole line, whose
 * job id and name are copies of strings the run already holds (about 200 bytes a job kept for nothing).
 */
export function seenOverview(job: FlinkJobOverview): SeenOverview {
  return { state: job.state, 'last-modification': job['last-modification'], tasks: job.tasks };
}

/**
 * Whether a job's overview line says nothing new since its details were last read: the same
 * state, modification time and task counts. Runs for every job every cycle, so it compares
 * in place rather than build a key.
 */
export function overviewUnchanged(before: SeenOverview | null, now: FlinkJobOverview): boolean {
  if (!before || before.state !== now.state || before['last-modification'] !== now['last-modification']) return false;
  const a = before.tasks as Record<string, unknown>;
  const b = now.tasks as Record<string, unknown>;
  let keys = 0;
  for (const k in b) {
    if (a[k] !== b[k]) return false;
    keys += 1;
  }
  for (const _ in a) keys -= 1;
  return keys === 0;
}

/**
 * When to read again details found stale at `readAt`: once the cache entry has expired. It was
 * filled by Weir's last read (`lastReadAt`), if that is recent, else by this one; still stale after
 * that, someone else filled the entry since, so it expires at the latest one cache life from now.
 */
export function staleRetryAt(readAt: number, lastReadAt: number | undefined, cacheMs: number): number {
  const filledAt = lastReadAt !== undefined && readAt - lastReadAt < cacheMs ? lastReadAt : readAt;
  const expiresAt = filledAt + cacheMs + CACHE_EXPIRY_MARGIN_MS;
  return expiresAt > readAt ? expiresAt : readAt + cacheMs + CACHE_EXPIRY_MARGIN_MS;
}

/**
 * Flink's times for a job's statuses as its line of /jobs/overview tells them: its start (the line's
 * start-time is the time Flink gives INITIALIZING, on 1.20 and 2.3 alike) and an end's (its
 * end-time). The start matters: a run first recorded from the list alone starts in INITIALIZING,
 * so it is never seen ended before its history is written (discovery creates it in its first status).
 */
export function overviewTimestamps(job: FlinkJobOverview): Record<string, number> {
  const times: Record<string, number> = job['start-time'] > 0 ? { INITIALIZING: job['start-time'] } : {};
  if (isTerminalRunStatus(job.state) && job['end-time'] > 0) times[job.state] = job['end-time'];
  return times;
}

/**
 * Details still stale after the limit: the job list's status is recorded instead, as Weir's own
 * observation, with the time Flink gives for it only when that is an end (the list's end-time).
 */
export function takeListsWordOverStale(details: FlinkJobDetails, job: FlinkJobOverview, waitedMs: number): { details: FlinkJobDetails; note: TransitionNote } {
  const seconds = Math.round(waitedMs / 1000);
  return {
    details: { ...details, state: job.state, timestamps: { ...details.timestamps, ...overviewTimestamps(job) } },
    note: {
      text: `Flink's job list shows ${job.state}; its details still said ${details.state} after ${seconds} s`,
      code: { code: 'listOverStaleDetails', params: { listState: job.state, detailsState: details.state, seconds } },
    },
  };
}

/** What the job list tells of a job whose details could not be read, in the shape of its details. */
export function detailsFromOverview(job: FlinkJobOverview, now: number): FlinkJobDetails {
  return {
    jid: job.jid,
    name: job.name,
    state: job.state,
    'start-time': job['start-time'],
    'end-time': job['end-time'],
    duration: job.duration,
    now,
    timestamps: overviewTimestamps(job),
    vertices: [],
  };
}

/** Flink answered about the job, but not usefully: an error other than "no such job", or not in Flink's shape. */
export function answeredOddly(err: AppError): boolean {
  if (err instanceof FlinkRejectedError) return (err.details as { status?: number } | undefined)?.status !== 404;
  return err.code === 'NOT_FLINK';
}

/**
 * The jobs waiting for details that give their statuses Flink's times (Flink answered them oddly,
 * or without a time for the current status), each since its first such cycle.
 */
export class FlinkTimesWait {
  /** Made when a job first waits, dropped when none does: most clusters never wait (an empty Map is about 200 bytes). */
  private since: Map<string, number> | null = null;

  constructor(private readonly limitMs: number) {}

  /** Whether the job should still wait: true until it has waited the limit, counted from its first call. */
  stillWaiting(jobId: string, now: number): boolean {
    const waiting = (this.since ??= new Map());
    const since = waiting.get(jobId) ?? now;
    waiting.set(jobId, since);
    return now - since < this.limitMs;
  }

  /** The job's details were recorded (or it is no longer watched): a later wait starts anew. */
  end(jobId: string): void {
    this.since?.delete(jobId);
    if (this.since?.size === 0) this.since = null;
  }

  /** Whether some job is still waiting: the cluster has something left to read. */
  get anyWaiting(): boolean {
    return this.since !== null;
  }
}
