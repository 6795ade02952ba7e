import type { Selectable } from 'kysely';
import type { SavepointPolicy } from '@weir/contract';
import type { Database } from '../db/database.js';
import { upsert } from '../db/upsert.js';
import type { TaskSavepointPoliciesTable } from './savepoint-tables.js';
import './savepoint-tables.js';

export interface StoredSavepointPolicy extends SavepointPolicy {
  taskId: string;
  lastSlotAt: number | null;
  lastRetentionAt: number | null;
  updatedBy: string;
  updatedAt: number;
}

/** Each task's savepoint schedule and retention, and where the schedule stands. */
export class SavepointPoliciesStore {
  constructor(private readonly database: Database) {}

  async get(taskId: string): Promise<StoredSavepointPolicy | undefined> {
    const row = await this.database.db.selectFrom('task_savepoint_policies').selectAll().where('task_id', '=', taskId).executeTakeFirst();
    return row && toPolicy(row);
  }

  /** Sets the policy; a new schedule counts from now (its slot position is reset). */
  async put(taskId: string, policy: SavepointPolicy, by: string, now: number): Promise<void> {
    await upsert(
      this.database,
      'task_savepoint_policies',
      {
        task_id: taskId,
        schedule_interval_ms: policy.schedule && 'intervalMs' in policy.schedule ? policy.schedule.intervalMs : null,
        schedule_cron: policy.schedule && 'cron' in policy.schedule ? policy.schedule.cron : null,
        keep_last: policy.retention?.keepLast ?? null,
        keep_for_ms: policy.retention?.keepForMs ?? null,
        last_slot_at: null,
        last_retention_at: null,
        updated_by: by,
        updated_at: now,
      },
      ['task_id'],
      ['schedule_interval_ms', 'schedule_cron', 'keep_last', 'keep_for_ms', 'last_slot_at', 'last_retention_at', 'updated_by', 'updated_at'],
    );
  }

  /** Every policy with a schedule or a retention. */
  async listActive(): Promise<StoredSavepointPolicy[]> {
    const rows = await this.database.db
      .selectFrom('task_savepoint_policies')
      .selectAll()
      .where((eb) => eb.or([eb('schedule_interval_ms', 'is not', null), eb('schedule_cron', 'is not', null), eb('keep_last', 'is not', null), eb('keep_for_ms', 'is not', null)]))
      .execute();
    return rows.map(toPolicy);
  }

  /**
   * Moves the schedule to the slot at `slotAt`, only if it still stands where this caller read it
   * (compare-and-set): of two instances that see the same slot due, one takes it.
   */
  async takeSlot(taskId: string, readSlotAt: number | null, slotAt: number): Promise<boolean> {
    const result = await this.database.db
      .updateTable('task_savepoint_policies')
      .set({ last_slot_at: slotAt })
      .where('task_id', '=', taskId)
      .where((eb) => (readSlotAt === null ? eb('last_slot_at', 'is', null) : eb('last_slot_at', '=', readSlotAt)))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async markRetention(taskId: string, at: number): Promise<void> {
    await this.database.db.updateTable('task_savepoint_policies').set({ last_retention_at: at }).where('task_id', '=', taskId).execute();
  }
}

function toPolicy(row: Selectable<TaskSavepointPoliciesTable>): StoredSavepointPolicy {
  const interval = row.schedule_interval_ms === null ? null : Number(row.schedule_interval_ms);
  const keepLast = row.keep_last === null ? undefined : Number(row.keep_last);
  const keepForMs = row.keep_for_ms === null ? undefined : Number(row.keep_for_ms);
  return {
    taskId: row.task_id,
    schedule: interval !== null ? { intervalMs: interval } : row.schedule_cron !== null ? { cron: row.schedule_cron } : null,
    retention:
      keepLast !== undefined ? { keepLast, ...(keepForMs !== undefined ? { keepForMs } : {}) } : keepForMs !== undefined ? { keepForMs } : null,
    lastSlotAt: row.last_slot_at === null ? null : Number(row.last_slot_at),
    lastRetentionAt: row.last_retention_at === null ? null : Number(row.last_retention_at),
    updatedBy: row.updated_by,
    updatedAt: Number(row.updated_at),
  };
}
