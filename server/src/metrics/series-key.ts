import { JOB_METRICS, TASKMANAGER_METRICS, VERTEX_METRICS, type JobMetric, type TaskManagerMetric, type VertexMetric } from '@weir/contract';

/** What one series key names. */
export type SeriesTarget =
  | { scope: 'vertex'; vertexId: string; metric: VertexMetric }
  | { scope: 'job'; metric: JobMetric }
  | { scope: 'tm'; tmId: string; metric: TaskManagerMetric };

/** Parses `vertex:<id>:<metric>`, `job:<metric>` or `tm:<id>:<metric>`; undefined for anything else. */
export function parseSeriesKey(key: string): SeriesTarget | undefined {
  const parts = key.split(':');
  if (parts[0] === 'job' && parts.length === 2 && (JOB_METRICS as readonly string[]).includes(parts[1]!)) {
    return { scope: 'job', metric: parts[1] as JobMetric };
  }
  if (parts.length !== 3 || !parts[1]) return undefined;
  if (parts[0] === 'vertex' && (VERTEX_METRICS as readonly string[]).includes(parts[2]!)) {
    return { scope: 'vertex', vertexId: parts[1], metric: parts[2] as VertexMetric };
  }
  if (parts[0] === 'tm' && (TASKMANAGER_METRICS as readonly string[]).includes(parts[2]!)) {
    return { scope: 'tm', tmId: parts[1], metric: parts[2] as TaskManagerMetric };
  }
  return undefined;
}

export function seriesKeyOf(target: SeriesTarget): string {
  if (target.scope === 'job') return `job:${target.metric}`;
  return target.scope === 'vertex' ? `vertex:${target.vertexId}:${target.metric}` : `tm:${target.tmId}:${target.metric}`;
}

/** The start of the sampler tick `at` falls in: every instance and retry writes the same point. */
export function tickOf(at: number, intervalMs: number): number {
  return Math.floor(at / intervalMs) * intervalMs;
}

/**
 * Averages points into at most `maxPoints` equal time buckets between from and to (each bucket
 * reported at its mean time), so a week of 10-second samples still draws quickly.
 */
export function downsample(points: [number, number][], from: number, to: number, maxPoints: number): [number, number][] {
  if (points.length <= maxPoints) return points;
  const width = Math.max((to - from + 1) / maxPoints, 1);
  const buckets = new Map<number, { at: number; sum: number; n: number }>();
  for (const [at, value] of points) {
    const b = Math.min(Math.floor((at - from) / width), maxPoints - 1);
    const bucket = buckets.get(b) ?? { at: 0, sum: 0, n: 0 };
    bucket.at += at;
    bucket.sum += value;
    bucket.n += 1;
    buckets.set(b, bucket);
  }
  return [...buckets.entries()].sort((a, b) => a[0] - b[0]).map(([, b]) => [Math.round(b.at / b.n), b.sum / b.n]);
}

/** What every operator of a run is charted by until someone chooses otherwise: throughput, load, and event-time progress. */
const DEFAULT_VERTEX_METRICS: readonly VertexMetric[] = ['numRecordsInPerSecond', 'numRecordsOutPerSecond', 'busyTimeMsPerSecond', 'backPressuredTimeMsPerSecond', 'watermarkLagMs'];
const DEFAULT_JOB_METRICS: readonly JobMetric[] = ['lastCheckpointDuration', 'lastCheckpointSize'];
/**
 * At most this many operators are sampled by default: each costs two requests to Flink per tick,
 * and a job of many chains is better charted by what its owner picks.
 */
export const DEFAULT_VERTEX_LIMIT = 8;

/**
 * The series a run is sampled for before anyone chose (a chart exists without setup): records in
 * and out per second, busy and backpressured time and watermark lag of its first operators, and
 * the duration and size of its last checkpoint.
 */
export function defaultSeries(vertexIds: readonly string[]): string[] {
  return [
    ...vertexIds.slice(0, DEFAULT_VERTEX_LIMIT).flatMap((id) => DEFAULT_VERTEX_METRICS.map((metric) => seriesKeyOf({ scope: 'vertex', vertexId: id, metric }))),
    ...DEFAULT_JOB_METRICS.map((metric) => seriesKeyOf({ scope: 'job', metric })),
  ];
}
