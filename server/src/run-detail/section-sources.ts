// Where each section of the run detail page comes from, and why when it is not live: the saved
// copy (with the outage that forced it) or nothing, and the one failure of a run Flink never saw.
import type { DataSource, RunExceptions, SectionReason, SectionSource } from '@weir/contract';
import type { RunRecord } from '../runs/runs.store.js';

export const NEVER_REACHED_FLINK = 'The job never reached Flink: the cluster refused its submission';

/** Why a section is not live: in English for API clients, and as a code the web app translates. */
export interface WhyNotLive {
  reason: string;
  reasonCode: SectionReason;
  unreachableSince?: number | null;
}

function why(reason: string, code: SectionReason['code'], params: Record<string, string> = {}): WhyNotLive {
  return { reason, reasonCode: { code, params } };
}

/** Each reason a section or a log is not live, with its English and its code said together. */
export const notLive = {
  neverReachedFlink: () => why(NEVER_REACHED_FLINK, 'neverReachedFlink'),
  clusterNotRegistered: (run: RunRecord) => why(`Cluster ${run.clusterId} is no longer registered in Weir`, 'clusterNotRegistered', { cluster: run.clusterId }),
  /** The cluster's last error is quoted as the watcher stored it. */
  clusterUnreachable: (cluster: string, lastError: string | null) =>
    lastError
      ? why(`Cluster ${cluster} does not answer (${lastError})`, 'clusterUnreachableBecause', { cluster, error: lastError })
      : why(`Cluster ${cluster} does not answer`, 'clusterUnreachable', { cluster }),
  jobGone: (jobId: string) => why(`The cluster no longer has job ${jobId}`, 'jobGone', { jobId }),
  noTaskManager: () => why('The cluster has no TaskManager', 'noTaskManager'),
  /** An error of Weir's or an answer of Flink's, said whole (the route puts Weir's in the caller's language). */
  flinkError: (message: string) => why(message, 'flinkError', { message }),
};

/** The exceptions of a run whose submission the cluster refused: that refusal, the only failure there was. */
export function submissionFailure(run: RunRecord, error: string): RunExceptions {
  const at = run.endTime ?? run.updatedAt;
  return {
    source: 'none',
    capturedAt: null,
    reason: NEVER_REACHED_FLINK,
    reasonCode: notLive.neverReachedFlink().reasonCode,
    truncated: false,
    entries: [{ name: 'Submission refused', message: error.split('\n')[0]!, stacktrace: error, at, taskName: null, location: null, taskManagerId: null, concurrent: [] }],
  };
}

export function snapshotSource(capturedAt: number, why: WhyNotLive): SectionSource {
  // The copy was read from the cluster, so it answered then: the outage began after it.
  const unreachableSince = why.unreachableSince == null ? null : Math.max(why.unreachableSince, capturedAt);
  return { source: 'snapshot' satisfies DataSource, capturedAt, reason: why.reason, reasonCode: why.reasonCode, unreachableSince };
}

export function noneSource(why: WhyNotLive): SectionSource {
  return { source: 'none', capturedAt: null, reason: why.reason, reasonCode: why.reasonCode, unreachableSince: why.unreachableSince ?? null };
}
