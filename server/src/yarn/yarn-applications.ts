// What Weir does with Flink applications on a YARN cluster once they exist: tell its own from others',
// and end one through YARN, waiting for YARN's final word (the evidence a run's final status records).
import { rm as rmFiles } from 'node:fs/promises';
import { join } from 'node:path';
import { FlinkRejectedError, NotFoundError } from '../errors/errors.js';
import { WEIR_YARN_TAG } from './flink-yarn-cli.js';
import { YARN_ENDED_STATES, type YarnApplication, type YarnApplicationState, type YarnResourceManagerClient } from './yarn-rm.client.js';

/** Flink's YARN deployments register this application type (Flink's `yarn.application.type` default). */
export const FLINK_APPLICATION_TYPE = 'Apache Flink';
/** The states in which an application holds, or waits for, containers. */
export const YARN_LIVE_STATES: YarnApplicationState[] = ['NEW', 'NEW_SAVING', 'SUBMITTED', 'ACCEPTED', 'RUNNING'];

export interface FlinkApplications {
  /** Deployed by Weir: they carry the `weir` tag. */
  own: YarnApplication[];
  /** Started outside Weir: shown as external, never stopped by a bulk operation of Weir's. */
  external: YarnApplication[];
}

/** Deployed by Weir: the `weir` tag. Only those does Weir ever shut down or kill on its own. */
export function isWeirsOwn(app: Pick<YarnApplication, 'tags'>): boolean {
  return app.tags.includes(WEIR_YARN_TAG);
}

export function splitOwnAndExternal(apps: YarnApplication[]): FlinkApplications {
  const own = apps.filter(isWeirsOwn);
  return { own, external: apps.filter((a) => !own.includes(a)) };
}

/**
 * Of the live applications the ResourceManager listed, the Flink applications started outside Weir whose
 * JobManager can be read now: RUNNING with a JobManager address. One still ACCEPTED, or RUNNING before its
 * ApplicationMaster registered, has no address yet (a later cycle reads it); another type of application
 * (Spark, MapReduce, a ResourceManager that ignored the type filter) is never Weir's to read.
 */
export function externalApplicationsToFollow(live: YarnApplication[]): YarnApplication[] {
  return live.filter((a) => a.type === FLINK_APPLICATION_TYPE && !isWeirsOwn(a) && a.state === 'RUNNING' && a.jobManagerUrl !== null);
}

/** The Flink applications that hold or wait for containers now, Weir's own apart from the others. */
export async function findRunningFlinkApplications(rm: YarnResourceManagerClient): Promise<FlinkApplications> {
  return splitOwnAndExternal(await rm.applications({ types: [FLINK_APPLICATION_TYPE], states: YARN_LIVE_STATES }));
}

/**
 * Kills the application through YARN and returns it as YARN records its end (state, final status,
 * diagnostics). For a JobManager that no longer answers; a job that does ends through its JobManager.
 */
export async function killApplication(
  rm: YarnResourceManagerClient, applicationId: string, opts: { timeoutMs?: number; pollMs?: number } = {},
): Promise<YarnApplication> {
  await rm.kill(applicationId);
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  for (;;) {
    const app = await rm.application(applicationId);
    if (!app) throw new NotFoundError("YARN application", applicationId);
    if (YARN_ENDED_STATES.has(app.state)) return app;
    if (Date.now() > deadline) throw new FlinkRejectedError(`YARN application ${applicationId} is still ${app.state} ${Math.round((opts.timeoutMs ?? 120_000) / 1000)} s after the kill`);
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 250));
  }
}

/**
 * Ends an application whose JobManager does not answer: a kill through YARN, whose final state and diagnostics
 * are the evidence; then the staging folder its JobManager had no chance to remove (the uploaded jars).
 */
export async function killApplicationAndStagedFiles(rm: YarnResourceManagerClient, stagingDirectory: string, applicationId: string): Promise<YarnApplication> {
  const ended = await killApplication(rm, applicationId);
  const staging = stagingDirectory.replace(/^file:\/\//, '');
  if (staging.startsWith('/')) await rmFiles(join(staging, '.flink', applicationId), { recursive: true, force: true });
  return ended;
}
