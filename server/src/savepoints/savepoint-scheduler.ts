import type { Principal } from '../access/principal.js';
import type { OperationsService } from '../operations/operations.service.js';
import type { RunsStore } from '../runs/runs.store.js';
import type { SavepointsStore } from '../runs/savepoints.store.js';
import type { TasksStore } from '../tasks/tasks.store.js';
import type { SavepointPoliciesStore, StoredSavepointPolicy } from './savepoint-policies.store.js';
import type { SavepointRetentionService } from './savepoint-retention.service.js';
import { nextSlotAt } from './schedule-slots.js';
import { makePrincipal } from '../access/principal.js';
import type { Logger } from '../logging/logger.js';

/** Who takes and disposes of scheduled savepoints, as the audit log and the catalog name it. */
export const SAVEPOINT_SCHEDULE: Principal = makePrincipal({ kind: 'user', id: 'savepoint-schedule', name: 'savepoint-schedule' }, 'operator');

/** A retention without a schedule is applied this often (and after each scheduled savepoint). */
export const RETENTION_EVERY_MS = 10 * 60_000;

/**
 * Takes each task's scheduled savepoints and applies its retention. Scheduled on one instance at a
 * time (the one-instance lease), and every slot is taken by compare-and-set in the database, so a
 * slot is never taken twice, not even across a handover. A slot finds the task's latest run
 * RUNNING or is skipped; a savepoint still in flight for the run (taken by hand, or the previous
 * slot's) skips it too. A savepoint that fails is recorded FAILED with Flink's reason, and the
 * next slot tries again.
 */
export class SavepointScheduler {
  /** Tasks whose scheduled savepoint is being taken by this instance. */
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(
    private readonly deps: {
      policies: SavepointPoliciesStore;
      tasks: TasksStore;
      runs: RunsStore;
      savepoints: SavepointsStore;
      operations: Pick<OperationsService, 'savepoint'>;
      retention: Pick<SavepointRetentionService, 'apply'>;
      log: Logger;
      now?: () => number;
    },
  ) {}

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  async tick(): Promise<void> {
    const now = this.now();
    for (const policy of await this.deps.policies.listActive()) {
      try {
        if (policy.schedule) await this.slot(policy, policy.schedule, now);
        if (policy.retention && !this.inFlight.has(policy.taskId) && now - (policy.lastRetentionAt ?? 0) >= RETENTION_EVERY_MS) {
          await this.applyRetention(policy, now);
        }
      } catch (err) {
        // One task's trouble costs that task's slot, never the others'.
        this.deps.log.warn({ err, taskId: policy.taskId }, 'savepoint schedule could not handle a task');
      }
    }
  }

  /**
   * Resolves once the savepoints this instance is taking are done, or after `graceMs`: at shutdown
   * a savepoint still in flight stays PENDING and the savepoint settler takes Flink's result later.
   */
  async idle(graceMs = Number.POSITIVE_INFINITY): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const grace = Number.isFinite(graceMs) ? new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs))) : new Promise<void>(() => undefined);
    await Promise.race([Promise.allSettled([...this.inFlight.values()]), grace]);
    clearTimeout(timer);
  }

  private async slot(policy: StoredSavepointPolicy, schedule: NonNullable<StoredSavepointPolicy['schedule']>, now: number): Promise<void> {
    const due = nextSlotAt(schedule, policy.lastSlotAt ?? policy.updatedAt);
    if (due === null || due > now) return;
    if (!(await this.deps.policies.takeSlot(policy.taskId, policy.lastSlotAt, now))) return;
    const task = await this.deps.tasks.get(policy.taskId);
    const run = task?.latestRunId ? await this.deps.runs.get(task.latestRunId) : undefined;
    if (!task || !run || run.status !== 'RUNNING' || run.lost) return;
    if (this.inFlight.has(task.id) || (await this.deps.savepoints.hasPending(run.id))) {
      this.deps.log.info({ task: task.name }, 'scheduled savepoint skipped: the previous one is still in flight');
      return;
    }
    const taking = this.deps.operations
      .savepoint(SAVEPOINT_SCHEDULE, run.id)
      .then(async () => {
        if (policy.retention) await this.applyRetention(policy, this.now());
      })
      .catch((err: unknown) => this.deps.log.warn({ err: err instanceof Error ? err.message : err, task: task.name }, 'scheduled savepoint failed'))
      .finally(() => this.inFlight.delete(task.id));
    this.inFlight.set(task.id, taking);
  }

  private async applyRetention(policy: StoredSavepointPolicy, now: number): Promise<void> {
    await this.deps.policies.markRetention(policy.taskId, now);
    const result = await this.deps.retention.apply(SAVEPOINT_SCHEDULE, policy.taskId, policy.retention!);
    if (result.failed.length > 0) this.deps.log.warn({ taskId: policy.taskId, failed: result.failed }, 'retention could not dispose of some savepoints');
  }
}
