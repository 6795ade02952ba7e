import type { CreateTaskRequest, SavepointStrategy, Task, TaskConfigInput, UpdateTaskRequest } from '@weir/contract';
import { ApiError } from '../../api/api-error';
import { formatArgs, optionsToText, parseArgs, textToOptions } from './config-text';

// The task editor's form values and their conversion to and from the API's task. Options and jar
// arguments are edited as text; the API takes a map and a list.

export interface TaskFormValues {
  name: string;
  kind: 'SQL' | 'JAR';
  /** Chosen once, at creation. */
  teamId?: string;
  clusterId: string;
  executionMode: 'STREAMING' | 'BATCH';
  sql: string;
  jarId?: string;
  jarName?: string;
  entryClass?: string;
  args?: string;
  parallelism: number;
  checkpointIntervalMs?: number | null;
  savepointStrategy: SavepointStrategy;
  savepointPath?: string;
  flinkOptions?: string;
  owner?: string;
  alertGroup?: string;
  description?: string;
}

export const SAVEPOINT_STRATEGIES: readonly SavepointStrategy[] = ['latest', 'earliest', 'none', 'path'];

/** What a new task starts as, before the team and cluster are preselected. */
export const NEW_TASK_VALUES: Partial<TaskFormValues> = {
  kind: 'SQL',
  executionMode: 'STREAMING',
  sql: '',
  parallelism: 1,
  checkpointIntervalMs: null,
  savepointStrategy: 'latest',
};

/** The form's kind of a task: an external task is shown like a SQL one (it is read-only anyway). */
export function editableKind(task: Pick<Task, 'kind'>): 'SQL' | 'JAR' {
  return task.kind === 'JAR' ? 'JAR' : 'SQL';
}

export function taskToFormValues(task: Task): TaskFormValues {
  return {
    name: task.name,
    kind: editableKind(task),
    clusterId: task.clusterId,
    executionMode: task.executionMode,
    sql: task.sql ?? '',
    jarId: task.jar?.jarId,
    jarName: task.jar?.fileName ?? undefined,
    entryClass: task.jar?.entryClass ?? '',
    args: formatArgs(task.jar?.args ?? []),
    parallelism: task.config.parallelism,
    checkpointIntervalMs: task.config.checkpointIntervalMs,
    savepointStrategy: task.config.savepointStrategy,
    savepointPath: task.config.savepointPath ?? '',
    flinkOptions: optionsToText(task.config.flinkOptions),
    owner: task.owner ?? '',
    alertGroup: task.config.alertGroup ?? '',
    description: task.description ?? '',
  };
}

/** Blank text fields become null, so clearing a field clears it on the server. */
function formValuesToConfig(v: TaskFormValues): TaskConfigInput {
  return {
    parallelism: v.parallelism,
    checkpointIntervalMs: v.checkpointIntervalMs ?? null,
    savepointStrategy: v.savepointStrategy,
    savepointPath: v.savepointPath?.trim() || null,
    flinkOptions: textToOptions(v.flinkOptions ?? '').options,
    alertGroup: v.alertGroup?.trim() || null,
  };
}

/** The update a saved form sends; a jar task without an uploaded jar leaves the jar as it is. */
export function formValuesToUpdateRequest(v: TaskFormValues): UpdateTaskRequest {
  return {
    name: v.name.trim(),
    clusterId: v.clusterId,
    executionMode: v.executionMode,
    owner: v.owner?.trim() || null,
    description: v.description?.trim() || null,
    config: formValuesToConfig(v),
    ...(v.kind === 'SQL' ? { sql: v.sql ?? '' } : v.jarId ? { jar: { jarId: v.jarId, entryClass: v.entryClass?.trim() || null, args: parseArgs(v.args ?? '') } } : {}),
  };
}

/** A new task: the update's fields plus its kind and, when one was chosen, its team. */
export function formValuesToCreateRequest(v: TaskFormValues): CreateTaskRequest {
  return { ...formValuesToUpdateRequest(v), kind: v.kind, ...(v.teamId ? { teamId: v.teamId } : {}) } as CreateTaskRequest;
}

export interface SqlError {
  line: number | null;
  column: number | null;
  message: string;
}

/** Where Flink put the error, when the server says (422 FLINK_REJECTED or 400 with a script position). */
export function sqlErrorOf(err: unknown): SqlError | null {
  if (!(err instanceof ApiError)) return null;
  const d = err.details as { line?: unknown; column?: unknown; message?: unknown } | undefined;
  if (!d || typeof d.message !== 'string' || !('line' in d)) return null;
  return { line: typeof d.line === 'number' ? d.line : null, column: typeof d.column === 'number' ? d.column : null, message: d.message };
}
