// What the YARN watcher does with what a Weir that stopped left behind: a run still INITIALIZING whose deployment
// is in progress nowhere, and an application of Weir's whose run already ended. Pure decisions, so the unit
// tests pin them; the watcher (yarn-watcher.ts) asks YARN and records.
import { isTerminalRunStatus } from '@weir/contract';
import type { RunRecord } from '../runs/runs.store.js';
import { jobIdOfTags, WEIR_YARN_TAG } from '../yarn/flink-yarn-cli.js';
import type { YarnApplication } from '../yarn/yarn-rm.client.js';

/**
 * How long a deployment can be in progress in another instance: assembling the entry's Flink client for YARN
 * the first time (a download from Maven Central, minutes), then the deployer's own limit (5 min) until YARN
 * reports the application RUNNING. A run INITIALIZING longer than this with no application on YARN was left by
 * an instance that stopped, wherever it ran.
 */
export const DEPLOYMENT_BOUND_MS = 15 * 60_000;

/** Says the run never reached YARN; kept with the run as its submission error. */
export const NEVER_REACHED_YARN = 'Weir stopped before the deployment reached YARN';

/** The runs whose deployment may have been left behind: INITIALIZING, without the application id a deployment records. */
export function deploymentsToReconcile(runs: readonly RunRecord[], deployingHere: (flinkJobId: string) => boolean): RunRecord[] {
  return runs.filter((r) => r.status === 'INITIALIZING' && !r.lost && r.yarnApplicationId === null && !deployingHere(r.flinkJobId));
}

export type DeploymentVerdict =
  /** YARN has the application: record its id, and the watcher follows it (live) or ends the run in YARN's words (ended). */
  | { action: 'adopt'; applicationId: string }
  /** YARN never got it, and no deployment can still be bringing it. */
  | { action: 'fail'; reason: string }
  /** Another instance may still be deploying it: asked again next cycle. */
  | { action: 'wait' };

/**
 * What to do with a run deploymentsToReconcile chose, given the application YARN lists under the run's job tag.
 * Alone on its database, this process knows every deployment in progress, and the run's is not one of them;
 * with several instances one may be deploying it still, so a run is failed only after DEPLOYMENT_BOUND_MS.
 */
export function reconcileDeployment(
  run: Pick<RunRecord, 'createdAt'>,
  tagged: Pick<YarnApplication, 'id'> | undefined,
  context: { now: number; onlyInstance: boolean; boundMs?: number },
): DeploymentVerdict {
  if (tagged) return { action: 'adopt', applicationId: tagged.id };
  if (context.onlyInstance || context.now - run.createdAt >= (context.boundMs ?? DEPLOYMENT_BOUND_MS)) return { action: 'fail', reason: NEVER_REACHED_YARN };
  return { action: 'wait' };
}

/** Where an application of Weir's may be recorded: its job id (tagged since job tags exist), else its application id. */
export function runKeyOf(app: Pick<YarnApplication, 'id' | 'tags'>): { flinkJobId: string } | { applicationId: string } | undefined {
  if (!app.tags.includes(WEIR_YARN_TAG)) return undefined;
  const flinkJobId = jobIdOfTags(app.tags);
  return flinkJobId ? { flinkJobId } : { applicationId: app.id };
}

/**
 * Whether a live application is a leftover to shut down: Weir's own (tagged `weir`) and recorded in this entry as a
 * run whose end is recorded. Not found in this entry (another Weir's, another entry's on the same ResourceManager):
 * left alone.
 */
export function isLeftover(app: Pick<YarnApplication, 'tags'>, run: Pick<RunRecord, 'status'> | undefined): boolean {
  return app.tags.includes(WEIR_YARN_TAG) && run !== undefined && isTerminalRunStatus(run.status);
}
