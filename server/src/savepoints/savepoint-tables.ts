// Row shape of task_savepoint_policies as stored (migration 2026-12-05-005-savepoint-policies),
// merged into the shared `Tables` interface next to the only code that reads it.

export interface TaskSavepointPoliciesTable {
  task_id: string;
  schedule_interval_ms: number | null;
  schedule_cron: string | null;
  keep_last: number | null;
  keep_for_ms: number | null;
  last_slot_at: number | null;
  last_retention_at: number | null;
  updated_by: string;
  updated_at: number;
}

declare module '../db/tables.js' {
  interface Tables {
    task_savepoint_policies: TaskSavepointPoliciesTable;
  }
}
