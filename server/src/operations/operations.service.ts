import { randomBytes } from 'node:crypto';
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
  SavepointStrategy,
  StopRunRequest,
} from '@weir/contract';
import type { AuditService, AuditTarget } from '../audit/audit.service.js';
import { mayAct, SYSTEM_PRINCIPAL, type Principal } from '../auth/principal.js';
import type { ClustersService } from '../clusters/clusters.service.js';
import { AppError, ConflictError, FlinkRejectedError, FlinkUnreachableError, ForbiddenError, InputError, NotFoundError } from '../errors/errors.js';
import type { EventBus } from '../events/events.js';
import type { JobManagerClient } from '../flink/job-manager.client.js';
import type { SqlErrorDetails } from '../flink/sql-gateway.client.js';
import type { RunRecord, RunsStore } from '../runs/runs.store.js';
import { TERMINAL_STATUSES } from '../runs/runs.store.js';
import type { SavepointKind, SavepointRecord, SavepointsStore } from '../runs/savepoints.store.js';
import { knownMissing } from '../savepoints/savepoint-paths.js';
import type { JarFilesStore } from '../tasks/jar-files.store.js';
import { FIXED_JOB_ID, jobConfiguration, savepointDirectoryOf } from '../tasks/job-configuration.js';
import { planSubmission, rejectionInScript, ScriptPlanError, type GatewayStatement } from '../tasks/sql-script.js';
import type { TaskVersionRecord, TaskVersionsStore } from '../tasks/task-versions.store.js';
import { decodeJar, parseConfig, parseVersionConfig, type VersionConfig } from '../tasks/tasks.service.js';
import type { TaskRecord, TasksStore } from '../tasks/tasks.store.js';
import type { WatcherManager } from '../watcher/watcher-manager.js';

export interface OperationsSettings {
  /** How long a savepoint (or stop with savepoint) may take before Weir reports it failed. */
  savepointTimeoutMs: number;
  /** How long a cancelled or stopped job may take to reach a terminal status. */
  terminalTimeoutMs: number;
  /** How long a savepoint waits for a just-started job's tasks to run. */
  tasksStartTimeoutMs: number;
  /** Tasks handled at once by a bulk operation. */
  bulkConcurrency: number;
}

export const DEFAULT_OPERATIONS_SETTINGS: OperationsSettings = {
  savepointTimeoutMs: 120_000,
  terminalTimeoutMs: 60_000,
  tasksStartTimeoutMs: 15_000,
  bulkConcurrency: 3,
};

const ACTIVE_FOR_CANCEL = new Set(['INITIALIZING', 'CREATED', 'RUNNING', 'FAILING', 'RESTARTING', 'RECONCILING', 'SUSPENDED']);
const TERMINAL: ReadonlySet<string> = new Set(TERMINAL_STATUSES);

interface Restore {
  path: string;
  /** What it is, for messages: "savepoint", "latest checkpoint" … */
  source: string;
}

/**
 * Everything Weir does to jobs: submit a published version (SQL through the SQL Gateway, jars
 * through the JobManager), stop, cancel, savepoint, restart, refresh, and bulk online/offline.
 *
 * Weir chooses each job's Flink id and records the run (INITIALIZING) BEFORE submitting, so the
 * watcher never mistakes Weir's own job for an external one; a failed submission leaves that run
 * FAILED with Flink's reason. Every operation is audited with its outcome.
 */
export class OperationsService {
  private readonly settings: OperationsSettings;

  constructor(
    private readonly deps: {
      tasks: TasksStore;
      versions: TaskVersionsStore;
      runs: RunsStore;
      savepoints: SavepointsStore;
      clusters: ClustersService;
      watchers: WatcherManager;
      jars: JarFilesStore;
      audit: AuditService;
      bus: EventBus;
      settings?: Partial<OperationsSettings>;
      now?: () => number;
    },
  ) {
    this.settings = { ...DEFAULT_OPERATIONS_SETTINGS, ...deps.settings };
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
      const restore = await this.restoreFor(task, req.savepointStrategy ?? config.savepointStrategy, req.savepointPath ?? config.savepointPath);
      const run = await this.submit(actor, task, version, restore);
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
        const state = await this.liveState(jm, run);
        if (state && !TERMINAL.has(state)) {
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
      await this.awaitTasksStarted(jm, run);
      const triggerId = await jm.triggerSavepoint(run.flinkJobId, await this.savepointDirectory(run));
      const savepoint = await this.awaitSavepoint(jm, run, 'SAVEPOINT', triggerId, actor);
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
      if (req.from === 'savepoint') await this.refuseUnrestorable(task, req.savepointPath!);
      const version = await this.deps.versions.get(run.versionId);
      if (!version) throw new ConflictError(`The version job ${run.flinkJobId} ran no longer exists`);
      await this.refuseIfOtherRunActive(task, run);
      const { jm } = await this.clusterOf(run);
      // A run Flink reported as ended cannot run again, so Flink is not asked: Flink 2.3 answers a
      // job's details with an error for a moment as it ends, and an automatic restart right after
      // the failure then failed on that answer alone. (An end Weir recorded itself, such as a
      // submission whose outcome it could not learn, is still checked with Flink.)
      const state = (await this.endedPerFlink(run)) ?? (await this.liveState(jm, run));
      const active = state !== null && !TERMINAL.has(state);
      let restore: Restore | null = null;
      let savepoint: SavepointRecord | null = null;
      if (req.from === 'latest-savepoint' && state === 'RUNNING') {
        savepoint = (await this.stopWithSavepoint(actor, jm, run, state, false)).savepoint;
        restore = { path: savepoint!.path!, source: 'savepoint' };
      } else {
        if (active) await this.cancelJob(jm, run, state);
        if (req.from === 'latest-checkpoint') {
          // Weir submits with checkpoints retained on cancellation, so the files outlive the cancel.
          // A cluster that does not answer is said as such, not as "no checkpoint".
          const path = state ? await jm.latestCheckpointPath(run.flinkJobId).catch(unlessUnreachable(null)) : null;
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
      const newRun = await this.submit(actor, task, version, restore);
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
   * Throws FlinkUnreachableError unless the run's JobManager (and, for a SQL task, its SQL Gateway)
   * answers. Automatic restarts ask first: a submission into an outage would be recorded as a run
   * that never reached Flink, and its failure would start yet another restart.
   */
  async assertClusterAnswers(runId: string): Promise<void> {
    const { run, task } = await this.runAndTask(runId);
    const cluster = await this.deps.clusters.get(run.clusterId);
    await this.deps.clusters.jobManager(cluster).probe();
    if (task.kind === 'SQL') await this.deps.clusters.sqlGateway(cluster).probe();
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

  // ---- submission -----------------------------------------------------------------------------

  /** Records the run, then submits the version under the job id chosen for it. */
  private async submit(actor: Principal, task: TaskRecord, version: TaskVersionRecord, restore: Restore | null): Promise<RunRecord> {
    const cluster = await this.deps.clusters.get(task.clusterId);
    const config = parseVersionConfig(version);
    const jobId = randomBytes(16).toString('hex');
    const { run } = await this.deps.runs.upsertByJob({
      taskId: task.id,
      clusterId: cluster.id,
      flinkJobId: jobId,
      jobName: task.name,
      status: 'INITIALIZING',
      executionMode: config.executionMode,
      versionId: version.id,
    });
    await this.deps.runs.makeLatest(run.id);
    const submittedAt = this.now();
    await this.deps.runs.appendTransition(run.id, {
      toStatus: 'INITIALIZING',
      at: submittedAt,
      source: 'weir',
      note: `Submitted by ${actor.name}: version ${version.version}${restore ? `, restoring ${restore.path}` : ''}`,
    });
    try {
      if (task.kind === 'SQL') await this.submitSql(cluster, task, version.content, config, jobId, restore);
      else await this.submitJar(cluster, version.content, config, jobId, restore);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const at = Math.max(this.now(), submittedAt + 1);
      // A job id Flink never had must not be shown or read as a Flink job: the run says why it never got there.
      const reached = await this.deps.clusters.jobManager(cluster).jobExists(jobId).catch(() => null);
      await this.deps.runs.appendTransition(run.id, { toStatus: 'FAILED', at, source: 'weir', note: `Submission failed: ${message}` });
      await this.deps.runs.update(run.id, { status: 'FAILED', endTime: at, ...(reached === false ? { submissionError: message } : {}) });
      this.deps.bus.publish({
        type: 'run.status',
        from: 'INITIALIZING',
        to: 'FAILED',
        at,
        restartCount: 0,
        note: `Submission failed: ${message}`,
        runId: run.id,
        taskId: task.id,
        taskName: task.name,
        clusterId: cluster.id,
        clusterName: cluster.name,
        flinkJobId: jobId,
        jobName: task.name,
      });
      throw err;
    }
    // Let the watcher record the job's first statuses now rather than at its next cycle.
    await this.deps.watchers.refreshNow(cluster.id).catch(() => undefined);
    return (await this.deps.runs.get(run.id)) ?? run;
  }

  private async submitSql(cluster: Cluster, task: TaskRecord, script: string, config: VersionConfig, jobId: string, restore: Restore | null): Promise<void> {
    let plan;
    try {
      plan = planSubmission(script);
    } catch (err) {
      if (!(err instanceof ScriptPlanError)) throw err;
      const { message, line, column, statementIndex } = err.problem;
      throw new InputError(`The script cannot be submitted: ${message} (line ${line}, column ${column})`, { message, line, column, statementIndex });
    }
    const gateway = this.deps.clusters.sqlGateway(cluster);
    const session = await gateway.openSession(`weir-${task.name}`, jobConfiguration(config, { 'pipeline.name': task.name }));
    try {
      for (const statement of plan.setup) await this.execute(gateway, session, statement);
      const jobConfig: Record<string, string> = { [FIXED_JOB_ID]: jobId };
      if (restore) jobConfig['execution.savepoint.path'] = restore.path;
      const result = await this.execute(gateway, session, plan.job, jobConfig);
      if (result.jobId !== jobId) {
        throw new FlinkRejectedError(`The SQL Gateway started job ${result.jobId ?? '(none)'} instead of ${jobId}; is ${FIXED_JOB_ID} supported by this Flink version?`);
      }
    } finally {
      await gateway.closeSession(session).catch(() => undefined);
    }
  }

  /** One statement; a rejection comes back with its position in the task's script. */
  private async execute(gateway: ReturnType<ClustersService['sqlGateway']>, session: string, statement: GatewayStatement, executionConfig?: Record<string, string>) {
    try {
      return await gateway.execute(session, statement.text, { executionConfig });
    } catch (err) {
      if (!(err instanceof FlinkRejectedError)) throw err;
      const details = err.details as Partial<SqlErrorDetails> | undefined;
      const at = rejectionInScript(details?.message ?? err.message, details?.position, statement);
      throw new FlinkRejectedError(`Flink rejected statement ${at.statementIndex + 1} (line ${at.line}, column ${at.column}): ${at.message}`, at);
    }
  }

  private async submitJar(cluster: Cluster, content: string, config: VersionConfig, jobId: string, restore: Restore | null): Promise<void> {
    const spec = decodeJar(content);
    if (!spec) throw new InputError('The version has no jar');
    const jar = await this.deps.jars.read(spec.jarId);
    if (!jar) throw new ConflictError(`Jar ${spec.jarId} is no longer stored in Weir; upload it again and publish a new version`);
    const jm = this.deps.clusters.jobManager(cluster);
    const uploaded = await jm.uploadJar(jar.file.fileName, jar.content);
    try {
      await jm.runJar(uploaded, {
        jobId,
        entryClass: spec.entryClass ?? undefined,
        args: spec.args,
        parallelism: config.parallelism,
        savepointPath: restore?.path,
        flinkConfiguration: jobConfiguration(config, {}),
      });
    } finally {
      // The job holds its own copy; the upload would otherwise pile up on the JobManager.
      await jm.deleteJar(uploaded).catch(() => undefined);
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  /**
   * Refuses a restore that cannot work, before anything is stopped: from a savepoint Weir disposed of,
   * or one whose folder is gone from a disk Weir can see (removed by hand, or by Flink's retention of
   * checkpoints). Flink would only find out after the running job had been cancelled.
   */
  private async refuseUnrestorable(task: TaskRecord, path: string): Promise<void> {
    const disposed = await this.deps.savepoints.findDisposed(task.id, path);
    if (disposed) {
      throw new ConflictError(`Savepoint ${path} of task ${task.name} was disposed of on ${new Date(disposed.disposedAt!).toISOString()} by ${disposed.disposedBy}; restore from another one`);
    }
    if (knownMissing(path)) throw new ConflictError(`Savepoint ${path} of task ${task.name} is gone: its folder is no longer on disk; restore from another one`);
  }

  private async restoreFor(task: TaskRecord, strategy: SavepointStrategy, path: string | null | undefined): Promise<Restore | null> {
    switch (strategy) {
      case 'none':
        return null;
      case 'path':
        if (!path) throw new InputError('The savepoint strategy "path" needs a savepoint path');
        await this.refuseUnrestorable(task, path);
        return { path, source: 'savepoint' };
      case 'latest':
      case 'earliest': {
        const found = strategy === 'latest' ? await this.deps.savepoints.latestCompleted(task.id) : await this.deps.savepoints.earliestCompleted(task.id);
        return found?.path ? { path: found.path, source: `${strategy} ${found.kind === 'CHECKPOINT' ? 'checkpoint' : 'savepoint'}` } : null;
      }
    }
  }

  /** Where the run's version asks for its savepoints (see savepointDirectoryOf); undefined: the cluster's default. */
  private async savepointDirectory(run: RunRecord): Promise<string | undefined> {
    const version = run.versionId ? await this.deps.versions.get(run.versionId) : undefined;
    return version ? savepointDirectoryOf(parseVersionConfig(version)) : undefined;
  }

  private async stopWithSavepoint(actor: Principal, jm: JobManagerClient, run: RunRecord, state: string, drain: boolean): Promise<{ status: string; savepoint: SavepointRecord }> {
    if (state !== 'RUNNING') throw new ConflictError(`Job ${run.flinkJobId} is ${state}; only a RUNNING job can be stopped with a savepoint`);
    await this.awaitTasksStarted(jm, run);
    const triggerId = await jm.stopWithSavepoint(run.flinkJobId, await this.savepointDirectory(run), drain);
    const savepoint = await this.awaitSavepoint(jm, run, 'STOP_WITH_SAVEPOINT', triggerId, actor);
    const status = await this.awaitTerminal(jm, run);
    return { status, savepoint };
  }

  private async cancelJob(jm: JobManagerClient, run: RunRecord, state: string): Promise<{ status: string; savepoint: null }> {
    if (!ACTIVE_FOR_CANCEL.has(state)) throw new ConflictError(`Job ${run.flinkJobId} is ${state}; only an active job can be cancelled`);
    await jm.cancel(run.flinkJobId);
    return { status: await this.awaitTerminal(jm, run), savepoint: null };
  }

  /**
   * A job is RUNNING before all its tasks are, and Flink refuses a savepoint until they are: wait
   * for them a little (read from /jobs/overview, which Flink does not cache) rather than fail.
   */
  private async awaitTasksStarted(jm: JobManagerClient, run: RunRecord): Promise<void> {
    const deadline = this.now() + this.settings.tasksStartTimeoutMs;
    for (;;) {
      const job = (await jm.jobsOverview()).find((j) => j.jid === run.flinkJobId);
      if (!job) throw new ConflictError(`The JobManager no longer lists job ${run.flinkJobId}`);
      if (job.state !== 'RUNNING') throw new ConflictError(`Job ${run.flinkJobId} is ${job.state}; only a RUNNING job can take a savepoint`);
      const starting = (['created', 'scheduled', 'deploying', 'initializing', 'reconciling'] as const).reduce((n, k) => n + (job.tasks[k] ?? 0), 0);
      if (starting === 0) return;
      if (this.now() > deadline) {
        throw new ConflictError(`Job ${run.flinkJobId} is RUNNING but ${starting} of its ${job.tasks.total ?? '?'} tasks are still starting; try again once they run`);
      }
      await sleep(200);
    }
  }

  /** Savepoint records this process is polling Flink for (awaitSavepoint); the settler leaves them alone. */
  private readonly awaiting = new Set<string>();

  /** Records the savepoint as PENDING, polls Flink until it completes, fails or times out. */
  private async awaitSavepoint(jm: JobManagerClient, run: RunRecord, kind: SavepointKind, triggerId: string, actor: Principal): Promise<SavepointRecord> {
    const record = await this.deps.savepoints.create({ runId: run.id, taskId: run.taskId, kind, triggerId, takenBy: actor.name });
    this.awaiting.add(record.id);
    try {
      const completed = await this.pollSavepoint(jm, run, record, triggerId);
      await this.announceSavepoint(completed);
      return completed;
    } catch (err) {
      const failed = await this.deps.savepoints.get(record.id);
      if (failed?.status === 'FAILED') await this.announceSavepoint(failed);
      throw err;
    } finally {
      this.awaiting.delete(record.id);
    }
  }

  /** Tells the alert engine (and whoever listens) how a savepoint ended. */
  private async announceSavepoint(savepoint: SavepointRecord): Promise<void> {
    if (savepoint.status !== 'COMPLETED' && savepoint.status !== 'FAILED') return;
    const run = await this.deps.runs.get(savepoint.runId);
    const task = run ? await this.deps.tasks.get(run.taskId) : undefined;
    if (!run || !task) return;
    const cluster = await this.deps.clusters.get(run.clusterId).catch(() => undefined);
    this.deps.bus.publish({
      type: 'run.savepoint',
      at: savepoint.completedAt ?? this.now(),
      outcome: savepoint.status,
      savepointId: savepoint.id,
      path: savepoint.path,
      failure: savepoint.failure,
      takenBy: savepoint.takenBy,
      runId: run.id,
      taskId: task.id,
      taskName: task.name,
      clusterId: run.clusterId,
      clusterName: cluster?.name ?? run.clusterId,
      flinkJobId: run.flinkJobId,
      jobName: run.jobName,
    });
  }

  private async pollSavepoint(jm: JobManagerClient, run: RunRecord, record: SavepointRecord, triggerId: string): Promise<SavepointRecord> {
    const deadline = this.now() + this.settings.savepointTimeoutMs;
    let delay = 100;
    for (;;) {
      let status;
      try {
        status = await jm.savepointStatus(run.flinkJobId, triggerId);
      } catch (err) {
        if (!(err instanceof AppError) || this.now() > deadline) {
          await this.deps.savepoints.fail(record.id, err instanceof Error ? err.message : String(err), this.now());
          throw err;
        }
        status = { status: 'IN_PROGRESS' as const };
      }
      if (status.status === 'COMPLETED' && status.location) {
        await this.deps.savepoints.complete(record.id, status.location, this.now());
        return (await this.deps.savepoints.get(record.id))!;
      }
      if (status.status === 'FAILED' || status.status === 'COMPLETED') {
        const failure = status.failure ?? 'Flink reported no savepoint location';
        await this.deps.savepoints.fail(record.id, failure, this.now());
        throw new FlinkRejectedError(`Flink could not take the savepoint of job ${run.flinkJobId}: ${failure}`);
      }
      if (this.now() > deadline) {
        const failure = `No result within ${Math.round(this.settings.savepointTimeoutMs / 1000)} s`;
        await this.deps.savepoints.fail(record.id, failure, this.now());
        throw new FlinkRejectedError(`The savepoint of job ${run.flinkJobId} did not complete: ${failure}`);
      }
      await sleep(delay);
      delay = Math.min(delay * 2, 1_000);
    }
  }

  /**
   * Settles savepoints an earlier Weir process left PENDING (it stopped while Flink was still
   * writing them): each takes the result Flink kept for its trigger, with an audit entry. Flink
   * keeps trigger results for `rest.async.store-duration` (5 min by default) and forgets them
   * when its JobManager restarts: a trigger it no longer knows is marked FAILED with Flink's
   * answer. While the cluster cannot be reached, the savepoint stays PENDING and is asked again
   * on the next round. Runs on a schedule; returns how many it settled.
   */
  async settleOrphanedSavepoints(): Promise<number> {
    let settled = 0;
    for (const savepoint of await this.deps.savepoints.listPending()) {
      if (this.awaiting.has(savepoint.id)) continue;
      const run = await this.deps.runs.get(savepoint.runId);
      const outcome = await this.orphanOutcome(savepoint, run);
      if (!outcome) continue;
      const at = this.now();
      const changed = 'path' in outcome
        ? await this.deps.savepoints.complete(savepoint.id, outcome.path, at)
        : await this.deps.savepoints.fail(savepoint.id, outcome.failure, at);
      if (!changed) continue;
      settled += 1;
      const task = run ? await this.deps.tasks.get(run.taskId) : undefined;
      const target: AuditTarget = run && task ? runTarget(run, task) : { type: 'run', id: savepoint.runId, name: savepoint.runId };
      await this.deps.audit.record(SYSTEM_PRINCIPAL, 'run.savepoint.settle', target, 'path' in outcome ? 'success' : 'failure', {
        savepointId: savepoint.id,
        kind: savepoint.kind,
        triggerId: savepoint.triggerId,
        ...('path' in outcome ? { savepointPath: outcome.path } : { error: outcome.failure }),
      });
    }
    return settled;
  }

  /** What became of an orphaned savepoint: its path, why it failed, or undefined when Flink cannot say yet. */
  private async orphanOutcome(savepoint: SavepointRecord, run: RunRecord | undefined): Promise<OrphanOutcome | undefined> {
    if (!run || !savepoint.triggerId) return { failure: 'Weir stopped before Flink acknowledged the savepoint' };
    let jm: JobManagerClient;
    try {
      ({ jm } = await this.clusterOf(run));
    } catch (err) {
      if (err instanceof NotFoundError) return { failure: `The cluster of job ${run.flinkJobId} was removed before the savepoint's result was read` };
      throw err;
    }
    try {
      const status = await jm.savepointStatus(run.flinkJobId, savepoint.triggerId);
      if (status.status === 'COMPLETED' && status.location) return { path: status.location };
      if (status.status === 'FAILED' || status.status === 'COMPLETED') return { failure: status.failure ?? 'Flink reported no savepoint location' };
      if (this.now() - savepoint.createdAt > this.settings.savepointTimeoutMs) {
        return { failure: `No result within ${Math.round(this.settings.savepointTimeoutMs / 1000)} s` };
      }
      return undefined;
    } catch (err) {
      if (err instanceof FlinkRejectedError) return { failure: `Flink no longer knows the savepoint's trigger: ${err.message}` };
      if (err instanceof AppError) return undefined; // cannot be reached now: ask again next round
      throw err;
    }
  }

  /** Waits until Flink reports the job terminal; then lets the watcher record it. */
  private async awaitTerminal(jm: JobManagerClient, run: RunRecord): Promise<string> {
    const deadline = this.now() + this.settings.terminalTimeoutMs;
    let state = await this.liveState(jm, run);
    while (state && !TERMINAL.has(state)) {
      if (this.now() > deadline) throw new FlinkRejectedError(`Job ${run.flinkJobId} is still ${state} after ${Math.round(this.settings.terminalTimeoutMs / 1000)} s`);
      await sleep(150);
      state = await this.liveState(jm, run);
    }
    await this.deps.watchers.refreshNow(run.clusterId).catch(() => undefined);
    return state ?? 'UNKNOWN';
  }

  /** The job's status as its JobManager reports it now; null when the JobManager no longer knows it. */
  private async liveState(jm: JobManagerClient, run: RunRecord): Promise<string | null> {
    try {
      return (await jm.job(run.flinkJobId)).state;
    } catch (err) {
      if (err instanceof FlinkRejectedError && (err.details as { status?: number } | undefined)?.status === 404) return null;
      throw err;
    }
  }

  /** The run's end when Flink reported it (its last recorded transition is Flink's and terminal). */
  private async endedPerFlink(run: RunRecord): Promise<string | null> {
    if (!TERMINAL.has(run.status)) return null;
    const last = (await this.deps.runs.listTransitions(run.id)).at(-1);
    return last?.source === 'flink' && last.toStatus === run.status ? run.status : null;
  }

  private async requireLiveState(jm: JobManagerClient, run: RunRecord): Promise<string> {
    const state = await this.liveState(jm, run);
    if (state === null) {
      throw new ConflictError(`The JobManager no longer knows job ${run.flinkJobId} (last recorded status ${run.status}); there is nothing to act on`);
    }
    if (TERMINAL.has(state)) throw new ConflictError(`Job ${run.flinkJobId} is already ${state}`);
    return state;
  }

  private async refuseIfRunning(task: TaskRecord): Promise<void> {
    const latest = task.latestRunId ? await this.deps.runs.get(task.latestRunId) : undefined;
    if (!latest || TERMINAL.has(latest.status) || latest.lost) return;
    const { jm } = await this.clusterOf(latest);
    const state = await this.liveState(jm, latest).catch(() => latest.status);
    if (state && !TERMINAL.has(state)) {
      throw new ConflictError(`Task ${task.name} already has job ${latest.flinkJobId} in status ${state}; take it offline first`);
    }
  }

  private async refuseIfOtherRunActive(task: TaskRecord, run: RunRecord): Promise<void> {
    if (!task.latestRunId || task.latestRunId === run.id) return;
    const latest = await this.deps.runs.get(task.latestRunId);
    if (latest && !TERMINAL.has(latest.status) && !latest.lost) {
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
    return { cluster, jm: this.deps.clusters.jobManager(cluster) };
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

function taskTarget(task: TaskRecord): AuditTarget {
  return { type: 'task', id: task.id, name: task.name };
}

type OrphanOutcome = { path: string } | { failure: string };

function runTarget(run: RunRecord, task: TaskRecord): AuditTarget {
  return { type: 'run', id: run.id, name: `${task.name} (${run.flinkJobId})` };
}

/** A catch handler that answers `fallback` for any failure except a cluster that cannot be reached. */
function unlessUnreachable<T>(fallback: T) {
  return (err: unknown): T => {
    if (err instanceof FlinkUnreachableError) throw err;
    return fallback;
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
