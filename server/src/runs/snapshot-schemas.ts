// What each kind of saved snapshot holds, decoded through the same schemas as the live answer it
// copies: Flink's REST answers through the Flink client's schemas, and the two views Weir composes
// (the enriched job graph, the cluster page) through the contract's. A saved copy that does not
// decode (an older or damaged body) reads as no copy, never as a cast that hides what is missing.
import { RunCluster, RunGraph } from '@weir/contract';
import type { z } from 'zod';
import * as S from '../flink/flink-rest.schemas.js';

export const SNAPSHOT_SCHEMAS = {
  job: S.JobDetails,
  vertices: RunGraph.pick({ vertices: true, edges: true }),
  exceptions: S.JobExceptions,
  checkpoints: S.JobCheckpoints,
  checkpoint_config: S.CheckpointConfig,
  config: S.JobConfig,
  plan: S.JobPlan,
  taskmanagers: RunCluster.pick({ jobManager: true, taskManagers: true }),
} as const;

export type SnapshotKind = keyof typeof SNAPSHOT_SCHEMAS;
export const SNAPSHOT_KINDS = Object.keys(SNAPSHOT_SCHEMAS) as SnapshotKind[];

/** A snapshot's content, as its live answer would be. */
export type SnapshotData<K extends SnapshotKind> = z.output<(typeof SNAPSHOT_SCHEMAS)[K]>;

/** A saved snapshot, decoded. */
export interface DecodedSnapshot<K extends SnapshotKind> {
  capturedAt: number;
  data: SnapshotData<K>;
}

/** The body of a saved snapshot decoded as its kind; undefined when it is not JSON or not that shape. */
export function decodeSnapshot<K extends SnapshotKind>(kind: K, body: string): SnapshotData<K> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const parsed = SNAPSHOT_SCHEMAS[kind].safeParse(json);
  return parsed.success ? (parsed.data as SnapshotData<K>) : undefined;
}
