import type { Cluster } from '@weir/contract';
import type { ClustersService } from '../clusters/clusters.service.js';
import type { FlinkClients } from '../flink/flink-clients.js';
import type { EventBus, RunRef } from '../events/events.js';
import { AppError, LeaseLostError } from '../errors/errors.js';
import type { RunRecord, RunsStore, WriteGuard } from '../runs/runs.store.js';
import type { SnapshotData } from '../runs/snapshot-schemas.js';
import type { TasksStore } from '../tasks/tasks.store.js';
import type { Logger } from '../logging/logger.js';

interface Seen {
  completedId: number | null;
  failedId: number | null;
  lastCompletedAt: number | null;
  /** The latest completed checkpoint's end-to-end duration and checkpointed size, when Flink said. */
  lastCompletedDurationMs?: number | null;
  lastCompletedSizeBytes?: number | null;
}

/** Flink's answer to /jobs/:jid/checkpoints, as the client decoded it (live) or the runs store did (saved). */
type JobCheckpointsAnswer = SnapshotData<'checkpoints'>;

/**
 * Follows the checkpoints of RUNNING jobs: /jobs/overview says nothing about
 * them, so this reads `/jobs/:id/checkpoints` for each running job on its own,
 * slower schedule (one request per running job per interval, spread over the
 * clusters), stores the answer as the run's checkpoints snapshot and publishes
 * a `run.checkpoint` event for each newly completed or failed one. What it has
 * seen is read back from that snapshot after a restart, so nothing is announced
 * twice.
 */
export class CheckpointTracker {
  private readonly seen = new Map<string, Seen>();
  /**
   * What was read from the stored snapshot of runs this tracker has not followed yet (another
   * instance's, or one not polled since start-up), for the alert engine's questions; dropped at
   * every pass so it is never older than the snapshot the following instance writes each poll.
   */
  private readonly borrowed = new Map<string, Seen>();
  private readonly names = new Map<string, string>();

  constructor(
    private readonly deps: {
      clusters: ClustersService;
      flink: FlinkClients;
      runs: RunsStore;
      tasks: TasksStore;
      events: EventBus;
      log: Logger;
      concurrency?: number;
      now?: () => number;
      /** Several instances: the clusters this one watches (the others' are theirs to follow). */
      watches?: (clusterId: string) => boolean;
      /** Several instances: the lease check the snapshot write makes in its transaction. */
      writeGuard?: (clusterId: string) => WriteGuard;
    },
  ) {}

  /** One pass over every running job of every cluster. */
  async tick(signal?: AbortSignal): Promise<{ requests: number }> {
    let requests = 0;
    // Task names are read once per pass, so a renamed task's events carry its new name from the next pass.
    this.names.clear();
    const live = new Set<string>();
    for (const cluster of await this.deps.clusters.list()) {
      if (signal?.aborted) return { requests };
      if (this.deps.watches && !this.deps.watches(cluster.id)) continue;
      const notEnded = await this.deps.runs.listNonTerminalByCluster(cluster.id);
      for (const run of notEnded) live.add(run.id);
      if (cluster.health === 'UNREACHABLE' || cluster.health === 'NOT_FLINK') continue;
      // A YARN run is RUNNING only once its own JobManager said so: follow() asks that one (FlinkClients.jobManagerOfRun).
      const running = notEnded.filter((r) => r.status === 'RUNNING' && !r.lost && (cluster.kind === 'session' || r.jobManagerUrl !== null));
      const queue = [...running];
      const workers = Array.from({ length: Math.min(this.deps.concurrency ?? 4, queue.length) }, async () => {
        for (let run = queue.shift(); run; run = queue.shift()) {
          requests += 1;
          try {
            await this.follow(cluster, run);
          } catch (err) {
            if (!(err instanceof LeaseLostError)) throw err;
            // Another instance took the cluster over: it follows these runs from now on.
            queue.length = 0;
          }
        }
      });
      await Promise.all(workers);
    }
    // What was seen of runs that ended (or were deleted) is forgotten: a Weir that runs for months
    // would otherwise keep every run it ever followed. A run of an unreachable cluster is kept.
    for (const runId of this.seen.keys()) if (!live.has(runId)) this.seen.delete(runId);
    this.borrowed.clear();
    return { requests };
  }

  /**
   * What this tracker has read of each run it follows, its latest completed checkpoint by run id
   * (memory only: no query per run). With several instances, only the runs of the clusters this
   * instance watches: every instance exports its own share.
   */
  latestCompleted(): Map<string, { at: number; durationMs: number | null; sizeBytes: number | null }> {
    const latest = new Map<string, { at: number; durationMs: number | null; sizeBytes: number | null }>();
    for (const [runId, seen] of this.seen) {
      if (seen.lastCompletedAt === null) continue;
      latest.set(runId, { at: seen.lastCompletedAt, durationMs: seen.lastCompletedDurationMs ?? null, sizeBytes: seen.lastCompletedSizeBytes ?? null });
    }
    return latest;
  }

  /** When the run's latest checkpoint completed, as far as Weir knows. */
  async lastCompletedCheckpointAt(runId: string): Promise<number | null> {
    let seen = this.seen.get(runId) ?? this.borrowed.get(runId);
    if (!seen) this.borrowed.set(runId, (seen = await this.readSnapshot(runId)));
    return seen.lastCompletedAt;
  }

  private async follow(cluster: Cluster, run: RunRecord): Promise<void> {
    let answer;
    try {
      answer = await this.deps.flink.jobManagerOfRun(cluster, run).checkpoints(run.flinkJobId);
    } catch (err) {
      if (err instanceof AppError) return; // the watcher reports an unreachable cluster; try next time
      throw err;
    }
    const previous = this.seen.get(run.id) ?? (await this.readSnapshot(run.id));
    await this.deps.runs.saveSnapshot(run.id, 'checkpoints', JSON.stringify(answer), (this.deps.now ?? Date.now)(), this.deps.writeGuard?.(cluster.id));
    const current = summarize(answer);
    this.seen.set(run.id, current);
    const completed = answer.latest?.completed;
    const failed = answer.latest?.failed;
    const ref = await this.refOf(cluster, run);
    if (completed && completed.id !== previous.completedId) {
      this.deps.events.publish({
        type: 'run.checkpoint',
        at: completed.latest_ack_timestamp ?? completed.trigger_timestamp,
        checkpointId: completed.id,
        outcome: 'COMPLETED',
        isSavepoint: completed.is_savepoint,
        ...ref,
      });
    }
    if (failed && failed.id !== previous.failedId) {
      this.deps.events.publish({
        type: 'run.checkpoint',
        at: failed.failure_timestamp ?? failed.trigger_timestamp,
        checkpointId: failed.id,
        outcome: 'FAILED',
        failure: failed.failure_message ?? 'checkpoint failed',
        isSavepoint: failed.is_savepoint,
        ...ref,
      });
    }
  }

  private async readSnapshot(runId: string): Promise<Seen> {
    const snapshot = await this.deps.runs.getSnapshot(runId, 'checkpoints');
    return snapshot ? summarize(snapshot.data) : { completedId: null, failedId: null, lastCompletedAt: null };
  }

  private async refOf(cluster: Cluster, run: RunRecord): Promise<RunRef> {
    let taskName = this.names.get(run.taskId);
    if (!taskName) {
      taskName = (await this.deps.tasks.get(run.taskId))?.name ?? run.jobName;
      this.names.set(run.taskId, taskName);
    }
    return {
      runId: run.id,
      taskId: run.taskId,
      taskName,
      clusterId: cluster.id,
      clusterName: cluster.name,
      flinkJobId: run.flinkJobId,
      jobName: run.jobName,
    };
  }
}

function summarize(answer: JobCheckpointsAnswer): Seen {
  const completed = answer.latest?.completed ?? null;
  return {
    completedId: completed?.id ?? null,
    failedId: answer.latest?.failed?.id ?? null,
    lastCompletedAt: completed ? (completed.latest_ack_timestamp ?? completed.trigger_timestamp) : null,
    lastCompletedDurationMs: finiteOrNull(completed?.end_to_end_duration),
    lastCompletedSizeBytes: finiteOrNull(completed?.checkpointed_size ?? completed?.state_size),
  };
}

/** Flink's number, or null when it is absent or not a finite number (its answers are checked, not trusted). */
function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}
