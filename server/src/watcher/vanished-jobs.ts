import { isTerminalRunStatus, type Cluster } from '@weir/contract';
import { AppError } from '../errors/errors.js';
import type { JobManagerClient } from '../flink/job-manager.client.js';
import type { Logger } from '../logging/logger.js';
import type { JobEvidence } from './job-evidence.js';
import type { KnownJob } from './known-job.js';
import type { RunRecorder } from './run-recorder.js';

/**
 * A job that had not ended and that the answering JobManager no longer lists (it restarted without
 * high availability, or the job expired from its job store): recorded from the HistoryServer's
 * archive when it has one, else marked lost. Lost is final, so it is concluded only from the
 * HistoryServer's answer that it has no archive, once it had time to read new archives; a
 * HistoryServer that cannot be asked is asked again each cycle, a bounded while.
 */
export class VanishedJobs {
  constructor(
    private readonly deps: {
      /** The cluster's HistoryServer, when it has one (it may be added or removed while watched). */
      history: () => JobManagerClient | undefined;
      cluster: () => Cluster;
      recorder: RunRecorder;
      evidence: JobEvidence;
      log: Logger;
      now: () => number;
      /** How long after the job went missing the HistoryServer's "no archive" answer is believed. */
      archiveGraceMs: number;
      /** How long a HistoryServer that cannot be asked is waited for before the run is lost. */
      unreachableLimitMs: number;
    },
  ) {}

  /** Concludes what it can of a vanished job this cycle. Returns the number of REST requests made. */
  async conclude(known: KnownJob, jobsOnCluster: number): Promise<number> {
    const { log, recorder } = this.deps;
    const now = () => this.deps.now();
    const history = this.deps.history();
    const missingFor = now() - (known.missingSince ?? now());
    let historyAnswer = 'none configured';
    if (history) {
      try {
        const details = await history.archivedJob(known.run.flinkJobId);
        if (details) {
          const final = isTerminalRunStatus(details.state) ? await this.deps.evidence.captureFinalSnapshot(history, known, details.state, false) : undefined;
          await recorder.recordRead(known, details, final?.restarts, { note: { text: 'from the HistoryServer archive', code: { code: 'fromHistoryArchive', params: {} } }, snapshot: true });
          return 2;
        }
        if (missingFor < this.deps.archiveGraceMs) return 1;
        historyAnswer = `${history.baseUrl} does not have it either`;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        if (missingFor < this.deps.unreachableLimitMs) {
          log.warn({ cluster: this.deps.cluster().name, job: known.run.flinkJobId, err: err.message }, 'the HistoryServer could not be asked about a vanished job; asking again next cycle');
          return 1;
        }
        historyAnswer = `${history.baseUrl} could not be asked for ${Math.round(missingFor / 1000)} s: ${err.message}`;
      }
    }
    const at = now();
    const evidence = {
      reason: 'The JobManager answers, but no longer lists this job (restarted without high availability, or the job expired from its job store).',
      lastKnownStatus: known.run.status,
      lastRecordedAt: known.lastAt,
      missingSince: known.missingSince ?? at,
      checkedAt: at,
      jobManager: this.deps.cluster().restUrl,
      jobsOnClusterNow: jobsOnCluster,
      historyServer: historyAnswer,
    };
    // A job that vanished after its JobManager was unreachable went down with the cluster.
    const cause = known.run.unreachableSince !== null ? 'cluster-unreachable' : undefined;
    // The reason is the one Weir always gives for a lost job; its code alone carries it to the reader.
    const lostNote = { text: `Lost: ${evidence.reason}`, code: { code: 'lost', params: {} } } as const;
    await recorder.recordWeirStatus(known, 'UNKNOWN', at, lostNote, {
      lost: true,
      lostEvidence: JSON.stringify(evidence),
      endTime: known.run.endTime ?? known.missingSince ?? at,
    }, cause);
    return history ? 1 : 0;
  }
}
