// Where each section of the run detail page comes from, and why when it is not live: the saved
// copy (with the outage that forced it) or nothing, and the one failure of a run Flink never saw.
import type { DataSource, RunExceptions, SectionSource } from '@weir/contract';
import type { RunRecord } from '../runs/runs.store.js';

export const NEVER_REACHED_FLINK = 'The job never reached Flink: the cluster refused its submission';

/** The exceptions of a run whose submission the cluster refused: that refusal, the only failure there was. */
export function submissionFailure(run: RunRecord, error: string): RunExceptions {
  const at = run.endTime ?? run.updatedAt;
  return {
    source: 'none',
    capturedAt: null,
    reason: NEVER_REACHED_FLINK,
    truncated: false,
    entries: [{ name: 'Submission refused', message: error.split('\n')[0]!, stacktrace: error, at, taskName: null, location: null, taskManagerId: null, concurrent: [] }],
  };
}

export function snapshotSource(capturedAt: number, why: { reason: string; unreachableSince?: number | null }): SectionSource {
  // The copy was read from the cluster, so it answered then: the outage began after it.
  const unreachableSince = why.unreachableSince == null ? null : Math.max(why.unreachableSince, capturedAt);
  return { source: 'snapshot' satisfies DataSource, capturedAt, reason: why.reason, unreachableSince };
}

export function noneSource(why: { reason: string; unreachableSince?: number | null }): SectionSource {
  return { source: 'none', capturedAt: null, reason: why.reason, unreachableSince: why.unreachableSince ?? null };
}

export function noClusterReason(run: RunRecord): string {
  return `Cluster ${run.clusterId} is no longer registered in Weir`;
}
