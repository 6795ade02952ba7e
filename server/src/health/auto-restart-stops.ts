import type { AutoRestartStop } from '@weir/contract';

/**
 * The English line for why Weir stopped restarting a task, from its code: what the task's health,
 * the audit log and the channels' alerts say. The web app says the same from the code in the
 * reader's language (features/alerts/incident-summary-text.ts). Pure.
 */
export function autoRestartStopText(stop: AutoRestartStop): string {
  switch (stop.code) {
    case 'attemptsUsedUp':
      return `${stop.params.attempts} automatic restart${stop.params.attempts === 1 ? '' : 's'} within ${Math.round(stop.params.windowMs / 60_000)} min used up (at most ${stop.params.maxAttempts})`;
    case 'notSubmitted':
      return `attempt ${stop.params.attempt} could not be submitted (${stop.params.error})`;
    case 'clusterUnreachable':
      return `attempt ${stop.params.attempt} could not be submitted: the cluster could not be reached for ${Math.round(stop.params.waitedMs / 60_000)} min (${stop.params.error})`;
  }
}

/**
 * The audit entry's detail when Weir gives up on a task: the run, the English line (what older
 * readers and API users read), and the same as its code with values, so the audit page says it in
 * the reader's language.
 */
export function gaveUpAuditDetail(runId: string, stop: AutoRestartStop): { runId: string; reason: string; stop: AutoRestartStop } {
  return { runId, reason: autoRestartStopText(stop), stop };
}
