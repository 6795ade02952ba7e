import type { AuditTarget } from '../audit/audit.service.js';
import type { RunRecord } from '../runs/runs.store.js';
import type { TaskRecord } from '../tasks/tasks.store.js';

/** How an operation on a task names it in the audit log. */
export function taskTarget(task: TaskRecord): AuditTarget {
  return { type: 'task', id: task.id, name: task.name };
}

/** How an operation on a run names it in the audit log: the task and the Flink job. */
export function runTarget(run: RunRecord, task: TaskRecord): AuditTarget {
  return { type: 'run', id: run.id, name: `${task.name} (${run.flinkJobId})` };
}
