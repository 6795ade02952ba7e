import { isTerminalRunStatus, type Cluster, type YarnSession } from '@weir/contract';
import { AppError, LeaseLostError } from '../errors/errors.js';
import type { EventBus, RunStatus } from '../events/events.js';
import type { FlinkClients } from '../flink/flink-clients.js';
import type { SqlRunnerFailure } from '../flink/sql-runner-failure.js';
import type { Logger } from '../logging/logger.js';
import type { RunRecord, RunsStore, TransitionNote, WriteGuard } from '../runs/runs.store.js';
import type { TasksStore } from '../tasks/tasks.store.js';
import { isSessionOf, jobDeployTag, sessionDeployTag } from '../yarn/flink-yarn-cli.js';
import { externalApplicationsToFollow, FLINK_APPLICATION_TYPE, isWeirsOwn, killApplicationAndStagedFiles, YARN_LIVE_STATES } from '../yarn/yarn-applications.js';
import type { YarnNodeManagerClient } from '../yarn/yarn-nm.client.js';
import { YARN_ENDED_STATES, type YarnApplication, type YarnResourceManagerClient } from '../yarn/yarn-rm.client.js';
import { readSqlRunnerFailure } from '../yarn/yarn-sql-failure.js';
import { ClusterWatcher, type CycleReport, type WatcherSettings } from './cluster-watcher.js';
import { runStatusFromYarn, yarnEndNote } from './yarn-final-status.js';
import { deploymentsToReconcile, isLeftover, reconcileDeployment, runKeyOf } from './yarn-reconcile.js';
import { isSessionLeftover, reconcileInterruptedStop, reconcileSessionStart, sessionEndedByYarn, sessionRunStatusFromYarn } from './yarn-session-reconcile.js';

/** How long an application asked to shut down is left to wind down before it is asked again (then killed if its JobManager is gone). */
const SHUTDOWN_GRACE_MS = 2 * 60_000;
/**
 * The longest a failed SQL run waits for its JobManager's files to say why (read in the background, off the
 * cycle): past it, or when the files cannot be read, the run ends in YARN's words alone.
 */
const SQL_FAILURE_READ_MS = 20_000;

/** A YARN session Weir started on the entry, as the watcher needs it. */
export interface YarnSessionEntry {
  id: string;
  name: string;
  createdAt: number;
  yarnSession: YarnSession | null;
}

/** The YARN sessions Weir started on an entry, and the records of their state (clusters/yarn-sessions.service.ts). */
export interface YarnEntrySessions {
  /** Every session entry started on this YARN entry, whatever its state. */
  on(yarnEntryId: string): Promise<YarnSessionEntry[]>;
  /** Whether this process is starting the session now (its start records its own outcome). */
  startingHere(session: Pick<YarnSessionEntry, 'id' | 'name'>): boolean;
  /** Whether this process is stopping the session now (its stop records its own outcome). */
  stoppingHere(sessionId: string): boolean;
  /** A session a stopped Weir left STOPPING: STOPPED, or RUNNING again. False when it was no longer STOPPING. */
  settleInterruptedStop(sessionId: string, outcome: 'STOPPED' | 'RUNNING'): Promise<boolean>;
  /** A session STARTING that YARN runs: the entry moves to its JobManager, RUNNING. False when it was no longer STARTING. */
  adopt(sessionId: string, app: { applicationId: string; jobManagerUrl: string }): Promise<boolean>;
  /** The session ended without Weir's stop: FAILED with the reason as its error. False when it was no longer in `from`. */
  end(sessionId: string, from: 'STARTING' | 'RUNNING', error: string, applicationId: string | null): Promise<boolean>;
}

/** This cycle's live Flink applications by id. */
type LiveById = ReadonlyMap<string, YarnApplication>;

/** A run's own JobManager and the watcher scoped to its one job there. */
interface FollowedRun {
  jobManagerUrl: string;
  watcher: ClusterWatcher;
}

/**
 * The watcher's view of a YARN entry, whose runs are each a Flink application with a JobManager of its own.
 * Each cycle asks the ResourceManager ONE question (the live Flink applications, Weir's own and others': the
 * `weir` tag tells them apart in code), plus one per unended run whose application has left that list (it just
 * ended). A run of Weir's whose application RUNS is read at its JobManager by a ClusterWatcher scoped to its job
 * (the same reading, recording and outage rules as a session cluster's jobs); a Flink application started
 * outside Weir is read at its JobManager by a ClusterWatcher of its own, not scoped, whose jobs become runs of
 * EXTERNAL tasks (one more JobManager read per such application per cycle). Once YARN reports an application
 * ended and its JobManager did not tell the job's own end, the run ends in YARN's words (source `yarn`, YARN's
 * diagnostics as the note), never left RECONNECTING. Weir shuts down or kills only its own applications.
 */
export class YarnWatcher {
  private readonly followed = new Map<string, FollowedRun>();
  /** The applications started outside Weir whose JobManager is read, by application id. */
  private readonly external = new Map<string, FollowedRun>();
  private queue: Promise<unknown> = Promise.resolve();
  lastCycle: { finishedAt: number; durationMs: number } | null = null;

  constructor(
    private cluster: Cluster,
    private rm: YarnResourceManagerClient,
    private readonly deps: {
      runs: RunsStore;
      tasks: TasksStore;
      events: EventBus;
      flink: FlinkClients;
      settings: WatcherSettings;
      log: Logger;
      /** Where the entry's deployments stage their jars: removed after a kill, as the JobManager could not. */
      stagingDirectory: string;
      now?: () => number;
      writeGuard?: () => WriteGuard;
      /** Whether this process is deploying the run with this Flink job id now (deployments-in-progress.ts). */
      deployingHere?: (flinkJobId: string) => boolean;
      /** Whether a stop or cancel of this process is ending the run now (its application is ended after it). */
      endingHere?: (runId: string) => boolean;
      /** No other Weir instance shares the database: a deployment not in progress here is in progress nowhere. */
      onlyInstance?: boolean;
      /** A NodeManager of the entry, by its web address: where a failed SQL run's JobManager files say why. Without it, YARN's words alone. */
      nodeManagerAt?: (node: string) => YarnNodeManagerClient;
      /** Default SQL_FAILURE_READ_MS. */
      sqlFailureReadMs?: number;
      /** The YARN sessions Weir started on the entry; without it they are left to their start and stop. */
      sessions?: YarnEntrySessions;
    },
  ) {}

  /** Applications this watcher asked to shut down, and when: not asked again while they wind down. */
  private readonly shuttingDown = new Map<string, number>();
  /** The reads of failed SQL runs' reasons, by run id: such a run ends once its read has settled, a later cycle. */
  private readonly failureReads = new Map<string, { settled: boolean; failure: SqlRunnerFailure | null }>();

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /** Picks up an edited entry (its name, its ResourceManager's address). */
  retarget(cluster: Cluster, rm: YarnResourceManagerClient): void {
    this.cluster = cluster;
    this.rm = rm;
  }

  /** One cycle; calls are serialised like a ClusterWatcher's, so a forced refresh never races the scheduled one. */
  cycle(opts: { signal?: AbortSignal } = {}): Promise<CycleReport> {
    const next = this.queue.then(async () => {
      const startedAt = this.now();
      const report = await this.runCycle(opts.signal);
      const finishedAt = this.now();
      this.lastCycle = { finishedAt, durationMs: finishedAt - startedAt };
      return report;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runCycle(signal: AbortSignal | undefined): Promise<CycleReport> {
    const report: CycleReport = { reachable: false, requests: 0, jobs: 0, changed: 0 };
    const unended = (await this.deps.runs.listNonTerminalByCluster(this.cluster.id)).filter((r) => !r.lost);
    // Runs still deploying have no application id yet: the submission records it (operations/job-submission.ts),
    // unless the Weir that deployed them stopped first: those are reconciled below.
    const runs = unended.filter((r) => r.yarnApplicationId !== null);
    const leftBehind = deploymentsToReconcile(unended, this.deps.deployingHere ?? (() => false));
    this.dropEnded(new Set(runs.map((r) => r.id)));
    let live: YarnApplication[];
    try {
      // Asked every cycle, runs or not: a Flink application started outside Weir shows up here first, and an
      // application of Weir's whose run ended is shut down even when nothing else runs.
      report.requests += 1;
      live = await this.rm.applications({ types: [FLINK_APPLICATION_TYPE], states: YARN_LIVE_STATES });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      // The ResourceManager is down: the JobManagers may still answer, and their watchers read them.
      this.deps.log.warn({ cluster: this.cluster.name, err: err.message }, 'the YARN ResourceManager could not be asked');
      for (const followed of [...this.followed.values(), ...this.external.values()]) {
        report.requests += (await followed.watcher.cycle({ signal }).catch(() => undefined))?.requests ?? 0;
      }
      return report;
    }
    report.reachable = true;
    const byId: LiveById = new Map(live.map((a) => [a.id, a]));
    for (const run of leftBehind) {
      if (signal?.aborted) break;
      try {
        const outcome = await this.reconcileDeployment(run, live, report);
        if (outcome === 'failed') report.changed += 1;
        else if (outcome !== 'waiting') runs.push(outcome);
      } catch (err) {
        if (err instanceof LeaseLostError) return report;
        if (err instanceof AppError) this.deps.log.warn({ cluster: this.cluster.name, runId: run.id, err: err.message }, 'could not reconcile a YARN deployment left behind');
        else this.deps.log.error({ cluster: this.cluster.name, runId: run.id, err }, 'could not reconcile a YARN deployment left behind');
      }
    }
    try {
      await this.reconcileSessions(live, byId, signal, report);
    } catch (err) {
      if (err instanceof LeaseLostError) return report;
      throw err;
    }
    report.jobs = runs.length;
    // An ended application's JobManager is read once per cycle, however many of its runs are unended.
    const cycled = new Set<string>();
    for (const run of runs) {
      if (signal?.aborted) break;
      try {
        const app = await this.applicationById(run.yarnApplicationId!, byId, report);
        if (!app) {
          this.deps.log.warn({ cluster: this.cluster.name, runId: run.id, applicationId: run.yarnApplicationId }, 'YARN no longer knows the application of an unended run');
          continue;
        }
        if (isWeirsOwn(app)) report.changed += await this.follow(run, app, signal, report);
        else report.changed += await this.followExternal(run, app, signal, report, cycled);
      } catch (err) {
        if (err instanceof LeaseLostError) return report;
        // One run's trouble costs that run this cycle, never the others.
        if (err instanceof AppError) this.deps.log.warn({ cluster: this.cluster.name, runId: run.id, err: err.message }, 'could not follow a YARN run');
        else this.deps.log.error({ cluster: this.cluster.name, runId: run.id, err }, 'could not record a YARN run');
      }
    }
    // Weir's own runs first: JobManagers of others that do not answer must not use up the cycle's time before them.
    try {
      await this.readExternal(externalApplicationsToFollow(live), runs, signal, report);
    } catch (err) {
      if (err instanceof LeaseLostError) return report;
      throw err;
    }
    // An application that is no longer live has had its last read (above, for its unended runs).
    for (const applicationId of this.external.keys()) if (!byId.has(applicationId)) this.dropExternal(applicationId);
    if (!signal?.aborted) await this.shutDownLeftovers(live, new Set(runs.map((r) => r.yarnApplicationId!)), report);
    return report;
  }

  /**
   * Reads each live Flink application started outside Weir at its JobManager, with a ClusterWatcher of its own
   * (all its jobs, not one): a job there that Weir has not seen becomes a run of an EXTERNAL task on this entry,
   * placed in that application, so its page, logs and operations reach that JobManager. One application whose
   * JobManager does not answer is that watcher's outage (its runs RECONNECTING), never the others' trouble.
   */
  private async readExternal(apps: YarnApplication[], runs: RunRecord[], signal: AbortSignal | undefined, report: CycleReport): Promise<void> {
    for (const app of apps) {
      if (signal?.aborted) return;
      try {
        const followed = await this.followApplication(app.id, app.jobManagerUrl!, runs);
        const read = await followed.watcher.cycle({ signal });
        report.requests += read.requests;
        report.changed += read.changed;
      } catch (err) {
        if (err instanceof LeaseLostError) throw err;
        if (err instanceof AppError) this.deps.log.warn({ cluster: this.cluster.name, applicationId: app.id, err: err.message }, 'could not read a YARN application started outside Weir');
        else this.deps.log.error({ cluster: this.cluster.name, applicationId: app.id, err }, 'could not record the jobs of a YARN application started outside Weir');
      }
    }
  }

  /**
   * A run INITIALIZING whose deployment is in progress nowhere (yarn-reconcile.ts): its application, found by the job
   * tag the deployment carries, is adopted (returned, to be followed this cycle); or the run ends FAILED, never having
   * reached YARN; or, when another instance may still be deploying it, it is left for a later cycle.
   */
  private async reconcileDeployment(listed: RunRecord, live: YarnApplication[], report: CycleReport): Promise<RunRecord | 'failed' | 'waiting'> {
    // Read again: a deployment of this process may have ended (and recorded its outcome) since the runs were listed.
    const run = await this.deps.runs.get(listed.id);
    if (!run || deploymentsToReconcile([run], this.deps.deployingHere ?? (() => false)).length === 0) return 'waiting';
    const tag = jobDeployTag(run.flinkJobId);
    // Only Weir's own: an application started outside Weir cannot pass for a run's by carrying its job tag.
    const tagged = await this.ownApplicationTagged(tag, live, report);
    const verdict = reconcileDeployment(run, tagged, { now: this.now(), onlyInstance: this.deps.onlyInstance ?? false });
    const fields = { cluster: this.cluster.name, runId: run.id, flinkJobId: run.flinkJobId };
    if (verdict.action === 'wait') return 'waiting';
    if (verdict.action === 'adopt') {
      const { run: adopted } = await this.deps.runs.recordObservation(run.id, [], () => ({ yarnApplicationId: verdict.applicationId }), undefined, this.deps.writeGuard?.());
      if (!adopted) throw new Error(`Run ${run.id} does not exist`);
      this.deps.log.info({ ...fields, applicationId: verdict.applicationId, state: tagged!.state }, 'adopted the YARN application of a deployment a stopped Weir left behind');
      return adopted;
    }
    const at = Math.max(this.now(), run.createdAt + 1);
    const note = { text: `Submission failed: ${verdict.reason}`, code: { code: 'submissionFailed', params: { message: verdict.reason } } } as const;
    const { appended } = await this.deps.runs.recordObservation(
      run.id,
      [{ toStatus: 'FAILED', at, source: 'weir', note }],
      () => ({ status: 'FAILED', endTime: at, submissionError: verdict.reason }),
      undefined,
      this.deps.writeGuard?.(),
    );
    if (appended.length) await this.publish(run, 'FAILED', at, note, 0);
    this.deps.log.warn(fields, 'a run deployed by a Weir that stopped never reached YARN: it ends FAILED');
    return 'failed';
  }

  /**
   * The YARN sessions Weir started on this entry, told true by YARN (docs/deployment-targets.md, "YARN sessions"):
   * one left STARTING by a Weir that stopped while it started is adopted once YARN runs it, or ends FAILED; one
   * RUNNING whose application YARN ended without Weir ends FAILED in YARN's words, and so do its unended runs,
   * instead of its watcher calling an unreachable JobManager; and the live application of a session whose entry
   * ended is killed. The session's own watcher reads its JobManager while it runs; this reads only YARN.
   */
  private async reconcileSessions(live: YarnApplication[], byId: LiveById, signal: AbortSignal | undefined, report: CycleReport): Promise<void> {
    const sessions = this.deps.sessions;
    if (!sessions) return;
    const entries = await sessions.on(this.cluster.id);
    for (const session of entries) {
      if (signal?.aborted) return;
      try {
        const state = session.yarnSession?.state;
        if (state === 'STARTING' && !sessions.startingHere(session)) report.changed += await this.reconcileSessionStart(sessions, session, live, report);
        else if (state === 'RUNNING' && session.yarnSession?.applicationId) report.changed += await this.endSessionIfYarnDid(sessions, session, session.yarnSession.applicationId, byId, report);
        else if (state === 'STOPPING' && session.yarnSession?.applicationId && !sessions.stoppingHere(session.id)) {
          report.changed += await this.settleInterruptedStop(sessions, session, session.yarnSession.applicationId, byId, report);
        }
      } catch (err) {
        if (err instanceof LeaseLostError) throw err;
        if (err instanceof AppError) this.deps.log.warn({ cluster: this.cluster.name, session: session.name, err: err.message }, 'could not reconcile a YARN session');
        else this.deps.log.error({ cluster: this.cluster.name, session: session.name, err }, 'could not record a YARN session');
      }
    }
    const now = this.now();
    for (const app of live) {
      if (!isWeirsOwn(app)) continue;
      const session = entries.find((s) => isSessionOf(app.tags, s.id));
      if (!session || !isSessionLeftover(session.yarnSession?.state)) continue;
      const asked = this.shuttingDown.get(app.id);
      if (asked !== undefined && now - asked < SHUTDOWN_GRACE_MS) continue;
      this.shuttingDown.set(app.id, now);
      try {
        // Its start failed here (a Weir alone fails a start it cannot find at once) while Flink's CLI, left running
        // by the Weir that stopped, went on: nothing watches it and nothing would stop it.
        this.deps.log.info({ cluster: this.cluster.name, session: session.name, applicationId: app.id, state: app.state }, `the application of a YARN session whose entry is ${session.yarnSession!.state} is still on YARN: killing it`);
        report.requests += 1;
        await killApplicationAndStagedFiles(this.rm, this.deps.stagingDirectory, app.id);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        this.deps.log.warn({ cluster: this.cluster.name, applicationId: app.id, err: err.message }, 'could not kill the application of an ended YARN session');
      }
    }
  }

  /** A session STARTING whose start is in progress nowhere here: found on YARN by its own tag (yarn-session-reconcile.ts). */
  private async reconcileSessionStart(sessions: YarnEntrySessions, session: YarnSessionEntry, live: YarnApplication[], report: CycleReport): Promise<number> {
    const tag = sessionDeployTag(session.id);
    // Only Weir's own: an application started outside Weir cannot pass for a session's by carrying its tag.
    const tagged = await this.ownApplicationTagged(tag, live, report);
    const verdict = reconcileSessionStart(session, tagged, { now: this.now(), onlyInstance: this.deps.onlyInstance ?? false });
    // Asked again: this process may have begun starting it since the sessions were listed.
    if (verdict.action === 'wait' || sessions.startingHere(session)) return 0;
    const fields = { cluster: this.cluster.name, session: session.name };
    if (verdict.action === 'adopt') {
      if (!(await sessions.adopt(session.id, verdict))) return 0;
      this.deps.log.info({ ...fields, applicationId: verdict.applicationId, jobManager: verdict.jobManagerUrl }, 'adopted the YARN session a stopped Weir was starting: RUNNING');
      return 1;
    }
    if (!(await sessions.end(session.id, 'STARTING', verdict.reason, verdict.applicationId))) return 0;
    this.deps.log.warn({ ...fields, applicationId: verdict.applicationId, reason: verdict.reason }, 'a YARN session a stopped Weir was starting did not start: FAILED');
    return 1;
  }

  /**
   * An application by its id: as this cycle's live list has it, else as the ResourceManager answers now (one request
   * more: ended, or not Flink's); undefined when YARN no longer knows it.
   */
  private async applicationById(applicationId: string, live: LiveById, report: CycleReport): Promise<YarnApplication | undefined> {
    const listed = live.get(applicationId);
    if (listed) return listed;
    report.requests += 1;
    return (await this.rm.application(applicationId)) ?? undefined;
  }

  /** Weir's own application carrying a deployment's tag: live in this cycle's list, else ended (asked for), else none. */
  private async ownApplicationTagged(tag: string, live: YarnApplication[], report: CycleReport): Promise<YarnApplication | undefined> {
    const listed = live.find((a) => isWeirsOwn(a) && a.tags.includes(tag));
    if (listed) return listed;
    report.requests += 1;
    return (await this.rm.applications({ tags: [tag] })).find(isWeirsOwn);
  }

  /** A session STOPPING whose stop is in progress nowhere here (yarn-session-reconcile.ts, reconcileInterruptedStop). */
  private async settleInterruptedStop(sessions: YarnEntrySessions, session: YarnSessionEntry, applicationId: string, live: LiveById, report: CycleReport): Promise<number> {
    const app = await this.applicationById(applicationId, live, report);
    const outcome = reconcileInterruptedStop(app, { onlyInstance: this.deps.onlyInstance ?? false });
    // Asked again: a stop may have begun here since the sessions were listed.
    if (outcome === 'wait' || sessions.stoppingHere(session.id)) return 0;
    if (!(await sessions.settleInterruptedStop(session.id, outcome))) return 0;
    this.deps.log.warn({ cluster: this.cluster.name, session: session.name, applicationId, state: app?.state }, `a YARN session a stopped Weir was stopping: ${outcome}`);
    return 1;
  }

  /**
   * A RUNNING session whose application left the live list: when YARN reports it ended, the runs still unended on it
   * end in YARN's words first (so a failure to record the session leaves nothing stuck: the next cycle sees it still
   * RUNNING), then the session ends FAILED with YARN's state, final status and diagnostics, and nothing watches it.
   */
  private async endSessionIfYarnDid(sessions: YarnEntrySessions, session: YarnSessionEntry, applicationId: string, live: LiveById, report: CycleReport): Promise<number> {
    if (live.has(applicationId)) return 0;
    const app = await this.applicationById(applicationId, live, report);
    if (!app) {
      this.deps.log.warn({ cluster: this.cluster.name, session: session.name, applicationId }, 'YARN no longer knows the application of a RUNNING session');
      return 0;
    }
    if (!YARN_ENDED_STATES.has(app.state)) return 0;
    const runs = (await this.deps.runs.listNonTerminalByCluster(session.id)).filter((r) => !r.lost);
    const on = { id: session.id, name: session.name };
    for (const run of runs) await this.endFromYarn(run, app, null, { status: sessionRunStatusFromYarn(app), cluster: on });
    const ended = await sessions.end(session.id, 'RUNNING', sessionEndedByYarn(app), app.id);
    if (ended) this.deps.log.warn({ cluster: this.cluster.name, session: session.name, applicationId, state: app.state, finalStatus: app.finalStatus, runs: runs.length }, 'YARN ended a session without Weir: FAILED');
    return runs.length + (ended ? 1 : 0);
  }

  /**
   * Shuts down the live applications of Weir's whose run is recorded ended in this entry (Weir was down when the job
   * ended, or the shutdown failed): they hold containers for nothing. An application not recorded in this entry (another
   * Weir's, another entry's, or started outside Weir) is never touched. Returns nothing; counts its requests.
   */
  private async shutDownLeftovers(live: YarnApplication[], followedApplications: ReadonlySet<string>, report: CycleReport): Promise<void> {
    const now = this.now();
    for (const id of this.shuttingDown.keys()) if (!live.some((a) => a.id === id)) this.shuttingDown.delete(id);
    for (const app of live) {
      if (followedApplications.has(app.id)) continue;
      const asked = this.shuttingDown.get(app.id);
      if (asked !== undefined && now - asked < SHUTDOWN_GRACE_MS) continue;
      const key = runKeyOf(app);
      if (!key) continue;
      try {
        const run = 'flinkJobId' in key ? await this.deps.runs.getByJob(this.cluster.id, key.flinkJobId) : await this.deps.runs.getByYarnApplication(this.cluster.id, key.applicationId);
        if (!run || !isLeftover(app, run) || this.deps.endingHere?.(run.id)) continue;
        this.deps.log.info({ cluster: this.cluster.name, runId: run.id, applicationId: app.id, state: app.state }, `an application of Weir's outlived its run (ended ${run.status}): shutting it down`);
        report.requests += await this.endApplication(run, app.id, app.state === 'RUNNING' ? app.jobManagerUrl : null);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        this.deps.log.warn({ cluster: this.cluster.name, applicationId: app.id, err: err.message }, 'could not shut down an application whose run ended');
      }
    }
  }

  /**
   * An unended run of an application started outside Weir: read with its application while that lives (above);
   * once YARN reports the application ended, its JobManager is read one last time (it may still tell the job's
   * own end) and otherwise the run ends in YARN's words. Weir never shuts down nor kills such an application.
   */
  private async followExternal(run: RunRecord, app: YarnApplication, signal: AbortSignal | undefined, report: CycleReport, cycled: Set<string>): Promise<number> {
    if (!YARN_ENDED_STATES.has(app.state)) return 0;
    const followed = this.external.get(app.id);
    if (followed && !cycled.has(app.id)) {
      cycled.add(app.id);
      report.requests += (await followed.watcher.cycle({ signal }).catch(() => undefined))?.requests ?? 0;
    }
    const now = await this.deps.runs.get(run.id);
    if (!now || isTerminalRunStatus(now.status)) return 0;
    await this.endFromYarn(now, app);
    return 1;
  }

  /** The watcher of an external application's JobManager, built on first sight and again when YARN restarted it elsewhere. */
  private async followApplication(applicationId: string, jobManagerUrl: string, runs: RunRecord[]): Promise<FollowedRun> {
    const known = this.external.get(applicationId);
    if (known?.jobManagerUrl === jobManagerUrl) return known;
    if (known) this.dropExternal(applicationId);
    // Its runs' operations and pages go where the application's JobManager answers now.
    for (const run of runs) if (run.yarnApplicationId === applicationId && run.jobManagerUrl !== jobManagerUrl) await this.deps.runs.update(run.id, { jobManagerUrl });
    const { runs: runsStore, tasks, events, settings, log, writeGuard } = this.deps;
    const watcher = new ClusterWatcher({ ...this.cluster, restUrl: jobManagerUrl }, this.deps.flink.runJobManager(jobManagerUrl, { plainGet: true, isLocal: this.cluster.isLocal }), {
      runs: runsStore,
      tasks,
      events,
      // As for Weir's own runs: YARN says how a job that left its application's JobManager ended.
      settings: { ...settings, lostAfterMs: Number.POSITIVE_INFINITY },
      log,
      placement: { yarnApplicationId: applicationId, jobManagerUrl },
      ...(writeGuard ? { writeGuard } : {}),
    });
    const followed = { jobManagerUrl, watcher };
    this.external.set(applicationId, followed);
    return followed;
  }

  private dropExternal(applicationId: string): void {
    const followed = this.external.get(applicationId);
    if (!followed) return;
    this.external.delete(applicationId);
    this.deps.flink.forgetRunJobManager(followed.jobManagerUrl);
  }

  /** Reads one run where it runs; returns 1 when something of it was recorded by YARN's word. */
  private async follow(run: RunRecord, app: YarnApplication, signal: AbortSignal | undefined, report: CycleReport): Promise<number> {
    if (!YARN_ENDED_STATES.has(app.state)) {
      // ACCEPTED, or RUNNING before its ApplicationMaster registered: nothing to read yet.
      if (app.state !== 'RUNNING' || !app.jobManagerUrl) return 0;
      const followed = await this.followAt(run, app.jobManagerUrl);
      report.requests += (await followed.watcher.cycle({ signal })).requests;
      const now = await this.deps.runs.get(run.id);
      if (now && isTerminalRunStatus(now.status)) {
        this.drop(run.id);
        // A stop or cancel still reading the job's end or its savepoint there: the sweep ends it once that is over.
        if (!this.deps.endingHere?.(run.id)) report.requests += await this.endApplication(now, app.id, followed.jobManagerUrl);
      }
      return 0;
    }
    // The JobManager may still tell the job's own end (a cancel ends the application FINISHED a moment later).
    const followed = this.followed.get(run.id);
    if (followed) report.requests += (await followed.watcher.cycle({ signal }).catch(() => undefined))?.requests ?? 0;
    const now = await this.deps.runs.get(run.id);
    this.drop(run.id);
    if (!now || isTerminalRunStatus(now.status)) {
      this.failureReads.delete(run.id);
      return 0;
    }
    const sqlFailure = await this.sqlFailureOf(now, app);
    if (sqlFailure === 'reading') return 0;
    await this.endFromYarn(now, app, sqlFailure);
    return 1;
  }

  /**
   * Why a SQL run's statement failed inside its application, which ended FAILED: YARN says only the JobManager's
   * exit code, the SQL runner's line in the JobManager's files says which statement and Flink's message. The files
   * are read in the background, never in the cycle (a NodeManager that does not answer must not hold up the other
   * runs): 'reading' until that read settles, bounded by SQL_FAILURE_READ_MS; null for every other run.
   */
  private async sqlFailureOf(run: RunRecord, app: YarnApplication): Promise<SqlRunnerFailure | null | 'reading'> {
    const nodeManagerAt = this.deps.nodeManagerAt;
    if (!nodeManagerAt || runStatusFromYarn(app) !== 'FAILED') return null;
    const read = this.failureReads.get(run.id);
    if (read) {
      if (!read.settled) return 'reading';
      this.failureReads.delete(run.id);
      return read.failure;
    }
    if ((await this.deps.tasks.get(run.taskId))?.kind !== 'SQL') return null;
    const reading = { settled: false, failure: null as SqlRunnerFailure | null };
    this.failureReads.set(run.id, reading);
    void readSqlRunnerFailure(this.rm, nodeManagerAt, app.id, { timeoutMs: this.deps.sqlFailureReadMs ?? SQL_FAILURE_READ_MS }).then((failure) => {
      reading.failure = failure;
      reading.settled = true;
      if (!failure) this.deps.log.info({ cluster: this.cluster.name, runId: run.id, applicationId: app.id }, "the JobManager's files of a failed SQL run do not say why (or could not be read): YARN's words alone");
    });
    return 'reading';
  }

  /**
   * Ends the application of a run whose end is recorded: its JobManager stays up after its job (the target deploys
   * with `execution.shutdown-on-application-finish: false`, so the job's end and a stop's savepoint can be read
   * there), and only Weir knows when nothing more is to be read. Flink's own shutdown first (the application ends
   * FINISHED and Flink removes its staged files); a kill through YARN when the JobManager does not answer.
   * Returns the requests it made.
   */
  private async endApplication(run: RunRecord, applicationId: string, jobManagerUrl: string | null): Promise<number> {
    const fields = { cluster: this.cluster.name, runId: run.id, applicationId };
    this.shuttingDown.set(applicationId, this.now());
    if (jobManagerUrl === null) {
      // Not started yet (ACCEPTED): no JobManager to ask.
      await killApplicationAndStagedFiles(this.rm, this.deps.stagingDirectory, applicationId);
      this.deps.log.info(fields, `the application of a run that ended ${run.status} was killed before its JobManager started`);
      return 1;
    }
    try {
      await this.deps.flink.runJobManager(jobManagerUrl, { isLocal: this.cluster.isLocal }).shutDownCluster();
      this.deps.flink.forgetRunJobManager(jobManagerUrl);
      this.deps.log.info(fields, `the application of a run that ended ${run.status} was shut down by its JobManager`);
      return 1;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      this.deps.flink.forgetRunJobManager(jobManagerUrl);
      this.deps.log.warn({ ...fields, err: err.message }, 'the JobManager of an ended run did not shut its application down; killing it through YARN');
      await killApplicationAndStagedFiles(this.rm, this.deps.stagingDirectory, applicationId);
      return 2;
    }
  }

  /** The watcher of a run's JobManager, built on first sight and again when YARN restarted the ApplicationMaster elsewhere. */
  private async followAt(run: RunRecord, jobManagerUrl: string): Promise<FollowedRun> {
    const known = this.followed.get(run.id);
    if (known?.jobManagerUrl === jobManagerUrl) return known;
    if (known) this.drop(run.id);
    if (run.jobManagerUrl !== jobManagerUrl) await this.deps.runs.update(run.id, { jobManagerUrl });
    const { runs, tasks, events, settings, log, writeGuard } = this.deps;
    const watcher = new ClusterWatcher({ ...this.cluster, restUrl: jobManagerUrl }, this.deps.flink.runJobManager(jobManagerUrl, { plainGet: true, isLocal: this.cluster.isLocal }), {
      runs,
      tasks,
      events,
      // An application's JobManager that no longer lists its one job is about to end with it (or has not listed
      // it yet, just started): YARN says how it ended, so the job is never concluded lost from the JobManager.
      settings: { ...settings, lostAfterMs: Number.POSITIVE_INFINITY },
      log,
      onlyJobId: run.flinkJobId,
      ...(writeGuard ? { writeGuard } : {}),
    });
    const followed = { jobManagerUrl, watcher };
    this.followed.set(run.id, followed);
    return followed;
  }

  /**
   * The run's last status from YARN, with YARN's state, final status and diagnostics (after a SQL statement's failure)
   * as the note. A run on a YARN session gives its own status and its session's entry (the cluster its events name).
   */
  private async endFromYarn(run: RunRecord, app: YarnApplication, sqlFailure: SqlRunnerFailure | null = null, on: { status?: RunStatus; cluster?: Pick<Cluster, 'id' | 'name'> } = {}): Promise<void> {
    const to = on.status ?? runStatusFromYarn(app);
    const at = Math.max(app.finishedAt ?? 0, this.now());
    const note = yarnEndNote(app, sqlFailure);
    const { appended, run: updated } = await this.deps.runs.recordObservation(
      run.id,
      [{ toStatus: to, at, source: 'yarn', note }],
      () => ({ status: to, endTime: app.finishedAt ?? at, unreachableSince: null, failedProbes: 0 }),
      undefined,
      this.deps.writeGuard?.(),
    );
    if (!appended.length) return;
    await this.publish(run, to, at, note, updated?.restartCount ?? run.restartCount, on.cluster);
    this.deps.log.info({ cluster: (on.cluster ?? this.cluster).name, runId: run.id, applicationId: app.id, state: app.state, finalStatus: app.finalStatus }, `run ended ${to} in YARN's words`);
  }

  private async publish(run: RunRecord, to: RunStatus, at: number, note: TransitionNote, restartCount: number, cluster: Pick<Cluster, 'id' | 'name'> = this.cluster): Promise<void> {
    const task = await this.deps.tasks.get(run.taskId);
    this.deps.events.publish({
      type: 'run.status',
      from: run.status as RunStatus,
      to,
      at,
      restartCount,
      note: note.text,
      noteCode: note.code,
      runId: run.id,
      taskId: run.taskId,
      taskName: task?.name ?? run.jobName,
      clusterId: cluster.id,
      clusterName: cluster.name,
      flinkJobId: run.flinkJobId,
      jobName: run.jobName,
    });
  }

  /** Runs that ended (recorded by their JobManager or by YARN) need no watcher nor client any more. */
  private dropEnded(unended: ReadonlySet<string>): void {
    for (const runId of this.followed.keys()) if (!unended.has(runId)) this.drop(runId);
    for (const runId of this.failureReads.keys()) if (!unended.has(runId)) this.failureReads.delete(runId);
  }

  private drop(runId: string): void {
    const followed = this.followed.get(runId);
    if (!followed) return;
    this.followed.delete(runId);
    this.deps.flink.forgetRunJobManager(followed.jobManagerUrl);
  }
}
