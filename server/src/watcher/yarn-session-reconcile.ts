// What the YARN watcher does with the YARN sessions Weir started on its entry (clusters/yarn-sessions.service.ts):
// a session left STARTING by a Weir that stopped while it started, one left STOPPING by a Weir that stopped while it
// stopped it, a RUNNING session whose application YARN ended
// without Weir (killed through YARN, failed, or its JobManager shut down by someone), and an application of a session
// whose entry already ended. Pure decisions, so the unit tests pin them; the watcher (yarn-watcher.ts) asks YARN and records.
import type { YarnSessionState } from '@weir/contract';
import type { RunStatus } from '../events/events.js';
import { YARN_ENDED_STATES, type YarnApplication } from '../yarn/yarn-rm.client.js';
import { runStatusFromYarn } from './yarn-final-status.js';
import { DEPLOYMENT_BOUND_MS } from './yarn-reconcile.js';

/** Says the session never reached YARN; kept as the session entry's error. */
export const SESSION_NEVER_REACHED_YARN = 'Weir stopped before the YARN session reached YARN';

/** The most of YARN's diagnostics a session entry's error keeps. */
const DIAGNOSTICS_KEPT = 2_000;

export type SessionStartVerdict =
  /** YARN runs it with a JobManager: the entry moves there, RUNNING. */
  | { action: 'adopt'; applicationId: string; jobManagerUrl: string }
  /** YARN has not started it yet (ACCEPTED), or another instance may still be starting it: asked again next cycle. */
  | { action: 'wait' }
  /** It ended on YARN before it ran, or never reached YARN and nothing can still be bringing it. */
  | { action: 'fail'; reason: string; applicationId: string | null };

/**
 * What to do with a session entry STARTING whose start is in progress nowhere in this process, given the
 * application YARN lists under the session's own tag (sessionDeployTag). Alone on its database, this process knows
 * every start in progress; with several instances another may still be starting it (assembling Flink's client for
 * YARN, then Flink's CLI uploading its jars, before YARN lists anything), so one YARN never got fails only after the
 * same bound as a run's deployment.
 */
export function reconcileSessionStart(
  session: { createdAt: number },
  tagged: Pick<YarnApplication, 'id' | 'state' | 'finalStatus' | 'diagnostics' | 'jobManagerUrl'> | undefined,
  context: { now: number; onlyInstance: boolean; boundMs?: number },
): SessionStartVerdict {
  if (tagged) {
    if (YARN_ENDED_STATES.has(tagged.state)) return { action: 'fail', reason: `The YARN session did not start: ${yarnEndedWords(tagged)}`, applicationId: tagged.id };
    if (tagged.state === 'RUNNING' && tagged.jobManagerUrl) return { action: 'adopt', applicationId: tagged.id, jobManagerUrl: tagged.jobManagerUrl };
    // ACCEPTED (waiting for a container), or RUNNING before its ApplicationMaster registered: YARN will say.
    return { action: 'wait' };
  }
  if (context.onlyInstance || context.now - session.createdAt >= (context.boundMs ?? DEPLOYMENT_BOUND_MS)) {
    return { action: 'fail', reason: SESSION_NEVER_REACHED_YARN, applicationId: null };
  }
  return { action: 'wait' };
}

/**
 * What to do with a session entry STOPPING whose stop is in progress nowhere in this process, given what YARN says
 * of its application (undefined: YARN does not know it). Ended on YARN: STOPPED, as the stop would have recorded.
 * Still live: alone on its database, no stop can be in progress anywhere, so the entry is RUNNING again, which is
 * true, and can be stopped again; with several instances another may be stopping it right now (cancelling its jobs,
 * waiting up to a minute for Flink's shutdown), so it is left to that stop. An application YARN no longer knows
 * proves nothing either way.
 */
export function reconcileInterruptedStop(
  app: Pick<YarnApplication, 'state'> | undefined,
  context: { onlyInstance: boolean },
): 'STOPPED' | 'RUNNING' | 'wait' {
  if (!app) return 'wait';
  if (YARN_ENDED_STATES.has(app.state)) return 'STOPPED';
  return context.onlyInstance ? 'RUNNING' : 'wait';
}

/** The error a session entry ends with when YARN ended its application without Weir: YARN's own words. */
export function sessionEndedByYarn(app: Pick<YarnApplication, 'id' | 'state' | 'finalStatus' | 'diagnostics'>): string {
  return `YARN ended the session without Weir: ${yarnEndedWords(app)}`;
}

function yarnEndedWords(app: Pick<YarnApplication, 'id' | 'state' | 'finalStatus' | 'diagnostics'>): string {
  const diagnostics = app.diagnostics.trim().slice(0, DIAGNOSTICS_KEPT) || '(no diagnostics)';
  return `application ${app.id} ${app.state} (final status ${app.finalStatus}): ${diagnostics}`;
}

/**
 * The last status of a run that was still running on a session YARN ended. As for an application-mode run
 * (runStatusFromYarn: killed is CANCELED, failed is FAILED), except that a session's SUCCEEDED says the session was
 * shut down, not that the job finished: a job still running then was ended from outside, so CANCELED.
 */
export function sessionRunStatusFromYarn(app: Pick<YarnApplication, 'state' | 'finalStatus'>): RunStatus {
  const status = runStatusFromYarn(app);
  return status === 'FINISHED' ? 'CANCELED' : status;
}

/**
 * Whether a live application tagged as a session's is a leftover to kill: the session's entry (in this database)
 * says it ended (FAILED, STOPPED), so nothing watches it and nothing will stop it. A live application of an entry that
 * is STARTING, RUNNING or STOPPING is that entry's; one of an entry not found here (another Weir's) is left alone.
 */
export function isSessionLeftover(state: YarnSessionState | undefined): boolean {
  return state === 'FAILED' || state === 'STOPPED';
}
