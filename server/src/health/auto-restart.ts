import type { AutoRestartAttempt, AutoRestartPolicy, AutoRestartSource, AutoRestartStop } from '@weir/contract';
import type { AuditService } from '../audit/audit.service.js';
import { SYSTEM_PRINCIPAL, type Principal } from '../access/principal.js';
import { FlinkUnreachableError } from '../errors/errors.js';
import type { EventBus, RunRef, WeirEvent } from '../events/events.js';
import type { RunsStore } from '../runs/runs.store.js';
import type { HealthStore } from './health.store.js';
import { autoRestartStopText, gaveUpAuditDetail } from './auto-restart-stops.js';
import type { Logger } from '../logging/logger.js';

/**
 * What auto-restart needs from the operations service: submit the failed run's task again from
 * its latest checkpoint or savepoint (or without state) as a new run. Throws when that source does
 * not exist or the submission fails; auto-restart then tries the policy's next source.
 */
export interface Resubmitter {
  /** Throws FlinkUnreachableError unless the failed run's cluster answers. */
  clusterAnswers(runId: string): Promise<void>;
  resubmit(
    runId: string,
    options: { from: AutoRestartSource | 'path'; path?: string; actor: Principal },
  ): Promise<{ runId: string; restoredFrom: string | null }>;
}

/** The shape of OperationsService that auto-restart uses. */
export interface RestartOperation {
  assertClusterAnswers(runId: string): Promise<void>;
  restart(
    actor: Principal,
    runId: string,
    req: { from: 'none' | 'latest-checkpoint' | 'latest-savepoint' | 'savepoint'; savepointPath?: string },
  ): Promise<{ newRunId?: string | null; restoredFrom?: string | null }>;
}

/** Resubmits through the operations service (the one place that submits jobs). */
export function operationsResubmitter(operations: RestartOperation): Resubmitter {
  return {
    clusterAnswers: (runId) => operations.assertClusterAnswers(runId),
    async resubmit(runId, { from, path, actor }) {
      const result = await operations.restart(actor, runId, from === 'path' ? { from: 'savepoint', savepointPath: path! } : { from });
      if (!result.newRunId) throw new Error('the operations service did not start a new run');
      return { runId: result.newRunId, restoredFrom: result.restoredFrom ?? null };
    },
  };
}

export type AutoRestartDecision =
  | { action: 'ignore'; reason: string }
  | { action: 'restart'; attempt: number; delayMs: number }
  | { action: 'give-up'; reason: string; stop: AutoRestartStop };

export interface DecisionInput {
  policy: AutoRestartPolicy;
  /** The run's final status. */
  status: string;
  /** Someone stopped or cancelled it (a Weir operation, or it went through CANCELLING). */
  stoppedOnPurpose: boolean;
  /** Weir already gave up on the task and nobody has started it since. */
  exhausted: boolean;
  /** Automatic restarts of the task within the policy's window. */
  attemptsInWindow: number;
}

/**
 * Whether a run that ended is restarted automatically. Only FAILED runs are: a run the user
 * stopped or cancelled, or one that ended CANCELED or FINISHED, never is. Attempts are bounded by
 * `maxAttempts` within `windowMs`; the failure after the last attempt gives up (once).
 */
export function decideAutoRestart(input: DecisionInput): AutoRestartDecision {
  const { policy } = input;
  if (!policy.enabled) return { action: 'ignore', reason: 'auto-restart is off' };
  if (input.status !== 'FAILED') return { action: 'ignore', reason: `the run ended ${input.status}` };
  if (input.stoppedOnPurpose) return { action: 'ignore', reason: 'the run was stopped or cancelled on purpose' };
  if (input.exhausted) return { action: 'ignore', reason: 'Weir already gave up on this task' };
  if (input.attemptsInWindow >= policy.maxAttempts) {
    const stop: AutoRestartStop = { code: 'attemptsUsedUp', params: { attempts: input.attemptsInWindow, windowMs: policy.windowMs, maxAttempts: policy.maxAttempts } };
    return { action: 'give-up', reason: autoRestartStopText(stop), stop };
  }
  const attempt = input.attemptsInWindow + 1;
  return { action: 'restart', attempt, delayMs: backoffMs(policy, attempt) };
}

/** Delay before attempt k (1-based): initial × multiplier^(k-1), at most backoffMaxMs. */
export function backoffMs(policy: Pick<AutoRestartPolicy, 'backoffInitialMs' | 'backoffMultiplier' | 'backoffMaxMs'>, attempt: number): number {
  return Math.round(Math.min(policy.backoffInitialMs * policy.backoffMultiplier ** Math.max(0, attempt - 1), policy.backoffMaxMs));
}

/** How long an instance may hold a claimed attempt before another takes it over. */
const CLAIM_LEASE_MS = 120_000;
/** How long an attempt whose cluster does not answer waits between tries (one probe each). */
const UNREACHABLE_RETRY_MS = { min: 1000, max: 15_000 };
/** Operations on a run recorded this long before it failed count as "stopped on purpose". */
const OPERATION_LOOKBACK_MS = 10 * 60_000;

/**
 * Restarts FAILED runs of tasks whose policy says so. A failure is decided once (the attempt row
 * is unique per failed run), the attempt waits its backoff in the database, and a scheduled tick
 * submits due attempts through the operations service, so a restarted Weir (or a second
 * instance) resumes without submitting twice. When attempts run out the task is marked EXHAUSTED
 * and one `task.auto-restart` event is published, which the alert engine turns into one alert.
 */
export class AutoRestarter {
  private resubmitter: Resubmitter | undefined;

  constructor(
    private readonly deps: {
      store: HealthStore;
      runs: RunsStore;
      bus: EventBus;
      audit: AuditService;
      log: Logger;
      resubmitter?: Resubmitter;
      now?: () => number;
    },
  ) {
    this.resubmitter = deps.resubmitter;
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /** Wires the operations service (created after health, or replaced in tests). */
  useResubmitter(resubmitter: Resubmitter): void {
    this.resubmitter = resubmitter;
  }

  listen(bus: EventBus): () => void {
    return bus.subscribe((event) => this.onEvent(event));
  }

  private chain: Promise<void> = Promise.resolve();

  /** Events are handled one at a time, so two failures of one task are counted in order. */
  onEvent(event: WeirEvent): Promise<void> {
    if (event.type !== 'run.status' || event.to !== 'FAILED') return Promise.resolve();
    const next = this.chain.then(() => this.onFailed(event).catch((err) => this.deps.log.error({ err, runId: event.runId }, 'auto-restart could not handle a failure')));
    this.chain = next;
    return next;
  }

  idle(): Promise<void> {
    return this.chain;
  }

  /**
   * What Weir will do about this run's failure; also asked by the alert engine (to hold back alerts
   * Weir will fix). Deciding twice gives the same answer: the failure's own attempt is not counted,
   * and the attempt row (unique per failed run) makes acting on it happen once.
   */
  async decide(runId: string): Promise<AutoRestartDecision> {
    const run = await this.deps.runs.get(runId);
    if (!run) return { action: 'ignore', reason: 'no such run' };
    const health = await this.deps.store.taskHealth(run.taskId);
    const now = this.now();
    const endedAt = run.endTime ?? now;
    return decideAutoRestart({
      policy: health.autoRestart,
      status: run.status,
      stoppedOnPurpose: await this.deps.store.stoppedOnPurpose(runId, Math.min(endedAt, run.startTime ?? endedAt) - OPERATION_LOOKBACK_MS),
      exhausted: health.autoRestartState === 'EXHAUSTED' && (health.autoRestartStateAt ?? 0) >= run.createdAt,
      // Not counting this failure's own attempt: the alert engine asks while the restarter may be recording it.
      attemptsInWindow: await this.deps.store.attemptsSince(run.taskId, now - health.autoRestart.windowMs, runId),
    });
  }

  /** True when Weir restarts (or is restarting) this failed run itself, so a FAILED alert for it would be noise. */
  async handles(runId: string): Promise<boolean> {
    if ((await this.decide(runId)).action === 'restart') return true;
    // Asked while the restarter decides the same failure: its recorded attempt settles it.
    return Boolean(await this.deps.store.attemptForFailedRun(runId));
  }

  /** Submissions in progress: a run they start can fail before they are recorded. */
  private readonly inFlight = new Set<Promise<void>>();

  private async onFailed(ref: RunRef): Promise<void> {
    // A restored run can fail before the attempt that started it is recorded as SUBMITTED; deciding
    // only after that keeps the record in order (attempt submitted, then its run's failure decided,
    // then a give-up), as anyone reading the task's attempts sees it.
    await Promise.allSettled([...this.inFlight]);
    const decision = await this.decide(ref.runId);
    if (decision.action === 'ignore') return;
    if (decision.action === 'give-up') return this.giveUp(ref, decision.stop);
    const attempt = await this.deps.store.scheduleAttempt({ taskId: ref.taskId, failedRunId: ref.runId, attempt: decision.attempt, dueAt: this.now() + decision.delayMs });
    if (attempt) this.deps.log.info({ task: ref.taskName, runId: ref.runId, attempt: attempt.attempt, inMs: decision.delayMs }, 'automatic restart scheduled');
  }

  /** Submits the attempts whose backoff has passed. Scheduled; safe on several instances. */
  async tick(): Promise<void> {
    for (const attempt of await this.deps.store.claimDueAttempts(CLAIM_LEASE_MS)) {
      const submitting = this.submit(attempt);
      this.inFlight.add(submitting);
      try {
        await submitting;
      } finally {
        this.inFlight.delete(submitting);
      }
    }
  }

  private async submit(attempt: AutoRestartAttempt): Promise<void> {
    const failed = await this.deps.runs.get(attempt.failedRunId);
    if (!failed) return this.deps.store.finishAttempt(attempt.id, { state: 'FAILED', error: 'the failed run no longer exists' });
    const policy = (await this.deps.store.taskHealth(failed.taskId)).autoRestart;
    const ref = await this.refOf(failed.id);
    const errors: string[] = [];
    if (!policy.enabled) {
      return this.deps.store.finishAttempt(attempt.id, { state: 'FAILED', error: 'auto-restart was turned off before the attempt was due' });
    }
    if (!this.resubmitter) errors.push('no operations service is wired to resubmit jobs');
    // A run that was itself restored and failed before completing a checkpoint of its own still has
    // the state it started from: its "latest checkpoint" is the one it was restored from.
    const inherited = (await this.deps.store.attemptForNewRun(failed.id))?.restoredFrom ?? null;
    const tries = policy.sources.flatMap((from): { from: AutoRestartSource | 'path'; path?: string }[] =>
      from === 'latest-checkpoint' && inherited ? [{ from }, { from: 'path', path: inherited }] : [{ from }],
    );
    // Asked before any source is tried (and outside the audit): an outage says nothing about the
    // sources, and a submission into it would be recorded as a run that never reached Flink.
    try {
      await this.resubmitter?.clusterAnswers(failed.id);
    } catch (err) {
      if (err instanceof FlinkUnreachableError) return this.waitForCluster(attempt, policy, ref, err.message);
      throw err;
    }
    for (const { from, path } of this.resubmitter ? tries : []) {
      try {
        const submitted = await this.deps.audit.around(
          SYSTEM_PRINCIPAL,
          'run.auto-restart',
          { type: 'run', id: failed.id, name: ref?.taskName ?? failed.jobName },
          () => this.resubmitter!.resubmit(failed.id, { from, ...(path ? { path } : {}), actor: SYSTEM_PRINCIPAL }),
          { attempt: attempt.attempt, maxAttempts: policy.maxAttempts, from, path },
        );
        await this.deps.store.setRestartedFrom(submitted.runId, failed.id);
        await this.deps.store.finishAttempt(attempt.id, { state: 'SUBMITTED', newRunId: submitted.runId, restoredFrom: submitted.restoredFrom });
        this.deps.log.info({ task: ref?.taskName, failedRunId: failed.id, newRunId: submitted.runId, from, path: submitted.restoredFrom }, 'restarted automatically');
        return;
      } catch (err) {
        errors.push(`${from}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    const error = errors.join('; ');
    await this.deps.store.finishAttempt(attempt.id, { state: 'FAILED', error });
    if (ref) await this.giveUp(ref, { code: 'notSubmitted', params: { attempt: attempt.attempt, error } });
  }

  /**
   * The attempt is tried again once the cluster answers, for as long as the policy's window since
   * the failure; nothing was submitted, so it keeps its number. Past the window Weir gives up.
   */
  private async waitForCluster(attempt: AutoRestartAttempt, policy: AutoRestartPolicy, ref: RunRef | undefined, message: string): Promise<void> {
    const waited = this.now() - attempt.createdAt;
    if (waited < policy.windowMs) {
      // Asked often at first (a JobManager restart takes seconds), then every 15 s at most.
      const retryInMs = Math.min(Math.max(waited / 4, UNREACHABLE_RETRY_MS.min), UNREACHABLE_RETRY_MS.max);
      await this.deps.store.postponeAttempt(attempt.id, this.now() + retryInMs, `waiting for the cluster: ${message}`);
      if (attempt.error === null) this.deps.log.warn({ task: ref?.taskName, failedRunId: attempt.failedRunId, attempt: attempt.attempt }, 'automatic restart waits for the cluster to answer');
      return;
    }
    const error = `the cluster could not be reached for ${Math.round(waited / 60_000)} min (${message})`;
    await this.deps.store.finishAttempt(attempt.id, { state: 'FAILED', error });
    // Whole minutes, as the English says: the reader's language should say no more.
    if (ref) await this.giveUp(ref, { code: 'clusterUnreachable', params: { attempt: attempt.attempt, waitedMs: Math.round(waited / 60_000) * 60_000, error: message } });
  }

  private async giveUp(ref: RunRef, stop: AutoRestartStop): Promise<void> {
    const reason = autoRestartStopText(stop);
    if (!(await this.deps.store.setAutoRestartState(ref.taskId, 'EXHAUSTED', reason))) return;
    const attempts = (await this.deps.store.listAttempts(ref.taskId)).length;
    await this.deps.audit.record(SYSTEM_PRINCIPAL, 'task.auto-restart-exhausted', { type: 'task', id: ref.taskId, name: ref.taskName }, 'success', gaveUpAuditDetail(ref.runId, stop));
    this.deps.log.warn({ task: ref.taskName, runId: ref.runId, reason }, 'automatic restarts stopped');
    const { runId, taskId, taskName, clusterId, clusterName, flinkJobId, jobName } = ref;
    this.deps.bus.publish({ type: 'task.auto-restart', outcome: 'exhausted', at: this.now(), reason, stop, attempts, runId, taskId, taskName, clusterId, clusterName, flinkJobId, jobName });
  }

  private async refOf(runId: string): Promise<RunRef | undefined> {
    return this.deps.store.runRef(runId);
  }
}
