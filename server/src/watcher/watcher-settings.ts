/**
 * The settings of every cluster's watcher, read once from the configuration (config.ts) and handed
 * to each ClusterWatcher. They live apart from the watcher so that the pure rules it follows
 * (watch-cadence.ts, stale-details.ts, outage.ts) can take their part without importing it.
 */
export interface WatcherSettings {
  intervalMs: number;
  /**
   * How often a calm cluster is read: one whose jobs are RUNNING or ended and nothing happened on
   * it for `calmAfterMs` (see watch-cadence.ts). A change on it is recorded within about this.
   * Default: intervalMs (every cluster every cycle).
   */
  calmIntervalMs?: number;
  /** How long nothing must happen on a cluster before it is calm. Default 30 s. */
  calmAfterMs?: number;
  /** Failed probes in a row before RECONNECTING runs become UNKNOWN … */
  reconnectAttempts: number;
  /** … and the least time since the first failure. */
  reconnectWindowMs: number;
  /**
   * How long a probe of a cluster that does not answer waits (GET /config, one per cycle). Short,
   * so that a request lost in a partition never delays the next probe: a cluster that answers
   * again is seen within about one interval plus this, at any point of an outage.
   */
  probeTimeoutMs?: number;
  /** A non-terminal job missing from answering /jobs/overview this long is marked lost. */
  lostAfterMs?: number;
  /**
   * With a HistoryServer: how long after the job went missing its "no archive" answer is believed.
   * A HistoryServer reads new archives every `historyserver.archive.fs.refresh-interval` (10 s by
   * default), so a job that just ended is not there yet. Default 30 s.
   */
  historyArchiveGraceMs?: number;
  /**
   * With a HistoryServer that cannot be asked (unreachable, an odd answer): how long the run waits
   * for its word before it is marked lost with that reason. Default 10 min.
   */
  historyUnreachableLimitMs?: number;
  /**
   * Flink caches a job's details for `web.refresh-interval` (3 s by default) while
   * /jobs/overview is live. Details that disagree with the overview are stale: the
   * watcher reads them again next cycle rather than record a history with a gap,
   * and after this long records the overview's status without them.
   */
  staleDetailsLimitMs?: number;
}
