import { isTerminalRunStatus } from '@weir/contract';
import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { RunRef, RunStatus, WeirEvent } from '../events/events.js';
import { latestFailureOf } from '../flink/exception-history.js';
import { countRestartsSince } from '../runs/runs.store.js';
import { decodeSnapshot } from '../runs/snapshot-schemas.js';

/** What rule matching needs to know about a task. */
export interface TaskFact {
  id: string;
  name: string;
  lifecycle: 'DEVELOP' | 'PUBLISHED' | 'ONLINE' | 'OFFLINE';
  teamId: string;
}

export interface TaskFacts {
  task(taskId: string): Promise<TaskFact | undefined>;
  /** The cluster's team: null when every team shares it, undefined when Weir does not know it (removed meanwhile). */
  clusterTeam(clusterId: string): Promise<string | null | undefined>;
}

/** A run Flink reports RUNNING, and since when it has been running (its start, or its latest recovery). */
export interface RunningRun extends RunRef {
  runningSince: number;
}

/** Facts about runs for the scheduled conditions (restarts, no checkpoint, metrics, cluster incidents). */
export interface RunFacts {
  runningRuns(): Promise<RunningRun[]>;
  /** Status changes to RESTARTING recorded for the run at or after `since`. */
  restartsSince(runId: string, since: number): Promise<number>;
  /** Names of the jobs on a cluster that are not FINISHED, CANCELED or FAILED (at most `limit`). */
  activeJobsOnCluster(clusterId: string, limit: number): Promise<string[]>;
  /** The innermost cause of the run's latest failure, from the exception history the watcher stored; null when none is stored. */
  latestFailure(runId: string): Promise<{ name: string; message: string } | null>;
}

/** When the run's latest checkpoint completed, as far as Weir knows; null when it knows of none. */
export interface CheckpointFacts {
  lastCompletedCheckpointAt(runId: string): Promise<number | null>;
}

export interface MetricSample {
  at: number;
  value: number;
}

/** Stored samples of a run's metric (a vertex's, when `vertexId` is given), oldest first. */
export interface MetricSource {
  samples(runId: string, metric: string, vertexId: string | null, since: number): Promise<MetricSample[]>;
}

const ACTIVE_EXCLUDED = ['FINISHED', 'CANCELED', 'FAILED'];

/** TaskFacts and RunFacts read from the tasks, runs and run_transitions tables the watcher keeps. */
export class DatabaseAlertFacts implements TaskFacts, RunFacts {
  constructor(private readonly database: Pick<Database, 'db'>) {}

  async task(taskId: string): Promise<TaskFact | undefined> {
    return this.database.db
      .selectFrom('tasks')
      .select(['id', 'name', 'lifecycle', 'team_id as teamId'])
      .where('id', '=', taskId)
      .executeTakeFirst();
  }

  async clusterTeam(clusterId: string): Promise<string | null | undefined> {
    const row = await this.database.db.selectFrom('clusters').select('team_id').where('id', '=', clusterId).executeTakeFirst();
    return row ? row.team_id : undefined;
  }

  async runningRuns(): Promise<RunningRun[]> {
    const rows = await this.database.db
      .selectFrom('runs')
      .innerJoin('tasks', 'tasks.id', 'runs.task_id')
      .leftJoin('clusters', 'clusters.id', 'runs.cluster_id')
      .select([
        'runs.id as run_id',
        'runs.task_id',
        'tasks.name as task_name',
        'runs.cluster_id',
        'clusters.name as cluster_name',
        'runs.flink_job_id',
        'runs.job_name',
        'runs.start_time',
        'runs.created_at',
      ])
      .select((eb) =>
        eb
          .selectFrom('run_transitions')
          .select(sql<number>`max(${sql.ref('run_transitions.at')})`.as('at'))
          .whereRef('run_transitions.run_id', '=', 'runs.id')
          .where('run_transitions.to_status', '=', 'RUNNING')
          .as('running_at'),
      )
      .where('runs.status', '=', 'RUNNING')
      .orderBy('runs.id')
      .execute();
    return rows.map((row) => ({
      runId: row.run_id,
      taskId: row.task_id,
      taskName: row.task_name,
      clusterId: row.cluster_id,
      clusterName: row.cluster_name ?? row.cluster_id,
      flinkJobId: row.flink_job_id,
      jobName: row.job_name,
      runningSince: Math.max(
        Number(row.running_at ?? 0),
        Number(row.start_time ?? 0),
        row.running_at === null && row.start_time === null ? Number(row.created_at) : 0,
      ),
    }));
  }

  restartsSince(runId: string, since: number): Promise<number> {
    return countRestartsSince(this.database.db, runId, since);
  }

  async activeJobsOnCluster(clusterId: string, limit: number): Promise<string[]> {
    const rows = await this.database.db
      .selectFrom('runs')
      .innerJoin('tasks', 'tasks.id', 'runs.task_id')
      .select(['tasks.name'])
      .where('runs.cluster_id', '=', clusterId)
      .where('runs.status', 'not in', ACTIVE_EXCLUDED)
      .orderBy('tasks.name')
      .limit(limit)
      .execute();
    return rows.map((row) => row.name);
  }

  async latestFailure(runId: string): Promise<{ name: string; message: string } | null> {
    const row = await this.database.db.selectFrom('run_snapshots').select('body').where('run_id', '=', runId).where('kind', '=', 'exceptions').executeTakeFirst();
    // The watcher stores Flink's answer as it came; one that is not a history names no failure.
    return (row && latestFailureOf(decodeSnapshot('exceptions', row.body))) ?? null;
  }
}

/**
 * Checkpoint facts learnt from the watcher's `run.checkpoint` events, kept in memory. Until the
 * watcher stores checkpoint summaries this is the source for "no checkpoint for a duration"; after
 * a restart of Weir it knows nothing, so the evaluator counts from when it started instead of
 * raising false alarms for runs whose checkpoints it has not seen yet.
 */
export class EventCheckpointFacts implements CheckpointFacts {
  private readonly lastCompleted = new Map<string, number>();

  observe(event: WeirEvent): void {
    if (event.type === 'run.checkpoint' && event.outcome === 'COMPLETED' && !event.isSavepoint) {
      this.lastCompleted.set(event.runId, Math.max(event.at, this.lastCompleted.get(event.runId) ?? 0));
    }
    if (event.type === 'run.status' && isTerminalRunStatus(event.to)) this.lastCompleted.delete(event.runId);
  }

  async lastCompletedCheckpointAt(runId: string): Promise<number | null> {
    return this.lastCompleted.get(runId) ?? null;
  }
}

/** No samples: for an alerting set up without Weir's metrics sampler (tests of the other rules). */
export const NO_METRICS: MetricSource = { samples: async () => [] };

