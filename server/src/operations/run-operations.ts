import type { OperationBlocker, RunOperationName, RunOperationsAvailability } from '@weir/contract';
import { isTerminalRunStatus } from '@weir/contract';

/** What decides which operations a run allows. */
export interface RunOperationFacts {
  status: string;
  /** The run's cluster is still registered in Weir. */
  clusterKnown: boolean;
  /** Weir submitted it (a task with versions), so Weir can submit it again. */
  resubmittable: boolean;
  /** The submission never reached Flink: there is no Flink job to act on. */
  neverReachedFlink: boolean;
  /** A checkpoint of this run completed, as far as Weir knows. */
  hasCheckpoint: boolean;
  /** The run's task has a completed savepoint on record. */
  hasSavepoint: boolean;
}

/** Flink statuses a cancel applies to. */
const CANCELLABLE = new Set(['RUNNING', 'RESTARTING', 'CREATED', 'INITIALIZING', 'FAILING', 'RECONCILING']);

/**
 * Which operations are possible for a run now, and why not the others: the page offers exactly
 * these (disabled with the reason), and the operations service refuses the same cases.
 */
export function runOperations(facts: RunOperationFacts): RunOperationsAvailability {
  const terminal = isTerminalRunStatus(facts.status);
  const running = facts.status === 'RUNNING';
  const notActive: OperationBlocker = terminal ? 'terminal' : 'notRunning';
  const flinkJob: OperationBlocker | null = !facts.clusterKnown ? 'noCluster' : facts.neverReachedFlink ? 'neverReachedFlink' : null;
  const resubmit: OperationBlocker | null = !facts.clusterKnown ? 'noCluster' : !facts.resubmittable ? 'external' : null;
  const blockers: Record<RunOperationName, OperationBlocker | null> = {
    stop: flinkJob ?? (running ? null : notActive),
    cancel: flinkJob ?? (CANCELLABLE.has(facts.status) ? null : notActive),
    savepoint: flinkJob ?? (running ? null : notActive),
    restartFromLatestCheckpoint: resubmit ?? (facts.neverReachedFlink ? 'neverReachedFlink' : facts.hasCheckpoint ? null : 'noCheckpoint'),
    // A running job is stopped with a savepoint taken now.
    restartFromLatestSavepoint: resubmit ?? ((running && !facts.neverReachedFlink) || facts.hasSavepoint ? null : 'noSavepoint'),
    restartFromChosenSavepoint: resubmit,
    restartWithoutState: resubmit,
    refresh: flinkJob,
  };
  return Object.fromEntries(Object.entries(blockers).map(([name, blocker]) => [name, { allowed: blocker === null, blocker }])) as RunOperationsAvailability;
}
