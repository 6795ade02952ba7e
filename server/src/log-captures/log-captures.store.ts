import type { Selectable } from 'kysely';
import type { Database } from '../db/database.js';
import { newId } from '../db/ids.js';
import { inTransaction } from '../db/transactions.js';
import { insertIfAbsent } from '../db/upsert.js';
import type { LogCapturePartsTable, LogCapturesTable } from './log-capture-tables.js';
import './log-capture-tables.js';

export type CaptureTrigger = LogCapturesTable['trigger'];
export type CaptureStatus = LogCapturesTable['status'];

export interface LogCapturePartInfo {
  seq: number;
  component: LogCapturePartsTable['component'];
  tmId: string | null;
  kind: LogCapturePartsTable['kind'];
  selection: LogCapturePartsTable['selection'];
  status: LogCapturePartsTable['status'];
  failure: string | null;
  sourceBytes: number | null;
  textBytes: number;
  storedBytes: number;
  truncated: boolean;
}

export interface LogCaptureRecord {
  id: string;
  runId: string;
  trigger: CaptureTrigger;
  triggerKey: string;
  triggerAt: number;
  detail: string | null;
  requestedBy: string | null;
  status: CaptureStatus;
  failure: string | null;
  textBytes: number;
  storedBytes: number;
  truncated: boolean;
  durationMs: number | null;
  createdAt: number;
  completedAt: number | null;
  /** Without their content (read one at a time with partContent). */
  parts: LogCapturePartInfo[];
}

export interface NewLogCapture {
  runId: string;
  trigger: CaptureTrigger;
  triggerKey: string;
  triggerAt: number;
  detail?: string | null;
  requestedBy?: string | null;
}

export interface FinishedPart extends Omit<LogCapturePartInfo, 'storedBytes'> {
  /** gzip of the text; null for a part that could not be read. */
  content: Uint8Array | null;
}

/** Captured log evidence of runs: claimed once per event, then finished with its parts. */
export class LogCapturesStore {
  constructor(
    private readonly database: Database,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Records a PENDING capture of an event, unless the event (run and trigger key) has one
   * already: whoever claims it captures it, so an event heard twice is captured once.
   */
  async claim(capture: NewLogCapture): Promise<LogCaptureRecord | undefined> {
    const now = this.now();
    const row: Selectable<LogCapturesTable> = {
      id: newId(now),
      run_id: capture.runId,
      trigger: capture.trigger,
      trigger_key: capture.triggerKey,
      trigger_at: capture.triggerAt,
      detail: capture.detail ?? null,
      requested_by: capture.requestedBy ?? null,
      status: 'PENDING',
      failure: null,
      text_bytes: 0,
      stored_bytes: 0,
      truncated: 0,
      duration_ms: null,
      created_at: now,
      completed_at: null,
    };
    const inserted = await insertIfAbsent(this.database, 'log_captures', row, ['run_id', 'trigger_key']);
    return inserted ? toRecord(row, []) : undefined;
  }

  /** Stores the parts and the outcome in one transaction; a capture is finished once. */
  /** `detail` fills in what the event did not say (the failure's cause, read with the files); it never replaces what it said. */
  async finish(id: string, outcome: { status: Exclude<CaptureStatus, 'PENDING'>; failure: string | null; parts: FinishedPart[]; durationMs: number; detail?: string | null }): Promise<void> {
    const completedAt = this.now();
    await inTransaction(this.database.db, async (trx) => {
      const capture = await trx.selectFrom('log_captures').select(['run_id', 'status', 'detail']).where('id', '=', id).executeTakeFirst();
      if (!capture || capture.status !== 'PENDING') return;
      for (const part of outcome.parts) {
        await trx
          .insertInto('log_capture_parts')
          .values({
            capture_id: id,
            seq: part.seq,
            run_id: capture.run_id,
            component: part.component,
            tm_id: part.tmId,
            kind: part.kind,
            selection: part.selection,
            status: part.status,
            failure: part.failure,
            source_bytes: part.sourceBytes,
            text_bytes: part.textBytes,
            stored_bytes: part.content?.length ?? 0,
            truncated: part.truncated ? 1 : 0,
            content: part.content ? Buffer.from(part.content) : null,
          })
          .execute();
      }
      await trx
        .updateTable('log_captures')
        .set({
          status: outcome.status,
          failure: outcome.failure,
          text_bytes: outcome.parts.reduce((sum, p) => sum + p.textBytes, 0),
          stored_bytes: outcome.parts.reduce((sum, p) => sum + (p.content?.length ?? 0), 0),
          truncated: outcome.parts.some((p) => p.truncated) ? 1 : 0,
          duration_ms: outcome.durationMs,
          completed_at: completedAt,
          ...(capture.detail === null && outcome.detail ? { detail: outcome.detail } : {}),
        })
        .where('id', '=', id)
        .where('status', '=', 'PENDING')
        .execute();
    });
  }

  async get(id: string): Promise<LogCaptureRecord | undefined> {
    const row = await this.database.db.selectFrom('log_captures').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    return toRecord(row, await this.partsOf([row.id]).then((m) => m.get(row.id) ?? []));
  }

  /** The run's captures, newest event first, with their parts' descriptions. */
  async listByRun(runId: string): Promise<LogCaptureRecord[]> {
    const rows = await this.database.db
      .selectFrom('log_captures')
      .selectAll()
      .where('run_id', '=', runId)
      .orderBy('trigger_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const parts = await this.partsOf(rows.map((r) => r.id));
    return rows.map((row) => toRecord(row, parts.get(row.id) ?? []));
  }

  /** One part's compressed text (null when it could not be read), or undefined when there is no such part. */
  async partContent(captureId: string, seq: number): Promise<{ part: LogCapturePartInfo; content: Uint8Array | null } | undefined> {
    const row = await this.database.db
      .selectFrom('log_capture_parts')
      .selectAll()
      .where('capture_id', '=', captureId)
      .where('seq', '=', seq)
      .executeTakeFirst();
    if (!row) return undefined;
    return { part: toPart(row), content: row.content === null ? null : Buffer.from(row.content) };
  }

  /** The text the run's captures keep, uncompressed (what the per-run bound counts). */
  async textBytesOfRun(runId: string): Promise<number> {
    const row = await this.database.db
      .selectFrom('log_captures')
      .select((eb) => eb.fn.sum<number>('text_bytes').as('total'))
      .where('run_id', '=', runId)
      .executeTakeFirst();
    return Number(row?.total ?? 0);
  }

  /** Deletes the captures made before `cutoff` (parts first: SQLite enforces no cascade unless asked). Returns how many. */
  async deleteCreatedBefore(cutoff: number): Promise<number> {
    return inTransaction(this.database.db, async (trx) => {
      const ids = (await trx.selectFrom('log_captures').select('id').where('created_at', '<', cutoff).execute()).map((r) => r.id);
      if (!ids.length) return 0;
      await trx.deleteFrom('log_capture_parts').where('capture_id', 'in', ids).execute();
      await trx.deleteFrom('log_captures').where('id', 'in', ids).execute();
      return ids.length;
    });
  }

  /** Captures still PENDING since before `before`: their instance stopped mid-way. Marked FAILED with `reason`. */
  async failAbandoned(before: number, reason: string): Promise<number> {
    const result = await this.database.db
      .updateTable('log_captures')
      .set({ status: 'FAILED', failure: reason, completed_at: this.now() })
      .where('status', '=', 'PENDING')
      .where('created_at', '<', before)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  private async partsOf(captureIds: string[]): Promise<Map<string, LogCapturePartInfo[]>> {
    const byCapture = new Map<string, LogCapturePartInfo[]>();
    if (!captureIds.length) return byCapture;
    const rows = await this.database.db
      .selectFrom('log_capture_parts')
      .select(['capture_id', 'seq', 'component', 'tm_id', 'kind', 'selection', 'status', 'failure', 'source_bytes', 'text_bytes', 'stored_bytes', 'truncated'])
      .where('capture_id', 'in', captureIds)
      .orderBy('capture_id')
      .orderBy('seq')
      .execute();
    for (const row of rows) {
      const list = byCapture.get(row.capture_id) ?? [];
      list.push(toPart(row));
      byCapture.set(row.capture_id, list);
    }
    return byCapture;
  }
}

function toPart(row: Omit<Selectable<LogCapturePartsTable>, 'content' | 'run_id'>): LogCapturePartInfo {
  return {
    seq: Number(row.seq),
    component: row.component,
    tmId: row.tm_id,
    kind: row.kind,
    selection: row.selection,
    status: row.status,
    failure: row.failure,
    sourceBytes: row.source_bytes === null ? null : Number(row.source_bytes),
    textBytes: Number(row.text_bytes),
    storedBytes: Number(row.stored_bytes),
    truncated: Number(row.truncated) === 1,
  };
}

function toRecord(row: Selectable<LogCapturesTable>, parts: LogCapturePartInfo[]): LogCaptureRecord {
  return {
    id: row.id,
    runId: row.run_id,
    trigger: row.trigger,
    triggerKey: row.trigger_key,
    triggerAt: Number(row.trigger_at),
    detail: row.detail,
    requestedBy: row.requested_by,
    status: row.status,
    failure: row.failure,
    textBytes: Number(row.text_bytes),
    storedBytes: Number(row.stored_bytes),
    truncated: Number(row.truncated) === 1,
    durationMs: row.duration_ms === null ? null : Number(row.duration_ms),
    createdAt: Number(row.created_at),
    completedAt: row.completed_at === null ? null : Number(row.completed_at),
    parts,
  };
}
