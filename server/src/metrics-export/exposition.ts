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

/** A gauge family written straight to text: HELP, TYPE and one line per sample. */
interface TaskFamily {
  name: string;
  help: string;
  lines: string[];
}

/**
 * The export's series. The per-task families (one or more series for each of up to 10,000 tasks)
 * are written straight to text: prom-client's label hashing cost 150–250 ms per scrape at 41,000
 * series, the text writer below a tenth of that. The few fleet-wide series (clusters, alerts, Weir's
 * own) are prom-client gauges and counters in `registry`, reset and set again on each scrape so a
 * cluster or channel that was removed leaves no stale series behind. Labels are bounded by what
 * users configure (task, cluster, channel names) and Weir's own enums (status, outcome): never a
 * Flink job id or a run id, which would grow with every run.
 */
export class WeirExposition {
  readonly registry = new Registry();
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

  /** The whole exposition of one snapshot, in the Prometheus text format (registry.contentType). */
  async render(snapshot: ExportSnapshot, runtime: ExportRuntime): Promise<string> {
    const families = this.taskFamilies(snapshot, runtime);
    this.updateFleet(snapshot, runtime);
    const text = families.map((family) => `# HELP ${family.name} ${escapeHelp(family.help)}\n# TYPE ${family.name} gauge\n${family.lines.join('')}`).join('');
    return text + (await this.registry.metrics());
  }

  private taskFamilies(snapshot: ExportSnapshot, runtime: ExportRuntime): TaskFamily[] {
    const family = (name: string, help: string): TaskFamily => ({ name, help, lines: [] });
    const status = family('weir_task_status', 'Status of each task\'s latest run: 1 for its current status (label status).');
    const restarts = family('weir_task_restarts', 'Restarts of each task\'s latest run, as Flink counts them.');
    const checkpointAge = family('weir_task_checkpoint_age_seconds', 'Seconds since the latest completed checkpoint of each running task (only tasks whose checkpoints Weir has read).');
    const checkpointDuration = family('weir_task_checkpoint_duration_seconds', 'End-to-end duration of each running task\'s latest completed checkpoint.');
    const checkpointSize = family('weir_task_checkpoint_size_bytes', 'Checkpointed size of each running task\'s latest completed checkpoint.');
    const healthScore = family('weir_task_health_score', 'Health score (0-100) of each live task\'s latest run, as the overview shows it.');
    for (const task of snapshot.tasks) {
      // Escaped once per task, shared by every family's line.
      const labels = `task="${escapeLabelValue(task.taskName)}",cluster="${escapeLabelValue(task.clusterName)}"`;
      status.lines.push(`weir_task_status{${labels},status="${escapeLabelValue(task.status)}"} 1\n`);
      restarts.lines.push(`weir_task_restarts{${labels}} ${task.restartCount}\n`);
      if (task.healthScore !== null && healthShown(task.status, task.lost)) healthScore.lines.push(`weir_task_health_score{${labels}} ${task.healthScore}\n`);
      const checkpoint = task.status === 'RUNNING' && !task.lost ? runtime.checkpoints.get(task.latestRunId) : undefined;
      if (checkpoint) {
        checkpointAge.lines.push(`weir_task_checkpoint_age_seconds{${labels}} ${Math.max(0, runtime.now - checkpoint.at) / 1000}\n`);
        if (checkpoint.durationMs !== null) checkpointDuration.lines.push(`weir_task_checkpoint_duration_seconds{${labels}} ${checkpoint.durationMs / 1000}\n`);
        if (checkpoint.sizeBytes !== null) checkpointSize.lines.push(`weir_task_checkpoint_size_bytes{${labels}} ${checkpoint.sizeBytes}\n`);
      }
    }
    return [status, restarts, checkpointAge, checkpointDuration, checkpointSize, healthScore];
  }

  private updateFleet(snapshot: ExportSnapshot, runtime: ExportRuntime): void {
    for (const gauge of [this.clusterJobs, this.clusterUp, this.clusterHealth, this.incidents, this.deliveries, this.watcherCycle, this.watcherLag] as Gauge<string>[]) {
      gauge.reset();
    }
    const jobsPerCluster = new Map<string, Map<string, number>>();
    for (const task of snapshot.tasks) {
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

/** A label value as the text format requires: backslash, double quote and line feed escaped. */
export function escapeLabelValue(value: string): string {
  return /[\\"\n]/.test(value) ? value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') : value;
}

function escapeHelp(help: string): string {
  return help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}
