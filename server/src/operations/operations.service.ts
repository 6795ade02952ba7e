import type {
  BulkOperationItem,
  BulkOperationResult,
  Cluster,
  OfflineRequest,
  OnlineRequest,
  OperationAction,
  OperationResult,
  RestartRunRequest,
  RunSavepoint,
  StopRunRequest,
} from '@weir/contract';
import { isTerminalRunStatus } from '@weir/contract';
import type { AuditService, AuditTarget } from '../audit/audit.service.js';
import { mayAct, type Principal } from '../access/principal.js';
import type { ClustersService } from '../clusters/clusters.service.js';
import type { FlinkClients } from '../flink/flink-clients.js';
import { AppError, ConflictError, FlinkUnreachableError, ForbiddenError, InputError, NotFoundError } from '../errors/errors.js';
import { latestCheckpointOnDisk } from '../flink/state-paths.js';
import { checkpointDirectoryOf } from '../tasks/job-configuration.js';
import type { EventBus } from '../events/events.js';
import type { JobManagerClient } from '../flink/job-manager.client.js';
import type { RunRecord, RunsStore } from '../runs/runs.store.js';
import type { SavepointRecord, SavepointsStore } from '../runs/savepoints.store.js';
import type { JarFilesStore } from '../tasks/jar-files.store.js';
import type { TaskVersionRecord, TaskVersionsStore } from '../tasks/task-versions.store.js';
import { parseConfig, parseVersionConfig, type VersionConfig } from '../tasks/task-config.js';
import type { TaskRecord, TasksStore } from '../tasks/tasks.store.js';
import type { WatcherManager } from '../watcher/watcher-manager.js';
import { runTarget, taskTarget } from './audit-targets.js';
import type { Restore } from '../deployment/deployment-target.js';
import { DeploymentTargets } from '../deployment/deployment-targets.js';
import { JobSubmission } from './job-submission.js';
import type { Logger } from '../logging/logger.js';
import type { YarnClients } from '../yarn/yarn-clients.js';
import type { DeploymentsInProgress } from '../deployment/deployments-in-progress.js';
import type { RunOperationsInProgress } from '../deployment/run-operations-in-progress.js';
import type { YarnDeploymentSettings } from '../deployment/deployment-targets.js';
import { JobWaits } from './job-waits.js';
import { DEFAULT_OPERATIONS_SETTINGS, type OperationsSettings } from './operations-settings.js';

const ACTIVE_FOR_CANCEL = new Set(['INITIALIZING', 'CREATED', 'RUNNING', 'FAILING', 'RESTARTING', 'RECONCILING', 'SUSPENDED']);

/**
 * Everything Weir does to jobs: submit a published version (through its cluster's deployment
 * target: server/src/deployment/), stop, cancel, savepoint, restart, refresh, and bulk online/offline.
 *
 * Weir chooses each job's Flink id and records the run (INITIALIZING) BEFORE submitting, so the
 * watcher never mistakes Weir's own job for an external one; a failed submission leaves that run
 * FAILED with Flink's reason. Every operation is audited with its outcome.
 */
export class OperationsService {
  private readonly settings: OperationsSettings;
  private readonly submission: JobSubmission;
  private readonly waits: JobWaits;

  constructor(
    private readonly deps: {
      tasks: TasksStore;
      versions: TaskVersionsStore;
      runs: RunsStore;
      savepoints: SavepointsStore;
      clusters: ClustersService;
      flink: FlinkClients;
      watchers: WatcherManager;
      jars: JarFilesStore;
      audit: AuditService;
      bus: EventBus;
      settings?: Partial<OperationsSettings>;
      now?: () => number;
      /** Deploying to YARN targets: without them a YARN entry refuses submission. */
      yarn?: YarnClients;
      yarnDeployments?: YarnDeploymentSettings;
      /** The deployments in progress in this process, shared with the YARN watcher (deployments-in-progress.ts). */
      inProgress?: DeploymentsInProgress;
      /** The runs a stop or cancel here is ending, shared with the YARN watcher (deployment/run-operations-in-progress.ts). */
      ending?: RunOperationsInProgress;
      log?: Logger;
    },
  ) {
    this.settings = { ...DEFAULT_OPERATIONS_SETTINGS, ...deps.settings };
    const now = () => this.now();
    this.submission = new JobSubmission({ ...deps, targets: new DeploymentTargets(deps), now });
    this.waits = new JobWaits({ ...deps, settings: this.settings, now });
  }

  /** Resolves once the deployments still running in the background (YARN) have succeeded or failed. */
  deploymentsSettled(): Promise<void> {
    return this.submission.settled();
  }

  /** Settles savepoints an earlier Weir process left PENDING (see JobWaits). Runs on a schedule. */
  settleOrphanedSavepoints(): Promise<number> {
    return this.waits.settleOrphanedSavepoints();
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  // ---- tasks: online, offline, bulk ---------------------------------------------------------

  /** Submits the task's current version and makes it ONLINE. */
  async online(actor: Principal, taskId: string, req: OnlineRequest = {}): Promise<OperationResult> {
    const task = await this.task(taskId);
    const detail: Record<string, unknown> = { savepointStrategy: req.savepointStrategy ?? 'default', savepointPath: req.savepointPath };
    return this.audited(actor, 'task.online', taskTarget(task), detail, async () => {
      if (task.kind === 'EXTERNAL') throw new ConflictError(`Task ${task.name} was discovered on its cluster; Weir cannot submit it`);
      if (task.lifecycle === 'DEVELOP') {
        throw new ConflictError(
          task.currentVersionId
            ? `Task ${task.name} has changes that are not published; publish them before going online`
            : `Task ${task.name} is DEVELOP: publish it before going online`,
        );
      }
      await this.refuseIfRunning(task);
      const version = await this.currentVersion(task);
      const config = parseConfig(task.draftConfig);
      const restore = await this.submission.restoreFor(task, req.savepointStrategy ?? config.savepointStrategy, req.savepointPath ?? config.savepointPath);
      const run = await this.submission.submit(actor, task, version, restore);
      await this.deps.tasks.update(task.id, { lifecycle: 'ONLINE' });
      Object.assign(detail, { version: version.version, runId: run.id, flinkJobId: run.flinkJobId, restoredFrom: restore?.path ?? null });
      return this.result('online', task.id, 'ONLINE', {
        newRunId: run.id,
        flinkJobId: run.flinkJobId,
        status: run.status,
        restoredFrom: restore?.path ?? null,
        message: `${task.name} version ${version.version} submitted as job ${run.flinkJobId}${restore ? ` from ${restore.source} ${restore.path}` : ' without state'}`,
      });
    });
  }

  /** Stops the task's job (with a savepoint, or cancels it) and makes it OFFLINE. */
  async offline(actor: Principal, taskId: string, req: OfflineRequest): Promise<OperationResult> {
    const task = await this.task(taskId);
    const detail: Record<string, unknown> = { withSavepoint: req.withSavepoint };
    return this.audited(actor, 'task.offline', taskTarget(task), detail, async () => {
      if (task.lifecycle !== 'ONLINE') throw new ConflictError(`Task ${task.name} is ${task.lifecycle}, not ONLINE`);
      const run = task.latestRunId ? await this.deps.runs.get(task.latestRunId) : undefined;
      let stopped: { status: string | null; savepoint: SavepointRecord | null } = { status: run?.status ?? null, savepoint: null };
      if (run) {
        const { jm } = await this.clusterOf(run);
        const state = await this.waits.liveState(jm, run);
        if (state && !isTerminalRunStatus(state)) {
          stopped = req.withSavepoint ? await this.stopWithSavepoint(actor, jm, run, state, false) : await this.cancelJob(jm, run, state);
        }
      }
      await this.deps.tasks.update(task.id, { lifecycle: 'OFFLINE' });
      Object.assign(detail, { runId: run?.id ?? null, savepointPath: stopped.savepoint?.path ?? null });
      return this.result('offline', task.id, 'OFFLINE', {
        runId: run?.id ?? null,
        status: stopped.status,
        flinkJobId: run?.flinkJobId ?? null,
        savepoint: stopped.savepoint,
        message: stopped.savepoint
          ? `${task.name} stopped with a savepoint at ${stopped.savepoint.path}`
          : run && stopped.status
            ? `${task.name} is offline; its job is ${stopped.status}`
            : `${task.name} is offline`,
      });
    });
  }

  /** Online or offline for several tasks; every task gets its own result, failures included. */
  async bulk(actor: Principal, req: { action: 'online' | 'offline'; taskIds: string[]; from: 'default' | 'latest-savepoint' }): Promise<BulkOperationResult> {
    const ids = [...new Set(req.taskIds)];
    const items: BulkOperationItem[] = new Array(ids.length);
    let next = 0;
    const worker = async () => {
      while (next < ids.length) {
        const index = next++;
        const taskId = ids[index]!;
        const task = await this.deps.tasks.get(taskId);
        try {
          let result: OperationResult;
          // Each task is checked as its own route would: another team's task is as absent as a missing one.
          if (!task || !mayAct(actor, task.teamId, 'viewer')) throw new NotFoundError('Task', taskId);
          if (!mayAct(actor, task.teamId, 'operator')) throw new ForbiddenError("This needs the operator role in the task's team");
          if (req.action === 'online') {
            result = await this.online(actor, taskId, req.from === 'latest-savepoint' ? { savepointStrategy: 'latest' } : {});
          } else {
            const withSavepoint = req.from === 'latest-savepoint' || parseConfig(task.draftConfig).savepointStrategy !== 'none';
            result = await this.offline(actor, taskId, { withSavepoint });
          }
          items[index] = { taskId, taskName: task.name, ok: true, result, error: null };
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          const visible = task && mayAct(actor, task.teamId, 'viewer');
          items[index] = { taskId, taskName: visible ? task.name : null, ok: false, result: null, error: { code: err.code, message: err.message } };
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.settings.bulkConcurrency, ids.length) }, worker));
    const succeeded = items.filter((i) => i.ok).length;
    await this.deps.audit.record(actor, `task.bulk-${req.action}`, { type: 'task', name: `${ids.length} tasks` }, succeeded === ids.length ? 'success' : 'failure', {
      from: req.from,
      results: items.map((i) => ({ taskId: i.taskId, ok: i.ok, error: i.error?.message })),
    });
    return { items, succeeded, failed: ids.length - succeeded };
  }

  // ---- runs: stop, cancel, savepoint, restart, refresh ---------------------------------------

  async stop(actor: Principal, runId: string, req: StopRunRequest): Promise<OperationResult> {
    const { run, task } = await this.runAndTask(runId);
    const detail: Record<string, unknown> = { withSavepoint: req.withSavepoint, drain: req.drain ?? false, flinkJobId: run.flinkJobId };
    return this.audited(actor, 'run.stop', runTarget(run, task), detail, async () => {
      const { jm } = await this.clusterOf(run);
      const state = await this.requireLiveState(jm, run);
      const stopped = req.withSavepoint ? await this.stopWithSavepoint(actor, jm, run, state, req.drain ?? false) : await this.cancelJob(jm, run, state);
      const lifecycle = await this.offlineIfLatest(task, run);
      detail.savepointPath = stopped.savepoint?.path ?? null;
      return this.result('stop', task.id, lifecycle, {
        runId: run.id,
        status: stopped.status,
        flinkJobId: run.flinkJobId,
        savepoint: stopped.savepoint,
        message: stopped.savepoint ? `Job ${run.flinkJobId} stopped with a savepoint at ${stopped.savepoint.path}` : `Job ${run.flinkJobId} stopped without a savepoint (${stopped.status})`,
      });
    });
  }

  async cancel(actor: Principal, runId: string): Promise<OperationResult> {
    const { run, task } = await this.runAndTask(runId);
    return this.audited(actor, 'run.cancel', runTarget(run, task), { flinkJobId: run.flinkJobId }, async () => {
      const { jm } = await this.clusterOf(run);
      const state = await this.requireLiveState(jm, run);
      const cancelled = await this.cancelJob(jm, run, state);
      const lifecycle = await this.offlineIfLatest(task, run);
      return this.result('cancel', task.id, lifecycle, { runId: run.id, status: cancelled.status, flinkJobId: run.flinkJobId, message: `Job ${run.flinkJobId} is ${cancelled.status}` });
    });
  }

  async savepoint(actor: Principal, runId: string): Promise<OperationResult> {
    const { run, task } = await this.runAndTask(runId);
    const detail: Record<string, unknown> = { flinkJobId: run.flinkJobId };
    return this.audited(actor, 'run.savepoint', runTarget(run, task), detail, async () => {
      const { jm } = await this.clusterOf(run);
      const state = await this.requireLiveState(jm, run);
      if (state !== 'RUNNING') throw new ConflictError(`Job ${run.flinkJobId} is ${state}; a savepoint can only be taken of a RUNNING job`);
      await this.waits.awaitTasksStarted(jm, run);
      const triggerId = await jm.triggerSavepoint(run.flinkJobId, await this.submission.savepointDirectory(run));
      const savepoint = await this.waits.awaitSavepoint(jm, run, 'SAVEPOINT', triggerId, actor);
      detail.savepointPath = savepoint.path;
      return this.result('savepoint', task.id, task.lifecycle, {
        runId: run.id,
        status: state,
        flinkJobId: run.flinkJobId,
        savepoint,
        message: `Savepoint of job ${run.flinkJobId} written to ${savepoint.path}`,
      });
    });
  }

  /**
   * Starts the run's version again as a new job: from nothing, the run's latest checkpoint, the
   * task's latest savepoint (taken now when the job is running), or a chosen savepoint. A job still
   * active is stopped first.
   */
  async restart(actor: Principal, runId: string, req: RestartRunRequest): Promise<OperationResult> {
    const { run, task } = await this.runAndTask(runId);
    const detail: Record<string, unknown> = { from: req.from, savepointPath: req.savepointPath, flinkJobId: run.flinkJobId };
    return this.audited(actor, 'run.restart', runTarget(run, task), detail, async () => {
      if (task.kind === 'EXTERNAL' || !run.versionId) {
        throw new ConflictError(`Job ${run.flinkJobId} was not submitted by Weir, so Weir cannot start it again; stop or cancel it instead`);
      }
      if (req.from === 'savepoint' && !req.savepointPath) throw new InputError('Restarting from a savepoint needs savepointPath');
      // Refused before anything is stopped: the running job must not be cancelled for a restore that cannot work.
      if (req.from === 'savepoint') await this.submission.refuseUnrestorable(task, req.savepointPath!);
      const version = await this.deps.versions.get(run.versionId);
      if (!version) throw new ConflictError(`The version job ${run.flinkJobId} ran no longer exists`);
      await this.refuseIfOtherRunActive(task, run);
      const { jm } = await this.clusterOf(run);
      // A run Flink reported as ended cannot run again, so Flink is not asked: Flink 2.3 answers a
      // job's details with an error for a moment as it ends, and an automatic restart right after
      // the failure then failed on that answer alone. (An end Weir recorded itself, such as a
      // submission whose outcome it could not learn, is still checked with Flink.)
      const recordedEnd = await this.waits.endedPerFlink(run);
      // A YARN run's JobManager is its own, shut down once its end was recorded: that end is all there is to read.
      const endedOnYarn = run.yarnApplicationId !== null && isTerminalRunStatus(run.status) ? run.status : null;
      const state = recordedEnd ?? endedOnYarn ?? (await this.waits.liveState(jm, run));
      // When Weir knew the job had ended: when it recorded the end, else now that Flink said so.
      let endKnownAt = recordedEnd ? run.updatedAt : this.now();
      const active = state !== null && !isTerminalRunStatus(state);
      let restore: Restore | null = null;
      let savepoint: SavepointRecord | null = null;
      if (req.from === 'latest-savepoint' && state === 'RUNNING') {
        savepoint = (await this.stopWithSavepoint(actor, jm, run, state, false)).savepoint;
        restore = { path: savepoint!.path!, source: 'savepoint' };
      } else {
        if (active) {
          await this.cancelJob(jm, run, state);
          endKnownAt = this.now();
        }
        if (req.from === 'latest-checkpoint') {
          // Weir submits with checkpoints retained on cancellation, so the files outlive the cancel.
          const path = state ? await this.latestCheckpointOf(jm, run, parseVersionConfig(version), endKnownAt) : null;
          if (!path) throw new ConflictError(`Job ${run.flinkJobId} has no completed checkpoint that Flink still reports; restart from a savepoint instead`);
          savepoint = await this.deps.savepoints.create({ runId: run.id, taskId: task.id, kind: 'CHECKPOINT', status: 'COMPLETED', path, completedAt: this.now() });
          restore = { path, source: 'latest checkpoint' };
        } else if (req.from === 'latest-savepoint') {
          const latest = await this.deps.savepoints.latestCompleted(task.id, ['SAVEPOINT', 'STOP_WITH_SAVEPOINT']);
          if (!latest?.path) throw new ConflictError(`Task ${task.name} has no completed savepoint on record`);
          restore = { path: latest.path, source: 'savepoint' };
        } else if (req.from === 'savepoint') {
          restore = { path: req.savepointPath!, source: 'savepoint' };
        }
      }
      const newRun = await this.submission.submit(actor, task, version, restore);
      const lifecycle = task.lifecycle === 'PUBLISHED' || task.lifecycle === 'OFFLINE' ? 'ONLINE' : task.lifecycle;
      if (lifecycle !== task.lifecycle) await this.deps.tasks.update(task.id, { lifecycle });
      Object.assign(detail, { newRunId: newRun.id, newFlinkJobId: newRun.flinkJobId, restoredFrom: restore?.path ?? null });
      return this.result('restart', task.id, lifecycle, {
        runId: run.id,
        status: (await this.deps.runs.get(run.id))?.status ?? null,
        newRunId: newRun.id,
        flinkJobId: newRun.flinkJobId,
        savepoint,
        restoredFrom: restore?.path ?? null,
        message: `Restarted as job ${newRun.flinkJobId}${restore ? ` from ${restore.source} ${restore.path}` : ' without state'}`,
      });
    });
  }

  /**
   * The run's latest checkpoint, as its JobManager reports it after the end. A YARN run's JobManager is shut down
   * once the run's end is recorded (the YARN watcher may do so right after the cancel above), so there it is read
   * from the checkpoint folder when that folder is on Weir's disk (a `file:` path: a YARN cluster on this machine,
   * or a folder every host mounts at the same place); otherwise the restart is refused, saying why.
   */
  private async latestCheckpointOf(jm: JobManagerClient, run: RunRecord, config: VersionConfig, endKnownAt: number): Promise<string | null> {
    if (run.yarnApplicationId === null) return this.waits.checkpointKeptAfterEnd(jm, run, endKnownAt);
    const reported = await this.waits.checkpointKeptAfterEnd(jm, run, endKnownAt).catch((err: unknown) => {
      if (err instanceof FlinkUnreachableError) return null;
      throw err;
    });
    if (reported) return reported;
    const dir = checkpointDirectoryOf(config);
    if (!dir) {
      throw new ConflictError(`Job ${run.flinkJobId} ran on YARN without a checkpoint folder (execution.checkpointing.dir), so its checkpoints ended with its application; restart from a savepoint instead`);
    }
    const onDisk = latestCheckpointOnDisk(dir, run.flinkJobId);
    if (onDisk === undefined) {
      throw new ConflictError(`The JobManager of job ${run.flinkJobId} has ended with its YARN application, and its checkpoint folder ${dir} is not on Weir's disk; restart from a savepoint instead`);
    }
    return onDisk;
  }

  /**
   * Throws FlinkUnreachableError unless the run's JobManager (and, for a SQL task, its SQL Gateway)
   * answers. Automatic restarts ask first: a submission into an outage would be recorded as a run
   * that never reached Flink, and its failure would start yet another restart.
   */
  async assertClusterAnswers(runId: string): Promise<void> {
    const { run, task } = await this.runAndTask(runId);
    const cluster = await this.deps.clusters.get(run.clusterId);
    await this.deps.flink.jobManager(cluster).probe();
    if (task.kind === 'SQL') await this.deps.flink.sqlGateway(cluster).probe();
  }

  /** Reads the run's cluster now instead of at the next watcher cycle. */
  async refresh(actor: Principal, runId: string): Promise<OperationResult> {
    const { run, task } = await this.runAndTask(runId);
    return this.audited(actor, 'run.refresh', runTarget(run, task), { flinkJobId: run.flinkJobId }, async () => {
      let report = await this.deps.watchers.refreshNow(run.clusterId);
      if (!report) {
        await this.deps.watchers.sync();
        report = await this.deps.watchers.refreshNow(run.clusterId);
      }
      const after = (await this.deps.runs.get(run.id)) ?? run;
      const current = (await this.deps.tasks.get(task.id)) ?? task;
      const elsewhere = report ? undefined : this.deps.watchers.watchedElsewhere(run.clusterId);
      const message = !report
        ? elsewhere
          ? `Cluster ${run.clusterId} is watched by Weir instance ${elsewhere}, which records job ${run.flinkJobId} at its next cycle; it is ${after.status} now`
          : `Cluster ${run.clusterId} is not watched`
        : report.reachable
          ? `Refreshed: job ${run.flinkJobId} is ${after.status}`
          : `The JobManager could not be reached; job ${run.flinkJobId} is ${after.status}`;
      return this.result('refresh', task.id, current.lifecycle, { runId: run.id, status: after.status, flinkJobId: run.flinkJobId, message });
    });
  }

  async listSavepoints(runId: string): Promise<RunSavepoint[]> {
    const run = await this.deps.runs.get(runId);
    if (!run) throw new NotFoundError('Run', runId);
    return this.deps.savepoints.listByRun(runId);
  }

  // ---- helpers ------------------------------------------------------------------------------

  private async stopWithSavepoint(actor: Principal, jm: JobManagerClient, run: RunRecord, state: string, drain: boolean): Promise<{ status: string; savepoint: SavepointRecord }> {
    if (state !== 'RUNNING') throw new ConflictError(`Job ${run.flinkJobId} is ${state}; only a RUNNING job can be stopped with a savepoint`);
    return this.ending(run, async () => {
      await this.waits.awaitTasksStarted(jm, run);
      const triggerId = await jm.stopWithSavepoint(run.flinkJobId, await this.submission.savepointDirectory(run), drain);
      const savepoint = await this.waits.awaitSavepoint(jm, run, 'STOP_WITH_SAVEPOINT', triggerId, actor);
      const status = await this.waits.awaitTerminal(jm, run);
      return { status, savepoint };
    });
  }

  private async cancelJob(jm: JobManagerClient, run: RunRecord, state: string): Promise<{ status: string; savepoint: null }> {
    if (!ACTIVE_FOR_CANCEL.has(state)) throw new ConflictError(`Job ${run.flinkJobId} is ${state}; only an active job can be cancelled`);
    return this.ending(run, async () => {
      await jm.cancel(run.flinkJobId);
      return { status: await this.waits.awaitTerminal(jm, run), savepoint: null };
    });
  }

  /** Runs an operation that ends the run's job, marked so the YARN watcher keeps its JobManager up meanwhile. */
  private ending<T>(run: RunRecord, operation: () => Promise<T>): Promise<T> {
    return this.deps.ending ? this.deps.ending.around(run.id, operation) : operation();
  }

  private async requireLiveState(jm: JobManagerClient, run: RunRecord): Promise<string> {
    const state = await this.waits.liveState(jm, run);
    if (state === null) {
      throw new ConflictError(`The JobManager no longer knows job ${run.flinkJobId} (last recorded status ${run.status}); there is nothing to act on`);
    }
    if (isTerminalRunStatus(state)) throw new ConflictError(`Job ${run.flinkJobId} is already ${state}`);
    return state;
  }

  private async refuseIfRunning(task: TaskRecord): Promise<void> {
    const latest = task.latestRunId ? await this.deps.runs.get(task.latestRunId) : undefined;
    if (!latest || isTerminalRunStatus(latest.status) || latest.lost) return;
    const { jm } = await this.clusterOf(latest);
    const state = await this.waits.liveState(jm, latest).catch(() => latest.status);
    if (state && !isTerminalRunStatus(state)) {
      throw new ConflictError(`Task ${task.name} already has job ${latest.flinkJobId} in status ${state}; take it offline first`);
    }
  }

  private async refuseIfOtherRunActive(task: TaskRecord, run: RunRecord): Promise<void> {
    if (!task.latestRunId || task.latestRunId === run.id) return;
    const latest = await this.deps.runs.get(task.latestRunId);
    if (latest && !isTerminalRunStatus(latest.status) && !latest.lost) {
      throw new ConflictError(`Task ${task.name} already runs a newer job ${latest.flinkJobId} (${latest.status}); restart that one instead`);
    }
  }

  /** A stopped job of an ONLINE task is the task going offline. */
  private async offlineIfLatest(task: TaskRecord, run: RunRecord) {
    if (task.lifecycle === 'ONLINE' && task.latestRunId === run.id && task.kind !== 'EXTERNAL') {
      await this.deps.tasks.update(task.id, { lifecycle: 'OFFLINE' });
      return 'OFFLINE' as const;
    }
    return task.lifecycle;
  }

  private async currentVersion(task: TaskRecord): Promise<TaskVersionRecord> {
    const version = task.currentVersionId ? await this.deps.versions.get(task.currentVersionId) : undefined;
    if (!version) throw new ConflictError(`Task ${task.name} has no published version`);
    return version;
  }

  private async task(id: string): Promise<TaskRecord> {
    const task = await this.deps.tasks.get(id);
    if (!task) throw new NotFoundError('Task', id);
    return task;
  }

  private async runAndTask(runId: string): Promise<{ run: RunRecord; task: TaskRecord }> {
    const run = await this.deps.runs.get(runId);
    if (!run) throw new NotFoundError('Run', runId);
    return { run, task: await this.task(run.taskId) };
  }

  private async clusterOf(run: RunRecord): Promise<{ cluster: Cluster; jm: JobManagerClient }> {
    const cluster = await this.deps.clusters.get(run.clusterId);
    return { cluster, jm: this.deps.flink.jobManagerOfRun(cluster, run) };
  }

  /**
   * Runs an operation under audit. `detail` is recorded with the outcome; the operation adds
   * what it learned (savepoint path, new job id) to it before it returns.
   */
  private audited<T>(actor: Principal, action: string, target: AuditTarget, detail: Record<string, unknown>, fn: () => Promise<T>): Promise<T> {
    return this.deps.audit.around(actor, action, target, fn, detail);
  }

  private result(
    action: OperationAction,
    taskId: string,
    lifecycle: OperationResult['lifecycle'],
    fields: Partial<Omit<OperationResult, 'action' | 'taskId' | 'lifecycle' | 'message'>> & { message: string },
  ): OperationResult {
    return {
      action,
      taskId,
      lifecycle,
      runId: fields.runId ?? null,
      status: fields.status ?? null,
      newRunId: fields.newRunId ?? null,
      flinkJobId: fields.flinkJobId ?? null,
      savepoint: fields.savepoint ?? null,
      restoredFrom: fields.restoredFrom ?? null,
      message: fields.message,
    };
  }
}

