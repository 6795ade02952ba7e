import { z } from 'zod';
import { EpochMs, pageOf } from './common.schemas.js';
import { HealthBand, HealthReason } from './job-health.schemas.js';
import { RUN_STATUSES, RunStatus } from './status.schemas.js';

/** The overview filters on every status a run can have. */
export const OVERVIEW_RUN_STATUSES = RUN_STATUSES;
export const OverviewRunStatus = RunStatus;
export type OverviewRunStatus = RunStatus;

export const OVERVIEW_LIFECYCLES = ['DEVELOP', 'PUBLISHED', 'ONLINE', 'OFFLINE'] as const;
export const OverviewLifecycle = z.enum(OVERVIEW_LIFECYCLES);
export type OverviewLifecycle = z.infer<typeof OverviewLifecycle>;

export const OverviewExecutionMode = z.enum(['STREAMING', 'BATCH']);
export type OverviewExecutionMode = z.infer<typeof OverviewExecutionMode>;

export const OverviewTaskKind = z.enum(['SQL', 'JAR', 'EXTERNAL']);
export type OverviewTaskKind = z.infer<typeof OverviewTaskKind>;

/** Every column of the overview list can sort it. */
export const OVERVIEW_SORT_KEYS = [
  'name',
  'lifecycle',
  'executionMode',
  'cluster',
  'flinkJobId',
  'status',
  'startTime',
  'durationMs',
  'restartCount',
  'owner',
  /** The latest run's health score; runs without one (not running, or not scored yet) sort last. */
  'health',
] as const;
export const OverviewSortKey = z.enum(OVERVIEW_SORT_KEYS);
export type OverviewSortKey = z.infer<typeof OverviewSortKey>;

/**
 * A multi-valued query parameter: repeated (`status=RUNNING&status=FAILED`, as the typed client
 * sends arrays) or comma-separated (`status=RUNNING,FAILED`, as the web app keeps it in its URL).
 */
function multi<T extends z.ZodType<string, string>>(item: T, max = 32) {
  return z
    .union([z.string().max(2000), z.array(z.string().max(200)).max(max)])
    .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(item).max(max));
}

/** The filters the status cards share with the list: everything except the status itself. */
export const OverviewCountsQuery = z.object({
  lifecycle: multi(OverviewLifecycle).optional(),
  clusterId: multi(z.string().min(1).max(64), 200).optional(),
  /** Owning teams; the caller's visible teams always bound the answer. */
  teamId: multi(z.string().min(1).max(64), 200).optional(),
  mode: OverviewExecutionMode.optional(),
  /** Health band of the latest run (healthy 80–100, degraded 50–79, unhealthy 0–49); a run without a score matches none. */
  health: multi(HealthBand, 3).optional(),
  /** A piece of the task name (any case), its latest job's Flink id or the start of it (4+ hex digits), or the id of one of its runs. */
  q: z.string().trim().max(200).optional(),
});
export type OverviewCountsQuery = z.infer<typeof OverviewCountsQuery>;

export const OverviewTasksQuery = OverviewCountsQuery.extend({
  status: multi(OverviewRunStatus).optional(),
  sort: OverviewSortKey.default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  /** 1-based. */
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});
export type OverviewTasksQuery = z.infer<typeof OverviewTasksQuery>;

/**
 * The status cards. Each task counts once, under the status of its latest run; tasks that never ran
 * are not in the overview (as in the reference: "every job that produced a run").
 */
export const OverviewCounts = z
  .object({
    total: z.number().int(),
    batch: z.number().int(),
    streaming: z.number().int(),
    /** Every status, zero included. */
    byStatus: z.object(
      Object.fromEntries(OVERVIEW_RUN_STATUSES.map((status) => [status, z.number().int()])) as Record<OverviewRunStatus, z.ZodNumber>,
    ),
    /** Latest runs Weir lost track of (their status is UNKNOWN). */
    lost: z.number().int(),
  })
  .meta({ id: 'OverviewCounts' });
export type OverviewCounts = z.infer<typeof OverviewCounts>;

/** The latest run's health score, as the health checks last computed it (PRODUCT.md §7). */
export const OverviewHealth = z
  .object({
    score: z.number().int().min(0).max(100),
    band: HealthBand,
    /** Why the score is below 100, the largest penalty first; empty at 100. */
    reasons: z.array(HealthReason),
    evaluatedAt: EpochMs,
  })
  .meta({ id: 'OverviewHealth' });
export type OverviewHealth = z.infer<typeof OverviewHealth>;

/** One row of the overview: a task and the facts of its latest run. */
export const OverviewTask = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: OverviewTaskKind,
    lifecycle: OverviewLifecycle,
    executionMode: OverviewExecutionMode,
    clusterId: z.string(),
    /** Null when the cluster was removed since (its runs stay viewable). */
    clusterName: z.string().nullable(),
    teamId: z.string(),
    teamName: z.string(),
    owner: z.string().nullable(),
    latestRunId: z.string(),
    flinkJobId: z.string(),
    status: OverviewRunStatus,
    /** Weir lost track of the job (the JobManager no longer lists it); status is UNKNOWN. */
    lost: z.boolean(),
    startTime: EpochMs.nullable(),
    endTime: EpochMs.nullable(),
    /** A run that has not ended: now - start, computed when read. */
    durationMs: z.number().int().nullable(),
    restartCount: z.number().int(),
    /**
     * Null when the latest run is not live (FINISHED, CANCELED, FAILED, UNKNOWN or lost: its last
     * score would describe a job that no longer runs) or has not been scored yet.
     */
    health: OverviewHealth.nullable(),
  })
  .meta({ id: 'OverviewTask' });
export type OverviewTask = z.infer<typeof OverviewTask>;

/** `total`: the tasks matching the filters, over all pages. */
export const OverviewTaskPage = pageOf(OverviewTask)
  .extend({
    page: z.number().int(),
    pageSize: z.number().int(),
    /** Server time of the read, so a client can keep running durations ticking. */
    now: EpochMs,
  })
  .meta({ id: 'OverviewTaskPage' });
export type OverviewTaskPage = z.infer<typeof OverviewTaskPage>;

export const OverviewRunsQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(10),
});
export type OverviewRunsQuery = z.infer<typeof OverviewRunsQuery>;

/** One run in a task's history. */
export const OverviewRun = z
  .object({
    id: z.string(),
    taskId: z.string(),
    clusterId: z.string(),
    clusterName: z.string().nullable(),
    flinkJobId: z.string(),
    jobName: z.string(),
    status: OverviewRunStatus,
    lost: z.boolean(),
    startTime: EpochMs.nullable(),
    endTime: EpochMs.nullable(),
    durationMs: z.number().int().nullable(),
    restartCount: z.number().int(),
    /** The run the overview row shows. */
    latest: z.boolean(),
  })
  .meta({ id: 'OverviewRun' });
export type OverviewRun = z.infer<typeof OverviewRun>;

export const OverviewRunPage = pageOf(OverviewRun)
  .extend({
    page: z.number().int(),
    pageSize: z.number().int(),
    now: EpochMs,
  })
  .meta({ id: 'OverviewRunPage' });
export type OverviewRunPage = z.infer<typeof OverviewRunPage>;
