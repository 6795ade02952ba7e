import type { VersionConfig } from './task-config.js';

/** Flink's option that fixes the id of the job a submission creates (PipelineOptionsInternal.PIPELINE_FIXED_JOB_ID). */
export const FIXED_JOB_ID = '$internal.pipeline.job-id';

/**
 * The Flink configuration a version's job runs with (the SQL session's properties, or a jar's
 * flinkConfiguration). Publishing validates a script in a session with the same configuration,
 * since the runtime mode decides what the planner accepts. The task's own settings win over its
 * extra options.
 */
export function jobConfiguration(config: VersionConfig, extra: Record<string, string>): Record<string, string> {
  const conf: Record<string, string> = { ...config.flinkOptions, ...extra };
  conf['execution.runtime-mode'] = config.executionMode === 'BATCH' ? 'batch' : 'streaming';
  conf['parallelism.default'] = String(config.parallelism);
  if (config.checkpointIntervalMs) {
    conf['execution.checkpointing.interval'] = `${config.checkpointIntervalMs} ms`;
    // Kept after a cancel, so "restart from the latest checkpoint" has something to restore.
    conf['execution.checkpointing.externalized-checkpoint-retention'] ??= 'RETAIN_ON_CANCELLATION';
  }
  delete conf[FIXED_JOB_ID];
  return conf;
}

/**
 * The savepoint folder a version's options name, if any. A session cluster takes its default
 * savepoint folder from its own configuration, not the job's (checked on 1.20.3: a job's
 * `state.savepoints.dir` was ignored), so Weir passes this as the target of every savepoint it
 * triggers of the version's job.
 */
export function savepointDirectoryOf(config: VersionConfig): string | undefined {
  return config.flinkOptions['execution.checkpointing.savepoint-dir'] ?? config.flinkOptions['state.savepoints.dir'];
}

/** The folder a version's options keep its checkpoints in (Flink 1.20's key, else the older one); undefined: in the JobManager's memory only. */
export function checkpointDirectoryOf(config: VersionConfig): string | undefined {
  return config.flinkOptions['execution.checkpointing.dir'] ?? config.flinkOptions['state.checkpoints.dir'];
}
