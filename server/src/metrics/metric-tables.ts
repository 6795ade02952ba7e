// Row shapes of the metric tables exactly as stored (migration 2026-11-26-006-metrics), merged
// into the shared `Tables` interface next to the only code that reads them.

export interface MetricSelectionsTable {
  run_id: string;
  /** JSON array of series keys. */
  series: string;
  updated_by: string;
  updated_at: number;
}

export interface MetricSamplesTable {
  run_id: string;
  series: string;
  at: number;
  value: number;
}

declare module '../db/tables.js' {
  interface Tables {
    metric_selections: MetricSelectionsTable;
    metric_samples: MetricSamplesTable;
  }
}
