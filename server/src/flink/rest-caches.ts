/**
 * Flink's REST endpoint answers some reads from caches: a job's details and a TaskManager's files
 * for `web.refresh-interval`, a job's checkpoint statistics for `rest.cache.checkpoint-statistics.timeout`
 * (which falls back to `web.refresh-interval`). Each entry lives a fixed time from when it was
 * filled (expire-after-write), whoever asked. So an answer read at least one cache life after a
 * moment was filled after that moment, on any clock, as long as the moment and the read are timed
 * on the same one. These are the rules for when an answer of Flink's can be believed.
 */

/**
 * Flink's default `web.refresh-interval` (`refresh-interval` in /config): how long the REST endpoint
 * serves the same copy of a job's details or a TaskManager's file. For a JobManager whose /config
 * cannot be read.
 */
export const FLINK_DEFAULT_REFRESH_INTERVAL_MS = 3_000;

/**
 * A cache life as a JobManager reported it (its `refresh-interval`), or Flink's default when it
 * reported none, or a number that cannot be one.
 */
export function reportedCacheMs(reported: number | undefined): number {
  return reported !== undefined && Number.isFinite(reported) && reported >= 0 ? reported : FLINK_DEFAULT_REFRESH_INTERVAL_MS;
}

/**
 * The longest Weir waits for a cached answer of Flink's to expire, whatever the JobManager claims
 * its cache lives: an operation, or a log capture, must not hang for a day on a cluster (or a proxy)
 * that says "1 d". Past it, Weir reads what Flink serves.
 */
export const MAX_CACHE_WAIT_MS = 30_000;

/** Read a cached entry this long after Flink's cache must have dropped it, never a moment before. */
export const CACHE_EXPIRY_MARGIN_MS = 50;

/**
 * The first moment at which a cached answer is sure to have been filled after `knownAt`: e.g. a
 * job's checkpoint statistics, read at this time or later, include every checkpoint the job
 * completed before Weir learned at `knownAt` that it ended.
 */
export function filledAfter(knownAt: number, cacheMs: number): number {
  return knownAt + cacheMs + CACHE_EXPIRY_MARGIN_MS;
}

const UNIT_MS: Record<string, number> = {
  ns: 1e-6, nano: 1e-6, nanos: 1e-6, nanosecond: 1e-6, nanoseconds: 1e-6,
  µs: 1e-3, us: 1e-3, micro: 1e-3, micros: 1e-3, microsecond: 1e-3, microseconds: 1e-3,
  ms: 1, milli: 1, millis: 1, millisecond: 1, milliseconds: 1,
  s: 1_000, sec: 1_000, secs: 1_000, second: 1_000, seconds: 1_000,
  m: 60_000, min: 60_000, mins: 60_000, minute: 60_000, minutes: 60_000,
  h: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  d: 86_400_000, day: 86_400_000, days: 86_400_000,
};

/**
 * A duration as Flink's configuration writes it ("3 s", "500ms", "1 min", "3000" meaning
 * milliseconds), in milliseconds; null for anything else, so the caller falls back to a default
 * rather than trust a guess.
 */
export function parseFlinkDurationMs(text: string): number | null {
  const match = /^\s*(\d+)\s*([a-zµ]*)\s*$/i.exec(text);
  if (!match) return null;
  const unit = match[2]!.toLowerCase();
  const factor = unit === '' ? 1 : UNIT_MS[unit];
  if (factor === undefined) return null;
  const ms = Number(match[1]) * factor;
  return Number.isSafeInteger(Math.round(ms)) ? Math.round(ms) : null;
}
