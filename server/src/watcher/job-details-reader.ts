import { isTerminalRunStatus } from '@weir/contract';
import { AppError } from '../errors/errors.js';
import type { FlinkJobDetails, FlinkJobOverview, JobManagerClient } from '../flink/job-manager.client.js';
import type { TransitionNote } from '../runs/runs.store.js';
import type { JobEvidence } from './job-evidence.js';
import type { KnownJob } from './known-job.js';
import type { RunDiscovery } from './run-discovery.js';
import type { RunRecorder } from './run-recorder.js';
import { answeredOddly, detailsFromOverview, FlinkTimesWait, seenOverview, staleRetryAt, takeListsWordOverStale } from './stale-details.js';

/** Statuses after which a job's exception history has something new to publish. */
const FAILURE_STATUSES = ['FAILING', 'FAILED', 'RESTARTING'];

/**
 * Reads the details of one job the cluster watcher chose to read, and records what they say: its
 * statuses, its restarts, the evidence of an end or a failure, a run for a job Weir did not
 * submit. Which answers to wait out is decided by the rules of stale-details.ts; this is where
 * they meet the reads and the writes. The watcher decides which jobs to read, and when.
 */
export class JobDetailsReader {
  /** Jobs that have not ended waiting for details that give their status a time (see stale-details.ts). */
  private readonly flinkTimesWait: FlinkTimesWait;

  constructor(
    private readonly deps: {
      jm: () => JobManagerClient;
      now: () => number;
      /** How long Flink serves a job's details from its cache (`web.refresh-interval`). */
      detailsCacheMs: () => number;
      staleDetailsLimitMs: number;
      recorder: RunRecorder;
      evidence: JobEvidence;
      discovery: RunDiscovery;
    },
  ) {
    this.flinkTimesWait = new FlinkTimesWait(deps.staleDetailsLimitMs);
  }

  /** Whether some job still waits for details that give its status a time: the cluster has something left to read. */
  get anyWaiting(): boolean {
    return this.flinkTimesWait.anyWaiting;
  }

  /** The job is no longer watched: nothing of it is kept. */
  forget(jobId: string): void {
    this.flinkTimesWait.end(jobId);
  }

  /** Reads the job's details and records what changed. Returns the number of REST requests made. */
  async read(job: FlinkJobOverview, known: KnownJob | undefined): Promise<number> {
    let requests = 1;
    const readAt = this.deps.now();
    let details: FlinkJobDetails;
    try {
      details = await this.deps.jm().job(job.jid);
    } catch (err) {
      // Gone (404) or unreachable: the caller logs it and the next cycle sees. Any other odd answer
      // costs the job's details only: its status is in the job list.
      if (!(err instanceof AppError) || !answeredOddly(err)) throw err;
      return this.recordFromOverview(job, known, err.message);
    }
    let weirNote: TransitionNote | undefined;
    if (details.state !== job.state) {
      const now = this.deps.now();
      const since = known ? (known.staleSince ??= now) : now;
      if (now - since < this.deps.staleDetailsLimitMs) {
        if (known) known.staleRetryAt = staleRetryAt(readAt, known.detailsReadAt, this.deps.detailsCacheMs());
        return requests;
      }
      ({ details, note: weirNote } = takeListsWordOverStale(details, job, now - since));
    }
    if (known) {
      known.staleSince = undefined;
      known.staleRetryAt = undefined;
      known.detailsReadAt = readAt;
    }
    // Details that give the current status no time (Flink 2.3 answers so for a moment while a job
    // starts) would make it Weir's own observation, and Flink's history, once given, would come
    // after it out of order: wait for them as for stale ones. Not after an outage (Flink's time for
    // the status is then known) nor for an end.
    if (!weirNote && !isTerminalRunStatus(details.state) && !((details.timestamps[details.state] ?? 0) > 0)) {
      if (this.flinkTimesWait.stillWaiting(job.jid, this.deps.now())) return requests;
    }
    this.flinkTimesWait.end(job.jid);
    let restarts: number | undefined;
    // Flink's restart counter tells how many restarts happened since the last record (the timestamps
    // hold only the latest); it is read only when the job restarted since then.
    if (details.state !== job.state || (details.timestamps.RESTARTING ?? 0) > (known?.lastFlink?.at ?? 0)) {
      requests += 1;
      restarts = await this.deps.jm().numRestarts(job.jid).catch(() => undefined);
    }
    if (!known) known = await this.deps.discovery.discover(details);
    known.detailsReadAt = readAt;
    // The detail of a run that ended is saved before its status says so: whoever sees the end
    // (the overview, an alert's link) finds the detail page complete, even if the cluster goes next.
    if (known.warnings?.has('job')) await this.deps.evidence.clearWarning(known, 'job');
    if (isTerminalRunStatus(details.state)) {
      const final = await this.deps.evidence.captureFinalSnapshot(this.deps.jm(), known, details.state, true);
      requests += final.requests;
      restarts = maxKnown(restarts, final.restarts);
    }
    const result = await this.deps.recorder.recordRead(known, details, restarts, { note: null, weirNote, snapshot: true });
    known.seenAs = seenOverview(job);
    if (!result.terminal && result.steps.some((s) => FAILURE_STATUSES.includes(s.status))) requests += await this.deps.evidence.captureExceptions(this.deps.jm(), known);
    return requests;
  }

  /**
   * Records what the job list says of a job whose details Flink answered oddly (not JSON, a field
   * missing, an error): its status, at Flink's time when that is known (an end), and a warning on
   * the run naming the detail that could not be read. Read again next cycle, until the job ended.
   */
  private async recordFromOverview(job: FlinkJobOverview, known: KnownJob | undefined, problem: string): Promise<number> {
    let requests = 1;
    // A status the job list shows without Flink's time would be Weir's own observation, and the
    // history Flink reports once its details can be read would then come after it, out of order
    // (Flink 2.3 answers oddly for a moment while a job starts). So a job waits for its details, as
    // stale ones do, and only past that limit takes the list's word. So does a job that ended: the
    // list gives the end's time but not the statuses before it, and Flink can answer a job's details
    // with an error for a moment as it ends (seen on 2.3: a run recorded as FAILED alone). Not when
    // the details were already unreadable before (the run has the warning): the list is all there is.
    if (!known?.warnings?.has('job') && this.flinkTimesWait.stillWaiting(job.jid, this.deps.now())) return requests;
    this.flinkTimesWait.end(job.jid);
    const details = detailsFromOverview(job, this.deps.now());
    known ??= await this.deps.discovery.discover(details);
    await this.deps.evidence.warn(known, 'job', problem);
    let restarts: number | undefined;
    if (isTerminalRunStatus(job.state)) {
      const final = await this.deps.evidence.captureFinalSnapshot(this.deps.jm(), known, job.state, true);
      requests += final.requests;
      restarts = final.restarts;
      known.seenAs = seenOverview(job); // nothing more will happen to it
    }
    const weirNote = { text: `Flink's job list shows ${job.state}; the job's details could not be read`, code: { code: 'detailsUnreadable', params: { state: job.state } } } as const;
    const result = await this.deps.recorder.recordRead(known, details, restarts, { note: null, weirNote, snapshot: false });
    if (!result.terminal && result.steps.some((s) => FAILURE_STATUSES.includes(s.status))) requests += await this.deps.evidence.captureExceptions(this.deps.jm(), known);
    return requests;
  }
}

/** The larger of two counts, either of which may be unknown. */
function maxKnown(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}
