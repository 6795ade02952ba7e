import type {
  AlertChannel,
  AlertChannelRequest,
  AlertHistoryQuery,
  AlertIncidentQuery,
  AlertRule,
  AlertSilence,
  AlertTestResult,
  CreateAlertRuleRequest,
  CreateAlertSilenceRequest,
  UpdateAlertRuleRequest,
} from '@weir/contract';
import type { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import type { Database } from '../db/database.js';
import { withTransaction } from '../db/transactions.js';
import { ConflictError, InputError, NotFoundError } from '../errors/errors.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { AlertChannelsStore, type StoredChannel } from './alert-channels.store.js';
import { AlertDeliveriesStore } from './alert-deliveries.store.js';
import { AlertIncidentsStore } from './alert-incidents.store.js';
import { AlertRulesStore, type StoredRule } from './alert-rules.store.js';
import { AlertSilencesStore } from './alert-silences.store.js';
import { buildNotice } from './alert-templates.js';
import { maskConfig, openConfig, sealConfig } from './channel-secrets.js';
import { DeliveryError, type ChannelSenders } from './channels/index.js';
import { SEND_TIMEOUT_MS } from './channels/channel-sender.js';
import { IncidentLedger } from './incident-ledger.js';

export interface AlertsServiceOptions {
  database: Database;
  audit: AuditService;
  secrets: SecretBox;
  senders: ChannelSenders;
  publicUrl: string;
  timeZone?: string;
  now?: () => number;
}

/**
 * Alert channels, rules and silences (every change audited), the "send a test message" action,
 * and the incident and delivery history. Deleting or disabling a rule, or changing its condition,
 * resolves its open incidents without a message and cancels every notice of it not yet sent, in
 * the same transaction: a deleted rule sends nothing, not even what was queued or retrying.
 * Deleting or disabling a channel cancels its unsent notices likewise.
 */
export class AlertsService {
  private readonly channels: AlertChannelsStore;
  private readonly rules: AlertRulesStore;
  private readonly silences: AlertSilencesStore;
  private readonly incidents: AlertIncidentsStore;
  private readonly deliveries: AlertDeliveriesStore;
  private readonly now: () => number;

  constructor(private readonly options: AlertsServiceOptions) {
    this.now = options.now ?? Date.now;
    this.channels = new AlertChannelsStore(options.database, this.now);
    this.rules = new AlertRulesStore(options.database, this.now);
    this.silences = new AlertSilencesStore(options.database, this.now);
    this.incidents = new AlertIncidentsStore(options.database);
    this.deliveries = new AlertDeliveriesStore(options.database, this.now);
  }

  // ---- channels ----

  async listChannels(): Promise<AlertChannel[]> {
    return (await this.channels.list()).map(toApiChannel);
  }

  async getChannel(id: string): Promise<AlertChannel> {
    return toApiChannel(await this.mustGetChannel(id));
  }

  async createChannel(actor: Principal, request: AlertChannelRequest): Promise<AlertChannel> {
    return this.options.audit.around(actor, 'alert.channel.create', { type: 'alert-channel', name: request.name }, async () => {
      if (await this.channels.findByName(request.name)) throw new ConflictError(`An alert channel named ${request.name} already exists`);
      const created = await this.channels.create({
        name: request.name,
        type: request.type,
        config: sealConfig(request.type, request.config as Record<string, unknown>, this.options.secrets),
        enabled: request.enabled,
        createdBy: actor.name,
      });
      return toApiChannel(created);
    }, { type: request.type });
  }

  /** Replaces a channel; secret fields left out or sent as the mask keep their stored value. */
  async replaceChannel(actor: Principal, id: string, request: AlertChannelRequest): Promise<AlertChannel> {
    const existing = await this.mustGetChannel(id);
    return this.options.audit.around(actor, 'alert.channel.update', { type: 'alert-channel', id, name: existing.name }, async () => {
      if (request.type !== existing.type) throw new InputError(`A ${existing.type} channel cannot become a ${request.type} channel; create a new one`);
      const sameName = await this.channels.findByName(request.name);
      if (sameName && sameName.id !== id) throw new ConflictError(`An alert channel named ${request.name} already exists`);
      const config = sealConfig(request.type, request.config as Record<string, unknown>, this.options.secrets, existing.config);
      await withTransaction(this.options.database, async (trx) => {
        await new AlertChannelsStore(trx, this.now).replace(id, { name: request.name, config, enabled: request.enabled });
        if (!request.enabled) await new AlertDeliveriesStore(trx, this.now).cancelPendingForChannel(id, 'canceled: the channel was disabled');
      });
      return toApiChannel(await this.mustGetChannel(id));
    }, { name: request.name, enabled: request.enabled });
  }

  async deleteChannel(actor: Principal, id: string): Promise<void> {
    const existing = await this.mustGetChannel(id);
    await this.options.audit.around(actor, 'alert.channel.delete', { type: 'alert-channel', id, name: existing.name }, async () => {
      await withTransaction(this.options.database, async (trx) => {
        await new AlertChannelsStore(trx, this.now).softDelete(id);
        await new AlertDeliveriesStore(trx, this.now).cancelPendingForChannel(id, 'canceled: the channel was deleted');
      });
    });
  }

  /** Sends a test message through the channel now (no retries), records it in the history and returns the outcome. */
  async testChannel(actor: Principal, id: string): Promise<AlertTestResult> {
    const channel = await this.mustGetChannel(id);
    const started = this.now();
    const notice = buildNotice({
      kind: 'TEST',
      incident: null,
      ruleName: null,
      channelName: channel.name,
      publicUrl: this.options.publicUrl,
      ...(this.options.timeZone ? { timeZone: this.options.timeZone } : {}),
      now: started,
    });
    let outcome: { ok: boolean; error: string | null; request: string | null; response: string | null };
    try {
      const config = openConfig(channel.type, channel.config, this.options.secrets);
      const result = await this.options.senders[channel.type].send(notice, config, AbortSignal.timeout(SEND_TIMEOUT_MS * 2));
      outcome = { ok: true, error: null, ...result };
    } catch (error) {
      outcome = {
        ok: false,
        error: error instanceof Error ? error.message : String(error),
        request: error instanceof DeliveryError ? error.request : null,
        response: error instanceof DeliveryError ? error.response : null,
      };
    }
    const recorded = await this.deliveries.recordTest(id, outcome, started);
    await this.options.audit.record(
      actor,
      'alert.channel.test',
      { type: 'alert-channel', id, name: channel.name },
      outcome.ok ? 'success' : 'failure',
      outcome.ok ? undefined : { error: outcome.error },
    );
    return { ok: outcome.ok, deliveryId: recorded.id, error: outcome.error, response: outcome.response, durationMs: this.now() - started };
  }

  // ---- rules ----

  async listRules(): Promise<AlertRule[]> {
    return (await this.rules.list()).map(toApiRule);
  }

  async getRule(id: string): Promise<AlertRule> {
    return toApiRule(await this.mustGetRule(id));
  }

  async createRule(actor: Principal, request: CreateAlertRuleRequest): Promise<AlertRule> {
    return this.options.audit.around(actor, 'alert.rule.create', { type: 'alert-rule', name: request.name }, async () => {
      await this.assertChannelsExist(request.channelIds);
      await this.assertRuleNameFree(request.name);
      const rule = await this.rules.create({ ...request, createdBy: actor.name });
      return toApiRule(rule);
    }, request);
  }

  async updateRule(actor: Principal, id: string, request: UpdateAlertRuleRequest): Promise<AlertRule> {
    const existing = await this.mustGetRule(id);
    return this.options.audit.around(actor, 'alert.rule.update', { type: 'alert-rule', id, name: existing.name }, async () => {
      if (request.channelIds) await this.assertChannelsExist(request.channelIds);
      if (request.name && request.name !== existing.name) await this.assertRuleNameFree(request.name);
      const disabling = request.enabled === false && existing.enabled;
      const conditionChanged = request.condition !== undefined && JSON.stringify(request.condition) !== JSON.stringify(existing.condition);
      await withTransaction(this.options.database, async (trx) => {
        await new AlertRulesStore(trx, this.now).update(id, request);
        const ledger = new IncidentLedger(trx, this.now);
        if (disabling) await ledger.retireRule(id, 'rule-disabled');
        else if (conditionChanged) await ledger.retireRule(id, 'rule-changed');
      });
      return toApiRule(await this.mustGetRule(id));
    }, request);
  }

  async deleteRule(actor: Principal, id: string): Promise<void> {
    const existing = await this.mustGetRule(id);
    await this.options.audit.around(actor, 'alert.rule.delete', { type: 'alert-rule', id, name: existing.name }, async () => {
      await withTransaction(this.options.database, async (trx) => {
        await new AlertRulesStore(trx, this.now).softDelete(id);
        await new IncidentLedger(trx, this.now).retireRule(id, 'rule-deleted');
      });
    });
  }

  // ---- silences ----

  listSilences(options: { includeEnded?: boolean } = {}): Promise<AlertSilence[]> {
    return this.silences.list(options);
  }

  async createSilence(actor: Principal, request: CreateAlertSilenceRequest): Promise<AlertSilence> {
    return this.options.audit.around(actor, 'alert.silence.create', { type: 'alert-silence' }, async () => {
      if (request.endsAt <= this.now()) throw new InputError('endsAt must be in the future');
      if (request.ruleId) await this.mustGetRule(request.ruleId);
      return this.silences.create({ ...request, createdBy: actor.name });
    }, request);
  }

  /** Ends a silence now; held-back alerts of incidents still firing then go out on the next evaluation. */
  async endSilence(actor: Principal, id: string): Promise<void> {
    const silence = await this.silences.get(id);
    if (!silence) throw new NotFoundError('Alert silence', id);
    await this.options.audit.around(actor, 'alert.silence.end', { type: 'alert-silence', id }, async () => {
      if (!(await this.silences.end(id))) throw new ConflictError(`Alert silence ${id} has already ended`);
    });
  }

  // ---- history ----

  history(query: Partial<AlertHistoryQuery>) {
    return this.deliveries.history(query);
  }

  incidentsPage(query: Partial<AlertIncidentQuery>) {
    return this.incidents.list(query);
  }

  private async mustGetChannel(id: string): Promise<StoredChannel> {
    const channel = await this.channels.get(id);
    if (!channel || channel.deletedAt !== null) throw new NotFoundError('Alert channel', id);
    return channel;
  }

  private async mustGetRule(id: string): Promise<StoredRule> {
    const rule = await this.rules.get(id);
    if (!rule || rule.deletedAt !== null) throw new NotFoundError('Alert rule', id);
    return rule;
  }

  private async assertChannelsExist(ids: readonly string[]): Promise<void> {
    for (const id of new Set(ids)) {
      const channel = await this.channels.get(id);
      if (!channel || channel.deletedAt !== null) throw new InputError(`Alert channel ${id} does not exist`);
    }
  }

  private async assertRuleNameFree(name: string): Promise<void> {
    if ((await this.rules.list()).some((rule) => rule.name === name)) throw new ConflictError(`An alert rule named ${name} already exists`);
  }
}

function toApiChannel(channel: StoredChannel): AlertChannel {
  return {
    id: channel.id,
    name: channel.name,
    type: channel.type,
    enabled: channel.enabled,
    config: maskConfig(channel.type, channel.config),
    createdBy: channel.createdBy,
    createdAt: channel.createdAt,
    updatedAt: channel.updatedAt,
  } as AlertChannel;
}

function toApiRule(rule: StoredRule): AlertRule {
  const { deletedAt: _deleted, ...api } = rule;
  return api;
}
