import type { SavepointPolicy, SavepointPolicyView } from '@weir/contract';
import { replacedChanges } from '../audit/audit-changes.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../access/principal.js';
import { InputError, NotFoundError } from '../errors/errors.js';
import type { TasksStore } from '../tasks/tasks.store.js';
import type { SavepointPoliciesStore } from './savepoint-policies.store.js';
import { nextSlotAt, parseCron } from './schedule-slots.js';

/** Reading and setting a task's savepoint schedule and retention (what savepoint-scheduler.ts follows). */
export class SavepointPolicyService {
  constructor(private readonly deps: { policies: SavepointPoliciesStore; tasks: TasksStore; audit: AuditService; now?: () => number }) {}

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  async get(taskId: string): Promise<SavepointPolicyView> {
    await this.taskOrThrow(taskId);
    const stored = await this.deps.policies.get(taskId);
    if (!stored) return { schedule: null, retention: null, nextDueAt: null, updatedBy: null, updatedAt: null };
    return {
      schedule: stored.schedule,
      retention: stored.retention,
      nextDueAt: stored.schedule ? nextSlotAt(stored.schedule, stored.lastSlotAt ?? stored.updatedAt) : null,
      updatedBy: stored.updatedBy,
      updatedAt: stored.updatedAt,
    };
  }

  async put(actor: Principal, taskId: string, policy: SavepointPolicy): Promise<SavepointPolicyView> {
    const task = await this.taskOrThrow(taskId);
    if (policy.schedule && 'cron' in policy.schedule) {
      try {
        parseCron(policy.schedule.cron);
      } catch (err) {
        throw new InputError(`schedule.cron: ${(err as Error).message}`);
      }
    }
    const stored = await this.deps.policies.get(taskId);
    const before = { schedule: stored?.schedule ?? null, retention: stored?.retention ?? null };
    await this.deps.audit.around(actor, 'task.savepoint-policy', { type: 'task', id: task.id, name: task.name }, () => this.deps.policies.put(taskId, policy, actor.name, this.now()), {
      changes: replacedChanges(before, policy),
    });
    return this.get(taskId);
  }

  private async taskOrThrow(taskId: string) {
    const task = await this.deps.tasks.get(taskId);
    if (!task) throw new NotFoundError('Task', taskId);
    return task;
  }
}
