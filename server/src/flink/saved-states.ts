import type { z } from 'zod';
import type { JobCheckpoints } from './flink-rest.schemas.js';

/** Flink's path for a checkpoint that was not written where it can be addressed (no retention). */
const NOT_ADDRESSABLE = '<checkpoint-not-externally-addressable>';

/** A savepoint or checkpoint whose files Flink reports at a path a job can be restored from. */
export interface FlinkSavedState {
  checkpointId: number;
  isSavepoint: boolean;
  path: string;
  triggeredAt: number;
  completedAt: number | null;
  /** How much state it holds (Flink's `state_size`, else `checkpointed_size`): a savepoint holds all of it, and `checkpointed_size` is only what one incremental checkpoint added, 0 B for some savepoints. */
  sizeBytes: number | null;
  /** A savepoint's format as Flink names it (CANONICAL, NATIVE); null for a checkpoint, or when Flink does not say. */
  format: string | null;
}

/**
 * Where the job started from, as an answer of `GET /jobs/:jid/checkpoints` says
 * (`latest.restored.external_path`); undefined when it started without state or does not say.
 */
export function restoredPathOf(checkpoints: z.output<typeof JobCheckpoints>): string | undefined {
  const path = checkpoints.latest.restored?.external_path;
  return path !== undefined && path !== NOT_ADDRESSABLE ? path : undefined;
}

/**
 * The restorable states an answer of `GET /jobs/:jid/checkpoints` names: every completed savepoint
 * in its history and its latest savepoint, and its latest completed checkpoint when that has a path
 * (Flink gives one only where checkpoints are written to addressable storage). Savepoints taken
 * outside Weir (Flink's CLI, its web UI) reach the catalog this way.
 */
export function savedStatesOf(checkpoints: z.output<typeof JobCheckpoints>): FlinkSavedState[] {
  const { history, latest } = checkpoints;
  const byId = new Map<number, FlinkSavedState>();
  const add = (stats: (typeof history)[number] | null | undefined, onlySavepoints: boolean) => {
    if (!stats || stats.status !== 'COMPLETED' || (onlySavepoints && !stats.is_savepoint)) return;
    const path = stats.external_path;
    if (!path || path === NOT_ADDRESSABLE || byId.has(stats.id)) return;
    byId.set(stats.id, {
      checkpointId: stats.id,
      isSavepoint: stats.is_savepoint,
      path,
      triggeredAt: stats.trigger_timestamp,
      completedAt: stats.latest_ack_timestamp ?? null,
      sizeBytes: stats.state_size ?? stats.checkpointed_size ?? null,
      format: stats.savepointFormat ?? null,
    });
  };
  add(latest.savepoint, true);
  for (const stats of history) add(stats, true);
  add(latest.completed, false);
  return [...byId.values()].sort((a, b) => b.checkpointId - a.checkpointId);
}
