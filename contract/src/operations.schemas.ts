import { z } from 'zod';
import { EpochMs } from './common.schemas.js';
import { SavepointKind, SavepointStatus } from './runs.schemas.js';
import { SavepointStrategy, TaskLifecycle } from './tasks.schemas.js';

export const RunOperationParams = z.object({ runId: z.string().min(1).max(64) });

export const RunSavepoint = z
  .object({
    id: z.string(),
    runId: z.string(),
    taskId: z.string(),
    kind: SavepointKind,
    status: SavepointStatus,
    /** Where Flink wrote it, once completed. */
    path: z.string().nullable(),
    triggerId: z.string().nullable(),
    failure: z.string().nullable(),
    createdAt: EpochMs,
    completedAt: EpochMs.nullable(),
    /** Who had it taken: a user, a token, or Weir's savepoint schedule (`savepoint-schedule`); null when Weir found it. */
    takenBy: z.string().nullable(),
    disposedAt: EpochMs.nullable(),
    /** Who disposed of it: a user, a token, or Weir's retention. */
    disposedBy: z.string().nullable(),
  })
  .meta({ id: 'RunSavepoint' });
export type RunSavepoint = z.infer<typeof RunSavepoint>;

export const RunSavepointList = z.object({ items: z.array(RunSavepoint) });

/** A catalog entry's state: a stored savepoint's, or MISSING once its folder is gone from a disk Weir can read. */
export const CatalogSavepointStatus = z.enum([...SavepointStatus.options, 'MISSING']);
export type CatalogSavepointStatus = z.infer<typeof CatalogSavepointStatus>;

/**
 * One restorable state of a task in its catalog: a savepoint Weir recorded (`source: weir`), or a
 * savepoint or retained checkpoint Weir found in Flink's checkpoint history of one of its runs
 * (`source: flink`: taken outside Weir, or a checkpoint a restart can start from).
 */
export const SavepointCatalogEntry = RunSavepoint.extend({
  status: CatalogSavepointStatus,
  source: z.enum(['weir', 'flink']),
  flinkJobId: z.string(),
  /** The task version the run ran; null for a run Weir did not submit. */
  taskVersion: z.number().int().nullable(),
  /** What it added to storage, as Flink reports; null when Flink's history no longer lists it. */
  sizeBytes: z.number().nullable(),
  /** A savepoint's format as Flink reports it (CANONICAL: portable across state backends; NATIVE); null for a checkpoint or when Flink's history no longer lists it. */
  format: z.string().nullable(),
}).meta({ id: 'SavepointCatalogEntry' });
export type SavepointCatalogEntry = z.infer<typeof SavepointCatalogEntry>;

export const SavepointCatalog = z.object({ items: z.array(SavepointCatalogEntry) });

const KeepLast = z.number().int().min(1).max(1_000).describe('Keep the newest N completed savepoints.');
const KeepForMs = z.number().int().min(60_000).max(10 * 365 * 86_400_000).describe('Keep those completed within this many milliseconds.');

/**
 * Which of a task's completed savepoints to keep: the newest `keepLast`, those younger than
 * `keepForMs`, or both (either rule keeps a savepoint); the rest are disposed of. One rule at least.
 */
export const SavepointRetentionPolicy = z
  .union([z.strictObject({ keepLast: KeepLast, keepForMs: KeepForMs.optional() }), z.strictObject({ keepLast: KeepLast.optional(), keepForMs: KeepForMs })])
  .meta({ id: 'SavepointRetentionPolicy' });
export type SavepointRetentionPolicy = z.infer<typeof SavepointRetentionPolicy>;

const PlannedSavepoint = z.object({ id: z.string(), path: z.string(), completedAt: EpochMs, reason: z.string() });

/** What a retention policy keeps and disposes of, and why each. */
export const SavepointRetentionPlan = z
  .object({ keep: z.array(PlannedSavepoint), dispose: z.array(PlannedSavepoint) })
  .meta({ id: 'SavepointRetentionPlan' });
export type SavepointRetentionPlan = z.infer<typeof SavepointRetentionPlan>;

/** When Weir takes a task's savepoints: every `intervalMs`, or at the times of a cron expression (5 fields, or 6 with seconds). */
export const SavepointSchedule = z
  .union([
    z.strictObject({ intervalMs: z.number().int().min(5_000).max(31 * 86_400_000) }),
    z.strictObject({ cron: z.string().trim().min(9).max(120) }),
  ])
  .meta({ id: 'SavepointSchedule' });
export type SavepointSchedule = z.infer<typeof SavepointSchedule>;

/** A task's savepoint schedule and retention; either may be off (null). */
export const SavepointPolicy = z
  .object({ schedule: SavepointSchedule.nullable(), retention: SavepointRetentionPolicy.nullable() })
  .meta({ id: 'SavepointPolicy' });
export type SavepointPolicy = z.infer<typeof SavepointPolicy>;

export const SavepointPolicyView = z
  .object({
    schedule: SavepointSchedule.nullable(),
    retention: SavepointRetentionPolicy.nullable(),
    /** When the schedule next takes a savepoint (if the task's run is RUNNING then); null without a schedule. */
    nextDueAt: EpochMs.nullable(),
    updatedBy: z.string().nullable(),
    updatedAt: EpochMs.nullable(),
  })
  .meta({ id: 'SavepointPolicyView' });
export type SavepointPolicyView = z.infer<typeof SavepointPolicyView>;

export const SavepointDisposalResult = z
  .object({
    disposed: z.array(z.object({ id: z.string(), path: z.string() })),
    failed: z.array(z.object({ id: z.string(), path: z.string(), error: z.string() })),
    kept: z.number().int(),
  })
  .meta({ id: 'SavepointDisposalResult' });
export type SavepointDisposalResult = z.infer<typeof SavepointDisposalResult>;

export const OperationAction = z.enum(['submit', 'online', 'offline', 'stop', 'cancel', 'savepoint', 'restart', 'refresh']);
export type OperationAction = z.infer<typeof OperationAction>;

/** What an operation did: the run it acted on, the run it started (if any), the savepoint it took. */
export const OperationResult = z
  .object({
    action: OperationAction,
    taskId: z.string(),
    /** The task's lifecycle after the operation. */
    lifecycle: TaskLifecycle,
    /** The run acted on (stop, cancel, savepoint, restart, refresh, offline); null when there was none. */
    runId: z.string().nullable(),
    /** That run's status after the operation. */
    status: z.string().nullable(),
    /** The run the operation started (online, restart). */
    newRunId: z.string().nullable(),
    flinkJobId: z.string().nullable(),
    savepoint: RunSavepoint.nullable(),
    /** The savepoint or checkpoint the started job restores from. */
    restoredFrom: z.string().nullable(),
    message: z.string(),
  })
  .meta({ id: 'OperationResult' });
export type OperationResult = z.infer<typeof OperationResult>;

export const OnlineRequest = z.object({
  /** Defaults to the task's configured strategy. */
  savepointStrategy: SavepointStrategy.optional(),
  savepointPath: z.string().trim().min(1).max(2000).optional(),
});
export type OnlineRequest = z.infer<typeof OnlineRequest>;

export const OfflineRequest = z.object({ withSavepoint: z.boolean() });
export type OfflineRequest = z.infer<typeof OfflineRequest>;

export const StopRunRequest = z.object({ withSavepoint: z.boolean(), drain: z.boolean().optional() });
export type StopRunRequest = z.infer<typeof StopRunRequest>;

export const RestartFrom = z.enum(['none', 'latest-checkpoint', 'latest-savepoint', 'savepoint']);
export type RestartFrom = z.infer<typeof RestartFrom>;

export const RestartRunRequest = z.object({ from: RestartFrom, savepointPath: z.string().trim().min(1).max(2000).optional() });
export type RestartRunRequest = z.infer<typeof RestartRunRequest>;

/**
 * Several published tasks at once. `default`: online uses each task's savepoint strategy, offline
 * stops with a savepoint unless the task's strategy is 'none'. `latest-savepoint`: online resumes
 * from each task's latest savepoint, offline always stops with a savepoint.
 */
export const BulkOperationRequest = z.object({
  action: z.enum(['online', 'offline']),
  taskIds: z.array(z.string().min(1).max(64)).min(1).max(100),
  from: z.enum(['default', 'latest-savepoint']).default('default'),
});
export type BulkOperationRequest = z.input<typeof BulkOperationRequest>;

export const BulkOperationItem = z
  .object({
    taskId: z.string(),
    taskName: z.string().nullable(),
    ok: z.boolean(),
    result: OperationResult.nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
  })
  .meta({ id: 'BulkOperationItem' });
export type BulkOperationItem = z.infer<typeof BulkOperationItem>;

export const BulkOperationResult = z.object({
  items: z.array(BulkOperationItem),
  succeeded: z.number().int(),
  failed: z.number().int(),
});
export type BulkOperationResult = z.infer<typeof BulkOperationResult>;
