import type { Selectable } from 'kysely';
import type { Database } from '../db/database.js';
import { newId } from '../db/ids.js';
import { forUpdate } from '../db/queries.js';
import type { TaskVersionsTable } from '../db/tables.js';
import { inTransaction } from '../db/transactions.js';

export interface TaskVersionRecord {
  id: string;
  taskId: string;
  /** 1, 2, 3 … per task. */
  version: number;
  content: string;
  /** JSON. */
  config: string;
  /** JSON, when computed. */
  lineage: string | null;
  createdBy: string;
  createdAt: number;
  note: string | null;
}

export interface NewTaskVersion {
  taskId: string;
  content: string;
  config: string;
  lineage?: string | null;
  createdBy: string;
  note?: string | null;
}

/** The immutable published versions of a task. */
export class TaskVersionsStore {
  constructor(
    private readonly database: Database,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Stores the task's next version (max + 1) and makes it the task's current version, in one
   * transaction. The task row is locked first, so concurrent publishes of one task queue up
   * instead of colliding on (task_id, version). Throws when the task does not exist.
   */
  async createNext(input: NewTaskVersion): Promise<TaskVersionRecord> {
    return inTransaction(this.database.db, async (trx) => {
      const task = await forUpdate(
        trx.selectFrom('tasks').select('id').where('id', '=', input.taskId),
        this.database.dialect,
      ).executeTakeFirst();
      if (!task) throw new Error(`Task ${input.taskId} does not exist`);

      const { max } = await trx
        .selectFrom('task_versions')
        .select((eb) => eb.fn.max('version').as('max'))
        .where('task_id', '=', input.taskId)
        .executeTakeFirstOrThrow();
      const now = this.now();
      const row: Selectable<TaskVersionsTable> = {
        id: newId(now),
        task_id: input.taskId,
        version: Number(max ?? 0) + 1,
        content: input.content,
        config: input.config,
        lineage: input.lineage ?? null,
        created_by: input.createdBy,
        created_at: now,
        note: input.note ?? null,
      };
      await trx.insertInto('task_versions').values(row).execute();
      await trx
        .updateTable('tasks')
        .set({ current_version_id: row.id, updated_at: now })
        .where('id', '=', input.taskId)
        .execute();
      return toVersion(row);
    });
  }

  async get(id: string): Promise<TaskVersionRecord | undefined> {
    const row = await this.database.db.selectFrom('task_versions').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toVersion(row);
  }

  async getByNumber(taskId: string, version: number): Promise<TaskVersionRecord | undefined> {
    const row = await this.database.db
      .selectFrom('task_versions')
      .selectAll()
      .where('task_id', '=', taskId)
      .where('version', '=', version)
      .executeTakeFirst();
    return row && toVersion(row);
  }

  /** All versions of a task, newest first. */
  async listByTask(taskId: string): Promise<TaskVersionRecord[]> {
    const rows = await this.database.db
      .selectFrom('task_versions')
      .selectAll()
      .where('task_id', '=', taskId)
      .orderBy('version', 'desc')
      .execute();
    return rows.map(toVersion);
  }

  /** Lineage is derived data, so it may be filled in after publishing. */
  async setLineage(id: string, lineage: string | null): Promise<boolean> {
    const result = await this.database.db
      .updateTable('task_versions')
      .set({ lineage })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

function toVersion(row: Selectable<TaskVersionsTable>): TaskVersionRecord {
  return {
    id: row.id,
    taskId: row.task_id,
    version: Number(row.version),
    content: row.content,
    config: row.config,
    lineage: row.lineage,
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
    note: row.note,
  };
}
