import { z } from 'zod';

/** Flink's job statuses (JobStatus in Flink 1.20), as Flink reports them. */
export const FLINK_JOB_STATUSES = [
  'INITIALIZING',
  'CREATED',
  'RUNNING',
  'FAILING',
  'FAILED',
  'CANCELLING',
  'CANCELED',
  'FINISHED',
  'RESTARTING',
  'SUSPENDED',
  'RECONCILING',
] as const;
export const FlinkJobStatus = z.enum(FLINK_JOB_STATUSES);
export type FlinkJobStatus = z.infer<typeof FlinkJobStatus>;

/**
 * Every status a run can have: Flink's own, then Weir's two — RECONNECTING (the
 * JobManager cannot be reached; Weir keeps trying) and UNKNOWN (it could not be
 * reached within the configured attempts and window).
 */
export const RUN_STATUSES = [...FLINK_JOB_STATUSES, 'RECONNECTING', 'UNKNOWN'] as const;
export const RunStatus = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof RunStatus>;

/** Flink's globally terminal statuses: a run in one of them never changes again. */
export const TERMINAL_RUN_STATUSES = ['FINISHED', 'CANCELED', 'FAILED'] as const satisfies readonly RunStatus[];
