import { isTerminalRunStatus, type Cluster } from '@weir/contract';
import type { EventBus, RunStatus } from '../events/events.js';
import type { FlinkJobDetails } from '../flink/job-manager.client.js';
import type { NewRunTransition, RunChanges, RunsStore, TransitionNote, WriteGuard } from '../runs/runs.store.js';
import type { TasksStore } from '../tasks/tasks.store.js';
import { refOf, type KnownJob } from './known-job.js';
import { flinkStatusNote, outageStep, type Outage } from './outage.js';
import { newSteps, type ObservedStep } from './status-timeline.js';

/**
 * Writes a run's status changes as the watcher learns them, Flink's and Weir's own alike: each read
 * in one transaction, fenced by the cluster's lease, and only then published as `run.status`
 * events, so a restarted Weir resumes from the database without repeating a transition. The one
 * place that turns what the watcher saw (or could not see: an outage) into a run's history.
 */
export class RunRecorder {
  constructor(
    private readonly deps: {
      runs: RunsStore;
      tasks: TasksStore;
      events: EventBus;
      now: () => number;
      /** The cluster as the watcher knows it now (its record changes with health checks and edits). */
      cluster: () => Cluster;
      writeGuard: () => WriteGuard | undefined;
    },
  ) {}

  /**
   * Records the steps Flink reports since Weir's last record of Flink, at Flink's times, marked
   * `flink`; then, when the run's recorded status still differs from Flink's (it was one of Weir's
   * own, or Flink gave no time for its status), Weir's own observation of it, marked `weir`. Updates
   * the run, publishes events.
   */
  async recordRead(
    known: KnownJob,
    details: FlinkJobDetails,
    restarts: number | undefined,
    opts: { note: TransitionNote | null; weirNote?: TransitionNote; snapshot: boolean },
  ): Promise<{ steps: ObservedStep[]; terminal: boolean }> {
    const now = this.deps.now();
    const flinkSteps = newSteps({
      current: details.state,
      timestamps: details.timestamps,
      lastFlinkStatus: known.lastFlink?.status ?? null,
      lastFlinkAt: known.lastFlink?.at ?? null,
    });
    const transitions: NewRunTransition[] = flinkSteps.map((step) => ({ toStatus: step.status, at: step.at, source: 'flink', note: opts.note }));
    const fromStatus = known.lastAt === null ? null : (known.run.status as RunStatus);
    const recordedStatus = flinkSteps.at(-1)?.status ?? fromStatus;
    if (recordedStatus !== details.state) {
      const at = Math.max(now, flinkSteps.at(-1)?.at ?? 0, known.lastAt ?? 0);
      transitions.push({ toStatus: details.state, at, source: 'weir', note: opts.weirNote ?? flinkStatusNote(known.run, details) });
    }
    const terminal = isTerminalRunStatus(details.state);
    const { appended, run: updated } = await this.deps.runs.recordObservation(
      known.run.id,
      transitions,
      (appended) => {
        // Each new RESTARTING is a restart; Flink's counter, when read, also counts those between two reads.
        const counted = known.run.restartCount + appended.filter((t) => t.toStatus === 'RESTARTING').length;
        const restartCount = restarts === undefined ? counted : Math.max(counted, restarts);
        return {
          status: details.state,
          jobName: details.name,
          startTime: details['start-time'] > 0 ? details['start-time'] : known.run.startTime,
          endTime: details['end-time'] > 0 ? details['end-time'] : null,
          durationMs: details.duration >= 0 ? details.duration : null,
          restartCount,
          lost: false,
          lostEvidence: null,
          unreachableSince: null,
          failedProbes: 0,
        };
      },
      opts.snapshot ? { kind: 'job', body: JSON.stringify(details), capturedAt: now } : undefined,
      this.deps.writeGuard(),
    );
    if (transitions.length) known.lastAt = transitions.at(-1)!.at;
    if (flinkSteps.length) known.lastFlink = flinkSteps.at(-1)!;
    const recorded: ObservedStep[] = appended.map((t) => ({ status: t.toStatus as RunStatus, at: t.at }));
    if (updated) known.run = updated;
    if (appended.length) await this.refreshTaskName(known);
    const { restartCount } = known.run;
    let from = fromStatus;
    for (const t of appended) {
      const to = t.toStatus as RunStatus;
      this.deps.events.publish({ type: 'run.status', from, to, at: t.at, restartCount, ...(t.source === 'weir' && t.note ? { note: t.note, ...(t.noteCode ? { noteCode: t.noteCode } : {}) } : {}), ...this.refOf(known) });
      from = to;
    }
    return { steps: recorded, terminal };
  }

  /** Records one of Weir's own statuses (RECONNECTING, UNKNOWN, lost) with the run's changes that go with it. */
  async recordWeirStatus(known: KnownJob, to: RunStatus, at: number, note: TransitionNote, changes: RunChanges, cause?: 'cluster-unreachable'): Promise<void> {
    const from = known.run.status as RunStatus;
    // One transaction, fenced like Flink's statuses: an instance that lost the cluster writes nothing.
    const { appended: transitions, run: updated } = await this.deps.runs.recordObservation(
      known.run.id,
      [{ toStatus: to, at, source: 'weir', note }],
      () => ({ ...changes, status: to }),
      undefined,
      this.deps.writeGuard(),
    );
    const appended = transitions.length > 0;
    if (updated) known.run = updated;
    known.lastAt = at;
    if (appended) await this.refreshTaskName(known);
    if (appended) this.deps.events.publish({ type: 'run.status', from, to, at, restartCount: known.run.restartCount, note: note.text, noteCode: note.code, ...(cause ? { cause } : {}), ...this.refOf(known) });
  }

  /**
   * One more failed probe of the cluster: each run it affects turns RECONNECTING, later UNKNOWN (see
   * outage.ts), each in a transaction of its own; the others only count the probe.
   */
  async recordFailedProbe(
    jobs: Iterable<KnownJob>,
    outage: Outage,
    settings: { reconnectAttempts: number; reconnectWindowMs: number },
    now: number,
    reason: string,
  ): Promise<void> {
    const stillWaiting: string[] = [];
    for (const known of jobs) {
      const step = outageStep(known.run, outage, settings, now, { restUrl: this.deps.cluster().restUrl, reason });
      if (step === 'unaffected') continue;
      if (step === 'still waiting') {
        stillWaiting.push(known.run.id);
        continue;
      }
      const changes = { unreachableSince: known.run.unreachableSince ?? outage.firstFailureAt, failedProbes: outage.failures };
      await this.recordWeirStatus(known, step.to, now, step.note, changes, 'cluster-unreachable');
    }
    // One statement per probe for all of the cluster's runs: a probe per second of every unreachable cluster must not cost a commit per job.
    await this.deps.runs.setFailedProbes(stillWaiting, outage.failures, this.deps.writeGuard());
  }

  refOf(known: KnownJob) {
    return refOf(known, this.deps.cluster());
  }

  /**
   * The task's current name on the run's events (and so in alerts): a task renamed since Weir
   * first saw the run would otherwise be announced under its old name until Weir restarts.
   * Read only when something is published, so a cycle without changes costs no query.
   */
  private async refreshTaskName(known: KnownJob): Promise<void> {
    const task = await this.deps.tasks.get(known.run.taskId);
    if (task) known.taskName = task.name;
  }
}
