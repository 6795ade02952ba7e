import type { IncidentSummary } from '@weir/contract';
import type { Database } from '../db/database.js';
import { withTransaction } from '../db/transactions.js';
import { AlertChannelsStore } from './alert-channels.store.js';
import { AlertDeliveriesStore, type NewDelivery } from './alert-deliveries.store.js';
import { AlertIncidentsStore, type IncidentFacts, type ResolveReason, type StoredIncident } from './alert-incidents.store.js';
import type { StoredRule } from './alert-rules.store.js';
import { AlertSilencesStore, silenceMatches } from './alert-silences.store.js';
import type { DeliveryKind } from './alert-tables.js';
import { channelSkip, silencedSkip } from './delivery-skip.js';

/**
 * Every change to an incident together with the deliveries it calls for, in one transaction: the
 * outbox half of "one incident, one alert". A crash either keeps both or neither, so a restart
 * neither loses a notice nor queues it twice.
 */
export class IncidentLedger {
  constructor(
    private readonly database: Database,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Opens an incident for `rule` about `teamId`'s things unless one with `dedupKey` exists, and
   * queues a FIRING notice to each of the rule's channels (SUPPRESSED when a silence covers it).
   * Returns the new incident.
   */
  async open(rule: StoredRule, dedupKey: string, facts: IncidentFacts, summaryCode: IncidentSummary | null, teamId: string | null): Promise<StoredIncident | undefined> {
    return withTransaction(this.database, async (trx) => {
      const incident = await new AlertIncidentsStore(trx).open({
        ruleId: rule.id,
        conditionKind: rule.condition.kind,
        dedupKey,
        facts,
        summaryCode,
        teamId,
        openedAt: this.now(),
      });
      if (!incident) return undefined;
      await this.queue(trx, incident, rule, 'FIRING', rule.channelIds, true);
      return incident;
    });
  }

  /**
   * Resolves a FIRING incident; with `notify`, queues a RESOLVED notice to every channel that was
   * told it fired (or is still being told). False when it was no longer FIRING.
   */
  async resolve(
    incident: StoredIncident,
    rule: StoredRule | undefined,
    reason: ResolveReason,
    resolution: string,
    options: { freeKey: boolean; notify: boolean },
  ): Promise<boolean> {
    return withTransaction(this.database, async (trx) => {
      const incidents = new AlertIncidentsStore(trx);
      const resolved = await incidents.resolve(incident, this.now(), reason, resolution, options.freeKey);
      if (!resolved || !options.notify || !rule) return resolved;
      const told = await new AlertDeliveriesStore(trx, this.now).listByIncident(incident.id);
      const channelIds = [
        ...new Set(
          told
            .filter((d) => (d.kind === 'FIRING' || d.kind === 'RENOTIFY') && d.status !== 'SUPPRESSED' && d.status !== 'CANCELED')
            .map((d) => d.channelId),
        ),
      ];
      const updated = (await incidents.get(incident.id)) ?? incident;
      await this.queue(trx, updated, rule, 'RESOLVED', channelIds, false);
      return true;
    });
  }

  /**
   * Queues a FIRING (first notice, held back until now by a silence) or RENOTIFY notice, taking the
   * incident's notification slot from `expectedLastNotifiedAt` so only one instance does it.
   */
  async notifyAgain(incident: StoredIncident, rule: StoredRule, kind: 'FIRING' | 'RENOTIFY'): Promise<boolean> {
    return withTransaction(this.database, async (trx) => {
      const taken = await new AlertIncidentsStore(trx).markNotified(incident.id, incident.lastNotifiedAt, this.now());
      if (!taken) return false;
      await this.queue(trx, incident, rule, kind, rule.channelIds, false);
      return true;
    });
  }

  /**
   * A rule was deleted, disabled or given a new condition: its FIRING incidents are resolved without a message and every
   * notice of its not yet sent (queued or waiting for a retry) is canceled. Returns how many were.
   */
  async retireRule(
    ruleId: string,
    reason: 'rule-deleted' | 'rule-disabled' | 'rule-changed',
  ): Promise<{ incidents: number; canceled: number }> {
    return withTransaction(this.database, async (trx) => {
      const incidents = new AlertIncidentsStore(trx);
      const firing = await incidents.firing({ ruleId });
      const text = { 'rule-deleted': 'the rule was deleted', 'rule-disabled': 'the rule was disabled', 'rule-changed': 'the rule\'s condition changed' }[reason];
      for (const incident of firing) await incidents.resolve(incident, this.now(), reason, text, true);
      const all = await trx.db.selectFrom('alert_incidents').select('id').where('rule_id', '=', ruleId).execute();
      const canceled = await new AlertDeliveriesStore(trx, this.now).cancelPendingForIncidents(
        all.map((row) => row.id),
        { code: ({ 'rule-deleted': 'ruleDeleted', 'rule-disabled': 'ruleDisabled', 'rule-changed': 'ruleChanged' } as const)[reason], params: {} },
      );
      return { incidents: firing.length, canceled };
    });
  }

  /** Inserts one delivery per channel; `firstNotice` marks the incident notified when any is queued. */
  private async queue(
    trx: Database,
    incident: StoredIncident,
    rule: StoredRule,
    kind: DeliveryKind,
    channelIds: readonly string[],
    firstNotice: boolean,
  ): Promise<void> {
    if (channelIds.length === 0) return;
    const channelsStore = new AlertChannelsStore(trx, this.now);
    const silences = await new AlertSilencesStore(trx, this.now).list();
    const silence = silences.find((s) => silenceMatches(s, { ruleId: rule.id, taskId: incident.taskId, teamId: incident.teamId }));
    const rows: NewDelivery[] = [];
    for (const channelId of channelIds) {
      const channel = await channelsStore.get(channelId);
      if (!channel || channel.deletedAt !== null) continue;
      if (!channel.enabled) {
        rows.push({ incidentId: incident.id, channelId, kind, status: 'CANCELED', skip: channelSkip(channel) });
      } else if (silence) {
        rows.push({ incidentId: incident.id, channelId, kind, status: 'SUPPRESSED', skip: silencedSkip(silence) });
      } else {
        rows.push({ incidentId: incident.id, channelId, kind, status: 'PENDING' });
      }
    }
    await new AlertDeliveriesStore(trx, this.now).enqueue(rows);
    if (firstNotice && rows.some((row) => row.status === 'PENDING')) {
      await new AlertIncidentsStore(trx).markNotified(incident.id, null, this.now());
    }
  }
}
