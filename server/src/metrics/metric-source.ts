import type { MetricSample, MetricSource } from '../alerts/alert-facts.js';
import type { MetricsStore } from './metrics.store.js';

/**
 * Stored samples for the alert engine's metric conditions: a vertex metric when `vertexId` is
 * given, else a job metric. Only series someone chose for the run are sampled.
 */
export class StoredMetricSource implements MetricSource {
  constructor(
    private readonly store: MetricsStore,
    private readonly now: () => number = Date.now,
  ) {}

  async samples(runId: string, metric: string, vertexId: string | null, since: number): Promise<MetricSample[]> {
    const series = vertexId ? `vertex:${vertexId}:${metric}` : `job:${metric}`;
    const rows = await this.store.range(runId, [series], since, this.now());
    return rows.map((r) => ({ at: r.at, value: r.value }));
  }
}
