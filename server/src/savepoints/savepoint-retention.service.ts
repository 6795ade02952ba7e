import fs from 'node:fs';
import { isTerminalRunStatus, type SavepointDisposalResult, type SavepointRetentionPlan, type SavepointRetentionPolicy } from '@weir/contract';
import type { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../access/principal.js';
import type { ClustersService } from '../clusters/clusters.service.js';
import type { FlinkClients } from '../flink/flink-clients.js';
import { NotFoundError } from '../errors/errors.js';
import { restoredPathOf } from '../flink/saved-states.js';
import type { RunsStore } from '../runs/runs.store.js';
import type { SavepointsStore } from '../runs/savepoints.store.js';
import type { TasksStore } from '../tasks/tasks.store.js';
import { planRetention } from './retention-plan.js';
import { localDirectory } from '../flink/state-paths.js';

export interface DisposalSettings {
  /** How often Flink is asked whether a disposal finished. */
  pollMs: number;
  /** A disposal Flink has not finished by then is reported failed (its savepoint stays COMPLETED). */
  timeoutMs: number;
}

const DEFAULT_DISPOSAL: DisposalSettings = { pollMs: 250, timeoutMs: 60_000 };

/**
 * A task's savepoint catalog, across its runs, and its retention: which savepoints a policy keeps
 * (see planRetention), shown before anything is removed, and the disposal of the rest through the
 * Flink cluster of the run that took each (POST /savepoint-disposal), audited one by one. A path
 * Weir can see on its own disk is checked gone before the savepoint is marked DISPOSED.
 */
export class SavepointRetentionService {
  private readonly settings: DisposalSettings;

  constructor(
    private readonly deps: {
      savepoints: SavepointsStore;
      runs: RunsStore;
      tasks: TasksStore;
      clusters: ClustersService;
      flink: FlinkClients;
      audit: AuditService;
      now?: () => number;
      settings?: Partial<DisposalSettings>;
    },
  ) {
    this.settings = { ...DEFAULT_DISPOSAL, ...deps.settings };
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  async preview(taskId: string, policy: SavepointRetentionPolicy): Promise<SavepointRetentionPlan> {
    await this.taskOrThrow(taskId);
    return this.plan(taskId, policy);
  }

  /** Retention runs of each task, one after the other (the schedule's and a user's may meet). */
  private readonly applying = new Map<string, Promise<unknown>>();

  /** Carries the policy out now: disposes of what the preview lists, one savepoint at a time. */
  apply(actor: Principal, taskId: string, policy: SavepointRetentionPolicy): Promise<SavepointDisposalResult> {
    const previous = this.applying.get(taskId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.applyNow(actor, taskId, policy));
    const settled = next.catch(() => undefined);
    this.applying.set(taskId, settled);
    void settled.then(() => {
      if (this.applying.get(taskId) === settled) this.applying.delete(taskId);
    });
    return next;
  }

  private async applyNow(actor: Principal, taskId: string, policy: SavepointRetentionPolicy): Promise<SavepointDisposalResult> {
    const task = await this.taskOrThrow(taskId);
    const plan = await this.plan(taskId, policy);
    const result: SavepointDisposalResult = { disposed: [], failed: [], kept: plan.keep.length };
    for (const entry of plan.dispose) {
      try {
        await this.deps.audit.around(actor, 'savepoint.dispose', { type: 'task', id: task.id, name: task.name }, () => this.dispose(actor, entry.id), {
          savepointId: entry.id,
          path: entry.path,
          reason: entry.reason,
          policy,
        });
        result.disposed.push({ id: entry.id, path: entry.path });
      } catch (err) {
        result.failed.push({ id: entry.id, path: entry.path, error: err instanceof Error ? err.message : String(err) });
      }
    }
    return result;
  }

  private async plan(taskId: string, policy: SavepointRetentionPolicy): Promise<SavepointRetentionPlan> {
    const [savepoints, restoredByLiveRuns] = await Promise.all([this.deps.savepoints.listAllByTask(taskId), this.restoredByLiveRuns(taskId)]);
    return planRetention({ savepoints, policy, now: this.now(), restoredByLiveRuns });
  }

  /**
   * The paths the task's live runs started from, as Flink reports them (`latest.restored` of the
   * checkpoints the tracker saved); undefined when a live run's checkpoints were never read.
   */
  private async restoredByLiveRuns(taskId: string): Promise<Map<string, string> | undefined> {
    const { items } = await this.deps.runs.listByTask(taskId, { limit: 100 });
    const protectedPaths = new Map<string, string>();
    for (const run of items) {
      if (run.lost || isTerminalRunStatus(run.status)) continue;
      const snapshot = await this.deps.runs.getSnapshot(run.id, 'checkpoints');
      if (!snapshot) return undefined;
      const restored = restoredPathOf(snapshot.data);
      if (restored) protectedPaths.set(restored, `run of job ${run.flinkJobId} started from it and is ${run.status}`);
    }
    return protectedPaths;
  }

  private async dispose(actor: Principal, savepointId: string): Promise<void> {
    const savepoint = await this.deps.savepoints.get(savepointId);
    // Disposed of meanwhile (by another instance's retention): nothing left to do.
    if (savepoint?.status !== 'COMPLETED' || !savepoint.path) return;
    const path = savepoint.path;
    const run = await this.deps.runs.get(savepoint.runId);
    if (!run) throw new NotFoundError('Run', savepoint.runId);
    const jm = this.deps.flink.jobManagerOfRun(await this.deps.clusters.get(run.clusterId), run);
    const local = localDirectory(path);
    const wasThere = local !== undefined && fs.existsSync(local);
    const triggerId = await jm.disposeSavepoint(path);
    const deadline = this.now() + this.settings.timeoutMs;
    for (;;) {
      const status = await jm.disposalStatus(triggerId);
      if (status.status === 'FAILED') throw new Error(`Flink could not dispose of ${path}: ${status.failure}`);
      if (status.status === 'COMPLETED') break;
      if (this.now() > deadline) throw new Error(`Flink did not finish disposing of ${path} within ${Math.round(this.settings.timeoutMs / 1000)} s`);
      await new Promise((resolve) => setTimeout(resolve, this.settings.pollMs));
    }
    if (wasThere && fs.existsSync(local)) throw new Error(`Flink reported ${path} disposed of, but ${local} is still there`);
    await this.deps.savepoints.markDisposed(savepoint.id, this.now(), actor.name);
  }

  private async taskOrThrow(taskId: string) {
    const task = await this.deps.tasks.get(taskId);
    if (!task) throw new NotFoundError('Task', taskId);
    return task;
  }
}
