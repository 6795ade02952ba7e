import { isTerminalRunStatus } from '@weir/contract';
import type { FlinkJobDetails } from '../flink/job-manager.client.js';
import type { TransitionNote } from '../runs/runs.store.js';

/**
 * Weir's own statuses, RECONNECTING and UNKNOWN: what a run shows while its JobManager does not
 * answer, since Flink cannot say. A run is RECONNECTING from the first failed probe, UNKNOWN once
 * the probes failed `reconnectAttempts` times over at least `reconnectWindowMs` (both, so neither a
 * short interval nor one slow probe gives up early), and the first answer of the JobManager puts
 * Flink's status back, as Weir's observation "back in contact". The rules live here, apart from
 * the watcher's reads and writes, so that they can be tested without a cluster.
 */

const WEIR_STATUSES: ReadonlySet<string> = new Set(['RECONNECTING', 'UNKNOWN']);

/** Whether a status is one of Weir's own, not Flink's. */
export function isWeirStatus(status: string): boolean {
  return WEIR_STATUSES.has(status);
}

/** The failed probes of one cluster in a row, and when the first of them failed. */
export class Outage {
  failures = 0;
  firstFailureAt: number | null = null;

  get ongoing(): boolean {
    return this.failures > 0;
  }

  probeFailed(now: number): void {
    this.failures += 1;
    this.firstFailureAt ??= now;
  }

  /** The cluster answered: the outage, if there was one, is over. Returns whether there was one. */
  answered(): boolean {
    const was = this.failures > 0;
    this.failures = 0;
    this.firstFailureAt = null;
    return was;
  }
}

/** What one more failed probe does to a run: a status of Weir's own with its note, or nothing new. */
export type OutageStep = { to: 'RECONNECTING' | 'UNKNOWN'; note: TransitionNote } | 'still waiting' | 'unaffected';

export function outageStep(
  run: { status: string; lost: boolean },
  outage: Outage,
  settings: { reconnectAttempts: number; reconnectWindowMs: number },
  now: number,
  cause: { restUrl: string; reason: string },
): OutageStep {
  if (run.lost || isTerminalRunStatus(run.status)) return 'unaffected';
  const firstFailureAt = outage.firstFailureAt ?? now;
  const giveUp = outage.failures >= settings.reconnectAttempts && now - firstFailureAt >= settings.reconnectWindowMs;
  if (!isWeirStatus(run.status)) {
    const note = { text: `JobManager at ${cause.restUrl} cannot be reached: ${cause.reason}`, code: { code: 'jobManagerUnreachable', params: cause } } as const;
    return { to: 'RECONNECTING', note };
  }
  if (run.status === 'RECONNECTING' && giveUp) {
    const seconds = Math.round((now - firstFailureAt) / 1000);
    const params = { attempts: outage.failures, seconds, reason: cause.reason };
    return { to: 'UNKNOWN', note: { text: `No answer after ${outage.failures} attempts over ${seconds} s: ${cause.reason}`, code: { code: 'noAnswer', params } } };
  }
  return 'still waiting';
}

/**
 * The note on Weir's own record of the status Flink reports, when Flink's history has no step for
 * it: after an outage or a lost job, the contact that came back; otherwise, that Flink gave no time.
 */
export function flinkStatusNote(run: { status: string; lost: boolean }, details: Pick<FlinkJobDetails, 'state' | 'timestamps'>): TransitionNote {
  const since = details.timestamps[details.state];
  const known = since !== undefined && since > 0;
  const flinkSays = `Flink reports ${details.state}${known ? ` since ${new Date(since).toISOString()}` : ''}`;
  // `sinceAt` only when Flink gave one: the web app says "since …" only then.
  const params = { state: details.state, ...(known ? { sinceAt: since } : {}) };
  if (run.lost) return { text: `Listed by the JobManager again: ${flinkSays}`, code: { code: 'relisted', params } };
  if (isWeirStatus(run.status)) return { text: `Back in contact with the JobManager: ${flinkSays}`, code: { code: 'backInContact', params } };
  return { text: `${flinkSays}, without a time for it`, code: { code: 'noTimeFromFlink', params } };
}

/** A run whose status is one of Weir's own is read whatever the job list says: Flink's status must come back. */
export function awaitsFlinkStatus(run: { status: string; lost: boolean }): boolean {
  return isWeirStatus(run.status) || run.lost;
}
