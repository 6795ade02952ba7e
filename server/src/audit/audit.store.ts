import type { Selectable } from 'kysely';
import type { Database } from '../db/database.js';
import { newId } from '../db/ids.js';
import { paged, type Page, type PageRequest } from '../db/queries.js';
import type { AuditLogTable } from '../db/tables.js';

export interface AuditEntry {
  id: string;
  at: number;
  /** Username, token name or "system". */
  actor: string;
  actorKind: AuditLogTable['actor_kind'];
  action: string;
  targetType: string;
  targetId: string | null;
  targetName: string | null;
  outcome: AuditLogTable['outcome'];
  /** JSON text, as given. */
  detail: string | null;
  /** The team the entry is about; null: Weir-wide (users, logins, shared clusters). */
  teamId: string | null;
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

export interface AuditFilter extends PageRequest {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  /** Inclusive lower bound on `at`. */
  from?: number;
  /** Exclusive upper bound on `at`. */
  to?: number;
  /** Only entries about these teams (a team admin's view). */
  teamIds?: readonly string[];
}

/** The append-only audit log. */
export class AuditStore {
  constructor(private readonly database: Database) {}

  async append(entry: NewAuditEntry): Promise<AuditEntry> {
    const id = newId(entry.at);
    await this.database.db
      .insertInto('audit_log')
      .values({
        id,
        at: entry.at,
        actor: entry.actor,
        actor_kind: entry.actorKind,
        action: entry.action,
        target_type: entry.targetType,
        target_id: entry.targetId,
        target_name: entry.targetName,
        outcome: entry.outcome,
        detail: entry.detail,
        team_id: entry.teamId,
      })
      .execute();
    return { id, ...entry };
  }

  /** Matching entries, newest first, one page at a time, with the total that match. */
  async list(filter: AuditFilter = {}): Promise<Page<AuditEntry>> {
    const { limit, offset } = paged(filter);
    let query = this.database.db.selectFrom('audit_log');
    if (filter.actor !== undefined) query = query.where('actor', '=', filter.actor);
    if (filter.action !== undefined) query = query.where('action', '=', filter.action);
    if (filter.targetType !== undefined) query = query.where('target_type', '=', filter.targetType);
    if (filter.targetId !== undefined) query = query.where('target_id', '=', filter.targetId);
    if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('at', '<', filter.to);
    if (filter.teamIds !== undefined) query = filter.teamIds.length === 0 ? query.where('id', 'is', null) : query.where('team_id', 'in', [...filter.teamIds]);

    const [rows, total] = await Promise.all([
      query.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
      query.select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toEntry), total: Number(total.count) };
  }
}

function toEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: row.id,
    at: Number(row.at),
    actor: row.actor,
    actorKind: row.actor_kind,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    targetName: row.target_name,
    outcome: row.outcome,
    detail: row.detail,
    teamId: row.team_id,
  };
}
