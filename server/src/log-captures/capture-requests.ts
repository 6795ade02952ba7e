// Which events call for a log capture, and when a capture may read a TaskManager's files: the
// pure rules LogCaptureService applies to what it hears.

import type { WeirEvent } from '../events/events.js';
import { MAX_CACHE_WAIT_MS, reportedCacheMs } from '../flink/rest-caches.js';
import type { CaptureTrigger } from './log-captures.store.js';
import { meansTaskManagerLost } from './log-selection.js';

/** One event waiting to be captured. */
export interface CaptureRequest {
  runId: string;
  trigger: CaptureTrigger;
  triggerKey: string;
  triggerAt: number;
  detail: string | null;
  requestedBy: string | null;
  threadDump: boolean;
  /** When this instance heard of the event, on Weir's clock: the event happened no later. */
  heardAt: number;
}

/**
 * An event heard this long after it happened (Weir found a job that failed while it was down, or a
 * cluster's history at first sight) is not captured by itself: the TaskManagers' tails no longer
 * hold it, and a cluster found with hundreds of old failures must not set off hundreds of reads.
 * "Capture now" still keeps what the JobManager has.
 */
export const LATE_EVENT_MS = 15 * 60_000;
/** Slack for the JobManager's and Weir's timers not ticking alike. */
const FILE_CACHE_MARGIN_MS = 250;

/** The capture an event heard at `heardAt` calls for, if any. */
export function requestOf(event: WeirEvent, threadDump: boolean, heardAt: number): Omit<CaptureRequest, 'heardAt'> | undefined {
  if ('at' in event && heardAt - event.at > LATE_EVENT_MS) return undefined;
  const base = { requestedBy: null, threadDump };
  switch (event.type) {
    case 'run.status':
      // A status Weir set because the cluster does not answer: there is nothing to read from it.
      if (event.cause === 'cluster-unreachable') return undefined;
      if (event.to === 'FAILED' || event.to === 'RESTARTING') return { ...base, runId: event.runId, trigger: event.to, triggerKey: `${event.to}:${event.at}`, triggerAt: event.at, detail: event.note ?? null };
      return undefined;
    case 'run.checkpoint':
      if (event.outcome !== 'FAILED' || event.isSavepoint) return undefined;
      return { ...base, runId: event.runId, trigger: 'CHECKPOINT_FAILED', triggerKey: `CHECKPOINT_FAILED:${event.checkpointId}`, triggerAt: event.at, detail: event.failure ?? `Checkpoint ${event.checkpointId} failed` };
    case 'run.exception':
      if (!meansTaskManagerLost(`${event.exceptionName} ${event.message}`)) return undefined;
      return { ...base, runId: event.runId, trigger: 'TASKMANAGER_LOST', triggerKey: `TASKMANAGER_LOST:${event.at}`, triggerAt: event.at, detail: event.message };
    default:
      return undefined;
  }
}

/**
 * How long to wait before reading a TaskManager file so that Flink cannot serve a copy made before
 * an event heard at `heardAt`: the JobManager's `web.refresh-interval` (Flink's default when the
 * JobManager did not say, or said something that is not a duration; at most 30 s, whatever it
 * says) and a little slack, counted from when Weir heard of the event.
 */
export function fileCacheWaitMs(opts: { heardAt: number; refreshIntervalMs: number | undefined; now: number }): number {
  const cacheMs = Math.min(reportedCacheMs(opts.refreshIntervalMs), MAX_CACHE_WAIT_MS);
  return Math.max(0, opts.heardAt + cacheMs + FILE_CACHE_MARGIN_MS - opts.now);
}
