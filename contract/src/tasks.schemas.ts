import { z } from 'zod';
import { EpochMs, pageOf } from './common.schemas.js';

export const TaskKind = z.enum(['SQL', 'JAR', 'EXTERNAL']);
export type TaskKind = z.infer<typeof TaskKind>;

export const TaskLifecycle = z.enum(['DEVELOP', 'PUBLISHED', 'ONLINE', 'OFFLINE']);
export type TaskLifecycle = z.infer<typeof TaskLifecycle>;

export const TaskExecutionMode = z.enum(['STREAMING', 'BATCH']);
export type TaskExecutionMode = z.infer<typeof TaskExecutionMode>;

/**
 * Where a task resumes from when it goes online: nothing, the latest or earliest savepoint Weir
 * recorded for it, or a path the user chose.
 */
export const SavepointStrategy = z.enum(['none', 'latest', 'earliest', 'path']);
export type SavepointStrategy = z.infer<typeof SavepointStrategy>;

export const TaskConfig = z
  .object({
    parallelism: z.number().int().min(1).max(1024),
    /** null: checkpointing off. */
    checkpointIntervalMs: z.number().int().min(100).nullable(),
    savepointStrategy: SavepointStrategy,
    /** Used when savepointStrategy is 'path'. */
    savepointPath: z.string().nullable(),
    /** Extra Flink configuration (`key: value`), applied to the job; the task's own settings win over them. */
    flinkOptions: z.record(z.string(), z.string()),
    alertGroup: z.string().nullable(),
  })
  .meta({ id: 'TaskConfig' });
export type TaskConfig = z.infer<typeof TaskConfig>;

const flinkKey = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_.$-]+$/, 'a Flink option key (letters, digits, dot, dash, underscore)');

export const TaskConfigInput = z.object({
  parallelism: z.number().int().min(1).max(1024).optional(),
  checkpointIntervalMs: z.number().int().min(100).max(86_400_000).nullable().optional(),
  savepointStrategy: SavepointStrategy.optional(),
  savepointPath: z.string().trim().min(1).max(2000).nullable().optional(),
  flinkOptions: z.record(flinkKey, z.string().max(4000)).optional(),
  alertGroup: z.string().trim().max(100).nullable().optional(),
});
export type TaskConfigInput = z.infer<typeof TaskConfigInput>;

/** A jar task: which uploaded jar to run, and how. */
export const JarSpec = z
  .object({
    /** The id POST /api/jars returned. */
    jarId: z.string().min(1).max(128),
    entryClass: z.string().trim().max(500).nullable().optional(),
    args: z.array(z.string().max(4000)).max(200).optional(),
  })
  .meta({ id: 'JarSpec' });
export type JarSpec = z.infer<typeof JarSpec>;

export const JarFile = z
  .object({
    /** Content-addressed: the jar's SHA-256. */
    id: z.string(),
    fileName: z.string(),
    size: z.number().int(),
    uploadedAt: EpochMs,
  })
  .meta({ id: 'JarFile' });
export type JarFile = z.infer<typeof JarFile>;

const taskFields = {
  id: z.string(),
  name: z.string(),
  kind: TaskKind,
  lifecycle: TaskLifecycle,
  executionMode: TaskExecutionMode,
  clusterId: z.string(),
  /** The team that owns the task: its members see and operate it. */
  teamId: z.string(),
  owner: z.string().nullable(),
  description: z.string().nullable(),
  currentVersionId: z.string().nullable(),
  latestRunId: z.string().nullable(),
  latestStatus: z.string().nullable(),
  latestStartTime: EpochMs.nullable(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
};

export const Task = z
  .object({
    ...taskFields,
    /** The SQL script of a SQL task's draft (null for other kinds). */
    sql: z.string().nullable(),
    /** The jar of a jar task's draft (null for other kinds). */
    jar: JarSpec.extend({ fileName: z.string().nullable() }).nullable(),
    config: TaskConfig,
    /** Number of the current published version, if any. */
    currentVersion: z.number().int().nullable(),
    /** The draft differs from the current version (publish to run it). */
    hasUnpublishedChanges: z.boolean(),
  })
  .meta({ id: 'Task' });
export type Task = z.infer<typeof Task>;

export const TaskListItem = z
  .object({
    ...taskFields,
    latestFlinkJobId: z.string().nullable(),
    latestEndTime: EpochMs.nullable(),
    latestDurationMs: z.number().int().nullable(),
    latestRestartCount: z.number().int().nullable(),
  })
  .meta({ id: 'TaskListItem' });
export type TaskListItem = z.infer<typeof TaskListItem>;

export const TaskPage = pageOf(TaskListItem);
export type TaskPage = z.infer<typeof TaskPage>;

export const TaskSortKey = z.enum(['name', 'lifecycle', 'executionMode', 'latestStatus', 'latestStartTime', 'createdAt', 'updatedAt']);

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item));

export const TaskListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  lifecycle: csv(TaskLifecycle).optional(),
  kind: csv(TaskKind).optional(),
  clusterId: z.string().max(64).optional(),
  teamId: z.string().max(64).optional(),
  sort: TaskSortKey.optional(),
  order: z.enum(['asc', 'desc']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;

const taskName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\p{L}\p{N} ._@-]+$/u, 'letters, digits, space, dot, dash, underscore and @ only');

export const CreateTaskRequest = z.object({
  name: taskName,
  kind: z.enum(['SQL', 'JAR']),
  clusterId: z.string().min(1).max(64),
  /** The owning team; absent: the default team, or the caller's only team where they may operate. */
  teamId: z.string().min(1).max(64).optional(),
  executionMode: TaskExecutionMode.default('STREAMING'),
  owner: z.string().trim().max(100).nullable().optional(),
  description: z.string().trim().max(2000).nullable().optional(),
  sql: z.string().max(1_000_000).optional(),
  jar: JarSpec.optional(),
  config: TaskConfigInput.optional(),
});
export type CreateTaskRequest = z.input<typeof CreateTaskRequest>;

export const UpdateTaskRequest = z.object({
  name: taskName.optional(),
  clusterId: z.string().min(1).max(64).optional(),
  executionMode: TaskExecutionMode.optional(),
  owner: z.string().trim().max(100).nullable().optional(),
  description: z.string().trim().max(2000).nullable().optional(),
  sql: z.string().max(1_000_000).optional(),
  jar: JarSpec.optional(),
  config: TaskConfigInput.optional(),
});
export type UpdateTaskRequest = z.infer<typeof UpdateTaskRequest>;

export const PublishTaskRequest = z.object({
  note: z.string().trim().max(1000).optional(),
  unvalidated: z
    .boolean()
    .optional()
    .describe(
      'Publish a SQL script even if its cluster\'s SQL Gateway cannot be reached to validate it (recorded in the audit). A gateway that answers still validates, and a script it rejects is still refused.',
    ),
});
export type PublishTaskRequest = z.infer<typeof PublishTaskRequest>;

export const TaskVersion = z
  .object({
    id: z.string(),
    taskId: z.string(),
    version: z.number().int(),
    sql: z.string().nullable(),
    jar: JarSpec.nullable(),
    config: TaskConfig,
    executionMode: TaskExecutionMode,
    /** The table and column lineage computed when it was published (SQL tasks). */
    lineage: z.unknown().nullable(),
    createdBy: z.string(),
    createdAt: EpochMs,
    note: z.string().nullable(),
  })
  .meta({ id: 'TaskVersion' });
export type TaskVersion = z.infer<typeof TaskVersion>;

export const TaskVersionList = z.object({ items: z.array(TaskVersion) });

export const TaskVersionParams = z.object({ id: z.string().min(1).max(64), version: z.coerce.number().int().min(1) });

export const CompareVersionsQuery = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });

export const DiffLine = z
  .object({
    kind: z.enum(['same', 'added', 'removed']),
    fromLine: z.number().int().nullable(),
    toLine: z.number().int().nullable(),
    text: z.string(),
  })
  .meta({ id: 'DiffLine' });
export type DiffLine = z.infer<typeof DiffLine>;

/** Side-by-side data: both versions whole, and line diffs of their content and configuration. */
export const TaskVersionComparison = z
  .object({
    from: TaskVersion,
    to: TaskVersion,
    /** The SQL script, or the jar spec as JSON lines. */
    content: z.array(DiffLine),
    /** The configuration as JSON lines. */
    config: z.array(DiffLine),
  })
  .meta({ id: 'TaskVersionComparison' });
export type TaskVersionComparison = z.infer<typeof TaskVersionComparison>;

/** Where Flink reported a SQL error, in the task's script (details of a 422 FLINK_REJECTED). */
export const SqlErrorDetails = z
  .object({
    message: z.string(),
    line: z.number().int().nullable(),
    column: z.number().int().nullable(),
    statementIndex: z.number().int().nullable(),
  })
  .meta({ id: 'SqlErrorDetails' });
export type SqlErrorDetails = z.infer<typeof SqlErrorDetails>;
