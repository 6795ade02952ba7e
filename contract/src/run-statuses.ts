// The run statuses as plain lists, apart from their zod schemas (status.schemas.ts): the web app's
// first load uses them to tell live runs from ended ones, and must not carry zod for that.

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

/**
 * Every status a run can have: Flink's own, then Weir's two — RECONNECTING (the
 * JobManager cannot be reached; Weir keeps trying) and UNKNOWN (it could not be
 * reached within the configured attempts and window).
 */
export const RUN_STATUSES = [...FLINK_JOB_STATUSES, 'RECONNECTING', 'UNKNOWN'] as const;

/** Flink's globally terminal statuses: a run in one of them never changes again. */
export const TERMINAL_RUN_STATUSES = ['FINISHED', 'CANCELED', 'FAILED'] as const satisfies readonly (typeof RUN_STATUSES)[number][];

const TERMINAL: ReadonlySet<string> = new Set(TERMINAL_RUN_STATUSES);

/** Whether a run in this status has ended for good (any string: a status read from the database or from Flink). */
export function isTerminalRunStatus(status: string): boolean {
  return TERMINAL.has(status);
}

/**
 * Statuses whose last health score no longer describes a running job: ended, or UNKNOWN (Weir lost
 * track of it). The overview shows no score for a run in one of them, on the server's list and in
 * the browser's live patch alike, and Weir's checks skip such runs.
 */
export const UNSCORED_RUN_STATUSES = [...TERMINAL_RUN_STATUSES, 'UNKNOWN'] as const satisfies readonly (typeof RUN_STATUSES)[number][];
