import { JOB_METRICS, SERIES_KEY_PATTERN, TASKMANAGER_METRICS, VERTEX_METRICS, type AvailableMetrics, type MetricSelection, type MetricSeriesPage, type MetricSeriesQuery } from '@weir/contract';
import type { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../access/principal.js';
import type { ClustersService } from '../clusters/clusters.service.js';
import type { FlinkClients } from '../flink/flink-clients.js';
import { AppError, InputError, NotFoundError } from '../errors/errors.js';
import type { RunsStore } from '../runs/runs.store.js';
import type { MetricSampler, SamplerSettings } from './metric-sampler.js';
import type { MetricsStore } from './metrics.store.js';
import { defaultSeries, downsample } from './series-key.js';

/** Who a default selection is recorded as chosen by (the run page says so). */
export const DEFAULT_SELECTION_BY = 'weir';

/** Key metrics of a run: the chosen series, their stored points, and what can be chosen. */
export class MetricsService {
  constructor(
    private readonly deps: {
      store: MetricsStore;
      runs: RunsStore;
      clusters: ClustersService;
      flink: Pick<FlinkClients, 'jobManagerOfRun'>;
      sampler: MetricSampler;
      audit: AuditService;
      settings: SamplerSettings;
      now?: () => number;
    },
  ) {}

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /**
   * The run's chosen series. A RUNNING run nobody chose series for gets the default ones (records
   * in and out, busy and backpressured time, watermark lag of its first operators, its last
   * checkpoint) the first time its page asks, with a first point of each at once: a chart exists
   * without setup, and only runs someone looks at are sampled (sampling every running job of a
   * large fleet would cost Flink requests per operator per tick for charts nobody opens).
   */
  async selection(runId: string): Promise<MetricSelection> {
    const run = await this.run(runId);
    let stored = await this.deps.store.getSelection(runId);
    if (!stored && run.status === 'RUNNING' && !run.lost) {
      const job = await this.deps.runs.getSnapshot(runId, 'job');
      if (job && job.data.vertices.length > 0) {
        await this.deps.store.setSelectionIfAbsent(runId, defaultSeries(job.data.vertices.map((v) => v.id)), DEFAULT_SELECTION_BY, this.now());
        stored = await this.deps.store.getSelection(runId);
        if (stored?.updatedBy === DEFAULT_SELECTION_BY) await this.sampleNow(run, stored.series);
      }
    }
    return { runId, series: stored?.series ?? [], updatedAt: stored?.updatedAt ?? null, updatedBy: stored?.updatedBy ?? null };
  }

  /** Replaces the run's chosen series and, for a running job, stores a first point of each at once. */
  async select(actor: Principal, runId: string, series: string[]): Promise<MetricSelection> {
    const run = await this.run(runId);
    const saved = await this.deps.audit.around(actor, 'run.metrics.select', { type: 'run', id: runId, name: run.jobName }, () =>
      this.deps.store.setSelection(runId, series, actor.name, this.now()),
      { series },
    );
    if (run.status === 'RUNNING') await this.sampleNow(run, saved.series);
    return { runId, series: saved.series, updatedAt: saved.updatedAt, updatedBy: saved.updatedBy };
  }

  /** Stores a first point of each series of a running job now rather than at the next tick. */
  private async sampleNow(run: { id: string; clusterId: string; flinkJobId: string; jobManagerUrl: string | null }, series: string[]): Promise<void> {
    if (!series.length) return;
    try {
      const cluster = await this.deps.clusters.get(run.clusterId);
      await this.deps.sampler.sampleRun(this.deps.flink.jobManagerOfRun(cluster, run), { runId: run.id, flinkJobId: run.flinkJobId, series });
    } catch (err) {
      // The scheduled sampler tries again; choosing must not fail because Flink is slow right now.
      if (!(err instanceof AppError)) throw err;
    }
  }

  async series(runId: string, query: MetricSeriesQuery): Promise<MetricSeriesPage> {
    await this.run(runId);
    const keys = [...new Set(query.series.split(',').map((s) => s.trim()).filter(Boolean))];
    const bad = keys.find((k) => !SERIES_KEY_PATTERN.test(k));
    if (bad) throw new InputError(`Unknown series ${bad}: use vertex:<id>:<metric>, job:<metric> or tm:<id>:<metric>`);
    const to = query.to ?? this.now();
    const from = query.from ?? to - 3_600_000;
    if (from > to) throw new InputError('from must not be after to');
    const rows = await this.deps.store.range(runId, keys, from, to);
    const grouped = new Map<string, [number, number][]>(keys.map((k) => [k, []]));
    for (const r of rows) grouped.get(r.series)?.push([r.at, r.value]);
    return {
      from,
      to,
      intervalMs: this.deps.settings.intervalMs,
      series: [...grouped.entries()].map(([key, points]) => ({ key, points: downsample(points, from, to, query.maxPoints) })),
    };
  }

  async available(runId: string): Promise<AvailableMetrics> {
    const run = await this.run(runId);
    const base = {
      vertexMetrics: [...VERTEX_METRICS],
      jobMetrics: [...JOB_METRICS],
      taskManagerMetrics: [...TASKMANAGER_METRICS],
      intervalMs: this.deps.settings.intervalMs,
      retentionHours: this.deps.settings.retentionMs / 3_600_000,
      sampling: run.status === 'RUNNING',
    };
    let vertices: { id: string; name: string }[] = [];
    let taskManagers: string[] = [];
    const jm = await this.deps.clusters.get(run.clusterId).then((c) => this.deps.flink.jobManagerOfRun(c, run)).catch(() => null);
    if (jm && run.status === 'RUNNING') {
      const [details, tms] = await Promise.all([jm.job(run.flinkJobId).catch(() => null), jm.taskManagers().catch(() => null)]);
      if (details) vertices = details.vertices.map((v) => ({ id: v.id, name: v.name }));
      if (tms) taskManagers = tms.taskmanagers.map((t) => t.id).sort();
    }
    if (vertices.length === 0) {
      const job = await this.deps.runs.getSnapshot(runId, 'job');
      if (job) vertices = job.data.vertices.map((v) => ({ id: v.id, name: v.name }));
    }
    if (taskManagers.length === 0) {
      const saved = await this.deps.runs.getSnapshot(runId, 'taskmanagers');
      if (saved) taskManagers = saved.data.taskManagers.map((t) => t.id);
      // Series sampled earlier name their TaskManagers too.
      const chosen = (await this.deps.store.getSelection(runId))?.series ?? [];
      for (const key of chosen) {
        const tm = /^tm:([^:]+):/.exec(key)?.[1];
        if (tm && !taskManagers.includes(tm)) taskManagers.push(tm);
      }
    }
    return { ...base, vertices, taskManagers };
  }

  private async run(runId: string) {
    const run = await this.deps.runs.get(runId);
    if (!run) throw new NotFoundError('Run', runId);
    return run;
  }
}
