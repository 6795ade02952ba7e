import { z } from 'zod';
import { EpochMs } from './common.schemas.js';
import { LineageResult } from './lineage.schemas.js';

// The run detail page: one run of a task (one Flink job execution), read live from its cluster
// while the cluster has it, otherwise from the copy Weir saved ("snapshot").

export const RunIdParams = z.object({ runId: z.string().min(1).max(64) });

/**
 * Where a section's data came from. `live`: read from Flink for this answer. `snapshot`: the
 * copy Weir saved while the cluster still had it (the cluster no longer has the job, or does not
 * answer; `reason` says which). `none`: neither.
 */
export const DataSource = z.enum(['live', 'snapshot', 'none']);
export type DataSource = z.infer<typeof DataSource>;

/** Why a section (or a log) is not live, as a code the web app says in the reader's language. */
export const SectionReasonCode = z.enum([
  'neverReachedFlink',
  'clusterNotRegistered',
  'clusterUnreachable',
  'clusterUnreachableBecause',
  'jobGone',
  'noTaskManager',
  'flinkError',
]);
export type SectionReasonCode = z.infer<typeof SectionReasonCode>;

/**
 * A reason's code with its values, shown as they are. `error` (the cluster's last error) and
 * `message` (Flink's answer, or Weir's error in the caller's language) are quoted, not translated.
 */
export const SectionReason = z
  .object({
    code: SectionReasonCode,
    params: z.record(z.string(), z.string()),
  })
  .meta({ id: 'SectionReason' });
export type SectionReason = z.infer<typeof SectionReason>;

const sectionFields = {
  source: DataSource,
  /** When the data was read from Flink (now for live data). */
  capturedAt: EpochMs.nullable(),
  /** Why the data is not live, in English words (for API clients; the web app reads `reasonCode`). */
  reason: z.string().nullable(),
  /** `reason` as a code; null when live. */
  reasonCode: SectionReason.nullable().optional(),
  /**
   * Set when the data is not live because the cluster does not answer: since when (as far as Weir
   * knows). The cluster is unreachable then, not forgetful: what it had may still be there.
   */
  unreachableSince: EpochMs.nullable().optional(),
};
export const SectionSource = z.object(sectionFields);
export type SectionSource = z.infer<typeof SectionSource>;

/** Why a status-history entry was written, as a code the web app says in the reader's language. */
export const StatusNoteCode = z.enum([
  'submitted',
  'submittedRestoring',
  'submissionFailed',
  'fromHistoryArchive',
  'jobManagerUnreachable',
  'noAnswer',
  'lost',
  'listOverStaleDetails',
  'detailsUnreadable',
  'relisted',
  'backInContact',
  'noTimeFromFlink',
  'endedOnYarn',
  'sqlStatementFailedOnYarn',
]);
export type StatusNoteCode = z.infer<typeof StatusNoteCode>;

/**
 * A note's code with its values: `…At` values are times (epoch ms), the rest shown as they are.
 * Messages quoted from Flink or a remote stay in the language they came in.
 */
export const StatusNote = z
  .object({
    code: StatusNoteCode,
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  })
  .meta({ id: 'StatusNote' });
export type StatusNote = z.infer<typeof StatusNote>;

export const RunTransitionView = z.object({
  seq: z.number().int(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  at: EpochMs,
  /** `flink`: Flink's own step; `weir`: Weir's observation; `yarn`: YARN's word on an application whose JobManager is gone. */
  source: z.enum(['flink', 'weir', 'yarn']),
  /** The note in English; for entries written before notes had codes, the only form. */
  note: z.string().nullable(),
  /** The note as a code (absent on older entries: show `note`). */
  noteCode: StatusNote.optional(),
});

/** The operations a run's page offers; each restart source is its own, since each has its own condition. */
export const RunOperationName = z.enum([
  'stop',
  'cancel',
  'savepoint',
  'restartFromLatestCheckpoint',
  'restartFromLatestSavepoint',
  'restartFromChosenSavepoint',
  'restartWithoutState',
  'refresh',
]);
export type RunOperationName = z.infer<typeof RunOperationName>;

/** Why an operation is not possible now. */
export const OperationBlocker = z.enum(['noCluster', 'terminal', 'notRunning', 'external', 'noCheckpoint', 'noSavepoint', 'neverReachedFlink']);
export type OperationBlocker = z.infer<typeof OperationBlocker>;

/** Whether each operation is possible for the run as it is now, and if not why (the server refuses the same). */
const OperationAvailability = z.object({ allowed: z.boolean(), blocker: OperationBlocker.nullable() });
export const RunOperationsAvailability = z
  .object(Object.fromEntries(RunOperationName.options.map((name) => [name, OperationAvailability])) as Record<RunOperationName, typeof OperationAvailability>)
  .meta({ id: 'RunOperationsAvailability' });
export type RunOperationsAvailability = z.infer<typeof RunOperationsAvailability>;

export const RunDetail = z
  .object({
    run: z.object({
      id: z.string(),
      taskId: z.string(),
      clusterId: z.string(),
      flinkJobId: z.string(),
      jobName: z.string(),
      status: z.string(),
      executionMode: z.enum(['STREAMING', 'BATCH']),
      versionId: z.string().nullable(),
      startTime: EpochMs.nullable(),
      endTime: EpochMs.nullable(),
      durationMs: z.number().int().nullable(),
      restartCount: z.number().int(),
      lost: z.boolean(),
      unreachableSince: EpochMs.nullable(),
      lastModification: EpochMs.nullable(),
      createdAt: EpochMs,
      updatedAt: EpochMs,
      /**
       * Why the submission never reached Flink (the cluster refused it); null when Flink has or had
       * the job. When set, `flinkJobId` was only Weir's choice of id: Flink never had that job.
       */
      submissionError: z.string().nullable(),
      /** The YARN application the run is (application mode); null for a run on a session cluster. */
      yarnApplicationId: z.string().nullable(),
      /** The run's own JobManager REST (a YARN application's), which Weir reads and operates through; null: the cluster entry's. */
      jobManagerUrl: z.string().nullable(),
    }),
    /** Flink's globally terminal statuses: nothing about this run changes any more. */
    terminal: z.boolean(),
    task: z
      .object({ id: z.string(), name: z.string(), kind: z.enum(['SQL', 'JAR', 'EXTERNAL']), lifecycle: z.string(), owner: z.string().nullable() })
      .nullable(),
    /** null when the cluster was removed from Weir (the run stays viewable). */
    cluster: z
      .object({
        id: z.string(),
        name: z.string(),
        restUrl: z.string(),
        health: z.string(),
        flinkVersion: z.string().nullable(),
        /** The job in Flink's own web UI; null when the job never reached Flink. */
        jobWebUrl: z.string().nullable(),
      })
      .nullable(),
    version: z.object({ id: z.string(), version: z.number().int(), createdAt: EpochMs, createdBy: z.string(), note: z.string().nullable() }).nullable(),
    transitions: z.array(RunTransitionView),
    operations: RunOperationsAvailability,
    /** Why Weir believes the job is lost (the JobManager forgot it), as the watcher recorded it. */
    lostEvidence: z.record(z.string(), z.unknown()).nullable(),
    /**
     * What the watcher could not read about the job, one per detail: `job` (its details; the status
     * then comes from Flink's job list) or a part of the saved copy (`checkpoint_config`, `exceptions` …).
     */
    warnings: z.array(z.object({ detail: z.string(), message: z.string(), at: EpochMs })),
    job: z.object({
      ...sectionFields,
      jobType: z.string().nullable(),
      /** The highest vertex parallelism. */
      parallelism: z.number().int().nullable(),
      maxParallelism: z.number().int().nullable(),
      vertexCount: z.number().int().nullable(),
      isStoppable: z.boolean().nullable(),
      /** Flink's first time in each status (0-valued ones left out). */
      statusTimestamps: z.record(z.string(), EpochMs),
    }),
  })
  .meta({ id: 'RunDetail' });
export type RunDetail = z.infer<typeof RunDetail>;

export const GraphVertex = z.object({
  id: z.string(),
  name: z.string(),
  /** The plan's description of the chained operators, one per line. */
  operators: z.array(z.string()),
  parallelism: z.number().int(),
  maxParallelism: z.number().int().nullable(),
  status: z.string(),
  /** Subtask counts per execution state. */
  tasks: z.record(z.string(), z.number().int()),
  startTime: EpochMs.nullable(),
  durationMs: z.number().int().nullable(),
  /** 0..1: busiest subtask's share of time busy / backpressured, the average idle share; null when Flink cannot tell yet. */
  busyRatio: z.number().nullable(),
  backpressureRatio: z.number().nullable(),
  idleRatio: z.number().nullable(),
  /** `current`: Flink's per-second gauges now; `average`: accumulated times over the run (saved copies). */
  ratioBasis: z.enum(['current', 'average']).nullable(),
  recordsIn: z.number().nullable(),
  recordsOut: z.number().nullable(),
  bytesIn: z.number().nullable(),
  bytesOut: z.number().nullable(),
  recordsInPerSecond: z.number().nullable(),
  recordsOutPerSecond: z.number().nullable(),
  /** The lowest input watermark across subtasks (epoch ms); null when there is none. */
  watermark: EpochMs.nullable(),
});
export type GraphVertex = z.infer<typeof GraphVertex>;

export const GraphEdge = z.object({ source: z.string(), target: z.string(), shipStrategy: z.string().nullable(), exchange: z.string().nullable() });
export type GraphEdge = z.infer<typeof GraphEdge>;

export const RunGraph = z.object({ ...sectionFields, vertices: z.array(GraphVertex), edges: z.array(GraphEdge) }).meta({ id: 'RunGraph' });
export type RunGraph = z.infer<typeof RunGraph>;

export const CheckpointView = z.object({
  id: z.number().int(),
  status: z.string(),
  isSavepoint: z.boolean(),
  type: z.string().nullable(),
  triggeredAt: EpochMs,
  acknowledgedAt: EpochMs.nullable(),
  durationMs: z.number().nullable(),
  checkpointedSize: z.number().nullable(),
  stateSize: z.number().nullable(),
  subtasks: z.number().int().nullable(),
  acknowledgedSubtasks: z.number().int().nullable(),
  path: z.string().nullable(),
  failedAt: EpochMs.nullable(),
  failureMessage: z.string().nullable(),
});
export type CheckpointView = z.infer<typeof CheckpointView>;

export const CheckpointConfigView = z.object({
  mode: z.string(),
  intervalMs: z.number(),
  timeoutMs: z.number(),
  minPauseMs: z.number(),
  maxConcurrent: z.number(),
  tolerableFailures: z.number().nullable(),
  externalized: z.boolean().nullable(),
  deleteOnCancellation: z.boolean().nullable(),
  stateBackend: z.string().nullable(),
  storage: z.string().nullable(),
  unaligned: z.boolean().nullable(),
});
export type CheckpointConfigView = z.infer<typeof CheckpointConfigView>;

/** How a savepoint Weir records was taken. */
export const SavepointKind = z.enum(['SAVEPOINT', 'STOP_WITH_SAVEPOINT', 'CHECKPOINT']);
/** PENDING until Flink answers; DISPOSED once Weir had Flink delete its files. */
export const SavepointStatus = z.enum(['PENDING', 'COMPLETED', 'FAILED', 'DISPOSED']);

export const WeirSavepointView = z.object({
  id: z.string(),
  kind: SavepointKind,
  status: SavepointStatus,
  path: z.string().nullable(),
  failure: z.string().nullable(),
  createdAt: EpochMs,
  completedAt: EpochMs.nullable(),
});

export const RunCheckpoints = z
  .object({
    ...sectionFields,
    /** false when the job runs without checkpointing. */
    enabled: z.boolean(),
    config: CheckpointConfigView.nullable(),
    counts: z.object({ total: z.number().int(), completed: z.number().int(), failed: z.number().int(), inProgress: z.number().int(), restored: z.number().int() }).nullable(),
    latest: z.object({
      completed: CheckpointView.nullable(),
      failed: CheckpointView.nullable(),
      savepoint: CheckpointView.nullable(),
      restored: z.object({ id: z.number().int(), restoredAt: EpochMs, isSavepoint: z.boolean(), path: z.string().nullable() }).nullable(),
    }),
    /** Newest first, as far back as Flink remembers (web.checkpoints.history). */
    history: z.array(CheckpointView),
    /** Savepoints Weir triggered for this run (from Weir's database, so always available). */
    savepoints: z.array(WeirSavepointView),
  })
  .meta({ id: 'RunCheckpoints' });
export type RunCheckpoints = z.infer<typeof RunCheckpoints>;

const ExceptionFields = {
  name: z.string(),
  /** First line of the trace. */
  message: z.string(),
  stacktrace: z.string(),
  at: EpochMs,
  taskName: z.string().nullable(),
  location: z.string().nullable(),
  taskManagerId: z.string().nullable(),
};
export const RunExceptions = z
  .object({
    ...sectionFields,
    truncated: z.boolean(),
    /** Newest first. A global failure's task-level causes are its `concurrent` entries. */
    entries: z.array(z.object({ ...ExceptionFields, concurrent: z.array(z.object(ExceptionFields)) })),
  })
  .meta({ id: 'RunExceptions' });
export type RunExceptions = z.infer<typeof RunExceptions>;

export const RunConfiguration = z
  .object({
    ...sectionFields,
    /** Flink's execution config of the job (values as strings). */
    execution: z.record(z.string(), z.string()),
    /** Flink's user config / global job parameters. */
    user: z.record(z.string(), z.string()),
    checkpoint: CheckpointConfigView.nullable(),
    /** Weir's task configuration this run was submitted with. */
    task: z.record(z.string(), z.unknown()).nullable(),
    taskSource: z.enum(['version', 'draft', 'none']),
  })
  .meta({ id: 'RunConfiguration' });
export type RunConfiguration = z.infer<typeof RunConfiguration>;

export const TaskManagerView = z.object({
  id: z.string(),
  address: z.string().nullable(),
  dataPort: z.number().int().nullable(),
  slotsTotal: z.number().int(),
  slotsFree: z.number().int(),
  /** Slots this run holds on the TaskManager. */
  slotsOfRun: z.number().int().nullable(),
  cpuCores: z.number().nullable(),
  /** 0..1, the JVM's CPU load. */
  cpuLoad: z.number().nullable(),
  physicalMemory: z.number().nullable(),
  heapUsed: z.number().nullable(),
  heapMax: z.number().nullable(),
  managedMemory: z.number().nullable(),
  totalProcessMemory: z.number().nullable(),
  /** When the JobManager last heard from it. */
  lastHeartbeatAt: EpochMs.nullable(),
  memory: z.record(z.string(), z.number()),
});
export type TaskManagerView = z.infer<typeof TaskManagerView>;

export const RunCluster = z
  .object({
    ...sectionFields,
    jobManager: z.object({
      restUrl: z.string(),
      flinkVersion: z.string().nullable(),
      heapUsed: z.number().nullable(),
      heapMax: z.number().nullable(),
      cpuLoad: z.number().nullable(),
      config: z.array(z.object({ key: z.string(), value: z.string() })),
    }).nullable(),
    taskManagers: z.array(TaskManagerView),
  })
  .meta({ id: 'RunCluster' });
export type RunCluster = z.infer<typeof RunCluster>;

export const LogComponent = z.enum(['jobmanager', 'taskmanager']);
export const LogKind = z.enum(['log', 'stdout', 'threaddump']);

export const RunLogQuery = z.object({
  component: LogComponent.default('jobmanager'),
  /** TaskManager id; the first of the run's TaskManagers when absent. */
  tm: z.string().max(200).optional(),
  kind: LogKind.default('log'),
  /** One of the files the logs list shows (e.g. a rotated log); the main one when absent. */
  name: z.string().max(200).regex(/^[^/\\]+$/).optional(),
  /** Byte offset to read from; absent: the last `limit` bytes (the tail). */
  offset: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(1_048_576).default(65_536),
});
export type RunLogQuery = z.infer<typeof RunLogQuery>;

export const RunLogPage = z
  .object({
    /** false when the cluster cannot serve logs (stopped, or removed); `reason` says why. */
    available: z.boolean(),
    reason: z.string().nullable(),
    /** `reason` as a code; null when available. */
    reasonCode: SectionReason.nullable().optional(),
    component: LogComponent,
    tm: z.string().nullable(),
    kind: LogKind,
    name: z.string().nullable(),
    /** Byte range [offset, nextOffset) of the file, cut at character boundaries. */
    offset: z.number().int(),
    nextOffset: z.number().int(),
    /** The file's size when read. */
    total: z.number().int(),
    text: z.string(),
    taskManagers: z.array(z.string()),
    files: z.array(z.object({ name: z.string(), size: z.number() })),
  })
  .meta({ id: 'RunLogPage' });
export type RunLogPage = z.infer<typeof RunLogPage>;

export const RunSql = z
  .object({
    taskKind: z.enum(['SQL', 'JAR', 'EXTERNAL']),
    /** `version`: the published version this run was submitted from; `draft`: the task's draft (no version recorded); `none`: not submitted by Weir. */
    source: z.enum(['version', 'draft', 'none']),
    versionId: z.string().nullable(),
    version: z.number().int().nullable(),
    /** The SQL script, or for a jar task its stored jar specification (JSON text). */
    content: z.string().nullable(),
    /** For jar tasks, the jar specification parsed from `content`. */
    jar: z.object({ jar: z.string().nullable(), entryClass: z.string().nullable(), args: z.array(z.string()), parallelism: z.number().nullable() }).nullable(),
    config: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'RunSql' });
export type RunSql = z.infer<typeof RunSql>;

export const RunLineage = z
  .object({
    /** `stored`: computed when the version was published; `analysed`: computed now from the run's SQL; `none`: no SQL. */
    source: z.enum(['stored', 'analysed', 'none']),
    versionId: z.string().nullable(),
    lineage: LineageResult.nullable(),
  })
  .meta({ id: 'RunLineage' });
export type RunLineage = z.infer<typeof RunLineage>;
