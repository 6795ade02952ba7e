/** How long operations wait for Flink, and how many tasks a bulk operation handles at once. */
export interface OperationsSettings {
  /** How long a savepoint (or stop with savepoint) may take before Weir reports it failed. */
  savepointTimeoutMs: number;
  /** How long a cancelled or stopped job may take to reach a terminal status. */
  terminalTimeoutMs: number;
  /** How long a savepoint waits for a just-started job's tasks to run. */
  tasksStartTimeoutMs: number;
  /** Tasks handled at once by a bulk operation. */
  bulkConcurrency: number;
}

export const DEFAULT_OPERATIONS_SETTINGS: OperationsSettings = {
  savepointTimeoutMs: 120_000,
  terminalTimeoutMs: 60_000,
  tasksStartTimeoutMs: 15_000,
  bulkConcurrency: 3,
};
