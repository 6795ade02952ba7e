import { isTerminalRunStatus } from '@weir/contract';
import type { RunStatus } from '../events/events.js';

/**
 * How often a cluster's watcher reads it. A cluster whose jobs have been stable for a while is
 * "calm" and read every `calmIntervalMs` instead of every `intervalMs`: in application mode
 * (one JobManager per job) the watcher's cost grows with clusters, and most of them have nothing
 * new most of the time. The price is stated, not hidden: a change on a calm cluster is recorded
 * at most about `calmIntervalMs` (plus one request) after it happened, where it would otherwise
 * be `intervalMs`. Anything that says a change may be near brings the cluster back to every cycle.
 */
export interface CadenceSettings {
  /** The ordinary cycle. */
  intervalMs: number;
  /** The cycle of a calm cluster; equal to intervalMs (or less) turns calm reading off. */
  calmIntervalMs: number;
  /** How long nothing must have happened before a cluster counts as calm. */
  calmAfterMs: number;
}

/** What the watcher knows of a cluster that bears on its cadence, at the end of a cycle. */
export interface CadenceSigns {
  now: number;
  /**
   * The last time something happened on or to the cluster: a status change seen, a forced cycle
   * (an operation by Weir, a user's refresh), a page that asked to watch a job closely, the
   * watcher's start. Null: never (the watcher has not read the cluster yet).
   */
  lastActivityAt: number | null;
  /** The cluster did not answer its last cycle: it is probed every cycle until it does. */
  unanswered: boolean;
  /** Someone has a job of the cluster open (its run page, a live stream) right now. */
  closelyWatched: boolean;
  /**
   * Something is left to read or conclude: details Flink still caches stale, details answered
   * oddly, a job missing from the list, a job listed but not yet known.
   */
  pending: boolean;
  /** The statuses of the cluster's jobs as last recorded. */
  statuses: Iterable<RunStatus>;
}

/** Flink's statuses a job rests in: RUNNING, and the ends. Every other is on its way somewhere. */
export function isSettledStatus(status: RunStatus): boolean {
  return status === 'RUNNING' || isTerminalRunStatus(status);
}

/** Whether the cluster may be read at the calm cadence now. */
export function isCalm(settings: CadenceSettings, signs: CadenceSigns): boolean {
  if (settings.calmIntervalMs <= settings.intervalMs) return false;
  if (signs.unanswered || signs.closelyWatched || signs.pending || signs.lastActivityAt === null) return false;
  if (signs.now - signs.lastActivityAt < settings.calmAfterMs) return false;
  for (const status of signs.statuses) if (!isSettledStatus(status)) return false;
  return true;
}

/**
 * The longest a change on a calm cluster waits before a cycle reads it: the calm interval (the
 * cycle's own request time and Flink's details cache come on top, as they do at every cadence).
 */
export function detectionBoundMs(settings: CadenceSettings): number {
  return Math.max(settings.intervalMs, settings.calmIntervalMs);
}

/**
 * One cluster's calm waiting: when something last happened on it, and the wait of a calm cluster
 * beyond its ordinary cycle, which anything that says a change may be near ends early (wake()).
 */
export class CalmWait {
  /** The last time something happened on the cluster (see CadenceSigns.lastActivityAt). */
  lastActivityAt: number | null = null;
  /** Since when the cluster has been read at the calm cadence; null while it is not. */
  private calmSince: number | null = null;
  /** Ends the wait of a calm cluster early (wake(), hint()). */
  private endWait: (() => void) | null = null;
  /** A hint came while no wait was in progress: the next wait is skipped, once. */
  private hinted = false;
  /** The read now running was brought forward by a hint: further hints until the next wait are about it. */
  private readingForHint = false;

  /** `clock`: the watcher's (an object, not a closure, so no cluster needs one of its own). */
  constructor(private readonly clock: { now(): number }) {}

  /**
   * Waits out the part of a calm cluster's longer cycle beyond the ordinary one (the scheduler
   * waits the ordinary one); returns at once when the cluster is not calm. wake() or the abort
   * signal ends the wait early.
   */
  async waitWhileCalm(calm: boolean, calmIntervalMs: number, cycleStartedAt: number, signal?: AbortSignal): Promise<void> {
    const hinted = this.hinted;
    this.hinted = false;
    this.readingForHint = false;
    if (!calm) {
      this.calmSince = null;
      return;
    }
    // The calm interval runs from the start of the last cycle, so a slow answer does not stretch
    // the bound. A cluster that just became calm waits a random part of it once: clusters found at
    // the same moment (a Weir start) would otherwise all be read in the same instant every time,
    // and a burst of thousands of requests answers slower than the same requests spread out.
    const remaining = calmIntervalMs - (this.clock.now() - cycleStartedAt);
    const waitMs = this.calmSince === null ? Math.random() * remaining : remaining;
    this.calmSince ??= this.clock.now();
    if (hinted) this.readingForHint = true;
    if (hinted || waitMs <= 0) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.endWait = null;
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      signal?.addEventListener('abort', done, { once: true });
      this.endWait = done;
    });
  }

  /** Something may change on the cluster soon (an operation, an open page): back to every cycle, from now. */
  wake(): void {
    this.lastActivityAt = this.clock.now();
    this.endWait?.();
  }

  /**
   * Flink says something changed (a push): read the cluster at its next cycle, once. Only a hint,
   * never the status itself: the read records what Flink answers, and if it finds nothing new the
   * cluster stays calm (a hint is not activity, so a stream of pushes cannot keep it on every cycle
   * for calmAfterMs each). A hint during a cycle skips the next calm wait instead, so a push that
   * races the read is not lost, unless that read was itself brought forward by a hint (Flink
   * pushes CANCELLING and CANCELED a few ms apart: the read sees one of them, and a status on its
   * way or a change seen keeps the cluster on every cycle anyway). However many come, they end at
   * most one wait, and the scheduler still waits the ordinary cycle between reads: a flood costs at
   * most one read per cycle.
   */
  hint(): void {
    if (this.endWait) {
      this.readingForHint = true;
      this.endWait();
    } else if (!this.readingForHint) {
      this.hinted = true;
    }
  }
}
