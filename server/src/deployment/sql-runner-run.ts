// What Weir's SQL runner (flink-local/sql-runner) is given for one SQL task's run, wherever it runs: as a YARN
// application's user jar through Flink's CLI (yarn-application-target.ts), or as a jar run on a YARN session's
// JobManager (session-target.ts). Built here once, without I/O, so both targets plan, fold and limit a script
// the same way and a script that runs on one runs on the other.
import { encodeSqlRunnerArgs, SQL_RUNNER_MAIN_CLASS } from '@weir/flink-local';
import { InputError } from '../errors/errors.js';
import { FIXED_JOB_ID, jobConfiguration } from '../tasks/job-configuration.js';
import type { Deployment } from './deployment-target.js';
import { planScriptOrRefuse, tableEnvironmentPlan, type TableEnvironmentPlan } from './sql-plan.js';

/** Flink's option naming the savepoint (or retained checkpoint) a job starts from. */
export const SAVEPOINT_PATH = 'execution.savepoint.path';

/**
 * Linux refuses to start a program with one argument over 128 KiB (MAX_ARG_STRLEN), and the application path hands
 * the statements to Flink's CLI as arguments; a YARN session's JobManager takes them in a JSON body instead, but
 * keeps the same limit, so a script is accepted or refused alike on both YARN paths.
 */
const MAX_ARG_CHARS = 128 * 1024 - 1;
/** The whole command line stays well under the usual 2 MiB limit, which the environment shares. */
const MAX_ARGS_CHARS = 1024 * 1024;

/** One run of the SQL runner: its main class, its program arguments and the job's Flink options. */
export interface SqlRunnerRun {
  entryClass: string;
  /** The runtime mode, then each statement base64 (encodeSqlRunnerArgs). */
  programArgs: string[];
  /**
   * The version's options (its parallelism as `parallelism.default`), `pipeline.name` = the task's name, the
   * script's SETs and RESETs in script order, then
   * what Weir enforces last so no SET can change it: the job id, and the savepoint of a restore.
   */
  flinkConfig: Record<string, string>;
  // No parallelism of its own: a parallelism given beside the options (Flink's CLI `-p`, the jar run's
  // `parallelism`) is applied after them by Flink and would undo a script's SET 'parallelism.default'.
  /** The plan the arguments came from: the way back from a statement the runner names to the script. */
  plan: TableEnvironmentPlan;
}

/**
 * The runner's arguments for a script: planned (an InputError with the position when it cannot be), its SETs
 * folded into options, and refused when too large to hand over. Also the check a target makes before a run is recorded.
 */
export function sqlRunnerArguments(content: string, mode: 'streaming' | 'batch'): { programArgs: string[]; plan: TableEnvironmentPlan } {
  const plan = tableEnvironmentPlan(planScriptOrRefuse(content));
  const programArgs = encodeSqlRunnerArgs(mode, plan.statements);
  const longest = Math.max(...programArgs.map((a) => a.length));
  const total = programArgs.reduce((n, a) => n + a.length + 1, 0);
  if (longest > MAX_ARG_CHARS || total > MAX_ARGS_CHARS) {
    throw new InputError(`The script is too large to deploy to YARN: a statement may take up to ${Math.floor((MAX_ARG_CHARS * 3) / 4 / 1024)} KiB and the whole script up to ${Math.floor((MAX_ARGS_CHARS * 3) / 4 / 1024)} KiB`);
  }
  return { programArgs, plan };
}

/** Everything the SQL runner needs to start a version's job under Weir's job id (pure: the unit tests pin it). */
export function sqlRunnerRun({ jobId, taskName, content, config, restore }: Pick<Deployment, 'jobId' | 'taskName' | 'content' | 'config' | 'restore'>): SqlRunnerRun {
  const { programArgs, plan } = sqlRunnerArguments(content, config.executionMode === 'BATCH' ? 'batch' : 'streaming');
  const flinkConfig: Record<string, string> = {
    // A SQL job is named after its task, as on a session cluster, where the script's SETs also come after the
    // session's options.
    ...jobConfiguration(config, { 'pipeline.name': taskName }),
    ...plan.options,
    [FIXED_JOB_ID]: jobId,
  };
  if (restore) flinkConfig[SAVEPOINT_PATH] = restore.path;
  return { entryClass: SQL_RUNNER_MAIN_CLASS, programArgs, flinkConfig, plan };
}
