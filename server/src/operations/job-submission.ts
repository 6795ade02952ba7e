import { randomBytes } from 'node:crypto';
import type { SavepointStrategy } from '@weir/contract';
import type { Principal } from '../access/principal.js';
import type { ClustersService } from '../clusters/clusters.service.js';
import type { DeploymentTargets } from '../deployment/deployment-targets.js';
import type { Deployment, DeploymentTarget, Restore, RunPlacement } from '../deployment/deployment-target.js';
import type { DeploymentsInProgress } from '../deployment/deployments-in-progress.js';
import { ConflictError, InputError } from '../errors/errors.js';
import type { EventBus } from '../events/events.js';
import type { RunRecord, RunsStore } from '../runs/runs.store.js';
import type { SavepointsStore } from '../runs/savepoints.store.js';
import { knownMissing } from '../flink/state-paths.js';
import { savepointDirectoryOf } from '../tasks/job-configuration.js';
import type { TaskVersionRecord, TaskVersionsStore } from '../tasks/task-versions.store.js';
import { parseVersionConfig } from '../tasks/task-config.js';
import type { TaskRecord } from '../tasks/tasks.store.js';
import type { WatcherManager } from '../watcher/watcher-manager.js';
import type { Logger } from '../logging/logger.js';

/**
 * How a published version becomes a Flink job: under a job id Weir chooses and records (as an
 * INITIALIZING run) before the cluster's deployment target starts it, so the watcher never mistakes
 * the job for an external one; and which state it starts from.
 */
export class JobSubmission {
  constructor(
    private readonly deps: {
      runs: RunsStore;
      savepoints: SavepointsStore;
      versions: TaskVersionsStore;
      clusters: ClustersService;
      targets: DeploymentTargets;
      watchers: WatcherManager;
      bus: EventBus;
      now: () => number;
      log?: Logger;
      /** Shared with the YARN watcher, which must not take a deployment in progress here for one left behind. */
      inProgress?: DeploymentsInProgress;
    },
  ) {}

  private now(): number {
    return this.deps.now();
  }

  /**
   * Records the run, then submits the version under the job id chosen for it. A target that deploys in the
   * background (YARN: 30-120 s) is left to it: the run answered here is INITIALIZING, and takes its application id,
   * then its JobManager, then Flink's statuses as they come; a failure ends it FAILED with the target's reason.
   */
  async submit(actor: Principal, task: TaskRecord, version: TaskVersionRecord, restore: Restore | null): Promise<RunRecord> {
    const cluster = await this.deps.clusters.get(task.clusterId);
    const target = this.deps.targets.of(cluster);
    const kind = task.kind;
    if (kind === 'EXTERNAL') throw new ConflictError(`Task ${task.name} was discovered on its cluster; Weir cannot submit it`);
    target.refuseUnsupported(kind, task.name, version.content);
    const jobId = randomBytes(16).toString('hex');
    // Marked before the run is recorded, so no YARN watcher cycle sees it INITIALIZING as a deployment left behind.
    this.deps.inProgress?.begin(jobId);
    const handedOff = { toBackground: false };
    try {
      return await this.recordAndDeploy(actor, task, kind, version, restore, cluster, target, jobId, handedOff);
    } finally {
      // A background deployment ends the mark itself, when it settles.
      if (!handedOff.toBackground) this.deps.inProgress?.end(jobId);
    }
  }

  private async recordAndDeploy(
    actor: Principal, task: TaskRecord, kind: Deployment['kind'], version: TaskVersionRecord, restore: Restore | null,
    cluster: Awaited<ReturnType<ClustersService['get']>>, target: DeploymentTarget, jobId: string,
    handedOff: { toBackground: boolean },
  ): Promise<RunRecord> {
    const config = parseVersionConfig(version);
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
      note: {
        text: `Submitted by ${actor.name}: version ${version.version}${restore ? `, restoring ${restore.path}` : ''}`,
        code: restore
          ? { code: 'submittedRestoring', params: { actor: actor.name, version: version.version, path: restore.path } }
          : { code: 'submitted', params: { actor: actor.name, version: version.version } },
      },
    });
    const deployment = { jobId, taskName: task.name, kind, content: version.content, config, restore };
    const placed = (placement: RunPlacement) => this.deps.runs.update(run.id, placement).then(() => undefined);
    const deploy = async () => {
      try {
        await target.submit(deployment, placed);
      } catch (err) {
        await this.recordFailure(run, task, cluster, target, submittedAt, err);
        throw err;
      }
      // Let the watcher record the job's first statuses now rather than at its next cycle.
      await this.deps.watchers.refreshNow(cluster.id).catch(() => undefined);
    };
    if (target.deploysInBackground) {
      handedOff.toBackground = true;
      this.inBackground(deploy().finally(() => this.deps.inProgress?.end(jobId)), run);
      return run;
    }
    await deploy();
    return (await this.deps.runs.get(run.id)) ?? run;
  }

  /** Deployments still running in the background, so a test or a shutdown can wait for them. */
  private readonly deploying = new Set<Promise<void>>();

  private inBackground(deployment: Promise<void>, run: RunRecord): void {
    const settled = deployment.catch((err: unknown) => {
      // Already the run's evidence (recordFailure); the log says it for whoever reads the server's.
      this.deps.log?.warn({ runId: run.id, err: err instanceof Error ? err.message : String(err) }, 'a background deployment failed');
    });
    this.deploying.add(settled);
    void settled.finally(() => this.deploying.delete(settled));
  }

  /** Resolves once the deployments started so far have succeeded or failed (and each failure is recorded). */
  async settled(): Promise<void> {
    await Promise.all([...this.deploying]);
  }

  /** The run ends FAILED with the target's reason; a job id the target never had is marked as never having reached Flink. */
  private async recordFailure(run: RunRecord, task: TaskRecord, cluster: { id: string; name: string }, target: DeploymentTarget, submittedAt: number, err: unknown): Promise<void> {
    const message = err instanceof Error ? err.message : String(err);
    const at = Math.max(this.now(), submittedAt + 1);
    // A job id Flink never had must not be shown or read as a Flink job: the run says why it never got there.
    const reached = await target.knowsJob(run.flinkJobId);
    const note = { text: `Submission failed: ${message}`, code: { code: 'submissionFailed', params: { message } } } as const;
    await this.deps.runs.appendTransition(run.id, { toStatus: 'FAILED', at, source: 'weir', note });
    await this.deps.runs.update(run.id, { status: 'FAILED', endTime: at, ...(reached === false ? { submissionError: message } : {}) });
    this.deps.bus.publish({
      type: 'run.status',
      from: 'INITIALIZING',
      to: 'FAILED',
      at,
      restartCount: 0,
      note: note.text,
      noteCode: note.code,
      runId: run.id,
      taskId: task.id,
      taskName: task.name,
      clusterId: cluster.id,
      clusterName: cluster.name,
      flinkJobId: run.flinkJobId,
      jobName: task.name,
    });
  }

  /**
   * Refuses a restore that cannot work, before anything is stopped: from a savepoint Weir disposed of,
   * or one whose folder is gone from a disk Weir can see (removed by hand, or by Flink's retention of
   * checkpoints). Flink would only find out after the running job had been cancelled.
   */
  async refuseUnrestorable(task: TaskRecord, path: string): Promise<void> {
    const disposed = await this.deps.savepoints.findDisposed(task.id, path);
    if (disposed) {
      throw new ConflictError(`Savepoint ${path} of task ${task.name} was disposed of on ${new Date(disposed.disposedAt!).toISOString()} by ${disposed.disposedBy}; restore from another one`);
    }
    if (knownMissing(path)) throw new ConflictError(`Savepoint ${path} of task ${task.name} is gone: its folder is no longer on disk; restore from another one`);
  }

  async restoreFor(task: TaskRecord, strategy: SavepointStrategy, path: string | null | undefined): Promise<Restore | null> {
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
  async savepointDirectory(run: RunRecord): Promise<string | undefined> {
    const version = run.versionId ? await this.deps.versions.get(run.versionId) : undefined;
    return version ? savepointDirectoryOf(parseVersionConfig(version)) : undefined;
  }
}
