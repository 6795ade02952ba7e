import type { IncidentSummary } from '@weir/contract';
import type { Database } from '../db/database.js';
import { AlertIncidentsStore, type IncidentFacts, type StoredIncident } from './alert-incidents.store.js';
import type { AlertRulesStore, StoredRule } from './alert-rules.store.js';
import { AlertSilencesStore, silenceMatches } from './alert-silences.store.js';
import { IncidentLedger } from './incident-ledger.js';

/**
 * Opening, resolving and re-notifying incidents, for the engine's event handlers and its scheduled
 * checks alike: every change goes through the ledger (the incident and the notices it calls for in
 * one transaction), and the sender is woken when notices were queued.
 */
export class IncidentActions {
  readonly incidents: AlertIncidentsStore;
  private readonly silences: AlertSilencesStore;
  private readonly ledger: IncidentLedger;

  constructor(
    database: Database,
    private readonly rules: AlertRulesStore,
    private readonly now: () => number,
    private readonly options: { onQueued?: () => void },
  ) {
    this.incidents = new AlertIncidentsStore(database);
    this.silences = new AlertSilencesStore(database, now);
    this.ledger = new IncidentLedger(database, now);
  }

  /** Opens an incident; its summary's code is kept beside the facts the channels are sent. */
  async open(rule: StoredRule, key: string, teamId: string | null, opening: IncidentFacts & { summaryCode: IncidentSummary }): Promise<void> {
    const { summaryCode, ...facts } = opening;
    const incident = await this.ledger.open(rule, key, facts, summaryCode, teamId);
    if (incident) this.options.onQueued?.();
  }

  async resolve(incident: StoredIncident, rule: StoredRule | undefined, reason: 'recovered' | 'cleared' | 'run-ended', text: string): Promise<void> {
    // Exception incidents keep their key: the same exception in the same run is not news again.
    const freeKey = incident.conditionKind !== 'exception';
    const resolved = await this.ledger.resolve(incident, rule, reason, text, { freeKey, notify: rule !== undefined });
    if (resolved) this.options.onQueued?.();
  }

  async activeRulesById(): Promise<Map<string, StoredRule>> {
    return new Map((await this.rules.listActive()).map((rule) => [rule.id, rule]));
  }

  /** FIRING incidents that still owe a first notice (a silence ended) or are due a re-notification. */
  async renotify(rules: Map<string, StoredRule>): Promise<void> {
    const firing = await this.incidents.firing({ ruleIds: [...rules.keys()] });
    if (firing.length === 0) return;
    const silences = await this.silences.list();
    const now = this.now();
    let queued = false;
    for (const incident of firing) {
      const rule = rules.get(incident.ruleId);
      if (!rule || rule.channelIds.length === 0) continue;
      if (silences.some((s) => silenceMatches(s, { ruleId: rule.id, taskId: incident.taskId, teamId: incident.teamId }))) continue;
      if (incident.lastNotifiedAt === null) {
        queued = (await this.ledger.notifyAgain(incident, rule, 'FIRING')) || queued;
      } else if (rule.renotifyIntervalMs !== null && now - incident.lastNotifiedAt >= rule.renotifyIntervalMs) {
        queued = (await this.ledger.notifyAgain(incident, rule, 'RENOTIFY')) || queued;
      }
    }
    if (queued) this.options.onQueued?.();
  }
}
