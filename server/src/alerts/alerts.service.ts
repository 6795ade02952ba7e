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
  DeliveryFailure,
  UpdateAlertRuleRequest,
} from '@weir/contract';
import { DEFAULT_TEAM_ID, type Role } from '@weir/contract';
import type { AuditService } from '../audit/audit.service.js';
import { defaultTeamFor, mayAct, roleFor, type Principal, type TeamScope } from '../access/principal.js';
import type { Database } from '../db/database.js';
import { withTransaction } from '../db/transactions.js';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../errors/errors.js';
import { TeamsStore } from '../teams/teams.store.js';
import { DatabaseAlertFacts } from './alert-facts.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { AlertChannelsStore, type StoredChannel } from './alert-channels.store.js';
import { AlertDeliveriesStore } from './alert-deliveries.store.js';
import { auditChanges } from '../audit/audit-changes.js';
import { AlertIncidentsStore } from './alert-incidents.store.js';
import { AlertRulesStore, type StoredRule } from './alert-rules.store.js';
import { AlertSilencesStore } from './alert-silences.store.js';
import { buildNotice } from './alert-templates.js';
import { maskConfig, openConfig, sealConfig } from './channel-secrets.js';
import { classifyDeliveryFailure, DeliveryError, type ChannelSenders } from './channels/index.js';
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
 *
 * Teams: every rule, channel and silence belongs to a team, or (null) to every team. Changing a
 * rule or silence needs the operator role in its team, a channel the admin role; a Weir-wide rule
 * needs a global admin, a shared channel a global admin, a Weir-wide silence a global operator.
 * A rule uses only its team's channels and shared ones. Lists take the caller's team scope.
 */
export class AlertsService {
  private readonly channels: AlertChannelsStore;
  private readonly rules: AlertRulesStore;
  private readonly silences: AlertSilencesStore;
  private readonly incidents: AlertIncidentsStore;
  private readonly deliveries: AlertDeliveriesStore;
  private readonly teams: TeamsStore;
  private readonly facts: DatabaseAlertFacts;
  private readonly now: () => number;

  constructor(private readonly options: AlertsServiceOptions) {
    this.now = options.now ?? Date.now;
    this.channels = new AlertChannelsStore(options.database, this.now);
    this.rules = new AlertRulesStore(options.database, this.now);
    this.silences = new AlertSilencesStore(options.database, this.now);
    this.incidents = new AlertIncidentsStore(options.database);
    this.deliveries = new AlertDeliveriesStore(options.database, this.now);
    this.teams = new TeamsStore(options.database);
    this.facts = new DatabaseAlertFacts(options.database);
  }

  // ---- channels ----

  /** The channels of the teams in `scope` and the shared ones. */
  async listChannels(scope: TeamScope = 'all'): Promise<AlertChannel[]> {
    return (await this.channels.list(teamIdsOf(scope))).map(toApiChannel);
  }

  async getChannel(id: string): Promise<AlertChannel> {
    return toApiChannel(await this.mustGetChannel(id));
  }

  async createChannel(actor: Principal, request: AlertChannelRequest): Promise<AlertChannel> {
    const teamId = await this.teamForNew(actor, request.teamId, CHANNEL_ROLES, 'an alert channel');
    return this.options.audit.around(actor, 'alert.channel.create', { type: 'alert-channel', name: request.name, teamId }, async () => {
      if (await this.channels.findByName(request.name)) throw new ConflictError(`An alert channel named ${request.name} already exists`);
      const created = await this.channels.create({
        name: request.name,
        type: request.type,
        config: sealConfig(request.type, request.config as Record<string, unknown>, this.options.secrets),
        enabled: request.enabled,
        teamId,
        createdBy: actor.name,
      });
      return toApiChannel(created);
    }, { type: request.type });
  }

  /** Replaces a channel; secret fields left out or sent as the mask keep their stored value. */
  async replaceChannel(actor: Principal, id: string, request: AlertChannelRequest): Promise<AlertChannel> {
    const existing = await this.mustGetChannel(id, actor);
    this.assertMayChange(actor, existing.teamId, CHANNEL_ROLES, 'this alert channel');
    return this.options.audit.around(actor, 'alert.channel.update', { type: 'alert-channel', id, name: existing.name }, async () => {
      if (request.type !== existing.type) throw new InputError(`A ${existing.type} channel cannot become a ${request.type} channel; create a new one`);
      if (request.teamId !== undefined && request.teamId !== existing.teamId) throw new InputError('A channel cannot move to another team; create a new one there');
      const sameName = await this.channels.findByName(request.name);
      if (sameName && sameName.id !== id) throw new ConflictError(`An alert channel named ${request.name} already exists`);
      const config = sealConfig(request.type, request.config as Record<string, unknown>, this.options.secrets, existing.config);
      await withTransaction(this.options.database, async (trx) => {
        await new AlertChannelsStore(trx, this.now).replace(id, { name: request.name, config, enabled: request.enabled });
        if (!request.enabled) await new AlertDeliveriesStore(trx, this.now).cancelPendingForChannel(id, { code: 'channelDisabled', params: {} });
      });
      return toApiChannel(await this.mustGetChannel(id));
    }, { changes: auditChanges({ name: existing.name, enabled: existing.enabled }, { name: request.name, enabled: request.enabled }) });
  }

  async deleteChannel(actor: Principal, id: string): Promise<void> {
    const existing = await this.mustGetChannel(id, actor);
    this.assertMayChange(actor, existing.teamId, CHANNEL_ROLES, 'this alert channel');
    await this.options.audit.around(actor, 'alert.channel.delete', { type: 'alert-channel', id, name: existing.name }, async () => {
      await withTransaction(this.options.database, async (trx) => {
        await new AlertChannelsStore(trx, this.now).softDelete(id);
        await new AlertDeliveriesStore(trx, this.now).cancelPendingForChannel(id, { code: 'channelDeleted', params: {} });
      });
    });
  }

  /** Sends a test message through the channel now (no retries), records it in the history and returns the outcome. */
  async testChannel(actor: Principal, id: string): Promise<AlertTestResult> {
    const channel = await this.mustGetChannel(id, actor);
    this.assertMayChange(actor, channel.teamId, CHANNEL_ROLES, 'this alert channel');
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
    let outcome: { ok: boolean; error: string | null; errorCode: DeliveryFailure | null; request: string | null; response: string | null };
    try {
      const config = openConfig(channel.type, channel.config, this.options.secrets);
      const result = await this.options.senders[channel.type].send(notice, config, AbortSignal.timeout(SEND_TIMEOUT_MS * 2));
      outcome = { ok: true, error: null, errorCode: null, ...result };
    } catch (error) {
      outcome = {
        ok: false,
        error: error instanceof Error ? error.message : String(error),
        errorCode: classifyDeliveryFailure(error, { timeoutMs: SEND_TIMEOUT_MS }),
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
    return { ok: outcome.ok, deliveryId: recorded.id, error: outcome.error, errorCode: outcome.errorCode, response: outcome.response, durationMs: this.now() - started };
  }

  // ---- rules ----

  /** The rules of the teams in `scope` and the Weir-wide ones. */
  async listRules(scope: TeamScope = 'all'): Promise<AlertRule[]> {
    return (await this.rules.list(teamIdsOf(scope))).map(toApiRule);
  }

  async getRule(id: string): Promise<AlertRule> {
    return toApiRule(await this.mustGetRule(id));
  }

  async createRule(actor: Principal, request: CreateAlertRuleRequest): Promise<AlertRule> {
    const teamId = await this.teamForNew(actor, request.teamId, RULE_ROLES, 'an alert rule');
    return this.options.audit.around(actor, 'alert.rule.create', { type: 'alert-rule', name: request.name, teamId }, async () => {
      await this.assertChannelsServe(actor, request.channelIds, teamId);
      await this.assertRuleNameFree(request.name);
      const rule = await this.rules.create({ ...request, teamId, createdBy: actor.name });
      return toApiRule(rule);
    }, request);
  }

  async updateRule(actor: Principal, id: string, request: UpdateAlertRuleRequest): Promise<AlertRule> {
    const existing = await this.mustGetRule(id, actor);
    this.assertMayChange(actor, existing.teamId, RULE_ROLES, 'this alert rule');
    // The log says what changed, before → after, with channels by name: ids mean nothing to a reader.
    const changes = auditChanges(
      { name: existing.name, enabled: existing.enabled, condition: existing.condition, scope: existing.scope, channels: await this.channelNames(existing.channelIds), renotifyIntervalMs: existing.renotifyIntervalMs },
      {
        name: request.name,
        enabled: request.enabled,
        condition: request.condition,
        scope: request.scope,
        channels: request.channelIds && (await this.channelNames(request.channelIds)),
        renotifyIntervalMs: request.renotifyIntervalMs,
      },
    );
    return this.options.audit.around(actor, 'alert.rule.update', { type: 'alert-rule', id, name: existing.name }, async () => {
      if (request.channelIds) await this.assertChannelsServe(actor, request.channelIds, existing.teamId);
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
    }, { changes });
  }

  /** Channel names for the audit log, in the given order; an id no longer known stays an id. */
  private async channelNames(ids: readonly string[]): Promise<string[]> {
    return Promise.all(ids.map(async (id) => (await this.channels.get(id))?.name ?? id));
  }

  async deleteRule(actor: Principal, id: string): Promise<void> {
    const existing = await this.mustGetRule(id, actor);
    this.assertMayChange(actor, existing.teamId, RULE_ROLES, 'this alert rule');
    await this.options.audit.around(actor, 'alert.rule.delete', { type: 'alert-rule', id, name: existing.name }, async () => {
      await withTransaction(this.options.database, async (trx) => {
        await new AlertRulesStore(trx, this.now).softDelete(id);
        await new IncidentLedger(trx, this.now).retireRule(id, 'rule-deleted');
      });
    });
  }

  // ---- silences ----

  /** The silences of the teams in `scope` and the Weir-wide ones. */
  listSilences(options: { includeEnded?: boolean } = {}, scope: TeamScope = 'all'): Promise<AlertSilence[]> {
    const teamIds = teamIdsOf(scope);
    return this.silences.list({ ...options, ...(teamIds ? { teamIds } : {}) });
  }

  async createSilence(actor: Principal, request: CreateAlertSilenceRequest): Promise<AlertSilence> {
    if (request.endsAt <= this.now()) throw new InputError('endsAt must be in the future');
    const { teamId, taskName, ruleName } = await this.teamForSilence(actor, request);
    this.assertMayChange(actor, teamId, SILENCE_ROLES, 'alerts of this team');
    // The audit names what was silenced beside its ids: a reader of the log knows tasks and rules by name.
    const names = { ...(taskName !== undefined ? { taskName } : {}), ...(ruleName !== undefined ? { ruleName } : {}) };
    return this.options.audit.around(actor, 'alert.silence.create', { type: 'alert-silence', teamId, name: taskName ?? ruleName }, async () => {
      return this.silences.create({ ruleId: request.ruleId, taskId: request.taskId, endsAt: request.endsAt, reason: request.reason, teamId, createdBy: actor.name });
    }, { ...request, ...names });
  }

  /** Ends a silence now; held-back alerts of incidents still firing then go out on the next evaluation. */
  async endSilence(actor: Principal, id: string): Promise<void> {
    const silence = await this.silences.get(id);
    if (!silence || roleFor(actor, silence.teamId) === null) throw new NotFoundError('Alert silence', id);
    this.assertMayChange(actor, silence.teamId, SILENCE_ROLES, 'this silence');
    await this.options.audit.around(actor, 'alert.silence.end', { type: 'alert-silence', id }, async () => {
      if (!(await this.silences.end(id))) throw new ConflictError(`Alert silence ${id} has already ended`);
    });
  }

  // ---- history ----

  /** Deliveries the teams in `scope` may see: of incidents about them (or every team), and tests of their channels and the shared ones. */
  history(query: Partial<AlertHistoryQuery>, scope: TeamScope = 'all') {
    return this.deliveries.history(query, teamIdsOf(scope));
  }

  /** Incidents about the teams in `scope` (their tasks, their clusters, their rules on shared clusters) and about every team. */
  incidentsPage(query: Partial<AlertIncidentQuery>, scope: TeamScope = 'all') {
    return this.incidents.list(query, teamIdsOf(scope));
  }

  /** A channel; NOT_FOUND also when `viewer` may not see its team (ids cannot be probed). */
  private async mustGetChannel(id: string, viewer?: Principal): Promise<StoredChannel> {
    const channel = await this.channels.get(id);
    if (!channel || channel.deletedAt !== null || (viewer && roleFor(viewer, channel.teamId) === null)) throw new NotFoundError('Alert channel', id);
    return channel;
  }

  /** A rule; NOT_FOUND also when `viewer` may not see its team. */
  private async mustGetRule(id: string, viewer?: Principal): Promise<StoredRule> {
    const rule = await this.rules.get(id);
    if (!rule || rule.deletedAt !== null || (viewer && roleFor(viewer, rule.teamId) === null)) throw new NotFoundError('Alert rule', id);
    return rule;
  }

  /**
   * A rule sends only to its own team's channels and the shared ones: a team's channel carries that
   * team's pager and chat, which another team's rules (or a Weir-wide one) must not fill.
   */
  private async assertChannelsServe(actor: Principal, ids: readonly string[], ruleTeamId: string | null): Promise<void> {
    for (const id of new Set(ids)) {
      const channel = await this.channels.get(id);
      if (!channel || channel.deletedAt !== null || roleFor(actor, channel.teamId) === null) throw new InputError(`Alert channel ${id} does not exist`);
      if (channel.teamId !== null && channel.teamId !== ruleTeamId) {
        throw new InputError(
          ruleTeamId === null
            ? `Alert channel ${channel.name} belongs to one team; a Weir-wide rule may only use shared channels`
            : `Alert channel ${channel.name} belongs to another team; a rule may use its own team's channels and shared ones`,
        );
      }
    }
  }

  /**
   * The team a new rule, channel or silence goes to: the one named (null: Weir-wide), else the
   * default team when the caller may make it there, else the caller's only team where they may.
   */
  private async teamForNew(actor: Principal, requested: string | null | undefined, roles: TeamRoles, what: string): Promise<string | null> {
    if (requested === null) {
      this.assertMayChange(actor, null, roles, what);
      return null;
    }
    if (requested !== undefined) {
      if (roleFor(actor, requested) === null || (await this.teams.ownerOf('team', requested)) === undefined) throw new InputError(`No such team: ${requested}`);
      this.assertMayChange(actor, requested, roles, what);
      return requested;
    }
    const teamId = defaultTeamFor(actor, roles.team, DEFAULT_TEAM_ID);
    if (teamId === undefined) throw new InputError(`Choose the team ${what} belongs to (teamId)`);
    return teamId;
  }

  /**
   * A silence's team is its task's, else its rule's; only a silence of neither (everything), or of
   * a Weir-wide rule, takes the team asked for (a Weir-wide rule's silence without one is Weir-wide).
   */
  private async teamForSilence(actor: Principal, request: CreateAlertSilenceRequest): Promise<{ teamId: string | null; taskName?: string; ruleName?: string }> {
    const rule = request.ruleId ? await this.mustGetRule(request.ruleId, actor) : undefined;
    const ruleName = rule?.name;
    let teamId: string | null | undefined;
    let taskName: string | undefined;
    if (request.taskId) {
      const task = await this.facts.task(request.taskId);
      if (!task || roleFor(actor, task.teamId) === null) throw new InputError(`Task ${request.taskId} does not exist`);
      if (rule && rule.teamId !== null && rule.teamId !== task.teamId) throw new InputError(`Alert rule ${rule.name} and task ${task.name} belong to different teams: the rule never alerts about the task`);
      teamId = task.teamId;
      taskName = task.name;
    } else if (rule && rule.teamId !== null) {
      teamId = rule.teamId;
    }
    if (teamId !== undefined) {
      if (request.teamId !== undefined && request.teamId !== teamId) throw new InputError('A silence of a task or a team\'s rule belongs to that team; leave teamId out');
      return { teamId, taskName, ruleName };
    }
    if (rule && request.teamId === undefined) return { teamId: null, ruleName };
    return { teamId: await this.teamForNew(actor, request.teamId, SILENCE_ROLES, 'the silence'), ruleName };
  }


  /** Throws FORBIDDEN unless the caller holds the role `roles` ask for in the team (a global one for null). */
  private assertMayChange(actor: Principal, teamId: string | null, roles: TeamRoles, what: string): void {
    const need = teamId === null ? roles.shared : roles.team;
    if (mayAct(actor, teamId, need)) return;
    throw new ForbiddenError(teamId === null ? `Changing ${what} for every team needs a global ${need} role` : `Changing ${what} needs the ${need} role in its team`);
  }

  private async assertRuleNameFree(name: string): Promise<void> {
    if ((await this.rules.list()).some((rule) => rule.name === name)) throw new ConflictError(`An alert rule named ${name} already exists`);
  }
}

/** The role that changes a setting of one team, and a Weir-wide (shared) one. */
interface TeamRoles {
  team: Role;
  shared: Role;
}
/** Channels carry a team's addresses and secrets: its admins keep them; shared ones, global admins. */
const CHANNEL_ROLES: TeamRoles = { team: 'admin', shared: 'admin' };
/** A team's operators keep its rules; a rule over every team's jobs is a global admin's. */
const RULE_ROLES: TeamRoles = { team: 'operator', shared: 'admin' };
const SILENCE_ROLES: TeamRoles = { team: 'operator', shared: 'operator' };

/** A scope as the stores take it: undefined for every team. */
function teamIdsOf(scope: TeamScope): readonly string[] | undefined {
  return scope === 'all' ? undefined : scope;
}

function toApiChannel(channel: StoredChannel): AlertChannel {
  return {
    id: channel.id,
    name: channel.name,
    type: channel.type,
    enabled: channel.enabled,
    teamId: channel.teamId,
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
