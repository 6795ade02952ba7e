import type { Database } from '../db/database.js';
import { insertIfAbsent, upsert } from '../db/upsert.js';
import './metric-tables.js';

export interface MetricSelectionRecord {
  runId: string;
  series: string[];
  updatedBy: string;
  updatedAt: number;
}

export interface SampleRow {
  runId: string;
  series: string;
  at: number;
  value: number;
}

/** A run whose chosen series the sampler reads. */
export interface SampledRun {
  runId: string;
  clusterId: string;
  flinkJobId: string;
  /** The run's own JobManager (a YARN application's); null: its cluster's. */
  jobManagerUrl: string | null;
  series: string[];
}

const SAMPLED_STATUSES = ['RUNNING'];

/** The series users chose per run, and the sampled points. */
export class MetricsStore {
  constructor(private readonly database: Database) {}

  async getSelection(runId: string): Promise<MetricSelectionRecord | undefined> {
    const row = await this.database.db.selectFrom('metric_selections').selectAll().where('run_id', '=', runId).executeTakeFirst();
    return row && { runId: row.run_id, series: parseSeries(row.series), updatedBy: row.updated_by, updatedAt: Number(row.updated_at) };
  }

  async setSelection(runId: string, series: string[], updatedBy: string, at: number): Promise<MetricSelectionRecord> {
    const unique = [...new Set(series)];
    await upsert(this.database, 'metric_selections', { run_id: runId, series: JSON.stringify(unique), updated_by: updatedBy, updated_at: at }, ['run_id'], ['series', 'updated_by', 'updated_at']);
    return { runId, series: unique, updatedBy, updatedAt: at };
  }

  /** Runs Flink reports RUNNING that have at least one chosen series. */
  async listSampledRuns(): Promise<SampledRun[]> {
    const rows = await this.database.db
      .selectFrom('metric_selections')
      .innerJoin('runs', 'runs.id', 'metric_selections.run_id')
      .select(['runs.id', 'runs.cluster_id', 'runs.flink_job_id', 'runs.job_manager_url', 'metric_selections.series'])
      .where('runs.status', 'in', SAMPLED_STATUSES)
      .where('runs.lost', '=', 0)
      .orderBy('runs.id')
      .execute();
    return rows
      .map((r) => ({ runId: r.id, clusterId: r.cluster_id, flinkJobId: r.flink_job_id, jobManagerUrl: r.job_manager_url, series: parseSeries(r.series) }))
      .filter((r) => r.series.length > 0);
  }

  /** Stores a selection only where none exists: a default never replaces what someone chose meanwhile. */
  async setSelectionIfAbsent(runId: string, series: string[], updatedBy: string, at: number): Promise<void> {
    await insertIfAbsent(this.database, 'metric_selections', { run_id: runId, series: JSON.stringify([...new Set(series)]), updated_by: updatedBy, updated_at: at }, ['run_id']);
  }

  /** Writes points; a point already stored for (run, series, at) is overwritten, never duplicated. */
  async saveSamples(rows: SampleRow[]): Promise<void> {
    for (const r of rows) {
      if (!Number.isFinite(r.value)) continue;
      await upsert(this.database, 'metric_samples', { run_id: r.runId, series: r.series, at: r.at, value: r.value }, ['run_id', 'series', 'at'], ['value']);
    }
  }

  /** Points of the given series in [from, to], oldest first. */
  async range(runId: string, series: string[], from: number, to: number): Promise<SampleRow[]> {
    if (series.length === 0) return [];
    const rows = await this.database.db
      .selectFrom('metric_samples')
      .select(['series', 'at', 'value'])
      .where('run_id', '=', runId)
      .where('series', 'in', series)
      .where('at', '>=', from)
      .where('at', '<=', to)
      .orderBy('series')
      .orderBy('at')
      .execute();
    return rows.map((r) => ({ runId, series: r.series, at: Number(r.at), value: Number(r.value) }));
  }

  /** Deletes points older than `cutoff`; returns how many. */
  async deleteOlderThan(cutoff: number): Promise<number> {
    const result = await this.database.db.deleteFrom('metric_samples').where('at', '<', cutoff).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

function parseSeries(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}
