import type { Selectable } from 'kysely';
import type { AlertSilence } from '@weir/contract';
import type { Database } from '../db/database.js';
import { newId } from '../db/ids.js';
import type { AlertSilencesTable } from './alert-tables.js';
import { ownedByOrShared } from './team-filter.js';

export interface NewSilence {
  ruleId: string | null;
  taskId: string | null;
  /** Null: Weir-wide. */
  teamId: string | null;
  endsAt: number;
  reason: string;
  createdBy: string;
}

/** What a silence is matched against: an incident's rule, task and team. */
export interface SilenceSubject {
  ruleId: string;
  taskId: string | null;
  teamId: string | null;
}

/** Silences hold back alerts until their end time; ending one early moves its end to now. */
export class AlertSilencesStore {
  constructor(
    private readonly database: Pick<Database, 'db'>,
    private readonly now: () => number = Date.now,
  ) {}

  async create(silence: NewSilence): Promise<AlertSilence> {
    const now = this.now();
    const row: Selectable<AlertSilencesTable> = {
      id: newId(now),
      rule_id: silence.ruleId,
      task_id: silence.taskId,
      starts_at: now,
      ends_at: silence.endsAt,
      reason: silence.reason,
      team_id: silence.teamId,
      created_by: silence.createdBy,
      created_at: now,
    };
    await this.database.db.insertInto('alert_silences').values(row).execute();
    return toSilence(row, now);
  }

  async get(id: string): Promise<AlertSilence | undefined> {
    const row = await this.database.db.selectFrom('alert_silences').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toSilence(row, this.now());
  }

  /** Active silences (and ended ones when asked), newest first; with `teamIds`, those of these teams and the Weir-wide ones. */
  async list(options: { includeEnded?: boolean; teamIds?: readonly string[] } = {}): Promise<AlertSilence[]> {
    const now = this.now();
    const { teamIds } = options;
    let query = this.database.db.selectFrom('alert_silences').selectAll();
    if (teamIds) query = query.where((eb) => ownedByOrShared(eb, 'team_id', teamIds));
    if (!options.includeEnded) query = query.where('ends_at', '>', now).where('starts_at', '<=', now);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1000).execute();
    return rows.map((row) => toSilence(row, now));
  }

  /** Moves the end of a silence to now; returns false when it does not exist or already ended. */
  async end(id: string): Promise<boolean> {
    const now = this.now();
    const result = await this.database.db
      .updateTable('alert_silences')
      .set({ ends_at: now })
      .where('id', '=', id)
      .where('ends_at', '>', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

/**
 * True when a silence (active at the time it was read) covers this rule, task and team: a team's
 * silence holds back only alerts about that team's things, even of a Weir-wide rule.
 */
export function silenceMatches(silence: Pick<AlertSilence, 'ruleId' | 'taskId' | 'teamId'>, subject: SilenceSubject): boolean {
  if (silence.teamId !== null && silence.teamId !== subject.teamId) return false;
  if (silence.ruleId !== null && silence.ruleId !== subject.ruleId) return false;
  if (silence.taskId !== null && silence.taskId !== subject.taskId) return false;
  return true;
}

function toSilence(row: Selectable<AlertSilencesTable>, now: number): AlertSilence {
  const startsAt = Number(row.starts_at);
  const endsAt = Number(row.ends_at);
  return {
    id: row.id,
    ruleId: row.rule_id,
    taskId: row.task_id,
    teamId: row.team_id,
    startsAt,
    endsAt,
    reason: row.reason,
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
    active: startsAt <= now && endsAt > now,
  };
}
