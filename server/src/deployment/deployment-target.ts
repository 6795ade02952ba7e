import type { TaskKind } from '../tasks/tasks.store.js';
import type { VersionConfig } from '../tasks/task-config.js';

/** The state a new job starts from. */
export interface Restore {
  path: string;
  /** What it is, for messages: "savepoint", "latest checkpoint" … */
  source: string;
}

/** One published version to start as a Flink job, under the job id Weir chose and recorded first. */
export interface Deployment {
  /** 32 hex digits; the run is already recorded under it, so the watcher knows the job as Weir's. */
  jobId: string;
  taskName: string;
  kind: Exclude<TaskKind, 'EXTERNAL'>;
  /** The version's content: the SQL script, or the encoded jar spec (tasks/task-config.ts `decodeJar`). */
  content: string;
  config: VersionConfig;
  restore: Restore | null;
}

/** Where a run runs when it is not at its cluster entry's address: recorded with the run (RunsStore). */
export interface RunPlacement {
  yarnApplicationId: string;
  /** Known once YARN reports the application RUNNING with its JobManager's address. */
  jobManagerUrl: string | null;
}

/**
 * Where a cluster entry's jobs run and how they start there (docs/deployment-targets.md). A session
 * cluster someone else started is one target; a YARN application per run is another.
 *
 * Only what differs per target is here. Once a job runs, everything else (the watcher, savepoints,
 * stop and cancel, metrics, logs while it runs) is the JobManager's REST, the same for every target;
 * stopping a run whose JobManager no longer answers, finding the target's other applications and the
 * logs after the end join this interface with the YARN target, which is the first to need them.
 */
export interface DeploymentTarget {
  /**
   * A deployment that takes long (a YARN application: 30-120 s) continues after the request that asked for it
   * has answered, with the run visible as INITIALIZING meanwhile; a session cluster answers within the request.
   */
  readonly deploysInBackground: boolean;
  /**
   * Refuses what this target cannot deploy at all, before any run is recorded for it: a YARN target also
   * refuses here a SQL script that cannot be planned (`content` is the version's), since nothing may reach YARN then.
   */
  refuseUnsupported(kind: Deployment['kind'], taskName: string, content: string): void;
  /**
   * Starts the job; resolves once the target accepted it under `deployment.jobId`, throws Weir's errors otherwise.
   * A target whose jobs do not run at the cluster entry's own address says where they do as soon as it knows.
   */
  submit(deployment: Deployment, placed?: (placement: RunPlacement) => Promise<void>): Promise<void>;
  /**
   * Whether the target ever had the job, asked after a failed submission: false means it never
   * reached Flink (the run then shows the refusal as its only evidence); null: cannot tell.
   */
  knowsJob(jobId: string): Promise<boolean | null>;
}
