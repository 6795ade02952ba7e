import type { ClustersService } from '../clusters/clusters.service.js';
import type { FlinkClients } from '../flink/flink-clients.js';
import { AppError } from '../errors/errors.js';
import type { JobManagerClient } from '../flink/job-manager.client.js';
import type { MetricsStore, SampledRun, SampleRow } from './metrics.store.js';
import { parseSeriesKey, tickOf, type SeriesTarget } from './series-key.js';
import type { Logger } from '../logging/logger.js';

export interface SamplerSettings {
  intervalMs: number;
  retentionMs: number;
}

/** Flink's name for each TaskManager metric Weir samples. */
const TM_METRIC_NAMES = { heapUsed: 'Status.JVM.Memory.Heap.Used', cpuLoad: 'Status.JVM.CPU.Load' } as const;
/** Which of Flink's subtask aggregates a vertex metric reports: totals for rates, the worst subtask for busy/backpressure. */
const VERTEX_AGGREGATE = {
  numRecordsInPerSecond: 'sum',
  numRecordsOutPerSecond: 'sum',
  busyTimeMsPerSecond: 'max',
  backPressuredTimeMsPerSecond: 'max',
  idleTimeMsPerSecond: 'avg',
} as const;

/**
 * Samples the series users chose for RUNNING runs and stores one point per series per tick.
 * Points sit on the tick grid (see tickOf), so a retried or concurrent tick, or a restarted
 * Weir, overwrites the same point instead of adding one. Points past retention are deleted by deleteExpired.
 */
export class MetricSampler {

  constructor(
    private readonly deps: {
      store: MetricsStore;
      clusters: ClustersService;
      flink: Pick<FlinkClients, 'jobManagerOfRun'>;
      settings: SamplerSettings;
      log: Logger;
      now?: () => number;
      /** Several instances: the clusters this one watches, whose runs it samples. */
      watches?: (clusterId: string) => boolean;
    },
  ) {}

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /** One pass: every sampled run of the clusters this instance watches. */
  async tick(signal?: AbortSignal): Promise<{ runs: number; points: number }> {
    const runs = await this.deps.store.listSampledRuns();
    let points = 0;
    const clients = new Map<string, JobManagerClient | null>();
    for (const run of runs) {
      if (signal?.aborted) break;
      if (this.deps.watches && !this.deps.watches(run.clusterId)) continue;
      // A run with a JobManager of its own (a YARN application) is asked there, the others at their cluster's.
      const key = run.jobManagerUrl ?? run.clusterId;
      let jm = clients.get(key);
      if (jm === undefined) {
        jm = await this.deps.clusters.get(run.clusterId).then((c) => this.deps.flink.jobManagerOfRun(c, run)).catch(() => null);
        clients.set(key, jm);
      }
      if (!jm) continue;
      points += await this.sampleRun(jm, run);
    }
    return { runs: runs.length, points };
  }

  /** Deletes the points past retention, for every run (scheduled apart: on one instance, once a minute). */
  async deleteExpired(): Promise<number> {
    return this.deps.store.deleteOlderThan(this.now() - this.deps.settings.retentionMs);
  }

  /** Reads and stores the run's chosen series now; returns the number of points stored. */
  async sampleRun(jm: JobManagerClient, run: Pick<SampledRun, 'runId' | 'flinkJobId' | 'series'>): Promise<number> {
    const at = tickOf(this.now(), this.deps.settings.intervalMs);
    const rows: SampleRow[] = [];
    const byGroup = new Map<string, { key: string; target: SeriesTarget }[]>();
    for (const key of run.series) {
      const target = parseSeriesKey(key);
      if (!target) continue;
      const group = target.scope === 'job' ? 'job' : target.scope === 'vertex' ? `vertex:${target.vertexId}` : `tm:${target.tmId}`;
      byGroup.set(group, [...(byGroup.get(group) ?? []), { key, target }]);
    }
    await Promise.all(
      [...byGroup.values()].map(async (entries) => {
        try {
          for (const [key, value] of await this.read(jm, run.flinkJobId, entries, at)) rows.push({ runId: run.runId, series: key, at, value });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          this.deps.log.warn({ run: run.runId, err: err.message }, 'could not sample metrics');
        }
      }),
    );
    await this.deps.store.saveSamples(rows);
    return rows.length;
  }

  private async read(jm: JobManagerClient, jobId: string, entries: { key: string; target: SeriesTarget }[], at: number): Promise<[string, number][]> {
    const first = entries[0]!.target;
    const out: [string, number][] = [];
    if (first.scope === 'job') {
      const names = entries.map((e) => e.target.metric);
      const values = await jm.jobMetrics(jobId, names);
      for (const e of entries) {
        const value = values.find((v) => v.id === e.target.metric)?.value;
        // Flink answers -1 for the last checkpoint's duration and size until one completes: no point, not a negative one.
        if (e.target.metric.startsWith('lastCheckpoint') && Number(value) < 0) continue;
        pushNumber(out, e.key, value);
      }
      return out;
    }
    if (first.scope === 'tm') {
      const names = entries.map((e) => TM_METRIC_NAMES[e.target.metric as keyof typeof TM_METRIC_NAMES]);
      const values = await jm.taskManagerMetrics(first.tmId, names);
      for (const e of entries) pushNumber(out, e.key, values.find((v) => v.id === TM_METRIC_NAMES[e.target.metric as keyof typeof TM_METRIC_NAMES])?.value);
      return out;
    }
    const gauges = entries.filter((e) => e.target.metric !== 'watermarkLagMs');
    if (gauges.length) {
      const values = await jm.vertexSubtaskMetrics(jobId, first.vertexId, gauges.map((e) => e.target.metric));
      for (const e of gauges) {
        const agg = VERTEX_AGGREGATE[e.target.metric as keyof typeof VERTEX_AGGREGATE];
        pushNumber(out, e.key, values.find((v) => v.id === e.target.metric)?.[agg]);
      }
    }
    const lag = entries.find((e) => e.target.metric === 'watermarkLagMs');
    if (lag) {
      const watermark = await jm.lowestInputWatermark(jobId, first.vertexId);
      if (watermark !== null) out.push([lag.key, Math.max(at - watermark, 0)]);
    }
    return out;
  }
}

function pushNumber(out: [string, number][], key: string, value: unknown): void {
  const n = typeof value === 'number' ? value : Number(value);
  if (value !== undefined && value !== null && value !== '' && Number.isFinite(n)) out.push([key, n]);
}
