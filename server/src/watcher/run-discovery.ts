import type { Cluster } from '@weir/contract';
import type { EventBus, RunStatus } from '../events/events.js';
import type { FlinkJobDetails } from '../flink/job-manager.client.js';
import type { RunObservation, RunsStore, WriteGuard } from '../runs/runs.store.js';
import type { TasksStore } from '../tasks/tasks.store.js';
import type { KnownJob, KnownJobs } from './known-job.js';
import type { RunRecorder } from './run-recorder.js';

/** A job's own JobManager: the YARN application it runs in, and where that application's JobManager answers. */
export interface RunPlacement {
  yarnApplicationId: string;
  jobManagerUrl: string;
}

/**
 * A job the watcher finds on a cluster that Weir did not submit still gets a run, and every run
 * belongs to a task: an EXTERNAL one named after the job (TasksStore.externalTaskFor names it).
 * These are the rules of the run's first record, apart from the watcher's cycle that meets such jobs.
 */
export class RunDiscovery {
  constructor(
    private readonly deps: {
      runs: RunsStore;
      tasks: TasksStore;
      events: EventBus;
      known: KnownJobs;
      recorder: RunRecorder;
      cluster: () => Cluster;
      now: () => number;
      writeGuard: () => WriteGuard | undefined;
      /** The YARN application whose JobManager the watcher reads (an external one): recorded on each run it finds. */
      placement?: () => RunPlacement | undefined;
    },
  ) {}

  /**
   * A job Weir has not seen: a run of the task that submitted it, or of an external task. The run
   * starts in the job's first status; recordRead() then records its history up to now, in the same
   * transaction as its current status, so no reader sees an ended run without its history (or,
   * for a job that ended, without the final snapshot taken before).
   */
  async discover(details: FlinkJobDetails): Promise<KnownJob> {
    const task = await this.deps.tasks.externalTaskFor(details.name, this.deps.cluster());
    const { run, created } = await this.deps.runs.upsertByJob(firstRecordOf(details, task.id, this.deps.cluster().id, this.deps.placement?.()), this.deps.writeGuard());
    const known = await this.deps.known.remember(run);
    if (created) {
      // recordRead() records the statuses as transitions; a new run has none yet.
      known.lastAt = null;
      this.deps.events.publish({ type: 'run.discovered', status: details.state, at: this.deps.now(), ...this.deps.recorder.refOf(known) });
    }
    return known;
  }
}

/**
 * The first record of a run of a job Weir has not seen: in the job's first status, so that the
 * history Flink reports up to now is recorded after it, in order.
 */
export function firstRecordOf(details: FlinkJobDetails, taskId: string, clusterId: string, placement?: RunPlacement): RunObservation {
  return {
    ...(placement ? { yarnApplicationId: placement.yarnApplicationId, jobManagerUrl: placement.jobManagerUrl } : {}),
    taskId,
    clusterId,
    flinkJobId: details.jid,
    jobName: details.name,
    status: firstStatus(details),
    executionMode: details['job-type'] === 'BATCH' ? 'BATCH' : 'STREAMING',
    startTime: details['start-time'] > 0 ? details['start-time'] : null,
  };
}

/** The earliest status Flink has a time for (the job's first), or its current one. */
export function firstStatus(details: Pick<FlinkJobDetails, 'state' | 'timestamps'>): RunStatus {
  let first: RunStatus = details.state;
  let at = Infinity;
  for (const [status, time] of Object.entries(details.timestamps)) {
    if (time > 0 && time < at) {
      at = time;
      first = status as RunStatus;
    }
  }
  return first;
}
