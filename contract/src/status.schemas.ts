import { z } from 'zod';
import { FLINK_JOB_STATUSES, RUN_STATUSES } from './run-statuses.js';

export { FLINK_JOB_STATUSES, RUN_STATUSES, TERMINAL_RUN_STATUSES, UNSCORED_RUN_STATUSES, isTerminalRunStatus } from './run-statuses.js';

export const FlinkJobStatus = z.enum(FLINK_JOB_STATUSES);
export type FlinkJobStatus = z.infer<typeof FlinkJobStatus>;

export const RunStatus = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof RunStatus>;
