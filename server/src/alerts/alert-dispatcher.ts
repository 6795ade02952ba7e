import { randomBytes } from 'node:crypto';
import type { AlertChannelType } from '@weir/contract';
import type { Database } from '../db/database.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { AlertChannelsStore } from './alert-channels.store.js';
import { AlertDeliveriesStore, type StoredDelivery } from './alert-deliveries.store.js';
import { AlertIncidentsStore } from './alert-incidents.store.js';
import { AlertRulesStore } from './alert-rules.store.js';
import { AlertSilencesStore, silenceMatches } from './alert-silences.store.js';
import { buildNotice } from './alert-templates.js';
import { channelSkip, ruleSkip, silencedSkip } from './delivery-skip.js';
import { classifyDeliveryFailure, DeliveryError, type ChannelSenders } from './channels/index.js';
import { SEND_TIMEOUT_MS } from './channels/channel-sender.js';
import { openConfig } from './channel-secrets.js';
import type { Logger } from '../logging/logger.js';

export interface DispatcherOptions {
  database: Database;
  secrets: SecretBox;
  senders: ChannelSenders;
  publicUrl: string;
  log: Logger;
  now?: () => number;
  /** Attempts per notice before it is GAVE_UP (default 5). */
  maxAttempts?: number;
  /** Delay before the 2nd attempt; doubles each time (default 1 s) … */
  backoffBaseMs?: number;
  /** … up to this (default 5 min). */
  backoffMaxMs?: number;
  /** Rows claimed per poll (default 50). */
  batchSize?: number;
  /** A SENDING row older than this is taken to belong to a dead instance and retried (default 5 min). */
  leaseMs?: number;
  timeZone?: string;
}

/**
 * Sends the outbox. Each poll claims due rows with a guarded UPDATE (so two Weir instances never
 * send the same row) and sends them concurrently without waiting for them: a slow or dead channel
 * holds up only its own rows. A failed attempt is recorded with its exact error and the next
 * attempt queued with exponential backoff, until maxAttempts, when the notice is GAVE_UP.
 *
 * Just before sending, a notice whose rule was deleted or disabled, or whose channel was, is
 * CANCELED; a FIRING/RENOTIFY notice that a silence now covers is SUPPRESSED.
 *
 * A row is marked SENT only after the receiver accepted it; a crash between the two makes the row
 * go out again after the lease (at least once, never lost). A SENT row is never sent again.
 */
export class AlertDispatcher {
  /** Identifies this process's claims. */
  readonly instanceId = `weir-${process.pid}-${randomBytes(4).toString('hex')}`;
  private readonly deliveries: AlertDeliveriesStore;
  private readonly channels: AlertChannelsStore;
  private readonly rules: AlertRulesStore;
  private readonly incidents: AlertIncidentsStore;
  private readonly silences: AlertSilencesStore;
  private readonly now: () => number;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly abort = new AbortController();
  private polling: Promise<void> | undefined;
  private pollAgain = false;

  constructor(private readonly options: DispatcherOptions) {
    this.now = options.now ?? Date.now;
    this.deliveries = new AlertDeliveriesStore(options.database, this.now);
    this.channels = new AlertChannelsStore(options.database, this.now);
    this.rules = new AlertRulesStore(options.database, this.now);
    this.incidents = new AlertIncidentsStore(options.database);
    this.silences = new AlertSilencesStore(options.database, this.now);
  }

  /** Claims and starts sending every due row; returns once they are claimed (not sent). */
  poll(): Promise<void> {
    if (this.polling) {
      this.pollAgain = true;
      return this.polling;
    }
    this.polling = (async () => {
      try {
        do {
          this.pollAgain = false;
          await this.claimDue();
        } while (this.pollAgain && !this.abort.signal.aborted);
      } finally {
        this.polling = undefined;
      }
    })();
    return this.polling;
  }

  /** Polls now (called when the engine queued notices), logging instead of throwing. */
  wake(): void {
    if (this.abort.signal.aborted) return;
    this.poll().catch((err) => this.options.log.error({ err }, 'alert dispatcher poll failed'));
  }

  /** Resolves when every send started so far has finished. */
  async settle(): Promise<void> {
    while (this.polling || this.inFlight.size > 0) {
      await this.polling;
      await Promise.all([...this.inFlight.values()]);
    }
  }

  /** Stops polling and aborts sends in progress (their rows are retried after the lease). */
  async stop(): Promise<void> {
    this.abort.abort(new Error('Weir is stopping'));
    await this.settle().catch(() => undefined);
  }

  /** Delay before attempt `attempt + 1`. */
  backoffMs(attempt: number): number {
    const base = this.options.backoffBaseMs ?? 1000;
    return Math.min(base * 2 ** (attempt - 1), this.options.backoffMaxMs ?? 5 * 60_000);
  }

  private async claimDue(): Promise<void> {
    if (this.abort.signal.aborted) return;
    const due = await this.deliveries.findDue({
      limit: this.options.batchSize ?? 50,
      leaseMs: this.options.leaseMs ?? 5 * 60_000,
      excludeIds: new Set(this.inFlight.keys()),
    });
    for (const row of due) {
      if (!(await this.deliveries.claim(row, this.instanceId))) continue;
      const sending = this.deliver(row)
        .catch((err) => this.options.log.error({ err, deliveryId: row.id }, 'alert delivery failed unexpectedly'))
        .finally(() => {
          this.inFlight.delete(row.id);
          // A RESOLVED notice may have been waiting for this one; let it go now, not at the next tick.
          if (row.kind === 'FIRING' || row.kind === 'RENOTIFY') this.wake();
        });
      this.inFlight.set(row.id, sending);
    }
  }

  private async deliver(row: StoredDelivery): Promise<void> {
    const me = this.instanceId;
    const channel = await this.channels.get(row.channelId);
    if (!channel || channel.deletedAt !== null || !channel.enabled) {
      await this.deliveries.markSkipped(row.id, me, 'CANCELED', channelSkip(channel));
      return;
    }
    const incident = row.incidentId ? await this.incidents.get(row.incidentId) : undefined;
    const rule = incident ? await this.rules.get(incident.ruleId) : undefined;
    if (incident) {
      if (!rule || rule.deletedAt !== null || !rule.enabled) {
        await this.deliveries.markSkipped(row.id, me, 'CANCELED', ruleSkip(rule));
        return;
      }
      if (row.kind === 'FIRING' || row.kind === 'RENOTIFY') {
        const silence = (await this.silences.list()).find((s) => silenceMatches(s, { ruleId: rule.id, taskId: incident.taskId, teamId: incident.teamId }));
        if (silence) {
          await this.deliveries.markSkipped(row.id, me, 'SUPPRESSED', silencedSkip(silence));
          return;
        }
      }
    }
    const notice = buildNotice({
      kind: row.kind,
      incident: incident ?? null,
      ruleName: rule?.name ?? null,
      channelName: channel.name,
      publicUrl: this.options.publicUrl,
      ...(this.options.timeZone ? { timeZone: this.options.timeZone } : {}),
      now: this.now(),
    });
    const sender = this.options.senders[channel.type as AlertChannelType];
    const signal = AbortSignal.any([this.abort.signal, AbortSignal.timeout(SEND_TIMEOUT_MS * 2)]);
    try {
      const config = openConfig(channel.type, channel.config, this.options.secrets);
      const result = await sender.send(notice, config, signal);
      await this.deliveries.markSent(row.id, me, result);
    } catch (error) {
      if (this.abort.signal.aborted) return; // stopping: the row is retried after the lease
      const message = error instanceof Error ? error.message : String(error);
      const request = error instanceof DeliveryError ? error.request : null;
      const response = error instanceof DeliveryError ? error.response : null;
      const maxAttempts = this.options.maxAttempts ?? 5;
      const retryAt = row.attempt < maxAttempts ? this.now() + this.backoffMs(row.attempt) : null;
      const errorCode = classifyDeliveryFailure(error, { timeoutMs: SEND_TIMEOUT_MS });
      await this.deliveries.markFailed(row, me, { error: message, errorCode }, { request, response }, retryAt);
      this.options.log.warn(
        { deliveryId: row.id, channel: channel.name, attempt: row.attempt, error: message, retryAt },
        retryAt ? 'alert delivery failed; will retry' : 'alert delivery failed; giving up',
      );
    }
  }
}
