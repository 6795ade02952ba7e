import type { UpdateTaskRequest } from '@weir/contract';
import { auditChanges, type AuditChange } from '../audit/audit-changes.js';
import { decodeJar, parseConfig } from './task-config.js';
import type { TaskRecord } from './tasks.store.js';

/**
 * What a task update changed, for its audit entry: each named field before → after, the cluster by
 * name, each configuration setting on its own, and the script as its length in lines (a script is
 * read in the versions' diff, not in a log line). Unchanged fields are left out.
 */
export function taskUpdateChanges(task: TaskRecord, req: UpdateTaskRequest, clusters?: { before: string; after: string }): Record<string, AuditChange> {
  const config = parseConfig(task.draftConfig);
  const before: Record<string, unknown> = {
    name: task.name,
    owner: task.owner,
    description: task.description,
    executionMode: task.executionMode,
    cluster: clusters?.before,
    jar: task.kind === 'JAR' ? decodeJar(task.draftContent) : undefined,
    ...config,
  };
  const input = req.config ?? {};
  const after: Record<string, unknown> = {
    name: req.name,
    owner: req.owner,
    description: req.description,
    executionMode: req.executionMode,
    cluster: clusters?.after,
    jar: req.jar && { jarId: req.jar.jarId, entryClass: req.jar.entryClass || null, args: req.jar.args ?? [] },
    parallelism: input.parallelism,
    checkpointIntervalMs: input.checkpointIntervalMs,
    savepointStrategy: input.savepointStrategy,
    savepointPath: input.savepointPath,
    // Stored sorted by key: the request's order is no change.
    flinkOptions: input.flinkOptions && Object.fromEntries(Object.entries(input.flinkOptions).sort(([a], [b]) => a.localeCompare(b))),
    alertGroup: input.alertGroup === undefined ? undefined : input.alertGroup || null,
  };
  const changes = auditChanges(before, after);
  if (req.sql !== undefined && req.sql !== task.draftContent) changes.sqlLines = { before: lineCount(task.draftContent), after: lineCount(req.sql) };
  return changes;
}

function lineCount(text: string): number {
  return text === '' ? 0 : text.split('\n').length;
}
