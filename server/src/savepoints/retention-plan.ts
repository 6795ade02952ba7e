import type { SavepointRetentionPlan, SavepointRetentionPolicy } from '@weir/contract';
import type { SavepointRecord } from '../runs/savepoints.store.js';
import { formatDuration } from '../alerts/alert-templates.js';

export interface RetentionInput {
  /** The task's savepoints, any order, any status. */
  savepoints: readonly SavepointRecord[];
  policy: SavepointRetentionPolicy;
  now: number;
  /**
   * Paths a live run of the task started from, with why each is protected. Undefined when a live
   * run's starting point is not known yet (Flink not asked since it started): then nothing goes.
   */
  restoredByLiveRuns: ReadonlyMap<string, string> | undefined;
}

/**
 * Which of a task's completed savepoints a retention policy keeps and which it disposes of, each
 * with its reason. A savepoint is kept when it is among the newest `keepLast`, or younger than
 * `keepForMs` (either rule keeps it), and always when it is the newest completed one, or one a
 * live run started from. Retained checkpoints are left to Flink's own retention. Pure: the same
 * plan is shown as a preview and then carried out.
 */
export function planRetention(input: RetentionInput): SavepointRetentionPlan {
  const { policy, now } = input;
  const completed = input.savepoints
    .filter((s): s is SavepointRecord & { path: string; completedAt: number } => s.status === 'COMPLETED' && s.path !== null && s.completedAt !== null)
    .sort((a, b) => b.completedAt - a.completedAt || b.id.localeCompare(a.id));
  const plan: SavepointRetentionPlan = { keep: [], dispose: [] };
  completed.forEach((savepoint, index) => {
    const entry = (reason: string) => ({ id: savepoint.id, path: savepoint.path, completedAt: savepoint.completedAt, reason });
    const protectedBy = input.restoredByLiveRuns?.get(savepoint.path);
    if (savepoint.kind === 'CHECKPOINT') plan.keep.push(entry('a retained checkpoint: Flink\'s own checkpoint retention manages it'));
    else if (index === 0) plan.keep.push(entry('the newest completed savepoint is always kept'));
    else if (protectedBy) plan.keep.push(entry(protectedBy));
    else if (!input.restoredByLiveRuns) plan.keep.push(entry('a live run of the task started from a state Weir has not read from Flink yet'));
    else if (policy.keepLast !== undefined && index < policy.keepLast) plan.keep.push(entry(`among the newest ${policy.keepLast}`));
    else if (policy.keepForMs !== undefined && now - savepoint.completedAt < policy.keepForMs) plan.keep.push(entry(`younger than ${formatDuration(policy.keepForMs)}`));
    else plan.dispose.push(entry(disposeReason(policy)));
  });
  return plan;
}

function disposeReason(policy: SavepointRetentionPolicy): string {
  const rules = [
    ...(policy.keepLast !== undefined ? [`not among the newest ${policy.keepLast}`] : []),
    ...(policy.keepForMs !== undefined ? [`older than ${formatDuration(policy.keepForMs)}`] : []),
  ];
  return rules.join(' and ');
}
