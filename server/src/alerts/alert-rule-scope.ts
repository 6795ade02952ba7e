// Which rules speak for which task or cluster, and the facts every run incident carries: pure
// rules shared by the event-driven engine and the scheduled checks.
import { createHash } from 'node:crypto';
import type { RunRef } from '../events/events.js';
import type { TaskFact } from './alert-facts.js';
import type { IncidentFacts } from './alert-incidents.store.js';
import type { StoredRule } from './alert-rules.store.js';

/** A task as the rules see it: which rules speak for it, and the team its incidents are about (null: a task Weir no longer knows). */
export interface TaskSubject {
  teamId: string | null;
  covers(rule: StoredRule): boolean;
}

/** A team's rule speaks only for its own team's tasks, a Weir-wide rule for every task; then the rule's scope narrows. */
export function ruleCoversTask(rule: StoredRule, taskId: string, task: TaskFact | undefined): boolean {
  if (rule.teamId !== null && task?.teamId !== rule.teamId) return false;
  const { scope } = rule;
  if (scope.kind === 'all') return true;
  if (scope.kind === 'tasks') return scope.taskIds.includes(taskId);
  return task !== undefined && scope.lifecycles.includes(task.lifecycle);
}

/**
 * A team's cluster rule speaks for its team's clusters and the shared ones (the team's jobs may run
 * there); a Weir-wide rule for every cluster, including one Weir no longer knows (`undefined`).
 */
export function ruleCoversCluster(rule: StoredRule, clusterTeam: string | null | undefined): boolean {
  if (rule.teamId === null) return true;
  return clusterTeam === null || clusterTeam === rule.teamId;
}

/** The facts of an incident about a run that every condition records. */
export function runFacts(ref: RunRef, at: number): Omit<IncidentFacts, 'summary' | 'status'> {
  return {
    at,
    taskId: ref.taskId,
    taskName: ref.taskName,
    runId: ref.runId,
    jobName: ref.jobName,
    flinkJobId: ref.flinkJobId,
    clusterId: ref.clusterId,
    clusterName: ref.clusterName,
  };
}

/** Same exception class and first message line, ignoring numbers (ids, offsets, times) in it. */
export function exceptionFingerprint(name: string, message: string): string {
  const firstLine = (message.split('\n')[0] ?? '').replace(/\d+/g, '#').trim();
  return createHash('sha256').update(`${name}\n${firstLine}`).digest('hex').slice(0, 16);
}
