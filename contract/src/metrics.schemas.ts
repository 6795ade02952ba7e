import { z } from 'zod';
import { EpochMs } from './common.schemas.js';

// Key metrics of a run: the series a user picks are sampled by Weir at a fixed interval and kept
// for a retention period, so a chart shows both live data and history, also after the job ended.

/** Metrics of one job vertex (operator chain). Rates and busy times come from Flink's per-second gauges. */
export const VERTEX_METRICS = [
  'numRecordsInPerSecond',
  'numRecordsOutPerSecond',
  'busyTimeMsPerSecond',
  'backPressuredTimeMsPerSecond',
  'idleTimeMsPerSecond',
  'watermarkLagMs',
] as const;
/** Metrics of the whole job. */
export const JOB_METRICS = ['lastCheckpointDuration', 'lastCheckpointSize', 'numRestarts'] as const;
/** Metrics of one TaskManager the run uses. */
export const TASKMANAGER_METRICS = ['heapUsed', 'cpuLoad'] as const;

export type VertexMetric = (typeof VERTEX_METRICS)[number];
export type JobMetric = (typeof JOB_METRICS)[number];
export type TaskManagerMetric = (typeof TASKMANAGER_METRICS)[number];

/** The unit a chart shows a metric in. */
export const METRIC_UNITS: Record<VertexMetric | JobMetric | TaskManagerMetric, 'perSecond' | 'msPerSecond' | 'ms' | 'bytes' | 'ratio' | 'count'> = {
  numRecordsInPerSecond: 'perSecond',
  numRecordsOutPerSecond: 'perSecond',
  busyTimeMsPerSecond: 'msPerSecond',
  backPressuredTimeMsPerSecond: 'msPerSecond',
  idleTimeMsPerSecond: 'msPerSecond',
  watermarkLagMs: 'ms',
  lastCheckpointDuration: 'ms',
  lastCheckpointSize: 'bytes',
  numRestarts: 'count',
  heapUsed: 'bytes',
  cpuLoad: 'ratio',
};

/**
 * A series key names what is sampled: `vertex:<vertexId>:<metric>`, `job:<metric>` or
 * `tm:<taskManagerId>:<metric>`.
 */
export const SERIES_KEY_PATTERN = new RegExp(
  `^(vertex:[0-9a-f]{32}:(${VERTEX_METRICS.join('|')})|job:(${JOB_METRICS.join('|')})|tm:[^:\\s]{1,120}:(${TASKMANAGER_METRICS.join('|')}))$`,
);
export const SeriesKey = z.string().max(200).regex(SERIES_KEY_PATTERN, 'vertex:<id>:<metric>, job:<metric> or tm:<id>:<metric>');

export const MetricSelection = z
  .object({
    runId: z.string(),
    series: z.array(z.string()),
    updatedAt: EpochMs.nullable(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'MetricSelection' });
export type MetricSelection = z.infer<typeof MetricSelection>;

export const PutMetricSelectionRequest = z.object({ series: z.array(SeriesKey).max(40) });
export type PutMetricSelectionRequest = z.infer<typeof PutMetricSelectionRequest>;

export const MetricSeriesQuery = z.object({
  /** Comma-separated series keys. */
  series: z.string().max(8_000),
  /** Inclusive; default: one hour before `to`. */
  from: z.coerce.number().int().optional(),
  /** Inclusive; default: now. */
  to: z.coerce.number().int().optional(),
  /** Longer series are averaged into this many buckets. */
  maxPoints: z.coerce.number().int().min(10).max(5_000).default(600),
});
export type MetricSeriesQuery = z.infer<typeof MetricSeriesQuery>;

export const MetricSeries = z.object({
  key: z.string(),
  /** [at, value], oldest first. */
  points: z.array(z.tuple([EpochMs, z.number()])),
});
export type MetricSeries = z.infer<typeof MetricSeries>;

export const MetricSeriesPage = z
  .object({ from: EpochMs, to: EpochMs, intervalMs: z.number().int(), series: z.array(MetricSeries) })
  .meta({ id: 'MetricSeriesPage' });
export type MetricSeriesPage = z.infer<typeof MetricSeriesPage>;

export const AvailableMetrics = z
  .object({
    vertices: z.array(z.object({ id: z.string(), name: z.string() })),
    taskManagers: z.array(z.string()),
    vertexMetrics: z.array(z.string()),
    jobMetrics: z.array(z.string()),
    taskManagerMetrics: z.array(z.string()),
    /** How often the sampler stores a point, and how long points are kept. */
    intervalMs: z.number().int(),
    retentionHours: z.number(),
    /** false once the run is terminal: nothing more will be sampled. */
    sampling: z.boolean(),
  })
  .meta({ id: 'AvailableMetrics' });
export type AvailableMetrics = z.infer<typeof AvailableMetrics>;
