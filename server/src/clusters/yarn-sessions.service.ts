// Flink YARN sessions started and stopped from Weir (docs/deployment-targets.md, "YARN sessions"). A session
// is started on a YARN entry by Flink's own CLI (yarn-session in detached mode) in the background, and becomes a
// session cluster entry at its JobManager once YARN reports it RUNNING, so every session-cluster feature works on
// it. Stopping it is refused while Weir's runs are on it (unless forced, which cancels them first), then it is
// Flink's own shutdown (DELETE /cluster), with a kill through YARN when the JobManager does not answer.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { StartYarnSessionRequest, StopYarnSessionResult, YarnSessionResources, YarnSessionState } from '@weir/contract';
import type { Principal } from '../access/principal.js';
import type { AuditService } from '../audit/audit.service.js';
import { AppError, ConflictError, FlinkRejectedError, InputError } from '../errors/errors.js';
import type { FlinkClients } from '../flink/flink-clients.js';
import type { Logger } from '../logging/logger.js';
import type { RunsStore } from '../runs/runs.store.js';
import type { FlinkYarnInstallation } from '../yarn/flink-yarn-cli.js';
import { YarnApplicationDeployer, type DeployedApplication } from '../yarn/yarn-application-deployer.js';
import { sessionDeployTag } from '../yarn/flink-yarn-cli.js';
import { killApplicationAndStagedFiles } from '../yarn/yarn-applications.js';
import type { YarnClients } from '../yarn/yarn-clients.js';
import { YARN_ENDED_STATES } from '../yarn/yarn-rm.client.js';
import type { Cluster, ClustersService } from './clusters.service.js';
import type { ClustersStore } from './clusters.store.js';

export interface YarnSessionsDeps {
  clusters: ClustersService;
  store: ClustersStore;
  runs: RunsStore;
  flink: FlinkClients;
  yarn: YarnClients;
  audit: AuditService;
  /** Cancels a run through its JobManager and waits for the end (operations.cancel). */
  cancelRun: (actor: Principal, runId: string) => Promise<{ status: string | null }>;
  /** The Flink client for YARN of a version (deployment-targets.ts), assembled the first time. */
  installation: (flinkVersion: string) => Promise<FlinkYarnInstallation>;
  /** Each start's Flink configuration and CLI log (removed after), and where Flink stages the session's jars. */
  workDir: string;
  stagingDirectory: string;
  log: Logger;
  /** Default 5 minutes, as for a YARN run. */
  startTimeoutMs?: number;
  /** How long Flink's own shutdown may take before the application is killed through YARN. */
  shutdownTimeoutMs?: number;
}

/** The states in which a session holds, or may still hold, a YARN application. */
const LIVE: readonly YarnSessionState[] = ['STARTING', 'RUNNING', 'STOPPING'];

export class YarnSessionsService {
  private readonly starting = new Set<Promise<void>>();
  /**
   * The sessions this process is starting, by name from before their entry exists until their start ended, and by id
   * once it does: the YARN watcher reconciles only a STARTING entry no start here carries (a Weir that stopped left it).
   */
  private readonly startingNames = new Set<string>();
  private readonly startingIds = new Set<string>();
  /** Sessions this process is stopping: a STOPPING entry not among them was left so by a Weir that stopped mid-stop. */
  private readonly stoppingIds = new Set<string>();

  constructor(private readonly deps: YarnSessionsDeps) {}

  /**
   * Starts a YARN session on a YARN entry: the entry is recorded STARTING and answered at once; Flink's CLI
   * deploys it in the background (30-90 s), then the entry moves to the session's JobManager (RUNNING), or
   * ends FAILED with the reason, nothing left on YARN.
   */
  async start(actor: Principal, yarnClusterId: string, req: StartYarnSessionRequest): Promise<Cluster> {
    const yarnEntry = await this.deps.clusters.get(yarnClusterId);
    const name = req.name ?? `${yarnEntry.name.slice(0, 80)}-session-${randomBytes(2).toString('hex')}`;
    const resources = { slotsPerTaskManager: req.slotsPerTaskManager, jobManagerMemoryMb: req.jobManagerMemoryMb, taskManagerMemoryMb: req.taskManagerMemoryMb };
    return this.deps.audit.around(actor, 'cluster.session-start', { type: 'cluster', id: yarnEntry.id, name: yarnEntry.name }, async () => {
      if (yarnEntry.kind !== 'yarn' || !yarnEntry.yarn) throw new InputError(`Cluster ${yarnEntry.name} is not a YARN target: a YARN session starts on a YARN entry`);
      if (await this.deps.store.getByName(name)) throw new ConflictError(`A cluster named ${name} already exists`);
      // An unreachable or stopped ResourceManager is said now, before anything is recorded.
      const rm = this.deps.yarn.resourceManagerAt(yarnEntry.restUrl, yarnEntry);
      const info = await rm.clusterInfo();
      if (info.state !== 'STARTED') throw new FlinkRejectedError(`YARN ResourceManager at ${rm.baseUrl} is ${info.state}, not STARTED`);
      this.startingNames.add(name);
      let session: Cluster;
      try {
        session = await this.deps.store.create({
          name,
          kind: 'session',
          // Not a JobManager yet: nothing watches or probes a session until it is RUNNING at its own JobManager.
          restUrl: yarnEntry.restUrl,
          description: `YARN session on ${yarnEntry.name}`,
          isLocal: yarnEntry.isLocal,
          teamId: yarnEntry.teamId,
          yarnSession: { yarnClusterId: yarnEntry.id, applicationId: null, state: 'STARTING', resources },
        });
      } catch (err) {
        this.startingNames.delete(name);
        throw err;
      }
      this.startingIds.add(session.id);
      const started = this.deploy(session, yarnEntry, resources).finally(() => {
        this.starting.delete(started);
        this.startingIds.delete(session.id);
        this.startingNames.delete(name);
      });
      this.starting.add(started);
      this.deps.clusters.events.onClustersChanged?.();
      return session;
    }, { session: name, ...resources });
  }

  /**
   * Resolves once every session still starting has started or failed (tests). Weir's shutdown does not wait
   * for it, as it does not for YARN runs still deploying (docs/deployment-targets.md, "Still open").
   */
  async startsSettled(): Promise<void> {
    while (this.starting.size > 0) await Promise.allSettled([...this.starting]);
  }

  private async deploy(session: Cluster, yarnEntry: Cluster, resources: YarnSessionResources): Promise<void> {
    const { flinkVersion, hadoopConfDir, queue } = yarnEntry.yarn!;
    const fields = { cluster: session.name, yarn: yarnEntry.name };
    const begun = Date.now();
    try {
      const install = await this.deps.installation(flinkVersion);
      const rm = this.deps.yarn.resourceManagerAt(yarnEntry.restUrl, yarnEntry);
      const deployer = new YarnApplicationDeployer(rm, install, { resourceManagerUrl: yarnEntry.restUrl, hadoopConfDir, queue, stagingDirectory: this.deps.stagingDirectory });
      const app: DeployedApplication = await deployer.deploySession({ name: session.name, ...resources }, {
        workDir: this.deps.workDir,
        timeoutMs: this.deps.startTimeoutMs,
        log: (line) => this.deps.log.info(fields, line),
        // The session's own tag: a Weir that stops while it starts leaves it STARTING, and the next one finds it by this.
        deployTag: sessionDeployTag(session.id),
        submitted: async (applicationId) => { await this.deps.store.updateSession(session.id, { applicationId }, ['STARTING']); },
      });
      const running = await this.deps.store.updateSession(session.id, { state: 'RUNNING', restUrl: app.jobManagerUrl, applicationId: app.applicationId }, ['STARTING']);
      if (!running) {
        // Stopped or removed while it started: it must not stay up on YARN.
        await killApplicationAndStagedFiles(rm, this.deps.stagingDirectory, app.applicationId).catch(() => undefined);
        return;
      }
      this.deps.log.info({ ...fields, applicationId: app.applicationId, jobManager: app.jobManagerUrl, ms: Date.now() - begun }, 'YARN session RUNNING');
      await this.deps.clusters.check(session.id);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.deps.log.warn({ ...fields, err: message }, 'the YARN session did not start');
      if (await this.deps.store.updateSession(session.id, { state: 'FAILED' }, ['STARTING'])) {
        await this.deps.store.recordHealth(session.id, { health: 'UNKNOWN', checkedAt: Date.now(), error: `The YARN session did not start: ${message}`.slice(0, 4_000) });
      }
    } finally {
      this.deps.clusters.events.onClustersChanged?.();
    }
  }

  /**
   * Stops a session Weir started. Refused while Weir's runs are on it; with `force` those are cancelled first
   * (and the stop refused if one cannot be). Then Flink's own shutdown, which ends the application FINISHED and
   * removes its staged files; a kill through YARN when the JobManager does not answer or YARN does not see it end.
   */
  async stop(actor: Principal, sessionId: string, force: boolean): Promise<StopYarnSessionResult> {
    const session = await this.deps.clusters.get(sessionId);
    return this.deps.audit.around(actor, 'cluster.session-stop', { type: 'cluster', id: session.id, name: session.name }, async () => {
      if (!session.yarnSession) throw new InputError(`Cluster ${session.name} is not a YARN session Weir started`);
      if (session.yarnSession.state !== 'RUNNING') {
        throw new ConflictError(`The YARN session ${session.name} is ${session.yarnSession.state}; only a RUNNING session can be stopped`);
      }
      // Marked before the entry says STOPPING, so the YARN watcher never takes this stop for one left behind.
      this.stoppingIds.add(session.id);
      try {
        return await this.stopMarked(actor, session, force);
      } finally {
        this.stoppingIds.delete(session.id);
      }
    }, { force });
  }

  private async stopMarked(actor: Principal, session: Cluster, force: boolean): Promise<StopYarnSessionResult> {
    // STOPPING first: no submission reaches the session after the runs were counted.
    if (!(await this.deps.store.updateSession(session.id, { state: 'STOPPING' }, ['RUNNING']))) {
      throw new ConflictError(`The YARN session ${session.name} is no longer RUNNING`);
    }
    const endedRuns: StopYarnSessionResult['endedRuns'] = [];
    try {
      const runs = (await this.deps.runs.listNonTerminalByCluster(session.id)).filter((r) => !r.lost);
      if (runs.length > 0 && !force) {
        throw new ConflictError(`The YARN session ${session.name} still runs ${runs.length} of Weir's jobs (${runs.map((r) => `${r.jobName} ${r.flinkJobId}`).join(', ')}); cancel them first, or stop it with force to cancel them`);
      }
      for (const run of runs) {
        const cancelled = await this.deps.cancelRun(actor, run.id);
        endedRuns.push({ runId: run.id, taskId: run.taskId, jobName: run.jobName, flinkJobId: run.flinkJobId, status: cancelled.status ?? 'CANCELED' });
      }
    } catch (err) {
      await this.deps.store.updateSession(session.id, { state: 'RUNNING' }, ['STOPPING']);
      throw err;
    }
    this.deps.clusters.events.onClustersChanged?.();
    await this.shutDown(session);
    const stopped = await this.deps.store.updateSession(session.id, { state: 'STOPPED' }, ['STOPPING']);
    // Not a health problem: the entry says it is STOPPED, and nothing checks it any more.
    const cluster = await this.deps.store.recordHealth(session.id, { health: 'UNKNOWN', checkedAt: Date.now(), error: null });
    this.deps.clusters.events.onClustersChanged?.();
    return { cluster: stopped ? cluster : await this.deps.clusters.get(session.id), endedRuns };
  }

  private async shutDown(session: Cluster): Promise<void> {
    const applicationId = session.yarnSession!.applicationId!;
    const yarnEntry = await this.deps.clusters.get(session.yarnSession!.yarnClusterId);
    const rm = this.deps.yarn.resourceManagerAt(yarnEntry.restUrl, yarnEntry);
    const fields = { cluster: session.name, applicationId };
    try {
      await this.deps.flink.runJobManager(session.restUrl, { isLocal: session.isLocal }).shutDownCluster();
      this.deps.flink.forgetRunJobManager(session.restUrl);
      const deadline = Date.now() + (this.deps.shutdownTimeoutMs ?? 60_000);
      while (Date.now() < deadline) {
        const app = await rm.application(applicationId);
        if (!app || YARN_ENDED_STATES.has(app.state)) {
          this.deps.log.info({ ...fields, state: app?.state, finalStatus: app?.finalStatus }, 'YARN session shut down by its JobManager');
          return;
        }
        await new Promise((r) => setTimeout(r, 500));
      }
      this.deps.log.warn(fields, 'the YARN session did not end after its JobManager was asked to shut down; killing it through YARN');
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      this.deps.log.warn({ ...fields, err: err.message }, 'the JobManager of the YARN session did not shut it down; killing it through YARN');
    }
    await killApplicationAndStagedFiles(rm, this.deps.stagingDirectory, applicationId);
  }

  /** Whether this process is starting the session (by name before its entry exists, by id after). */
  startingHere(session: { id: string; name: string }): boolean {
    return this.startingIds.has(session.id) || this.startingNames.has(session.name);
  }

  /** Whether this process is stopping the session now (its stop records its own outcome). */
  stoppingHere(sessionId: string): boolean {
    return this.stoppingIds.has(sessionId);
  }

  /**
   * A session a stopped Weir left STOPPING (yarn-session-reconcile.ts, reconcileInterruptedStop): STOPPED when its
   * application has ended, as the stop would have recorded; RUNNING again when YARN still runs it, so the entry says
   * what is true and the operator can stop it again (the interrupted stop may have cancelled some of its jobs; those
   * runs say so themselves). False when the entry was no longer STOPPING.
   */
  async settleInterruptedStop(sessionId: string, outcome: 'STOPPED' | 'RUNNING'): Promise<boolean> {
    const settled = await this.deps.store.updateSession(sessionId, { state: outcome }, ['STOPPING']);
    if (!settled) return false;
    if (outcome === 'STOPPED') {
      await this.deps.store.recordHealth(sessionId, { health: 'UNKNOWN', checkedAt: Date.now(), error: null });
      this.deps.flink.forgetRunJobManager(settled.restUrl);
    } else {
      await this.deps.clusters.check(sessionId).catch((err: unknown) => this.deps.log.warn({ cluster: settled.name, err: (err as Error).message }, 'the YARN session could not be checked yet'));
    }
    this.deps.clusters.events.onClustersChanged?.();
    return true;
  }

  /** Every session entry started on a YARN entry, whatever its state (the YARN watcher reconciles them with YARN). */
  async sessionsOn(yarnEntryId: string): Promise<Cluster[]> {
    return (await this.deps.store.list()).filter((c) => c.yarnSession?.yarnClusterId === yarnEntryId);
  }

  /**
   * A session a stopped Weir was starting, which YARN runs now with its JobManager: the entry moves there, RUNNING,
   * and is checked at once, as a start in this process does. False when the entry was no longer STARTING.
   */
  async adoptStarted(sessionId: string, app: { applicationId: string; jobManagerUrl: string }): Promise<boolean> {
    const running = await this.deps.store.updateSession(sessionId, { state: 'RUNNING', restUrl: app.jobManagerUrl, applicationId: app.applicationId }, ['STARTING']);
    if (!running) return false;
    this.deps.clusters.events.onClustersChanged?.();
    await this.deps.clusters.check(sessionId).catch((err: unknown) => this.deps.log.warn({ cluster: running.name, err: (err as Error).message }, 'the adopted YARN session could not be checked yet'));
    return true;
  }

  /**
   * A session that ended without Weir's stop (its start left behind, or YARN ended it): FAILED with the reason as its
   * error, health UNKNOWN as for any ended session (nothing probes it any more, so no unreachable alarm). False when
   * the entry was no longer in `from`.
   */
  async recordEnded(sessionId: string, from: 'STARTING' | 'RUNNING', error: string, applicationId: string | null): Promise<boolean> {
    const ended = await this.deps.store.updateSession(sessionId, { state: 'FAILED', ...(applicationId ? { applicationId } : {}) }, [from]);
    if (!ended) return false;
    await this.deps.store.recordHealth(sessionId, { health: 'UNKNOWN', checkedAt: Date.now(), error: error.slice(0, 4_000) });
    if (from === 'RUNNING') this.deps.flink.forgetRunJobManager(ended.restUrl);
    this.deps.clusters.events.onClustersChanged?.();
    return true;
  }

  /** A session still on YARN: its entry may not be removed (it would be left running, unseen). */
  static refuseRemovalOfLive(cluster: Cluster): void {
    if (cluster.yarnSession && LIVE.includes(cluster.yarnSession.state)) {
      throw new ConflictError(`The YARN session ${cluster.name} is ${cluster.yarnSession.state}; stop it before removing its entry`);
    }
  }
}

/** Where sessions' Flink configurations go while they start (beside the YARN runs' deployments). */
export function yarnSessionsWorkDir(yarnDeploymentsWorkDir: string): string {
  return join(yarnDeploymentsWorkDir, 'sessions');
}
