import type { Cluster } from '@weir/contract';
import type { RunRef, RunStatus } from '../events/events.js';
import type { RunRecord, RunsStore, RunWarningDetail } from '../runs/runs.store.js';
import type { TasksStore } from '../tasks/tasks.store.js';
import type { SeenOverview } from './stale-details.js';

/**
 * What a cluster's watcher keeps in memory per Flink job; the database has the same facts, and a
 * restarted watcher reads them back from it (KnownJobs.remember). Shared by the watcher and
 * the parts that record for it, which all read and update the same entry.
 */
export interface KnownJob {
  run: RunRecord;
  taskName: string;
  lastAt: number | null;
  /** Flink's own status and time in Weir's latest transition from Flink (never one of Weir's own). */
  lastFlink: { status: RunStatus; at: number } | null;
  /**
   * The details of the job Weir could not read, by detail, as recorded on the run (so each is written
   * once); null while there are none, as for almost every job (an empty Map is about 200 bytes).
   */
  warnings: Map<RunWarningDetail, string> | null;
  /** The job's line of /jobs/overview when Weir last read its details; null until then. */
  seenAs: SeenOverview | null;
  /** The last cycle whose overview listed the job. */
  listedInCycle?: number;
  missingSince?: number;
  /** Since when the job's details have disagreed with the overview (Flink's REST cache). */
  staleSince?: number;
  /** When Weir last read the job's details: the read that most likely filled Flink's cache entry. */
  detailsReadAt?: number;
  /** When Flink's cached (stale) details of this job must have expired. */
  staleRetryAt?: number;
}

/** How the run's events name it: the cluster as the watcher knows it now, the task by its latest name. */
export function refOf(known: KnownJob, cluster: Pick<Cluster, 'id' | 'name'>): RunRef {
  return {
    runId: known.run.id,
    taskId: known.run.taskId,
    taskName: known.taskName,
    clusterId: cluster.id,
    clusterName: cluster.name,
    flinkJobId: known.run.flinkJobId,
    jobName: known.run.jobName,
  };
}

/**
 * The jobs a cluster's watcher follows, by Flink job id. A job is remembered from its run's records
 * (its transitions, task and warnings) when the watcher first meets it, so a restarted Weir goes on
 * where the database says, and forgotten once Flink no longer lists it and its end is recorded.
 */
export class KnownJobs {
  private readonly byJob = new Map<string, KnownJob>();

  constructor(private readonly deps: { runs: RunsStore; tasks: TasksStore }) {}

  get(flinkJobId: string): KnownJob | undefined {
    return this.byJob.get(flinkJobId);
  }

  values(): IterableIterator<KnownJob> {
    return this.byJob.values();
  }

  async remember(run: RunRecord): Promise<KnownJob> {
    const transitions = await this.deps.runs.listTransitions(run.id);
    const task = await this.deps.tasks.get(run.taskId);
    const fromFlink = transitions.filter((t) => t.source === 'flink').at(-1);
    const recorded = await this.deps.runs.listWarnings(run.id);
    const warnings = recorded.length > 0 ? new Map(recorded.map((w) => [w.detail, w.message] as const)) : null;
    const known: KnownJob = {
      run,
      taskName: task?.name ?? run.jobName,
      lastAt: transitions.at(-1)?.at ?? null,
      lastFlink: fromFlink ? { status: fromFlink.toStatus as RunStatus, at: fromFlink.at } : null,
      warnings,
      seenAs: null,
    };
    this.byJob.set(run.flinkJobId, known);
    return known;
  }

  forget(flinkJobId: string): void {
    this.byJob.delete(flinkJobId);
  }
}
