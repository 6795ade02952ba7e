import type { AlertCondition } from '@weir/contract';
import type { CheckpointFacts, MetricSource, RunFacts, RunningRun, TaskFacts } from './alert-facts.js';
import { runFacts, type TaskSubject } from './alert-rule-scope.js';
import type { AlertRulesStore, StoredRule } from './alert-rules.store.js';
import { formatDuration } from './alert-templates.js';
import { eventLoopTurns } from '../scheduler/event-loop-turns.js';
import type { IncidentActions } from './incident-actions.js';
import { incidentSummary, metricInWords } from './incident-summaries.js';

type Condition<K extends AlertCondition['kind']> = Extract<AlertCondition, { kind: K }>;

export interface ScheduledChecksOptions {
  facts: TaskFacts & RunFacts;
  checkpoints: CheckpointFacts & { readonly knownSince?: number };
  metrics: MetricSource;
  now: () => number;
  taskSubject(taskId: string): Promise<TaskSubject>;
}

/**
 * The conditions no event announces, checked on a schedule over stored facts: no checkpoint for a
 * duration, metric thresholds held for a duration, restarts leaving their window; then the
 * re-notification of incidents that keep firing. Idempotent, so several instances may run it.
 */
export class ScheduledAlertChecks {
  constructor(
    private readonly rules: AlertRulesStore,
    private readonly actions: IncidentActions,
    private readonly options: ScheduledChecksOptions,
  ) {}

  async evaluate(): Promise<void> {
    const rules = await this.rules.listActive();
    const byId = new Map(rules.map((rule) => [rule.id, rule]));
    const scheduled = rules.filter((rule) => rule.condition.kind === 'no-checkpoint' || rule.condition.kind === 'metric');
    if (scheduled.length > 0) {
      const running = await this.options.facts.runningRuns();
      // One task read per task and pass, however many rules look at it.
      const subjects = new Map<string, Promise<TaskSubject>>();
      // Every second, rules × running runs: on SQLite a pass over thousands of runs would hold the server.
      const turn = eventLoopTurns();
      for (const rule of scheduled) {
        for (const run of running) {
          let subject = subjects.get(run.taskId);
          if (!subject) subjects.set(run.taskId, (subject = this.options.taskSubject(run.taskId)));
          const task = await subject;
          if (!task.covers(rule)) continue;
          if (rule.condition.kind === 'no-checkpoint') await this.checkNoCheckpoint(rule, rule.condition, run, task.teamId);
          if (rule.condition.kind === 'metric') await this.checkMetric(rule, rule.condition, run, task.teamId);
          await turn();
        }
      }
    }
    for (const incident of await this.actions.incidents.firing({ conditionKinds: ['restarts'] })) {
      const rule = byId.get(incident.ruleId);
      if (rule?.condition.kind !== 'restarts' || !incident.runId) continue;
      const count = await this.options.facts.restartsSince(incident.runId, this.options.now() - rule.condition.windowMs);
      if (count <= rule.condition.count) {
        await this.actions.resolve(incident, rule, 'cleared', `${count} restart${count === 1 ? '' : 's'} in the last ${formatDuration(rule.condition.windowMs)}`);
      }
    }
    await this.actions.renotify(byId);
  }

  private async checkNoCheckpoint(rule: StoredRule, condition: Condition<'no-checkpoint'>, run: RunningRun, teamId: string | null): Promise<void> {
    const last = await this.options.checkpoints.lastCompletedCheckpointAt(run.runId);
    const knownSince = this.options.checkpoints.knownSince ?? 0;
    const since = Math.max(last ?? 0, run.runningSince, last === null ? knownSince : 0);
    const quietFor = this.options.now() - since;
    const key = `no-checkpoint:${rule.id}:${run.runId}`;
    if (quietFor > condition.forMs) {
      await this.actions.open(rule, key, teamId, {
        ...runFacts(run, this.options.now()),
        status: 'RUNNING',
        ...incidentSummary.noCheckpoint(quietFor, last === null),
      });
    }
  }

  private async checkMetric(rule: StoredRule, condition: Condition<'metric'>, run: RunningRun, teamId: string | null): Promise<void> {
    const now = this.options.now();
    const samples = await this.options.metrics.samples(run.runId, condition.metric, condition.vertexId, now - condition.forMs - 60_000);
    const latest = samples.at(-1);
    if (!latest) return;
    const breached = (value: number) => (condition.op === 'above' ? value > condition.threshold : value < condition.threshold);
    const windowStart = now - condition.forMs;
    const before = [...samples].reverse().find((s) => s.at <= windowStart);
    const inWindow = samples.filter((s) => s.at > windowStart);
    const holds = condition.forMs === 0 ? breached(latest.value) : Boolean(before && breached(before.value) && inWindow.every((s) => breached(s.value)));
    if (holds) {
      await this.actions.open(rule, `metric:${rule.id}:${run.runId}`, teamId, {
        ...runFacts(run, now),
        status: 'RUNNING',
        ...incidentSummary.metric(condition, latest.value),
      });
    } else if (!breached(latest.value)) {
      for (const incident of await this.actions.incidents.firing({ ruleId: rule.id, runId: run.runId })) {
        await this.actions.resolve(incident, rule, 'cleared', `${metricInWords(condition)} is ${latest.value}, back within ${condition.threshold}`);
      }
    }
  }
}
