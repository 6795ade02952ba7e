import type { Database } from '../db/database.js';
import { numberOrNull } from '../db/queries.js';
import '../alerts/alert-tables.js';
import '../health/health-tables.js';

/** One task's latest run as the export shows it (tasks carry their latest run's columns). */
export interface ExportedTaskRow {
  taskName: string;
  clusterName: string;
  latestRunId: string;
  status: string;
  lost: boolean;
  restartCount: number;
  healthScore: number | null;
}

export interface ExportedClusterRow {
  id: string;
  name: string;
  health: string;
}

/** Everything a scrape reads from the database, in four aggregate queries whatever the number of jobs. */
export interface ExportSnapshot {
  tasks: ExportedTaskRow[];
  clusters: ExportedClusterRow[];
  openIncidents: Array<{ condition: string; count: number }>;
  deliveries: Array<{ channel: string; channelType: string; outcome: string; count: number }>;
}

/**
 * Reads for the Prometheus export (GET /metrics), not Flink's job metrics of the run page (see
 * ../metrics/). Every query is an aggregate or one row per task from `tasks`, so a scrape costs the
 * same few queries at 10 or 10,000 jobs.
 */
export class MetricsExportStore {
  constructor(private readonly database: Database) {}

  async snapshot(): Promise<ExportSnapshot> {
    const { db } = this.database;
    const [tasks, clusters, incidents, deliveries] = await Promise.all([
      db
        .selectFrom('tasks')
        .leftJoin('clusters', 'clusters.id', 'tasks.cluster_id')
        .leftJoin('run_health', 'run_health.run_id', 'tasks.latest_run_id')
        .select([
          'tasks.name',
          'clusters.name as cluster_name',
          'tasks.latest_run_id',
          'tasks.latest_status',
          'tasks.latest_lost',
          'tasks.latest_restart_count',
          'run_health.score as health_score',
        ])
        .where('tasks.latest_run_id', 'is not', null)
        .execute(),
      db.selectFrom('clusters').select(['id', 'name', 'health']).execute(),
      db
        .selectFrom('alert_incidents')
        .select((eb) => ['condition_kind', eb.fn.countAll().as('count')])
        .where('state', '=', 'FIRING')
        .groupBy('condition_kind')
        .execute(),
      db
        .selectFrom('alert_deliveries')
        .innerJoin('alert_channels', 'alert_channels.id', 'alert_deliveries.channel_id')
        .select((eb) => ['alert_channels.name', 'alert_channels.type', 'alert_deliveries.status', eb.fn.countAll().as('count')])
        .groupBy(['alert_channels.name', 'alert_channels.type', 'alert_deliveries.status'])
        .execute(),
    ]);
    return {
      tasks: tasks.map((row) => ({
        taskName: row.name,
        clusterName: row.cluster_name ?? '',
        latestRunId: row.latest_run_id!,
        status: row.latest_status ?? 'UNKNOWN',
        lost: Number(row.latest_lost) === 1,
        restartCount: Number(row.latest_restart_count ?? 0),
        healthScore: numberOrNull(row.health_score),
      })),
      clusters,
      openIncidents: incidents.map((row) => ({ condition: row.condition_kind, count: Number(row.count) })),
      deliveries: deliveries.map((row) => ({ channel: row.name, channelType: row.type, outcome: row.status, count: Number(row.count) })),
    };
  }
}
