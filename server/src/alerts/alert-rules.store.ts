import type { Selectable, Updateable } from 'kysely';
import type { AlertCondition, AlertConditionKind, AlertRule, AlertScope } from '@weir/contract';
import type { Database } from '../db/database.js';
import { newId } from '../db/ids.js';
import type { AlertRulesTable } from './alert-tables.js';
import { ownedByOrShared } from './team-filter.js';

export interface StoredRule extends AlertRule {
  deletedAt: number | null;
}

export interface NewRule {
  name: string;
  enabled: boolean;
  condition: AlertCondition;
  scope: AlertScope;
  channelIds: string[];
  renotifyIntervalMs: number | null;
  /** Null: Weir-wide. */
  teamId: string | null;
  createdBy: string;
}

/** A rule's team never changes: its incidents, silences and channels were chosen for it. */
export type RuleChanges = Partial<Omit<NewRule, 'createdBy' | 'teamId'>>;

/** Alert rules. Deleting only marks them, so incidents and the history keep their names. */
export class AlertRulesStore {
  constructor(
    private readonly database: Pick<Database, 'db'>,
    private readonly now: () => number = Date.now,
  ) {}

  async create(rule: NewRule): Promise<StoredRule> {
    const now = this.now();
    const row: Selectable<AlertRulesTable> = {
      id: newId(now),
      name: rule.name,
      condition_kind: rule.condition.kind,
      condition: JSON.stringify(rule.condition),
      scope: JSON.stringify(rule.scope),
      channel_ids: JSON.stringify(rule.channelIds),
      renotify_interval_ms: rule.renotifyIntervalMs,
      enabled: rule.enabled ? 1 : 0,
      team_id: rule.teamId,
      created_by: rule.createdBy,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    };
    await this.database.db.insertInto('alert_rules').values(row).execute();
    return toRule(row);
  }

  /** A rule, deleted or not. */
  async get(id: string): Promise<StoredRule | undefined> {
    const row = await this.database.db.selectFrom('alert_rules').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRule(row);
  }

  /** Rules not deleted, by name; with `teamIds`, those of these teams and the Weir-wide ones. */
  async list(teamIds?: readonly string[]): Promise<StoredRule[]> {
    const rows = await this.database.db
      .selectFrom('alert_rules')
      .selectAll()
      .where('deleted_at', 'is', null)
      .$if(teamIds !== undefined, (q) => q.where((eb) => ownedByOrShared(eb, 'team_id', teamIds!)))
      .orderBy('name')
      .orderBy('id')
      .execute();
    return rows.map(toRule);
  }

  /** Enabled, not deleted rules, optionally of some condition kinds: the ones the engine evaluates. */
  async listActive(kinds?: readonly AlertConditionKind[]): Promise<StoredRule[]> {
    let query = this.database.db
      .selectFrom('alert_rules')
      .selectAll()
      .where('deleted_at', 'is', null)
      .where('enabled', '=', 1);
    if (kinds) {
      if (kinds.length === 0) return [];
      query = query.where('condition_kind', 'in', [...kinds]);
    }
    const rows = await query.orderBy('id').execute();
    return rows.map(toRule);
  }

  /** Applies the changes; returns false when the rule does not exist or is deleted. */
  async update(id: string, changes: RuleChanges): Promise<boolean> {
    const set: Updateable<AlertRulesTable> = { updated_at: this.now() };
    if (changes.name !== undefined) set.name = changes.name;
    if (changes.enabled !== undefined) set.enabled = changes.enabled ? 1 : 0;
    if (changes.condition !== undefined) {
      set.condition = JSON.stringify(changes.condition);
      set.condition_kind = changes.condition.kind;
    }
    if (changes.scope !== undefined) set.scope = JSON.stringify(changes.scope);
    if (changes.channelIds !== undefined) set.channel_ids = JSON.stringify(changes.channelIds);
    if (changes.renotifyIntervalMs !== undefined) set.renotify_interval_ms = changes.renotifyIntervalMs;
    const result = await this.database.db
      .updateTable('alert_rules')
      .set(set)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async softDelete(id: string): Promise<boolean> {
    const now = this.now();
    const result = await this.database.db
      .updateTable('alert_rules')
      .set({ deleted_at: now, updated_at: now, enabled: 0 })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

function toRule(row: Selectable<AlertRulesTable>): StoredRule {
  return {
    id: row.id,
    name: row.name,
    enabled: Number(row.enabled) === 1,
    condition: JSON.parse(row.condition) as AlertCondition,
    scope: JSON.parse(row.scope) as AlertScope,
    channelIds: JSON.parse(row.channel_ids) as string[],
    teamId: row.team_id,
    renotifyIntervalMs: row.renotify_interval_ms === null ? null : Number(row.renotify_interval_ms),
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    deletedAt: row.deleted_at === null ? null : Number(row.deleted_at),
  };
}
