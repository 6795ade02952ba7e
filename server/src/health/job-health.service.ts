import { TERMINAL_RUN_STATUSES, type AutoRestartPolicy, type HealthCheckName, type HealthCheckSettings, type RunHealth, type TaskHealth } from '@weir/contract';
import { replacedChanges } from '../audit/audit-changes.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../access/principal.js';
import { NotFoundError } from '../errors/errors.js';
import type { RunsStore } from '../runs/runs.store.js';
import type { TasksStore } from '../tasks/tasks.store.js';
import { bandOf, SCORE_WINDOW_MS } from './health-score.js';
import type { HealthStore, StoredRunHealth } from './health.store.js';

const CHECK_ORDER: HealthCheckName[] = ['restarts', 'checkpoint', 'backpressure'];

/** Job health as the API shows it: a run's score and checks, a task's auto-restart policy and check settings. */
export class JobHealthService {
  constructor(
    private readonly deps: { store: HealthStore; runs: RunsStore; tasks: TasksStore; audit: AuditService; now?: () => number },
  ) {}

  async runHealth(runId: string): Promise<RunHealth> {
    const run = await this.deps.runs.get(runId);
    if (!run) throw new NotFoundError('Run', runId);
    const now = (this.deps.now ?? Date.now)();
    const [stored, latest, history, links] = await Promise.all([
      this.deps.store.score(runId),
      this.deps.store.latestResults(runId),
      this.deps.store.resultsSince(runId, now - SCORE_WINDOW_MS),
      this.deps.store.restartLinks(runId),
    ]);
    // A run that ended shows only the score of its end: until the checks have scored it (within a
    // cycle), the last live score would call a FAILED run healthy.
    const shown = stored && (stored.ended || !(TERMINAL_RUN_STATUSES as readonly string[]).includes(run.status)) ? stored : undefined;
    return {
      runId,
      taskId: run.taskId,
      score: shown?.score ?? null,
      band: shown ? bandOf(shown.score) : null,
      reasons: shown?.reasons ?? [],
      checks: CHECK_ORDER.flatMap((check) => (latest.has(check) ? [latest.get(check)!] : [])),
      history,
      evaluatedAt: stored?.evaluatedAt ?? null,
      endedStatus: stored?.ended?.status ?? null,
      endedAt: stored?.ended?.at ?? null,
      ...links,
    };
  }

  /** Scores of the given runs (the overview's rows). */
  scores(runIds: readonly string[]): Promise<Map<string, StoredRunHealth>> {
    return this.deps.store.scores(runIds);
  }

  async taskHealth(taskId: string): Promise<TaskHealth> {
    await this.requireTask(taskId);
    const [health, attempts] = await Promise.all([this.deps.store.taskHealth(taskId), this.deps.store.listAttempts(taskId)]);
    return {
      taskId,
      autoRestart: health.autoRestart,
      checks: health.checks,
      autoRestartState: health.autoRestartState,
      autoRestartReason: health.autoRestartReason,
      autoRestartStateAt: health.autoRestartStateAt,
      attempts,
    };
  }

  async setAutoRestart(actor: Principal, taskId: string, policy: AutoRestartPolicy): Promise<TaskHealth> {
    const task = await this.requireTask(taskId);
    const before = (await this.deps.store.taskHealth(taskId)).autoRestart;
    await this.deps.audit.around(actor, 'task.auto-restart.update', { type: 'task', id: task.id, name: task.name }, () => this.deps.store.savePolicy(taskId, policy, actor.name), {
      changes: replacedChanges(before, policy),
    });
    return this.taskHealth(taskId);
  }

  async setChecks(actor: Principal, taskId: string, checks: HealthCheckSettings): Promise<TaskHealth> {
    const task = await this.requireTask(taskId);
    const before = (await this.deps.store.taskHealth(taskId)).checks;
    await this.deps.audit.around(actor, 'task.health-checks.update', { type: 'task', id: task.id, name: task.name }, () => this.deps.store.saveChecks(taskId, checks, actor.name), {
      changes: replacedChanges(before, checks),
    });
    return this.taskHealth(taskId);
  }

  private async requireTask(taskId: string) {
    const task = await this.deps.tasks.get(taskId);
    if (!task) throw new NotFoundError('Task', taskId);
    return task;
  }
}
