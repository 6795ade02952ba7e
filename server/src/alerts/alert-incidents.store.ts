import type { Selectable } from 'kysely';
import { IncidentSummary, type AlertIncident, type AlertIncidentQuery } from '@weir/contract';
import type { Database } from '../db/database.js';
import { newId } from '../db/ids.js';
import { parseStoredJson } from '../db/stored-json.js';
import { paged, type Page } from '../db/queries.js';
import { insertIfAbsent } from '../db/upsert.js';
import type { AlertIncidentsTable } from './alert-tables.js';
import { ownedByOrShared } from './team-filter.js';

/** What an incident is about, captured when it opened; the templates render these. */
export interface IncidentFacts {
  summary: string;
  /** When the condition happened (Flink's time where Flink gives one). */
  at: number;
  taskId: string | null;
  taskName: string | null;
  runId: string | null;
  jobName: string | null;
  flinkJobId: string | null;
  clusterId: string | null;
  clusterName: string | null;
  status: string | null;
  exception?: { name: string; message: string } | undefined;
  checkpoint?: { id: number; failure: string | null } | undefined;
  /** Jobs on an unreachable cluster. */
  affectedJobs?: string[] | undefined;
  /** Set when it resolved: what changed. */
  resolution?: string | undefined;
}

export type ResolveReason = 'recovered' | 'cleared' | 'run-ended' | 'rule-deleted' | 'rule-disabled' | 'rule-changed';

export interface StoredIncident {
  id: string;
  ruleId: string;
  conditionKind: string;
  dedupKey: string;
  taskId: string | null;
  runId: string | null;
  clusterId: string | null;
  /** The team it is about (see AlertIncidentsTable.team_id); null: every team's. */
  teamId: string | null;
  state: 'FIRING' | 'RESOLVED';
  openedAt: number;
  resolvedAt: number | null;
  resolveReason: ResolveReason | null;
  lastNotifiedAt: number | null;
  facts: IncidentFacts;
  /** The summary as a code; null for incidents opened before summaries had codes, or with a code this Weir does not know. */
  summaryCode: IncidentSummary | null;
}

export interface NewIncident {
  ruleId: string;
  conditionKind: string;
  dedupKey: string;
  facts: IncidentFacts;
  summaryCode: IncidentSummary | null;
  teamId: string | null;
  openedAt: number;
}

export interface FiringFilter {
  ruleId?: string;
  ruleIds?: readonly string[];
  conditionKinds?: readonly string[];
  taskId?: string;
  runId?: string;
  clusterId?: string;
}

/** Incidents: one per rule and subject while FIRING, guaranteed by the unique dedup key. */
export class AlertIncidentsStore {
  constructor(private readonly database: Pick<Database, 'db' | 'dialect'>) {}

  /**
   * Opens an incident unless one with the same dedup key exists (FIRING, or RESOLVED for kinds
   * whose keys are kept). Returns the new incident, or undefined when it was a duplicate; safe
   * when several instances race on the same event.
   */
  async open(incident: NewIncident): Promise<StoredIncident | undefined> {
    const row: Selectable<AlertIncidentsTable> = {
      id: newId(incident.openedAt),
      rule_id: incident.ruleId,
      condition_kind: incident.conditionKind,
      dedup_key: incident.dedupKey,
      task_id: incident.facts.taskId,
      run_id: incident.facts.runId,
      cluster_id: incident.facts.clusterId,
      team_id: incident.teamId,
      state: 'FIRING',
      opened_at: incident.openedAt,
      resolved_at: null,
      resolve_reason: null,
      last_notified_at: null,
      facts: JSON.stringify(incident.facts),
      summary_code: incident.summaryCode ? JSON.stringify(incident.summaryCode) : null,
    };
    const inserted = await insertIfAbsent(this.database, 'alert_incidents', row, ['dedup_key']);
    return inserted ? toIncident(row) : undefined;
  }

  async get(id: string): Promise<StoredIncident | undefined> {
    const row = await this.database.db.selectFrom('alert_incidents').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toIncident(row);
  }

  async firing(filter: FiringFilter = {}): Promise<StoredIncident[]> {
    let query = this.database.db.selectFrom('alert_incidents').selectAll().where('state', '=', 'FIRING');
    if (filter.ruleId !== undefined) query = query.where('rule_id', '=', filter.ruleId);
    if (filter.ruleIds !== undefined) {
      if (filter.ruleIds.length === 0) return [];
      query = query.where('rule_id', 'in', [...filter.ruleIds]);
    }
    if (filter.conditionKinds !== undefined) {
      if (filter.conditionKinds.length === 0) return [];
      query = query.where('condition_kind', 'in', [...filter.conditionKinds]);
    }
    if (filter.taskId !== undefined) query = query.where('task_id', '=', filter.taskId);
    if (filter.runId !== undefined) query = query.where('run_id', '=', filter.runId);
    if (filter.clusterId !== undefined) query = query.where('cluster_id', '=', filter.clusterId);
    const rows = await query.orderBy('id').execute();
    return rows.map(toIncident);
  }

  /**
   * Resolves a FIRING incident; returns false when it was not FIRING any more (another instance,
   * or another event, got there first). `freeKey` lets the same condition open a new incident later.
   */
  async resolve(
    incident: Pick<StoredIncident, 'id' | 'dedupKey' | 'facts'>,
    at: number,
    reason: ResolveReason,
    resolution: string,
    freeKey: boolean,
  ): Promise<boolean> {
    const result = await this.database.db
      .updateTable('alert_incidents')
      .set({
        state: 'RESOLVED',
        resolved_at: at,
        resolve_reason: reason,
        facts: JSON.stringify({ ...incident.facts, resolution }),
        ...(freeKey ? { dedup_key: `${incident.dedupKey}|${incident.id}` } : {}),
      })
      .where('id', '=', incident.id)
      .where('state', '=', 'FIRING')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Moves last_notified_at from `expected` to `at`; false when someone else moved it first. This
   * is how one instance, and only one, takes a re-notification.
   */
  async markNotified(id: string, expected: number | null, at: number): Promise<boolean> {
    let query = this.database.db
      .updateTable('alert_incidents')
      .set({ last_notified_at: at })
      .where('id', '=', id)
      .where('state', '=', 'FIRING');
    query = expected === null ? query.where('last_notified_at', 'is', null) : query.where('last_notified_at', '=', expected);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Incidents newest first, with their rule's name (kept after the rule is deleted); with
   * `teamIds`, those about these teams and those about every team.
   */
  async list(query: Partial<AlertIncidentQuery> = {}, teamIds?: readonly string[]): Promise<Page<AlertIncident>> {
    const { limit, offset } = paged(query);
    let base = this.database.db
      .selectFrom('alert_incidents as i')
      .leftJoin('alert_rules as r', 'r.id', 'i.rule_id');
    if (teamIds) base = base.where((eb) => ownedByOrShared(eb, 'i.team_id', teamIds));
    if (query.state) base = base.where('i.state', '=', query.state);
    if (query.taskId) base = base.where('i.task_id', '=', query.taskId);
    if (query.runId) base = base.where('i.run_id', '=', query.runId);
    if (query.ruleId) base = base.where('i.rule_id', '=', query.ruleId);
    const [rows, count] = await Promise.all([
      base.selectAll('i').select('r.name as rule_name').orderBy('i.opened_at', 'desc').orderBy('i.id', 'desc').limit(limit).offset(offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((row) => {
        const incident = toIncident(row);
        return {
          id: incident.id,
          ruleId: incident.ruleId,
          ruleName: row.rule_name ?? '(deleted rule)',
          conditionKind: incident.conditionKind,
          taskId: incident.taskId,
          taskName: incident.facts.taskName,
          runId: incident.runId,
          clusterId: incident.clusterId,
          clusterName: incident.facts.clusterName,
          teamId: incident.teamId,
          state: incident.state,
          summary: incident.facts.summary,
          ...(incident.summaryCode ? { summaryCode: incident.summaryCode } : {}),
          openedAt: incident.openedAt,
          resolvedAt: incident.resolvedAt,
          resolveReason: incident.resolveReason,
          lastNotifiedAt: incident.lastNotifiedAt,
        };
      }),
      total: Number(count.n),
    };
  }
}

function toIncident(row: Selectable<AlertIncidentsTable>): StoredIncident {
  return {
    id: row.id,
    ruleId: row.rule_id,
    conditionKind: row.condition_kind,
    dedupKey: row.dedup_key,
    taskId: row.task_id,
    runId: row.run_id,
    clusterId: row.cluster_id,
    teamId: row.team_id,
    state: row.state,
    openedAt: Number(row.opened_at),
    resolvedAt: row.resolved_at === null ? null : Number(row.resolved_at),
    resolveReason: row.resolve_reason as ResolveReason | null,
    lastNotifiedAt: row.last_notified_at === null ? null : Number(row.last_notified_at),
    facts: JSON.parse(row.facts) as IncidentFacts,
    summaryCode: parseStoredJson(IncidentSummary, row.summary_code),
  };
}
