import { isTerminalRunStatus } from '@weir/contract';
import type { AuditService, AuditTarget } from '../audit/audit.service.js';
import { SYSTEM_PRINCIPAL, type Principal } from '../access/principal.js';
import type { ClustersService } from '../clusters/clusters.service.js';
import type { FlinkClients } from '../flink/flink-clients.js';
import { AppError, ConflictError, FlinkRejectedError, FlinkUnreachableError, NotFoundError } from '../errors/errors.js';
import type { EventBus } from '../events/events.js';
import type { JobManagerClient } from '../flink/job-manager.client.js';
import { filledAfter } from '../flink/rest-caches.js';
import type { RunRecord, RunsStore } from '../runs/runs.store.js';
import type { SavepointKind, SavepointRecord, SavepointsStore } from '../runs/savepoints.store.js';
import type { TasksStore } from '../tasks/tasks.store.js';
import type { WatcherManager } from '../watcher/watcher-manager.js';
import { runTarget } from './audit-targets.js';
import type { OperationsSettings } from './operations-settings.js';


type OrphanOutcome = { path: string } | { failure: string };

/**
 * What operations wait for, and how they learn it from Flink: a job's tasks to start, a
 * savepoint to be written (recorded PENDING, then COMPLETED or FAILED, and announced), a job to
 * end; and the savepoints an earlier Weir process left waiting, settled from what Flink kept.
 */
export class JobWaits {
  constructor(
    private readonly deps: {
      runs: RunsStore;
      tasks: TasksStore;
      savepoints: SavepointsStore;
      clusters: ClustersService;
      flink: FlinkClients;
      audit: AuditService;
      watchers: WatcherManager;
      bus: EventBus;
      settings: OperationsSettings;
      now: () => number;
    },
  ) {}

  private get settings(): OperationsSettings {
    return this.deps.settings;
  }

  private now(): number {
    return this.deps.now();
  }

  private async jobManagerOf(run: RunRecord): Promise<JobManagerClient> {
    return this.deps.flink.jobManagerOfRun(await this.deps.clusters.get(run.clusterId), run);
  }

  /**
   * A job is RUNNING before all its tasks are, and Flink refuses a savepoint until they are: wait
   * for them a little (read from /jobs/overview, which Flink does not cache) rather than fail.
   */
  async awaitTasksStarted(jm: JobManagerClient, run: RunRecord): Promise<void> {
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
  async awaitSavepoint(jm: JobManagerClient, run: RunRecord, kind: SavepointKind, triggerId: string, actor: Principal): Promise<SavepointRecord> {
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
      jm = await this.jobManagerOf(run);
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
  async awaitTerminal(jm: JobManagerClient, run: RunRecord): Promise<string> {
    const deadline = this.now() + this.settings.terminalTimeoutMs;
    let state: string | null = null;
    for (;;) {
      try {
        state = await this.liveState(jm, run);
      } catch (err) {
        // An application's JobManager (a YARN run's own) outlives its job only until a watcher has recorded the end
        // and shut the application down: this process's watcher waits for the operation (RunOperationsInProgress),
        // another instance's does not, and the application may have died. The JobManager answered the stop or
        // cancel a moment ago, also when this is the first poll, so the end is what the watcher recorded, from
        // Flink or from YARN, within the same bound.
        if (err instanceof FlinkUnreachableError && run.jobManagerUrl !== null) return this.awaitRecordedEnd(run, deadline);
        throw err;
      }
      if (!state || isTerminalRunStatus(state)) break;
      if (this.now() > deadline) throw new FlinkRejectedError(`Job ${run.flinkJobId} is still ${state} after ${Math.round(this.settings.terminalTimeoutMs / 1000)} s`);
      await sleep(150);
    }
    await this.deps.watchers.refreshNow(run.clusterId).catch(() => undefined);
    return state ?? 'UNKNOWN';
  }

  /** Waits for the watcher to record the end of a run whose own JobManager went away with its job. */
  private async awaitRecordedEnd(run: RunRecord, deadline: number): Promise<string> {
    for (;;) {
      await this.deps.watchers.refreshNow(run.clusterId).catch(() => undefined);
      const now = await this.deps.runs.get(run.id);
      if (now && isTerminalRunStatus(now.status)) return now.status;
      if (this.now() > deadline) {
        throw new FlinkRejectedError(`The JobManager of job ${run.flinkJobId} stopped answering and no end of the job was recorded within ${Math.round(this.settings.terminalTimeoutMs / 1000)} s`);
      }
      await sleep(250);
    }
  }

  /** The job's status as its JobManager reports it now; null when the JobManager no longer knows it. */
  async liveState(jm: JobManagerClient, run: RunRecord): Promise<string | null> {
    try {
      return (await jm.job(run.flinkJobId)).state;
    } catch (err) {
      if (err instanceof FlinkRejectedError && (err.details as { status?: number } | undefined)?.status === 404) return null;
      throw err;
    }
  }

  /** The run's end when Flink reported it (its last recorded transition is Flink's and terminal). */
  async endedPerFlink(run: RunRecord): Promise<string | null> {
    if (!isTerminalRunStatus(run.status)) return null;
    const last = (await this.deps.runs.listTransitions(run.id)).at(-1);
    return last?.source === 'flink' && last.toStatus === run.status ? run.status : null;
  }
  /**
   * The latest checkpoint of a job that ended, as Flink kept it. Flink serves checkpoint statistics
   * from a cache, so a read soon after the end can still name the checkpoint before the last one,
   * which Flink deleted when the last completed: a restart from it then fails for a missing file.
   * So the read waits until the cache entry must have been filled after Weir learned of the end
   * (`endKnownAt`, on Weir's clock); a run that ended a while ago is read at once. A cluster that
   * does not answer is said as such, not as "no checkpoint".
   */
  async checkpointKeptAfterEnd(jm: JobManagerClient, run: RunRecord, endKnownAt: number): Promise<string | null> {
    const wait = filledAfter(endKnownAt, await jm.checkpointStatsCacheMs()) - this.now();
    if (wait > 0) await sleep(wait);
    return jm.latestCheckpointPath(run.flinkJobId).catch((err: unknown) => {
      if (err instanceof FlinkUnreachableError) throw err;
      return null;
    });
  }

}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
