import type { Selectable } from 'kysely';
import type { Database } from '../db/database.js';
import { newId } from '../db/ids.js';
import { paged, type Page, type PageRequest } from '../db/queries.js';
import type { SavepointsTable } from '../db/tables.js';

export type SavepointKind = SavepointsTable['kind'];
export type SavepointStatus = SavepointsTable['status'];

export interface SavepointRecord {
  id: string;
  runId: string;
  taskId: string;
  /** Known once Flink completes it. */
  path: string | null;
  kind: SavepointKind;
  /** Flink's trigger id for the asynchronous operation, when Weir triggered it. */
  triggerId: string | null;
  status: SavepointStatus;
  failure: string | null;
  createdAt: number;
  completedAt: number | null;
  /** Who had it taken: a user, a token, Weir's savepoint schedule; null when Weir found it. */
  takenBy: string | null;
  /** Once Weir disposed of it through Flink (status DISPOSED). */
  disposedAt: number | null;
  disposedBy: string | null;
}

export interface NewSavepoint {
  runId: string;
  taskId: string;
  kind: SavepointKind;
  triggerId?: string | null;
  takenBy?: string | null;
  /** Defaults to PENDING; a checkpoint found already complete can be stored as COMPLETED. */
  status?: SavepointStatus;
  path?: string | null;
  completedAt?: number | null;
}

/** Savepoints and retained checkpoints Weir triggered or recorded, for restores. */
export class SavepointsStore {
  constructor(
    private readonly database: Database,
    private readonly now: () => number = Date.now,
  ) {}

  async create(savepoint: NewSavepoint): Promise<SavepointRecord> {
    const now = this.now();
    const row: Selectable<SavepointsTable> = {
      id: newId(now),
      run_id: savepoint.runId,
      task_id: savepoint.taskId,
      path: savepoint.path ?? null,
      kind: savepoint.kind,
      trigger_id: savepoint.triggerId ?? null,
      status: savepoint.status ?? 'PENDING',
      failure: null,
      created_at: now,
      completed_at: savepoint.completedAt ?? null,
      disposed_at: null,
      disposed_by: null,
      taken_by: savepoint.takenBy ?? null,
    };
    await this.database.db.insertInto('savepoints').values(row).execute();
    return toSavepoint(row);
  }

  async get(id: string): Promise<SavepointRecord | undefined> {
    const row = await this.database.db.selectFrom('savepoints').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toSavepoint(row);
  }

  async findByTrigger(runId: string, triggerId: string): Promise<SavepointRecord | undefined> {
    const row = await this.database.db
      .selectFrom('savepoints')
      .selectAll()
      .where('run_id', '=', runId)
      .where('trigger_id', '=', triggerId)
      .executeTakeFirst();
    return row && toSavepoint(row);
  }

  /** PENDING → COMPLETED; false when it is not pending (already settled, or no such savepoint). */
  async complete(id: string, path: string, completedAt: number): Promise<boolean> {
    const result = await this.database.db
      .updateTable('savepoints')
      .set({ status: 'COMPLETED', path, completed_at: completedAt })
      .where('id', '=', id)
      .where('status', '=', 'PENDING')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** PENDING → FAILED; false when it is not pending. */
  async fail(id: string, failure: string, completedAt: number): Promise<boolean> {
    const result = await this.database.db
      .updateTable('savepoints')
      .set({ status: 'FAILED', failure, completed_at: completedAt })
      .where('id', '=', id)
      .where('status', '=', 'PENDING')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** COMPLETED → DISPOSED; false when it is not completed (already disposed, or no such savepoint). */
  async markDisposed(id: string, at: number, by: string): Promise<boolean> {
    const result = await this.database.db
      .updateTable('savepoints')
      .set({ status: 'DISPOSED', disposed_at: at, disposed_by: by })
      .where('id', '=', id)
      .where('status', '=', 'COMPLETED')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Every savepoint of the task, newest first: its catalog (bounded by what one task accumulates). */
  async listAllByTask(taskId: string, limit = 1_000): Promise<SavepointRecord[]> {
    const rows = await this.database.db
      .selectFrom('savepoints')
      .selectAll()
      .where('task_id', '=', taskId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toSavepoint);
  }

  /** The task's savepoint at this path that Weir disposed of, if any. */
  async findDisposed(taskId: string, path: string): Promise<SavepointRecord | undefined> {
    const row = await this.database.db
      .selectFrom('savepoints')
      .selectAll()
      .where('task_id', '=', taskId)
      .where('path', '=', path)
      .where('status', '=', 'DISPOSED')
      .executeTakeFirst();
    return row && toSavepoint(row);
  }

  /** Whether the run has a savepoint still waiting for Flink's answer. */
  async hasPending(runId: string): Promise<boolean> {
    return (await this.database.db.selectFrom('savepoints').select('id').where('run_id', '=', runId).where('status', '=', 'PENDING').executeTakeFirst()) !== undefined;
  }

  /** Savepoints still waiting for Flink's answer, oldest first (to resume polling after a restart). */
  async listPending(): Promise<SavepointRecord[]> {
    const rows = await this.database.db
      .selectFrom('savepoints')
      .selectAll()
      .where('status', '=', 'PENDING')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toSavepoint);
  }

  /** A run's savepoints, newest first. */
  async listByRun(runId: string): Promise<SavepointRecord[]> {
    const rows = await this.database.db
      .selectFrom('savepoints')
      .selectAll()
      .where('run_id', '=', runId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toSavepoint);
  }

  /** A task's savepoints across all its runs, newest first, one page at a time. */
  async listByTask(taskId: string, page: PageRequest = {}): Promise<Page<SavepointRecord>> {
    const { limit, offset } = paged(page);
    const query = this.database.db.selectFrom('savepoints').where('task_id', '=', taskId);
    const [rows, total] = await Promise.all([
      query.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
      query.select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toSavepoint), total: Number(total.count) };
  }

  /** The task's most recently completed savepoint (of the given kinds, default all). */
  latestCompleted(taskId: string, kinds?: SavepointKind[]): Promise<SavepointRecord | undefined> {
    return this.firstCompleted(taskId, kinds, 'desc');
  }

  /** The task's first completed savepoint still on record (of the given kinds, default all). */
  earliestCompleted(taskId: string, kinds?: SavepointKind[]): Promise<SavepointRecord | undefined> {
    return this.firstCompleted(taskId, kinds, 'asc');
  }

  private async firstCompleted(taskId: string, kinds: SavepointKind[] | undefined, order: 'asc' | 'desc'): Promise<SavepointRecord | undefined> {
    let query = this.database.db
      .selectFrom('savepoints')
      .selectAll()
      .where('task_id', '=', taskId)
      .where('status', '=', 'COMPLETED');
    if (kinds?.length) query = query.where('kind', 'in', kinds);
    const row = await query.orderBy('completed_at', order).orderBy('id', order).limit(1).executeTakeFirst();
    return row && toSavepoint(row);
  }
}

function toSavepoint(row: Selectable<SavepointsTable>): SavepointRecord {
  return {
    id: row.id,
    runId: row.run_id,
    taskId: row.task_id,
    path: row.path,
    kind: row.kind,
    triggerId: row.trigger_id,
    status: row.status,
    failure: row.failure,
    createdAt: Number(row.created_at),
    completedAt: row.completed_at === null ? null : Number(row.completed_at),
    takenBy: row.taken_by,
    disposedAt: row.disposed_at === null ? null : Number(row.disposed_at),
    disposedBy: row.disposed_by,
  };
}
