import type { SavepointCatalogEntry } from '@weir/contract';
import type { FlinkSavedState } from '../flink/saved-states.js';
import type { SavepointRecord } from '../runs/savepoints.store.js';

export interface CatalogRun {
  id: string;
  taskId: string;
  flinkJobId: string;
  versionId: string | null;
  /** What Flink's checkpoint history of the run names (undefined: never read, or unreadable). */
  savedStates: FlinkSavedState[] | undefined;
}

/**
 * A task's catalog: what Weir recorded, plus what it finds in its runs' checkpoint histories and did
 * not record (a savepoint taken with Flink's CLI, a retained checkpoint), newest first. A path both
 * know is one entry, Weir's, with Flink's size. A completed entry whose folder `isMissing` says is
 * gone is MISSING: restoring from it would fail.
 */
export function buildCatalog(input: {
  stored: SavepointRecord[];
  runs: CatalogRun[];
  versionNumbers: Map<string, number>;
  isMissing: (path: string) => boolean;
}): SavepointCatalogEntry[] {
  const runsById = new Map(input.runs.map((r) => [r.id, r]));
  const flinkByPath = new Map<string, { run: CatalogRun; state: FlinkSavedState }>();
  for (const run of input.runs) for (const state of run.savedStates ?? []) if (!flinkByPath.has(state.path)) flinkByPath.set(state.path, { run, state });

  const versionOf = (run: CatalogRun | undefined) => (run?.versionId ? (input.versionNumbers.get(run.versionId) ?? null) : null);
  const entries: SavepointCatalogEntry[] = [];
  const storedPaths = new Set<string>();
  for (const record of input.stored) {
    if (record.path) storedPaths.add(record.path);
    const run = runsById.get(record.runId);
    const reported = record.path ? flinkByPath.get(record.path)?.state : undefined;
    entries.push({
      ...record,
      source: 'weir',
      flinkJobId: run?.flinkJobId ?? '',
      taskVersion: versionOf(run),
      sizeBytes: reported?.sizeBytes ?? null,
      format: reported?.format ?? null,
    });
  }
  for (const [path, { run, state }] of flinkByPath) {
    if (storedPaths.has(path)) continue;
    entries.push({
      id: `flink-${run.id}-${state.checkpointId}`,
      runId: run.id,
      taskId: run.taskId,
      kind: state.isSavepoint ? 'SAVEPOINT' : 'CHECKPOINT',
      status: 'COMPLETED',
      path,
      triggerId: null,
      failure: null,
      createdAt: state.triggeredAt,
      completedAt: state.completedAt,
      takenBy: null,
      disposedAt: null,
      disposedBy: null,
      source: 'flink',
      flinkJobId: run.flinkJobId,
      taskVersion: versionOf(run),
      sizeBytes: state.sizeBytes,
      format: state.format,
    });
  }
  for (const entry of entries) if (entry.status === 'COMPLETED' && entry.path && input.isMissing(entry.path)) entry.status = 'MISSING';
  return entries.sort((a, b) => (b.completedAt ?? b.createdAt) - (a.completedAt ?? a.createdAt));
}
