import { Counter, Gauge, Registry } from 'prom-client';
import { healthShown } from '../overview/overview.store.js';
import type { ExportSnapshot } from './metrics-export.store.js';

/** What Weir knows in memory at scrape time: its watchers, the checkpoints it has read, its own query time. */
export interface ExportRuntime {
  now: number;
  /** By run id: the latest completed checkpoint the checkpoint tracker has read. */
  checkpoints: Map<string, { at: number; durationMs: number | null; sizeBytes: number | null }>;
  /** By cluster id: the watcher's last finished cycle. */
  watcherCycles: Map<string, { finishedAt: number; durationMs: number }>;
  /** How long the scrape's database queries took. */
  queryMs: number;
}

/**
 * The export's series, registered once. Each scrape resets the gauges and sets them again from one
 * snapshot, so a task that was deleted or renamed leaves no stale series behind. Labels are bounded
 * by what users configure (task, cluster, channel names) and Weir's own enums (status, outcome):
 * never a Flink job id or a run id, which would grow with every run.
 */
export class WeirExposition {
  readonly registry = new Registry();
  private readonly taskStatus = this.gauge('weir_task_status', 'Status of each task\'s latest run: 1 for its current status (label status).', ['task', 'cluster', 'status']);
  private readonly taskRestarts = this.gauge('weir_task_restarts', 'Restarts of each task\'s latest run, as Flink counts them.', ['task', 'cluster']);
  private readonly checkpointAge = this.gauge(
    'weir_task_checkpoint_age_seconds',
    'Seconds since the latest completed checkpoint of each running task (only tasks whose checkpoints Weir has read).',
    ['task', 'cluster'],
  );
  private readonly checkpointDuration = this.gauge('weir_task_checkpoint_duration_seconds', 'End-to-end duration of each running task\'s latest completed checkpoint.', ['task', 'cluster']);
  private readonly checkpointSize = this.gauge('weir_task_checkpoint_size_bytes', 'Checkpointed size of each running task\'s latest completed checkpoint.', ['task', 'cluster']);
  private readonly healthScore = this.gauge('weir_task_health_score', 'Health score (0-100) of each live task\'s latest run, as the overview shows it.', ['task', 'cluster']);
  private readonly clusterJobs = this.gauge('weir_cluster_jobs', 'Tasks per cluster by the status of their latest run.', ['cluster', 'status']);
  private readonly clusterUp = this.gauge('weir_cluster_up', 'Whether the cluster\'s JobManager answered Weir\'s last health check (1) or not (0).', ['cluster']);
  private readonly clusterHealth = this.gauge('weir_cluster_health', 'Cluster health as Weir last saw it: 1 for its current state (label health).', ['cluster', 'health']);
  private readonly incidents = this.gauge('weir_alert_incidents_open', 'Alert incidents now firing, by condition kind.', ['condition']);
  private readonly deliveries = this.gauge('weir_alert_deliveries', 'Alert deliveries in the delivery history, by channel and outcome.', ['channel', 'channel_type', 'outcome']);
  private readonly watcherCycle = this.gauge('weir_watcher_cycle_duration_seconds', 'Duration of the last watcher cycle of each cluster.', ['cluster']);
  private readonly watcherLag = this.gauge('weir_watcher_lag_seconds', 'Seconds since the last watcher cycle of each cluster ended.', ['cluster']);
  private readonly queryTime = this.gauge('weir_scrape_query_seconds', 'Time the database took to answer this scrape\'s queries.', []);
  readonly eventsPublished = new Counter({ name: 'weir_events_published_total', help: 'Events Weir published on its event bus since it started, by type.', labelNames: ['type'], registers: [this.registry] });

  private gauge<L extends string>(name: string, help: string, labelNames: L[]): Gauge<L> {
    return new Gauge({ name, help, labelNames, registers: [this.registry] });
  }

  /** Sets every gauge from one snapshot (the events counter counts on its own). */
  update(snapshot: ExportSnapshot, runtime: ExportRuntime): void {
    for (const gauge of [
      this.taskStatus,
      this.taskRestarts,
      this.checkpointAge,
      this.checkpointDuration,
      this.checkpointSize,
      this.healthScore,
      this.clusterJobs,
      this.clusterUp,
      this.clusterHealth,
      this.incidents,
      this.deliveries,
      this.watcherCycle,
      this.watcherLag,
    ] as Gauge<string>[]) {
      gauge.reset();
    }
    const jobsPerCluster = new Map<string, Map<string, number>>();
    for (const task of snapshot.tasks) {
      const labels = { task: task.taskName, cluster: task.clusterName };
      this.taskStatus.set({ ...labels, status: task.status }, 1);
      this.taskRestarts.set(labels, task.restartCount);
      const live = healthShown(task.status, task.lost);
      if (live && task.healthScore !== null) this.healthScore.set(labels, task.healthScore);
      const checkpoint = task.status === 'RUNNING' && !task.lost ? runtime.checkpoints.get(task.latestRunId) : undefined;
      if (checkpoint) {
        this.checkpointAge.set(labels, Math.max(0, runtime.now - checkpoint.at) / 1000);
        if (checkpoint.durationMs !== null) this.checkpointDuration.set(labels, checkpoint.durationMs / 1000);
        if (checkpoint.sizeBytes !== null) this.checkpointSize.set(labels, checkpoint.sizeBytes);
      }
      const byStatus = jobsPerCluster.get(task.clusterName) ?? new Map<string, number>();
      byStatus.set(task.status, (byStatus.get(task.status) ?? 0) + 1);
      jobsPerCluster.set(task.clusterName, byStatus);
    }
    for (const [cluster, byStatus] of jobsPerCluster) for (const [status, count] of byStatus) this.clusterJobs.set({ cluster, status }, count);
    for (const cluster of snapshot.clusters) {
      this.clusterUp.set({ cluster: cluster.name }, cluster.health === 'HEALTHY' ? 1 : 0);
      this.clusterHealth.set({ cluster: cluster.name, health: cluster.health }, 1);
      const cycle = runtime.watcherCycles.get(cluster.id);
      if (cycle) {
        this.watcherCycle.set({ cluster: cluster.name }, cycle.durationMs / 1000);
        this.watcherLag.set({ cluster: cluster.name }, Math.max(0, runtime.now - cycle.finishedAt) / 1000);
      }
    }
    for (const incident of snapshot.openIncidents) this.incidents.set({ condition: incident.condition }, incident.count);
    for (const delivery of snapshot.deliveries) {
      this.deliveries.set({ channel: delivery.channel, channel_type: delivery.channelType, outcome: delivery.outcome }, delivery.count);
    }
    this.queryTime.set(runtime.queryMs / 1000);
  }
}
