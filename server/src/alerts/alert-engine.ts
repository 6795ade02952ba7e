import { isTerminalRunStatus } from '@weir/contract';
import type { Database } from '../db/database.js';
import type { EventBus, RunRef, RunStatus, WeirEvent } from '../events/events.js';
import { type CheckpointFacts, type MetricSource, type RunFacts, type TaskFacts } from './alert-facts.js';
import type { IncidentFacts } from './alert-incidents.store.js';
import { exceptionFingerprint, ruleCoversCluster, ruleCoversTask, runFacts, type TaskSubject } from './alert-rule-scope.js';
import { AlertRulesStore, type StoredRule } from './alert-rules.store.js';
import { IncidentActions } from './incident-actions.js';
import { incidentSummary } from './incident-summaries.js';
import { ScheduledAlertChecks } from './scheduled-checks.js';
import type { Logger } from '../logging/logger.js';

export interface AlertEngineOptions {
  database: Database;
  facts: TaskFacts & RunFacts;
  checkpoints: CheckpointFacts & { readonly knownSince?: number };
  metrics: MetricSource;
  log: Logger;
  now?: () => number;
  /** Called after notices were queued, so the sender can pick them up at once. */
  onQueued?: () => void;
  /** Auto-restart: a FAILED run Weir restarts itself is not alerted; giving up is (task.auto-restart). */
  autoRestart?: { handlesFailure(runId: string): Promise<boolean> };
}

/** A run that is RUNNING (or FINISHED, for a batch job) again has recovered. */
const RECOVERED: ReadonlySet<RunStatus> = new Set(['RUNNING', 'FINISHED']);
const MAX_AFFECTED_JOBS = 50;

/**
 * Turns the watcher's events (and, on a schedule, its stored facts) into incidents. Events are
 * handled one at a time in the order they arrive; every incident change and the notices it calls
 * for are written together (IncidentLedger), and the unique dedup key makes a repeated event, or
 * the same event seen by two instances, open one incident only.
 *
 * Incident keys and when they resolve:
 * - status: one per rule and run; resolved when the task runs again (RUNNING/FINISHED, this run or a newer one).
 * - restarts: one per rule and run; resolved when the window no longer holds more than N restarts.
 * - exception: one per rule, run and exception fingerprint, never reopened for the same run, so a
 *   restart loop raising the same exception alerts once; resolved when the task runs again.
 * - checkpoint-failed / no-checkpoint: one per rule and run; resolved by a completed checkpoint.
 * - metric: one per rule and run; resolved when the latest sample is back within the threshold.
 * - cluster-unreachable: one per rule and cluster; resolved when the cluster is HEALTHY. Scope
 *   does not narrow it: a cluster incident is about every job on it. While a cluster-unreachable
 *   rule exists, per-job RECONNECTING/UNKNOWN statuses caused by the unreachable cluster are folded
 *   into its incident (no per-job alert).
 * - health-check: one per rule, run and check; resolved when the check passes again.
 * - savepoint-failed: one per rule and task; resolved by the task's next completed savepoint.
 * - auto-restart-exhausted: one per rule and failed run. A FAILED run that auto-restart will
 *   restart opens no status incident; when attempts run out, status rules on FAILED open their
 *   incident for the last failed run (the same key the FAILED status would have used), so a
 *   restart loop gives one alert.
 * Run-level incidents other than status and exception also resolve when their run ends.
 *
 * Teams: a team's rule speaks only for its team's tasks, and for cluster conditions for its team's
 * clusters and the shared ones; a Weir-wide rule (no team) for everything. An incident records the
 * team it is about (the task's; the cluster's, or the rule's for a shared cluster), which decides
 * who lists it and which silences hold it back.
 */
export class AlertEngine {
  private readonly rules: AlertRulesStore;
  private readonly actions: IncidentActions;
  private readonly scheduled: ScheduledAlertChecks;
  private readonly now: () => number;
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly options: AlertEngineOptions) {
    this.now = options.now ?? Date.now;
    this.rules = new AlertRulesStore(options.database, this.now);
    this.actions = new IncidentActions(options.database, this.rules, this.now, options);
    this.scheduled = new ScheduledAlertChecks(this.rules, this.actions, { ...options, now: this.now, taskSubject: (taskId) => this.taskSubject(taskId) });
  }

  /** Subscribes to the bus; returns the unsubscribe function. */
  listen(bus: EventBus): () => void {
    return bus.subscribe((event) => this.handle(event));
  }

  /** Queues an event for handling; resolves when it (and everything before it) was handled. */
  handle(event: WeirEvent): Promise<void> {
    const next = this.chain.then(() =>
      this.process(event).catch((err) => this.options.log.error({ err, type: event.type }, 'alert engine could not handle an event')),
    );
    this.chain = next;
    return next;
  }

  /** Resolves once every event received so far was handled. */
  idle(): Promise<void> {
    return this.chain;
  }

  /**
   * The scheduled half: conditions over stored facts (no checkpoint for a duration, metric
   * thresholds, restarts leaving their window) and re-notification of long-firing incidents.
   * Idempotent; safe to run on several instances.
   */
  async evaluate(): Promise<void> {
    await this.chain;
    await this.scheduled.evaluate();
  }

  private async process(event: WeirEvent): Promise<void> {
    switch (event.type) {
      case 'run.status':
        return this.onRunStatus(event);
      case 'run.discovered':
        // A job found already failed (e.g. before Weir started) is not news; one found running
        // (a resubmitted job) is a recovery.
        if (RECOVERED.has(event.status)) await this.recover(event, event.status, event.at);
        return;
      case 'run.exception':
        return this.onException(event);
      case 'run.checkpoint':
        return this.onCheckpoint(event);
      case 'cluster.health':
        return this.onClusterHealth(event);
      case 'run.health':
        return this.onHealthCheck(event);
      case 'task.auto-restart':
        return this.onAutoRestartExhausted(event);
      case 'run.savepoint':
        return this.onSavepoint(event);
    }
  }

  private async onRunStatus(event: Extract<WeirEvent, { type: 'run.status' }>): Promise<void> {
    const rules = await this.rules.listActive(['status', 'restarts']);
    const task = await this.taskSubject(event.taskId);
    const folded = await this.foldedIntoOtherAlert(event, task);
    const failure = this.failureOnce(event.runId);
    for (const rule of rules) {
      if (!task.covers(rule)) continue;
      const { condition } = rule;
      if (condition.kind === 'status' && condition.statuses.includes(event.to) && !folded) {
        await this.actions.open(rule, `status:${rule.id}:${event.runId}`, task.teamId, {
          ...runFacts(event, event.at),
          status: event.to,
          ...incidentSummary.statusBecame(event.to, event.note ? { text: event.note, code: event.noteCode } : undefined),
          ...(event.to === 'FAILED' ? await failure() : {}),
        });
      }
      if (condition.kind === 'restarts' && event.to === 'RESTARTING') {
        const count = await this.options.facts.restartsSince(event.runId, event.at - condition.windowMs);
        if (count > condition.count) {
          await this.actions.open(rule, `restarts:${rule.id}:${event.runId}`, task.teamId, {
            ...runFacts(event, event.at),
            status: event.to,
            ...incidentSummary.restartsWithin(count, condition.windowMs, condition.count),
          });
        }
      }
    }
    if (RECOVERED.has(event.to)) await this.recover(event, event.to, event.at);
    if (isTerminalRunStatus(event.to)) {
      const byId = await this.actions.activeRulesById();
      for (const incident of await this.actions.incidents.firing({ runId: event.runId, conditionKinds: ['restarts', 'checkpoint-failed', 'no-checkpoint', 'metric', 'health-check'] })) {
        await this.actions.resolve(incident, byId.get(incident.ruleId), 'run-ended', `the run ended with status ${event.to}`);
      }
    }
  }

  /** The task runs again: its status and exception incidents (of this run or an older one) resolve. */
  private async recover(ref: RunRef, status: RunStatus, at: number): Promise<void> {
    const firing = await this.actions.incidents.firing({ taskId: ref.taskId, conditionKinds: ['status', 'exception', 'auto-restart-exhausted'] });
    if (firing.length === 0) return;
    const byId = await this.actions.activeRulesById();
    for (const incident of firing) {
      const rule = byId.get(incident.ruleId);
      if (rule?.condition.kind === 'status' && rule.condition.statuses.includes(status)) continue;
      // Only a status after the incident's own fact is a recovery: Weir also records statuses from
      // Flink's history after the fact (another run of the task seen late, an instance taking a
      // cluster over), and a RUNNING from before a failure says nothing about the failure.
      if (incident.facts.at > at) continue;
      const which = incident.runId === ref.runId ? 'the job is' : 'a new run of the job is';
      await this.actions.resolve(incident, rule, 'recovered', `${which} ${status} again (${new Date(at).toISOString()})`);
    }
  }

  private async onException(event: Extract<WeirEvent, { type: 'run.exception' }>): Promise<void> {
    const rules = await this.rules.listActive(['exception']);
    if (rules.length === 0) return;
    const fingerprint = exceptionFingerprint(event.exceptionName, event.message);
    const task = await this.taskSubject(event.taskId);
    for (const rule of rules) {
      if (!task.covers(rule)) continue;
      await this.actions.open(rule, `exception:${rule.id}:${event.runId}:${fingerprint}`, task.teamId, {
        ...runFacts(event, event.at),
        status: null,
        ...incidentSummary.exceptionRaised(event.exceptionName),
        exception: { name: event.exceptionName, message: event.message },
      });
    }
  }

  private async onCheckpoint(event: Extract<WeirEvent, { type: 'run.checkpoint' }>): Promise<void> {
    if (event.isSavepoint) return;
    if (event.outcome === 'FAILED') {
      const rules = await this.rules.listActive(['checkpoint-failed']);
      if (rules.length === 0) return;
      const task = await this.taskSubject(event.taskId);
      for (const rule of rules) {
        if (!task.covers(rule)) continue;
        await this.actions.open(rule, `checkpoint-failed:${rule.id}:${event.runId}`, task.teamId, {
          ...runFacts(event, event.at),
          status: null,
          ...incidentSummary.checkpointFailed(event.checkpointId),
          checkpoint: { id: event.checkpointId, failure: event.failure ?? null },
        });
      }
      return;
    }
    const firing = await this.actions.incidents.firing({ runId: event.runId, conditionKinds: ['checkpoint-failed', 'no-checkpoint'] });
    if (firing.length === 0) return;
    const byId = await this.actions.activeRulesById();
    for (const incident of firing) {
      await this.actions.resolve(incident, byId.get(incident.ruleId), 'cleared', `checkpoint ${event.checkpointId} completed`);
    }
  }

  private async onClusterHealth(event: Extract<WeirEvent, { type: 'cluster.health' }>): Promise<void> {
    if (event.to === 'UNREACHABLE') {
      const rules = await this.rules.listActive(['cluster-unreachable']);
      if (rules.length === 0) return;
      const clusterTeam = await this.options.facts.clusterTeam(event.clusterId);
      const covering = rules.filter((rule) => ruleCoversCluster(rule, clusterTeam));
      if (covering.length === 0) return;
      const affected = await this.options.facts.activeJobsOnCluster(event.clusterId, MAX_AFFECTED_JOBS);
      for (const rule of covering) {
        // A team's cluster is its team's business; a shared cluster's incident is the rule's team's.
        await this.actions.open(rule, `cluster:${rule.id}:${event.clusterId}`, clusterTeam ?? rule.teamId, {
          ...incidentSummary.clusterUnreachable(event.clusterName, event.error),
          at: event.at,
          taskId: null,
          taskName: null,
          runId: null,
          jobName: null,
          flinkJobId: null,
          clusterId: event.clusterId,
          clusterName: event.clusterName,
          status: event.to,
          affectedJobs: affected,
        });
      }
    } else if (event.to === 'HEALTHY') {
      const firing = await this.actions.incidents.firing({ clusterId: event.clusterId, conditionKinds: ['cluster-unreachable'] });
      const byId = firing.length > 0 ? await this.actions.activeRulesById() : new Map<string, StoredRule>();
      for (const incident of firing) {
        await this.actions.resolve(incident, byId.get(incident.ruleId), 'recovered', `cluster ${event.clusterName} answers again`);
      }
    }
  }

  /**
   * A status another alert covers: RECONNECTING/UNKNOWN because the whole cluster is unreachable
   * (the cluster incident lists the job), or FAILED when auto-restart restarts the run itself. Only
   * a cluster rule that the task's own team (or Weir as a whole) keeps folds a job's status away:
   * another team's cluster incident would not reach this team's people.
   */
  private async foldedIntoOtherAlert(event: Extract<WeirEvent, { type: 'run.status' }>, task: TaskSubject): Promise<boolean> {
    if (event.cause === 'cluster-unreachable' && (event.to === 'RECONNECTING' || event.to === 'UNKNOWN')) {
      const rules = await this.rules.listActive(['cluster-unreachable']);
      if (rules.length === 0) return false;
      const clusterTeam = await this.options.facts.clusterTeam(event.clusterId);
      return rules.some((rule) => (rule.teamId === null || rule.teamId === task.teamId) && ruleCoversCluster(rule, clusterTeam));
    }
    if (event.to === 'FAILED' && this.options.autoRestart) return this.options.autoRestart.handlesFailure(event.runId);
    return false;
  }

  private async onHealthCheck(event: Extract<WeirEvent, { type: 'run.health' }>): Promise<void> {
    if (event.state === 'FAIL') {
      const rules = (await this.rules.listActive(['health-check'])).filter((rule) => rule.condition.kind === 'health-check' && rule.condition.check === event.check);
      if (rules.length === 0) return;
      const task = await this.taskSubject(event.taskId);
      for (const rule of rules) {
        if (!task.covers(rule)) continue;
        await this.actions.open(rule, `health:${rule.id}:${event.runId}:${event.check}`, task.teamId, {
          ...runFacts(event, event.at),
          status: null,
          ...incidentSummary.healthCheckFailed(event.check, event.detail, event.finding),
        });
      }
      return;
    }
    const firing = await this.actions.incidents.firing({ runId: event.runId, conditionKinds: ['health-check'] });
    if (firing.length === 0) return;
    const byId = await this.actions.activeRulesById();
    for (const incident of firing) {
      const rule = byId.get(incident.ruleId);
      if (rule?.condition.kind === 'health-check' && rule.condition.check !== event.check) continue;
      await this.actions.resolve(incident, rule, 'cleared', `health check ${event.check} passes again: ${event.detail}`);
    }
  }

  /** A failed savepoint opens one incident per rule and task; the task's next completed savepoint resolves it. */
  private async onSavepoint(event: Extract<WeirEvent, { type: 'run.savepoint' }>): Promise<void> {
    const rules = await this.rules.listActive(['savepoint-failed']);
    const task = rules.length > 0 ? await this.taskSubject(event.taskId) : undefined;
    for (const rule of rules) {
      if (!task?.covers(rule)) continue;
      const key = `savepoint-failed:${rule.id}:${event.taskId}`;
      if (event.outcome === 'FAILED') {
        await this.actions.open(rule, key, task.teamId, {
          ...runFacts(event, event.at),
          status: 'RUNNING',
          ...incidentSummary.savepointFailed(event.takenBy, event.failure),
        });
      }
    }
    if (event.outcome === 'COMPLETED') {
      const byId = await this.actions.activeRulesById();
      for (const incident of await this.actions.incidents.firing({ conditionKinds: ['savepoint-failed'] })) {
        if (incident.taskId !== event.taskId) continue;
        await this.actions.resolve(incident, byId.get(incident.ruleId), 'recovered', `a savepoint completed at ${event.path ?? 'its location'}`);
      }
    }
  }

  private async onAutoRestartExhausted(event: Extract<WeirEvent, { type: 'task.auto-restart' }>): Promise<void> {
    const rules = await this.rules.listActive(['status', 'auto-restart-exhausted']);
    if (rules.length === 0) return;
    const task = await this.taskSubject(event.taskId);
    const failure = this.failureOnce(event.runId);
    for (const rule of rules) {
      if (!task.covers(rule)) continue;
      if (rule.condition.kind === 'auto-restart-exhausted') {
        await this.actions.open(rule, `auto-restart:${rule.id}:${event.runId}`, task.teamId, { ...runFacts(event, event.at), status: 'FAILED', ...incidentSummary.autoRestartStopped(event.reason, event.stop), ...(await failure()) });
      } else if (rule.condition.kind === 'status' && rule.condition.statuses.includes('FAILED')) {
        await this.actions.open(rule, `status:${rule.id}:${event.runId}`, task.teamId, {
          ...runFacts(event, event.at),
          status: 'FAILED',
          ...incidentSummary.failedAutoRestartStopped(event.reason, event.stop),
          ...(await failure()),
        });
      }
    }
  }

  /**
   * The exception a FAILED run's alert names, read at most once per event and only when a rule
   * fires. The watcher stores a run's exception history before it announces the end, so it is
   * there by the time the status arrives; a run whose history could not be read names none.
   */
  private failureOnce(runId: string): () => Promise<Pick<IncidentFacts, 'exception'>> {
    let read: Promise<Pick<IncidentFacts, 'exception'>> | undefined;
    return () =>
      (read ??= this.options.facts.latestFailure(runId).then(
        (exception) => (exception ? { exception } : {}),
        (err: unknown) => {
          this.options.log.warn({ err, runId }, 'could not read the exception of a failed run for its alert');
          return {};
        },
      ));
  }

  /** One task as the rules see it, read once per event. */
  private async taskSubject(taskId: string): Promise<TaskSubject> {
    const task = await this.options.facts.task(taskId);
    return { teamId: task?.teamId ?? null, covers: (rule) => ruleCoversTask(rule, taskId, task) };
  }
}
