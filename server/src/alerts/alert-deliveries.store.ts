import type { Selectable } from 'kysely';
import { DeliveryFailure, DeliverySkip, type AlertDelivery, type AlertHistoryQuery } from '@weir/contract';
import type { Database } from '../db/database.js';
import { newId } from '../db/ids.js';
import { paged, type Page } from '../db/queries.js';
import { parseStoredJson } from '../db/stored-json.js';
import { inTransaction } from '../db/transactions.js';
import type { AlertDeliveriesTable, DeliveryKind, DeliveryStatus } from './alert-tables.js';
import { deliverySkipText } from './delivery-skip.js';
import { ownedByOrShared } from './team-filter.js';

export interface StoredDelivery {
  id: string;
  notificationId: string;
  incidentId: string | null;
  channelId: string;
  kind: DeliveryKind;
  attempt: number;
  status: DeliveryStatus;
  createdAt: number;
  nextAttemptAt: number | null;
  claimedBy: string | null;
  claimedAt: number | null;
  sentAt: number | null;
  finishedAt: number | null;
  error: string | null;
  /** A failed attempt's reason as a code; null otherwise and on attempts recorded before codes. */
  errorCode: DeliveryFailure | null;
  /** Why a CANCELED or SUPPRESSED notice was not sent; null otherwise and on notices recorded before codes. */
  skipReason: DeliverySkip | null;
  request: string | null;
  response: string | null;
}

export interface NewDelivery {
  incidentId: string | null;
  channelId: string;
  kind: DeliveryKind;
  /** PENDING to be sent; SUPPRESSED or CANCELED to record why it is not. */
  status: 'PENDING' | 'SUPPRESSED' | 'CANCELED';
  /** For SUPPRESSED/CANCELED: why (stored as its code and its English line). */
  skip?: DeliverySkip;
}

export interface AttemptResult {
  request: string | null;
  response: string | null;
}

/** The delivery outbox and alert history: one row per attempt to deliver one notice to one channel. */
export class AlertDeliveriesStore {
  constructor(
    private readonly database: Pick<Database, 'db' | 'dialect'>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Queues notices (PENDING, due now) or records why they are not sent. */
  async enqueue(deliveries: readonly NewDelivery[]): Promise<StoredDelivery[]> {
    if (deliveries.length === 0) return [];
    const now = this.now();
    const rows: Selectable<AlertDeliveriesTable>[] = deliveries.map((delivery) => {
      const id = newId(now);
      const pending = delivery.status === 'PENDING';
      return {
        id,
        notification_id: id,
        incident_id: delivery.incidentId,
        channel_id: delivery.channelId,
        kind: delivery.kind,
        attempt: 1,
        status: delivery.status,
        created_at: now,
        next_attempt_at: pending ? now : null,
        claimed_by: null,
        claimed_at: null,
        sent_at: null,
        finished_at: pending ? null : now,
        error: delivery.skip ? deliverySkipText(delivery.skip) : null,
        error_code: null,
        skip_reason: delivery.skip ? JSON.stringify(delivery.skip) : null,
        request: null,
        response: null,
      };
    });
    await this.database.db.insertInto('alert_deliveries').values(rows).execute();
    return rows.map(toDelivery);
  }

  async get(id: string): Promise<StoredDelivery | undefined> {
    const row = await this.database.db.selectFrom('alert_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toDelivery(row);
  }

  /** Every attempt of an incident (or, without one, of a channel's tests), oldest first. */
  async listByIncident(incidentId: string): Promise<StoredDelivery[]> {
    const rows = await this.database.db
      .selectFrom('alert_deliveries')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .orderBy('id')
      .execute();
    return rows.map(toDelivery);
  }

  /**
   * Rows ready to send: PENDING and due, or SENDING but claimed longer than `leaseMs` ago (their
   * instance died mid-send). A RESOLVED notice waits while a FIRING/RENOTIFY notice of the same
   * incident to the same channel is still unsent, so receivers never see "resolved" first.
   */
  async findDue(options: { limit: number; leaseMs: number; excludeIds?: ReadonlySet<string> }): Promise<StoredDelivery[]> {
    const now = this.now();
    const rows = await this.database.db
      .selectFrom('alert_deliveries as d')
      .selectAll('d')
      .where((eb) =>
        eb.or([
          eb.and([eb('d.status', '=', 'PENDING'), eb('d.next_attempt_at', '<=', now)]),
          eb.and([eb('d.status', '=', 'SENDING'), eb('d.claimed_at', '<', now - options.leaseMs)]),
        ]),
      )
      .where((eb) =>
        eb.or([
          eb('d.kind', '!=', 'RESOLVED'),
          eb.not(
            eb.exists(
              eb
                .selectFrom('alert_deliveries as e')
                .select('e.id')
                .whereRef('e.incident_id', '=', 'd.incident_id')
                .whereRef('e.channel_id', '=', 'd.channel_id')
                .where('e.kind', 'in', ['FIRING', 'RENOTIFY'])
                .where('e.status', 'in', ['PENDING', 'SENDING']),
            ),
          ),
        ]),
      )
      .orderBy('d.next_attempt_at')
      .orderBy('d.id')
      .limit(options.limit + (options.excludeIds?.size ?? 0))
      .execute();
    return rows
      .map(toDelivery)
      .filter((row) => !options.excludeIds?.has(row.id))
      .slice(0, options.limit);
  }

  /**
   * Takes a due row for this instance with a guarded UPDATE: true for exactly one claimant even
   * when several instances race for it.
   */
  async claim(row: Pick<StoredDelivery, 'id' | 'status' | 'claimedAt'>, claimant: string): Promise<boolean> {
    let query = this.database.db
      .updateTable('alert_deliveries')
      .set({ status: 'SENDING', claimed_by: claimant, claimed_at: this.now() })
      .where('id', '=', row.id)
      .where('status', '=', row.status);
    query = row.claimedAt === null ? query.where('claimed_at', 'is', null) : query.where('claimed_at', '=', row.claimedAt);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Records a successful attempt; false when the claim was lost meanwhile. */
  async markSent(id: string, claimant: string, result: AttemptResult): Promise<boolean> {
    const now = this.now();
    const update = await this.database.db
      .updateTable('alert_deliveries')
      .set({ status: 'SENT', sent_at: now, finished_at: now, next_attempt_at: null, error: null, error_code: null, request: result.request, response: result.response })
      .where('id', '=', id)
      .where('status', '=', 'SENDING')
      .where('claimed_by', '=', claimant)
      .executeTakeFirst();
    return Number(update.numUpdatedRows) > 0;
  }

  /**
   * Records a failed attempt. With `retryAt` the row becomes FAILED and the next attempt is queued
   * in the same transaction; without, the row becomes GAVE_UP. Returns the queued retry, if any.
   */
  async markFailed(
    row: Pick<StoredDelivery, 'id' | 'notificationId' | 'incidentId' | 'channelId' | 'kind' | 'attempt'>,
    claimant: string,
    failure: { error: string; errorCode: DeliveryFailure },
    result: AttemptResult,
    retryAt: number | null,
  ): Promise<StoredDelivery | undefined> {
    const now = this.now();
    return inTransaction(this.database.db, async (trx) => {
      const update = await trx
        .updateTable('alert_deliveries')
        .set({
          status: retryAt === null ? 'GAVE_UP' : 'FAILED',
          finished_at: now,
          next_attempt_at: null,
          error: failure.error,
          error_code: JSON.stringify(failure.errorCode),
          request: result.request,
          response: result.response,
        })
        .where('id', '=', row.id)
        .where('status', '=', 'SENDING')
        .where('claimed_by', '=', claimant)
        .executeTakeFirst();
      if (Number(update.numUpdatedRows) === 0 || retryAt === null) return undefined;
      const next: Selectable<AlertDeliveriesTable> = {
        id: newId(now),
        notification_id: row.notificationId,
        incident_id: row.incidentId,
        channel_id: row.channelId,
        kind: row.kind,
        attempt: row.attempt + 1,
        status: 'PENDING',
        created_at: now,
        next_attempt_at: retryAt,
        claimed_by: null,
        claimed_at: null,
        sent_at: null,
        finished_at: null,
        error: null,
        error_code: null,
        skip_reason: null,
        request: null,
        response: null,
      };
      await trx.insertInto('alert_deliveries').values(next).execute();
      return toDelivery(next);
    });
  }

  /** Closes a claimed row without sending it (CANCELED or SUPPRESSED), saying why. */
  async markSkipped(id: string, claimant: string, status: 'CANCELED' | 'SUPPRESSED', skip: DeliverySkip): Promise<boolean> {
    const update = await this.database.db
      .updateTable('alert_deliveries')
      .set({ status, finished_at: this.now(), next_attempt_at: null, ...skipped(skip) })
      .where('id', '=', id)
      .where('status', '=', 'SENDING')
      .where('claimed_by', '=', claimant)
      .executeTakeFirst();
    return Number(update.numUpdatedRows) > 0;
  }

  /** Cancels every unsent row (queued or waiting for a retry) of these incidents; returns how many. */
  async cancelPendingForIncidents(incidentIds: readonly string[], skip: DeliverySkip): Promise<number> {
    if (incidentIds.length === 0) return 0;
    const update = await this.database.db
      .updateTable('alert_deliveries')
      .set({ status: 'CANCELED', finished_at: this.now(), next_attempt_at: null, ...skipped(skip) })
      .where('incident_id', 'in', [...incidentIds])
      .where('status', '=', 'PENDING')
      .executeTakeFirst();
    return Number(update.numUpdatedRows);
  }

  /** Cancels every unsent row for a channel (deleted or disabled); returns how many. */
  async cancelPendingForChannel(channelId: string, skip: DeliverySkip): Promise<number> {
    const update = await this.database.db
      .updateTable('alert_deliveries')
      .set({ status: 'CANCELED', finished_at: this.now(), next_attempt_at: null, ...skipped(skip) })
      .where('channel_id', '=', channelId)
      .where('status', '=', 'PENDING')
      .executeTakeFirst();
    return Number(update.numUpdatedRows);
  }

  /** Records a finished test message (sent straight away, not through the queue). */
  async recordTest(channelId: string, outcome: { ok: boolean; error: string | null; errorCode: DeliveryFailure | null } & AttemptResult, at: number): Promise<StoredDelivery> {
    const id = newId(at);
    const now = this.now();
    const row: Selectable<AlertDeliveriesTable> = {
      id,
      notification_id: id,
      incident_id: null,
      channel_id: channelId,
      kind: 'TEST',
      attempt: 1,
      status: outcome.ok ? 'SENT' : 'GAVE_UP',
      created_at: at,
      next_attempt_at: null,
      claimed_by: null,
      claimed_at: null,
      sent_at: outcome.ok ? now : null,
      finished_at: now,
      error: outcome.error,
      error_code: outcome.errorCode ? JSON.stringify(outcome.errorCode) : null,
      skip_reason: null,
      request: outcome.request,
      response: outcome.response,
    };
    await this.database.db.insertInto('alert_deliveries').values(row).execute();
    return toDelivery(row);
  }

  /**
   * The alert history, newest first, with rule, channel, task and run names. With `teamIds`, only
   * what those teams may see: notices of incidents about them (or about every team), and test
   * messages of their channels and the shared ones.
   */
  async history(query: Partial<AlertHistoryQuery> = {}, teamIds?: readonly string[]): Promise<Page<AlertDelivery>> {
    const { limit, offset } = paged(query);
    let base = this.database.db
      .selectFrom('alert_deliveries as d')
      .leftJoin('alert_incidents as i', 'i.id', 'd.incident_id')
      .leftJoin('alert_rules as r', 'r.id', 'i.rule_id')
      .leftJoin('alert_channels as c', 'c.id', 'd.channel_id');
    if (teamIds) {
      base = base.where((eb) =>
        eb.or([
          eb.and([eb('d.incident_id', 'is not', null), ownedByOrShared(eb, 'i.team_id', teamIds)]),
          eb.and([eb('d.incident_id', 'is', null), ownedByOrShared(eb, 'c.team_id', teamIds)]),
        ]),
      );
    }
    if (query.taskId) base = base.where('i.task_id', '=', query.taskId);
    if (query.runId) base = base.where('i.run_id', '=', query.runId);
    if (query.ruleId) base = base.where('i.rule_id', '=', query.ruleId);
    if (query.incidentId) base = base.where('d.incident_id', '=', query.incidentId);
    if (query.channelId) base = base.where('d.channel_id', '=', query.channelId);
    if (query.status) base = base.where('d.status', '=', query.status);
    if (query.kind) base = base.where('d.kind', '=', query.kind);
    if (query.from !== undefined) base = base.where('d.created_at', '>=', query.from);
    if (query.to !== undefined) base = base.where('d.created_at', '<', query.to);
    const [rows, count] = await Promise.all([
      base
        .selectAll('d')
        .select(['i.rule_id', 'i.task_id', 'i.run_id', 'i.facts', 'r.name as rule_name', 'c.name as channel_name', 'c.type as channel_type'])
        .orderBy('d.created_at', 'desc')
        .orderBy('d.id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((row) => {
        const delivery = toDelivery(row);
        const facts = row.facts ? (JSON.parse(row.facts) as { taskName?: string | null }) : undefined;
        return {
          id: delivery.id,
          notificationId: delivery.notificationId,
          incidentId: delivery.incidentId,
          channelId: delivery.channelId,
          channelName: row.channel_name,
          channelType: row.channel_type,
          ruleId: row.rule_id,
          ruleName: row.rule_name,
          taskId: row.task_id,
          taskName: facts?.taskName ?? null,
          runId: row.run_id,
          kind: delivery.kind,
          attempt: delivery.attempt,
          status: delivery.status,
          createdAt: delivery.createdAt,
          nextAttemptAt: delivery.nextAttemptAt,
          sentAt: delivery.sentAt,
          finishedAt: delivery.finishedAt,
          error: delivery.error,
          errorCode: delivery.errorCode,
          skipReason: delivery.skipReason,
          request: delivery.request,
          response: delivery.response,
        };
      }),
      total: Number(count.n),
    };
  }
}

function toDelivery(row: Selectable<AlertDeliveriesTable>): StoredDelivery {
  const num = (value: number | null) => (value === null ? null : Number(value));
  return {
    id: row.id,
    notificationId: row.notification_id,
    incidentId: row.incident_id,
    channelId: row.channel_id,
    kind: row.kind,
    attempt: Number(row.attempt),
    status: row.status,
    createdAt: Number(row.created_at),
    nextAttemptAt: num(row.next_attempt_at),
    claimedBy: row.claimed_by,
    claimedAt: num(row.claimed_at),
    sentAt: num(row.sent_at),
    finishedAt: num(row.finished_at),
    error: row.error,
    errorCode: parseStoredJson(DeliveryFailure, row.error_code),
    skipReason: parseStoredJson(DeliverySkip, row.skip_reason),
    request: row.request,
    response: row.response,
  };
}

/** A skipped notice's columns: its reason as a code, and the English line older readers show. */
function skipped(skip: DeliverySkip): Pick<AlertDeliveriesTable, 'error' | 'skip_reason'> {
  return { error: deliverySkipText(skip), skip_reason: JSON.stringify(skip) };
}
