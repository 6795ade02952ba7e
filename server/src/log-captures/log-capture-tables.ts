// Row shapes of the log capture tables exactly as stored (migration 2026-12-06-002-log-captures),
// merged into the shared `Tables` interface next to the only code that reads them.

export interface LogCapturesTable {
  id: string;
  run_id: string;
  trigger: 'FAILED' | 'RESTARTING' | 'CHECKPOINT_FAILED' | 'TASKMANAGER_LOST' | 'MANUAL';
  /** Names the event (kind and time): unique per run, so an event is captured once. */
  trigger_key: string;
  trigger_at: number;
  detail: string | null;
  requested_by: string | null;
  status: 'PENDING' | 'COMPLETE' | 'PARTIAL' | 'FAILED';
  failure: string | null;
  /** Size of the kept text, uncompressed (what the bounds count). */
  text_bytes: number;
  stored_bytes: number;
  truncated: number;
  duration_ms: number | null;
  created_at: number;
  completed_at: number | null;
}

export interface LogCapturePartsTable {
  capture_id: string;
  seq: number;
  run_id: string;
  component: 'jobmanager' | 'taskmanager';
  tm_id: string | null;
  kind: 'log' | 'stdout' | 'threaddump';
  /** How the lines were chosen: 'job' (lines naming the job and a window around them) or 'tail'. */
  selection: 'job' | 'tail';
  status: 'OK' | 'FAILED';
  failure: string | null;
  /** How much Flink had of the file when it was read. */
  source_bytes: number | null;
  text_bytes: number;
  stored_bytes: number;
  truncated: number;
  /** gzip of the kept text (UTF-8); null for a part that could not be read. */
  content: Uint8Array | null;
}

declare module '../db/tables.js' {
  interface Tables {
    log_captures: LogCapturesTable;
    log_capture_parts: LogCapturePartsTable;
  }
}
