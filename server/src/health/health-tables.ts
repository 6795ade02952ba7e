// Row shapes of the health tables exactly as stored (migration 2026-11-26-010-health), merged into
// the shared `Tables` interface next to the only code that reads them (as alerts/alert-tables.ts
// does). Only health.store.ts imports this, and overview.store.ts for the scores of the overview's
// rows (run_health, read only). runs.restarted_from_run_id (same migration) is not merged
// into RunsTable, so RunsStore's row literals stay complete; HealthStore alone reads and writes it.

export interface TaskHealthTable {
  task_id: string;
  auto_restart: string | null;
  checks: string | null;
  auto_restart_state: 'IDLE' | 'EXHAUSTED';
  auto_restart_reason: string | null;
  auto_restart_state_at: number | null;
  updated_by: string;
  updated_at: number;
}

export interface AutoRestartAttemptsTable {
  id: string;
  task_id: string;
  failed_run_id: string;
  new_run_id: string | null;
  attempt: number;
  state: 'SCHEDULED' | 'SUBMITTED' | 'FAILED';
  due_at: number;
  claimed_at: number | null;
  restored_from: string | null;
  error: string | null;
  created_at: number;
}

export interface HealthCheckResultsTable {
  id: string;
  run_id: string;
  check_name: 'restarts' | 'checkpoint' | 'backpressure';
  state: 'PASS' | 'FAIL' | 'SKIPPED';
  detail: string;
  /** JSON HealthFinding; null for results recorded before the 2026-12-06-005 migration. */
  finding: string | null;
  at: number;
}

export interface RunHealthTable {
  run_id: string;
  task_id: string;
  score: number;
  /** JSON HealthReason[] */
  reasons: string;
  evaluated_at: number;
  /** Set when the score is the one the run ended with (see the 2026-12-04 migration). */
  ended_status: 'FINISHED' | 'CANCELED' | 'FAILED' | null;
  ended_at: number | null;
}

declare module '../db/tables.js' {
  interface Tables {
    task_health: TaskHealthTable;
    auto_restart_attempts: AutoRestartAttemptsTable;
    health_check_results: HealthCheckResultsTable;
    run_health: RunHealthTable;
  }
}
