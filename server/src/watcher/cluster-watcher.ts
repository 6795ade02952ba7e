import { isTerminalRunStatus, type Cluster } from '@weir/contract';
import type { EventBus, RunRef, RunStatus } from '../events/events.js';
import { AppError, FlinkUnreachableError, LeaseLostError } from '../errors/errors.js';
import type { FlinkJobOverview, JobManagerClient } from '../flink/job-manager.client.js';
import { FLINK_DEFAULT_REFRESH_INTERVAL_MS } from '../flink/rest-caches.js';
import type { Logger } from '../logging/logger.js';
import type { RunsStore, WriteGuard } from '../runs/runs.store.js';
import type { TasksStore } from '../tasks/tasks.store.js';
import { JobDetailsReader } from './job-details-reader.js';
import { JobEvidence } from './job-evidence.js';
import { KnownJobs, type KnownJob } from './known-job.js';
import { awaitsFlinkStatus, Outage } from './outage.js';
import { RunDiscovery, type RunPlacement } from './run-discovery.js';
import { RunRecorder } from './run-recorder.js';
import { DEFAULT_STALE_DETAILS_LIMIT_MS, overviewUnchanged } from './stale-details.js';
import { VanishedJobs } from './vanished-jobs.js';
import { CalmWait, isCalm } from './watch-cadence.js';
import type { WatcherSettings } from './watcher-settings.js';

export type { WatcherSettings };

export interface CycleReport {
  reachable: boolean;
  requests: number;
  jobs: number;
  changed: number;
}

const MIN_DELAY_MS = 20;
const DEFAULT_PROBE_TIMEOUT_MS = 1000;

/**
 * Watches one Flink cluster. Each cycle costs ONE request (`/jobs/overview`);
 * a job's details are read only when its state, task counts or modification
 * time changed, or while someone looks at it. While the cluster does not answer,
 * each cycle costs one cheap probe with a short timeout instead, never more than
 * one in flight (cycles are serialised), so its return is seen within a cycle.
 * Everything it learns goes to the database first and is then published as
 * events, so a restarted Weir resumes from the database without repeating a
 * transition.
 *
 * This class runs the cycle and decides what to read; the rules it follows and the writing are
 * parts of their own: watch-cadence.ts (how often), job-details-reader.ts (one job's read and what
 * it records), stale-details.ts (which answers to wait out), outage.ts (Weir's own statuses),
 * run-recorder.ts (a run's history), job-evidence.ts (snapshots, exceptions, warnings),
 * run-discovery.ts (jobs Weir did not submit), vanished-jobs.ts (archived or lost).
 */
export class ClusterWatcher {
  /** The cluster, its clients and its helpers (see WatchedCluster). */
  private readonly watched: WatchedCluster;
  private readonly known: KnownJobs;
  private readonly vanished: VanishedJobs;
  private readonly outage = new Outage();
  private readonly reader: JobDetailsReader;
  private readonly calmWait: CalmWait;
  /** Until when someone has each job's page open, by job id; made when first needed (most clusters never have one). */
  private closelyWatched: Map<string, number> | null = null;
  private cycles = 0;
  private cycleStartedAt = 0;
  private loaded = false;
  private detailsCacheKnown = false;
  /** Whether the last cycle left something to read or conclude (see CadenceSigns.pending). */
  private pending = false;

  constructor(
    cluster: Cluster,
    jm: JobManagerClient,
    private readonly deps: WatcherDeps,
  ) {
    const watched = (this.watched = new WatchedCluster(cluster, jm, deps));
    this.known = watched.known;
    this.reader = new JobDetailsReader(watched);
    this.vanished = new VanishedJobs(watched);
    this.calmWait = new CalmWait(watched);
  }

  private get cluster(): Cluster {
    return this.watched.record;
  }

  private get jm(): JobManagerClient {
    return this.watched.client;
  }

  private get recorder(): RunRecorder {
    return this.watched.recorder;
  }

  private get evidence(): JobEvidence {
    return this.watched.evidence;
  }

  private get probeTimeoutMs(): number {
    return this.deps.settings.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  }

  private get lostAfterMs(): number {
    return this.deps.settings.lostAfterMs ?? 5_000;
  }

  private now(): number {
    return this.watched.now();
  }

  get clusterId(): string {
    return this.cluster.id;
  }

  /** Takes a fresher record of the same cluster (its health after a check) without touching the clients. */
  private noteCluster(cluster: Cluster): void {
    if (cluster.id === this.cluster.id) this.watched.record = cluster;
  }

  /** Picks up a changed address without losing what is known. */
  retarget(cluster: Cluster, jm: JobManagerClient, history?: JobManagerClient): void {
    if (jm !== this.jm) this.detailsCacheKnown = false;
    this.watched.record = cluster;
    this.watched.client = jm;
    this.deps.history = history;
  }

  /**
   * Delay before the next cycle: the interval. While the cluster does not answer, probes start
   * one interval apart (at once after a probe that waited longer): no backoff, since a probe is
   * one small request, and a backoff is what made a cluster's return take up to half a minute.
   */
  nextDelayMs(): number {
    const { intervalMs } = this.deps.settings;
    if (!this.outage.ongoing) {
      // Details found stale are read again as soon as Flink's cache entry has expired, not a whole cycle later.
      let next = intervalMs;
      for (const known of this.known.values()) if (known.staleRetryAt !== undefined) next = Math.min(next, known.staleRetryAt - this.now());
      return Math.max(MIN_DELAY_MS, next);
    }
    return Math.max(MIN_DELAY_MS, intervalMs - (this.now() - this.cycleStartedAt));
  }

  /** Keep this job's details fresh every cycle for a while (someone has its page open). */
  watchClosely(flinkJobId: string, forMs = 30_000): void {
    (this.closelyWatched ??= new Map()).set(flinkJobId, this.now() + forMs);
    this.wake();
  }

  /**
   * Whether the cluster is read at the calm cadence now: its jobs stable, nothing pending, nobody
   * looking, nothing happened for calmAfterMs. Asked after each cycle.
   */
  isCalm(): boolean {
    const { intervalMs, calmIntervalMs = intervalMs, calmAfterMs = 30_000 } = this.deps.settings;
    if (calmIntervalMs <= intervalMs) return false;
    const now = this.now();
    let closelyWatched = false;
    for (const until of this.closelyWatched?.values() ?? []) if (until > now) closelyWatched = true;
    return isCalm(
      { intervalMs, calmIntervalMs, calmAfterMs },
      { now, lastActivityAt: this.calmWait.lastActivityAt, unanswered: this.outage.ongoing, closelyWatched, pending: this.pending, statuses: this.knownStatuses() },
    );
  }

  private *knownStatuses(): Iterable<RunStatus> {
    for (const known of this.known.values()) yield known.run.status as RunStatus;
  }

  /**
   * Waits out the part of a calm cluster's longer cycle beyond the ordinary one (the scheduler
   * waits the ordinary one); returns at once when the cluster is not calm. wake() or the abort
   * signal ends the wait early.
   */
  waitWhileCalm(signal?: AbortSignal): Promise<void> {
    const { intervalMs, calmIntervalMs = intervalMs } = this.deps.settings;
    return this.calmWait.waitWhileCalm(this.isCalm(), calmIntervalMs, this.cycleStartedAt, signal);
  }

  /** Something may change on the cluster soon (an operation, an open page): back to every cycle, from now. */
  wake(): void {
    this.calmWait.wake();
  }

  /** The cluster pushed a status change (Flink 2.x's listener): read it at the next cycle; see CalmWait.hint. */
  pushed(): void {
    this.calmWait.hint();
  }

  private queue: Promise<unknown> = Promise.resolve();
  /** When the last cycle that returned ended and how long it took: the metrics export shows the watcher's lag and cost. */
  lastCycle: { finishedAt: number; durationMs: number } | null = null;

  /**
   * One watch cycle. Calls are serialised, so a forced refresh never races the scheduled one. A
   * forced cycle (an operation that just saw its job end, a user's refresh) also reads the details
   * of jobs waiting for Flink's cache to expire: whoever forces it has just read fresh ones. Once
   * `signal` is aborted (the scheduler stops the watch or times it out) the cycle starts no new read.
   */
  cycle(opts: { force?: boolean; signal?: AbortSignal } = {}): Promise<CycleReport> {
    // Whoever forces a cycle expects more to happen: a calm wait ends, and the cycles after it come every interval.
    if (opts.force) this.wake();
    const next = this.queue.then(async () => {
      const startedAt = this.now();
      const report = await this.runCycle(opts.force ?? false, opts.signal).catch((err: unknown) => {
        // Taken over while the cluster was down (its outage statuses are fenced like the rest).
        if (!(err instanceof LeaseLostError)) throw err;
        this.deps.log.warn({ cluster: this.cluster.name, err: err.message }, 'the cluster was taken over during the cycle');
        return { reachable: false, requests: 0, jobs: 0, changed: 0 };
      });
      const finishedAt = this.now();
      this.lastCycle = { finishedAt, durationMs: finishedAt - startedAt };
      return report;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runCycle(force: boolean, signal: AbortSignal | undefined): Promise<CycleReport> {
    const report: CycleReport = { reachable: false, requests: 1, jobs: 0, changed: 0 };
    this.cycleStartedAt = this.now();
    // The first cycle counts as activity: a cluster is calm only after calmAfterMs of watching it.
    if (force || this.calmWait.lastActivityAt === null) this.calmWait.lastActivityAt = this.cycleStartedAt;
    const report_ = await this.readCluster(force, report, signal);
    if (report_.changed > 0) this.calmWait.lastActivityAt = this.now();
    return report_;
  }

  private async readCluster(force: boolean, report: CycleReport, signal: AbortSignal | undefined): Promise<CycleReport> {
    if (!this.loaded) await this.loadFromDatabase();
    let overview: FlinkJobOverview[];
    try {
      if (this.outage.ongoing) {
        // The probe: /config is small and static, so it answers fast even on a cluster with many jobs.
        const config = await this.jm.dashboardConfig({ timeoutMs: this.probeTimeoutMs });
        this.watched.detailsCacheMsNow = config['refresh-interval'];
        this.detailsCacheKnown = true;
        report.requests += 1;
      }
      overview = await this.jm.jobsOverview();
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      await this.onUnreachable(err.message);
      return report;
    }
    report.reachable = true;
    report.jobs = overview.length;
    if (!this.detailsCacheKnown) {
      this.detailsCacheKnown = true;
      report.requests += 1;
      this.watched.detailsCacheMsNow = await this.jm
        .dashboardConfig()
        .then((c) => c['refresh-interval'])
        .catch(() => FLINK_DEFAULT_REFRESH_INTERVAL_MS);
    }
    const wasUnreachable = this.outage.answered();
    if (wasUnreachable) this.deps.log.info({ cluster: this.cluster.name }, 'cluster answers again');
    if ((wasUnreachable || this.cluster.health === 'UNREACHABLE') && this.deps.onAnswering) {
      const checked = await this.deps.onAnswering().catch(() => undefined);
      if (checked) this.noteCluster(checked);
    }

    const now = this.now();
    const cycle = ++this.cycles;
    this.pending = this.reader.anyWaiting;
    // This loop runs for every job of every cluster every cycle: nothing in it allocates for a job that did not change.
    for (const job of overview) {
      // A stopping watcher (lease given up, timed out, shutdown) starts no new read, nor a write
      // after it; what is left is read by the next cycle, wherever the cluster is watched then.
      if (signal?.aborted) {
        this.pending = true;
        return report;
      }
      if (this.deps.onlyJobId !== undefined && job.jid !== this.deps.onlyJobId) continue;
      let known = this.known.get(job.jid);
      if (!known) {
        const run = await this.deps.runs.getByJob(this.cluster.id, job.jid);
        if (run) known = await this.known.remember(run);
      }
      if (known) known.listedInCycle = cycle;
      const hot = this.closelyWatched !== null && (this.closelyWatched.get(job.jid) ?? 0) > now;
      if (known && overviewUnchanged(known.seenAs, job) && !hot && !awaitsFlinkStatus(known.run)) {
        known.missingSince = undefined;
        continue;
      }
      if (!known) this.pending = true;
      if (!force && known?.staleRetryAt !== undefined && known.staleRetryAt > now) {
        this.pending = true;
        known.missingSince = undefined; // its details are still cached stale by Flink: read them once the cache expired
        continue;
      }
      try {
        report.requests += await this.reader.read(job, known);
        report.changed += 1;
      } catch (err) {
        // The cluster stopped answering during the cycle: that is about the cluster, not this job.
        // Going on would wait a timeout for every job still to read (a cluster that kept many
        // ended jobs held its cycle for minutes, and its outage went unseen that long). The next
        // cycle's job list tells whether the cluster is down (one slow answer is not an outage).
        if (err instanceof FlinkUnreachableError) {
          this.deps.log.warn({ cluster: this.cluster.name, job: job.jid, err: err.message }, 'cluster stopped answering during the cycle');
          report.reachable = false;
          return report;
        }
        // Another instance took the cluster over while this cycle ran (this one was paused, or cut
        // off from the database): nothing more of this cycle is written.
        if (err instanceof LeaseLostError) {
          this.deps.log.warn({ cluster: this.cluster.name, err: err.message }, 'the cluster was taken over during the cycle');
          return report;
        }
        // The job may have vanished between the two requests: next cycle retries. Whatever else
        // went wrong with one job costs that job, never the cycle or the other jobs.
        if (err instanceof AppError) this.deps.log.warn({ cluster: this.cluster.name, job: job.jid, err: err.message }, 'could not read job details');
        else this.deps.log.error({ cluster: this.cluster.name, job: job.jid, err }, 'could not record job');
      }
    }
    for (const known of this.known.values()) {
      if (known.listedInCycle === cycle) continue;
      known.staleRetryAt = undefined;
      if (known.run.lost || isTerminalRunStatus(known.run.status)) {
        // Its end is recorded and Flink no longer lists it: nothing more will be read of it, so
        // nothing of it is kept (a Weir that runs for months would keep every job it ever saw).
        this.forget(known.run.flinkJobId, known.run.id);
        continue;
      }
      known.missingSince ??= now;
      this.pending = true;
      if (now - known.missingSince >= this.lostAfterMs && !signal?.aborted) {
        report.requests += await this.vanished.conclude(known, overview.length);
        report.changed += 1;
      }
    }
    if (!signal?.aborted) report.requests += await this.evidence.rereadEndedCheckpoints(this.jm);
    if (this.evidence.rereadsPending) this.pending = true; // read soon, not at the calm cadence
    if (this.closelyWatched) {
      for (const [jid, until] of this.closelyWatched) if (until <= now) this.closelyWatched.delete(jid);
      if (this.closelyWatched.size === 0) this.closelyWatched = null;
    }
    return report;
  }

  private async loadFromDatabase(): Promise<void> {
    for (const run of await this.deps.runs.listNonTerminalByCluster(this.cluster.id)) {
      if (run.lost) continue;
      if (this.deps.onlyJobId !== undefined && run.flinkJobId !== this.deps.onlyJobId) continue;
      if (this.deps.placement !== undefined && run.yarnApplicationId !== this.deps.placement.yarnApplicationId) continue;
      await this.known.remember(run);
    }
    this.loaded = true;
  }

  private async onUnreachable(reason: string): Promise<void> {
    const now = this.now();
    this.outage.probeFailed(now);
    if (this.outage.failures === 1) this.deps.log.warn({ cluster: this.cluster.name, reason }, 'cluster cannot be reached');
    await this.recorder.recordFailedProbe(this.known.values(), this.outage, this.deps.settings, now, reason);
  }

  private forget(jobId: string, runId: string): void {
    this.known.forget(jobId);
    this.reader.forget(jobId);
    this.closelyWatched?.delete(jobId);
    this.evidence.forget(runId);
  }
}

export interface WatcherDeps {
  runs: RunsStore;
  tasks: TasksStore;
  events: EventBus;
  history?: JobManagerClient;
  settings: WatcherSettings;
  log: Logger;
  now?: () => number;
  /**
   * Called when the cluster answers while its record says UNREACHABLE, or answers again after
   * the watcher could not reach it, before any of its jobs is recorded: the cluster's health
   * is checked then, so pages that trust it agree with the statuses about to be recorded.
   */
  onAnswering?: () => Promise<Cluster | undefined>;
  /**
   * Several instances: the check each recorded observation makes inside its transaction, that
   * this instance still holds the cluster's lease (see ClusterLeases.writeGuard).
   */
  writeGuard?: () => WriteGuard;
  /**
   * Only this job: a run's own JobManager (a YARN application's, yarn-watcher.ts) is watched for its one
   * job, and the entry's other runs, which that JobManager never lists, are not this watcher's to conclude.
   */
  onlyJobId?: string;
  /**
   * The YARN application this JobManager belongs to (one started outside Weir, yarn-watcher.ts): the jobs
   * found there are recorded with it, and the entry's runs of other applications are not this watcher's.
   */
  placement?: RunPlacement;
}

/**
 * One watched cluster as the watcher's helpers (RunRecorder, JobEvidence, RunDiscovery,
 * JobDetailsReader, VanishedJobs, CalmWait) see it: its current record and clients, the clock, the
 * lease's write guard, and the helpers themselves, given to each helper as its deps. Its methods
 * live on the prototype, shared by every cluster; a deps object and closures built per helper cost
 * about 2 KB per cluster, 20 MB of heap at 10,000 application-mode clusters (docs/watcher-scale.md).
 * The helpers call them as `this.deps.now()`, never detached (a method taken off it loses `this`).
 */
class WatchedCluster {
  readonly known: KnownJobs;
  readonly recorder: RunRecorder;
  readonly evidence: JobEvidence;
  readonly discovery: RunDiscovery;
  /** The cluster's `web.refresh-interval`: how long Flink serves a job's details from its cache. */
  detailsCacheMsNow = FLINK_DEFAULT_REFRESH_INTERVAL_MS;

  constructor(
    /** The cluster's record as the watcher knows it now (it changes with health checks and edits). */
    public record: Cluster,
    public client: JobManagerClient,
    private readonly deps: WatcherDeps,
  ) {
    this.known = new KnownJobs(deps);
    this.recorder = new RunRecorder(this);
    this.evidence = new JobEvidence(this);
    this.discovery = new RunDiscovery(this);
  }

  get runs(): RunsStore {
    return this.deps.runs;
  }

  get tasks(): TasksStore {
    return this.deps.tasks;
  }

  get events(): EventBus {
    return this.deps.events;
  }

  get log(): Logger {
    return this.deps.log;
  }

  get staleDetailsLimitMs(): number {
    return this.deps.settings.staleDetailsLimitMs ?? DEFAULT_STALE_DETAILS_LIMIT_MS;
  }

  get archiveGraceMs(): number {
    return this.deps.settings.historyArchiveGraceMs ?? 30_000;
  }

  get unreachableLimitMs(): number {
    return this.deps.settings.historyUnreachableLimitMs ?? 10 * 60_000;
  }

  now(): number {
    return (this.deps.now ?? Date.now)();
  }

  cluster(): Cluster {
    return this.record;
  }

  clusterName(): string {
    return this.record.name;
  }

  jm(): JobManagerClient {
    return this.client;
  }

  history(): JobManagerClient | undefined {
    return this.deps.history;
  }

  detailsCacheMs(): number {
    return this.detailsCacheMsNow;
  }

  writeGuard(): WriteGuard | undefined {
    return this.deps.writeGuard?.();
  }

  placement(): RunPlacement | undefined {
    return this.deps.placement;
  }

  refOf(known: KnownJob): RunRef {
    return this.recorder.refOf(known);
  }
}
