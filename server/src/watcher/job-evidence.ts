import type { EventBus, RunRef } from '../events/events.js';
import { AppError, FlinkUnreachableError, LeaseLostError } from '../errors/errors.js';
import { exceptionsAfter, restartsOfEndedJob, type FlinkExceptionHistory } from '../flink/exception-history.js';
import type { JobManagerClient } from '../flink/job-manager.client.js';
import { filledAfter } from '../flink/rest-caches.js';
import type { Logger } from '../logging/logger.js';
import type { RunsStore, RunWarningDetail, SnapshotKind, WriteGuard } from '../runs/runs.store.js';
import type { KnownJob } from './known-job.js';

/**
 * What the watcher saves of a job besides its status: the snapshot the run page shows once the
 * cluster forgets the job, its exceptions as they happen (saved, and published as `run.exception`
 * once each), and a warning on the run for each detail Flink answered oddly. Its own part because
 * none of it decides a status: a detail that cannot be read costs that detail, never the run's history.
 */
export class JobEvidence {
  // Both maps are made when first needed and dropped once empty: most clusters have neither, and an
  // empty Map costs about 200 bytes, 4 MB at 10,000 application-mode clusters (docs/watcher-scale.md).
  /** The time of the latest exception published per run, so each is announced once. */
  private publishedExceptionAt: Map<string, number> | null = null;
  /** Runs whose saved checkpoints are read again once Flink's cached statistics must postdate the end. */
  private checkpointRereads: Map<string, { flinkJobId: string; dueAt: number }> | null = null;
  /** How long the cluster's JobManager caches checkpoint statistics; read once, when a job first ends. */
  private checkpointStatsCacheMs: number | undefined;

  constructor(
    private readonly deps: {
      runs: RunsStore;
      events: EventBus;
      log: Logger;
      now: () => number;
      clusterName: () => string;
      refOf: (known: KnownJob) => RunRef;
      writeGuard: () => WriteGuard | undefined;
    },
  ) {}

  /**
   * Saves what the detail page needs once the cluster forgets the job. Returns the requests it
   * took and, when the exception history tells, how many times the job restarted (Flink's counter
   * answers 0 once a job ended). `ownJobManager`: read from the cluster's own JobManager, not the
   * HistoryServer: a detail it answers oddly is recorded as a warning on the run, and its cached
   * checkpoint statistics are read again later (see rereadEndedCheckpoints).
   */
  async captureFinalSnapshot(
    jm: JobManagerClient,
    known: KnownJob,
    endStatus: string,
    ownJobManager: boolean,
  ): Promise<{ requests: number; restarts: number | undefined }> {
    const jid = known.run.flinkJobId;
    // The exceptions are published from this read, as decoded, not from the copy saved of it.
    let exceptions: FlinkExceptionHistory | undefined;
    const reads: [SnapshotKind, () => Promise<unknown>][] = [
      ['exceptions', async () => (exceptions = await jm.exceptions(jid))],
      ['checkpoints', () => jm.checkpoints(jid)],
      ['checkpoint_config', () => jm.checkpointConfig(jid)],
      ['config', () => jm.jobConfig(jid)],
      ['plan', () => jm.plan(jid)],
    ];
    const now = this.deps.now();
    await Promise.all(
      reads.map(async ([kind, read]) => {
        let answer: unknown;
        try {
          answer = await read();
        } catch (err) {
          // One detail Flink answered oddly is missing from the saved copy, and said so on the run.
          // A cluster that stopped answering is not an odd answer: the end is recorded, with its
          // whole snapshot, once the cluster answers again.
          if (!(err instanceof AppError) || err instanceof FlinkUnreachableError) throw err;
          if (ownJobManager) await this.warn(known, kind as RunWarningDetail, err.message);
          return;
        }
        await this.deps.runs.saveSnapshot(known.run.id, kind, JSON.stringify(answer), now, this.deps.writeGuard());
      }),
    );
    if (exceptions) this.publishNewExceptions(known, exceptions);
    let requests = reads.length;
    if (ownJobManager) {
      if (this.checkpointStatsCacheMs === undefined) {
        this.checkpointStatsCacheMs = await jm.checkpointStatsCacheMs();
        requests += 2;
      }
      (this.checkpointRereads ??= new Map()).set(known.run.id, { flinkJobId: jid, dueAt: filledAfter(now, this.checkpointStatsCacheMs) });
    }
    return { requests, restarts: restartsOfEndedJob(exceptions, endStatus) };
  }

  /**
   * Reads again the checkpoints of jobs that ended, once Flink's cache entry must have been filled
   * after the final snapshot: the statistics read as the job ended can be up to one cache life old,
   * and then name the checkpoint before the last one, which Flink deleted when the last completed.
   * A cluster that does not answer is tried again next cycle; a job Flink forgot, or an odd answer,
   * keeps the snapshot taken at the end. Returns the requests it took.
   */
  async rereadEndedCheckpoints(jm: JobManagerClient): Promise<number> {
    const rereads = this.checkpointRereads;
    if (rereads === null) return 0;
    const now = this.deps.now();
    let requests = 0;
    for (const [runId, { flinkJobId, dueAt }] of rereads) {
      if (now < dueAt) continue;
      requests += 1;
      try {
        const checkpoints = await jm.checkpoints(flinkJobId);
        await this.deps.runs.saveSnapshot(runId, 'checkpoints', JSON.stringify(checkpoints), this.deps.now(), this.deps.writeGuard());
      } catch (err) {
        if (err instanceof FlinkUnreachableError) break;
        if (err instanceof LeaseLostError) {
          rereads.clear(); // another instance watches the cluster now
          break;
        }
        if (!(err instanceof AppError)) throw err;
      }
      rereads.delete(runId);
    }
    if (rereads.size === 0 && this.checkpointRereads === rereads) this.checkpointRereads = null;
    return requests;
  }

  get rereadsPending(): boolean {
    return (this.checkpointRereads?.size ?? 0) > 0;
  }

  /** Saves and publishes the exceptions of a job that just failed or restarted. Returns the requests it took. */
  async captureExceptions(jm: JobManagerClient, known: KnownJob): Promise<number> {
    try {
      const exceptions = await jm.exceptions(known.run.flinkJobId);
      await this.deps.runs.saveSnapshot(known.run.id, 'exceptions', JSON.stringify(exceptions), this.deps.now(), this.deps.writeGuard());
      this.publishNewExceptions(known, exceptions);
      if (known.warnings?.has('exceptions')) await this.clearWarning(known, 'exceptions');
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      await this.warn(known, 'exceptions', err.message);
    }
    return 1;
  }

  /** Records on the run that one detail of its job could not be read (once per detail and message). */
  async warn(known: KnownJob, detail: RunWarningDetail, problem: string): Promise<void> {
    if (known.warnings?.get(detail) === problem) return;
    this.deps.log.warn({ cluster: this.deps.clusterName(), job: known.run.flinkJobId, detail, problem }, 'could not read a detail of a job');
    await this.deps.runs.recordWarning(known.run.id, { detail, message: problem, at: this.deps.now() }, this.deps.writeGuard());
    (known.warnings ??= new Map()).set(detail, problem);
  }

  async clearWarning(known: KnownJob, detail: RunWarningDetail): Promise<void> {
    await this.deps.runs.clearWarning(known.run.id, detail, this.deps.writeGuard());
    known.warnings?.delete(detail);
    if (known.warnings?.size === 0) known.warnings = null;
  }

  /** The run is no longer watched: nothing of it is kept. */
  forget(runId: string): void {
    this.publishedExceptionAt?.delete(runId);
    if (this.publishedExceptionAt?.size === 0) this.publishedExceptionAt = null;
    this.checkpointRereads?.delete(runId);
    if (this.checkpointRereads?.size === 0) this.checkpointRereads = null;
  }

  /** Publishes the exceptions of a just-read history that are newer than the last one published for the run. */
  private publishNewExceptions(known: KnownJob, history: FlinkExceptionHistory): void {
    const after = this.publishedExceptionAt?.get(known.run.id) ?? (known.run.startTime ?? 0) - 1;
    const fresh = exceptionsAfter(history, after);
    for (const exception of fresh) this.deps.events.publish({ type: 'run.exception', ...exception, ...this.deps.refOf(known) });
    if (fresh.length) (this.publishedExceptionAt ??= new Map()).set(known.run.id, fresh.at(-1)!.at);
  }
}
