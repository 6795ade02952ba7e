import type { Role } from '@weir/contract';
import type { Database } from '../db/database.js';
import { newId } from '../db/ids.js';
import { inTransaction } from '../db/transactions.js';

export interface TeamRecord {
  id: string;
  name: string;
  description: string | null;
  createdAt: number;
  memberCount: number;
}

export interface TeamMemberRecord {
  userId: string;
  username: string;
  displayName: string | null;
  role: Role;
}

export interface MembershipRecord {
  teamId: string;
  teamName: string;
  role: Role;
}

/** What owns a thing, as the authorization hook asks it: the kinds of owned resources. */
export type OwnedKind = 'task' | 'run' | 'cluster' | 'team' | 'alertChannel' | 'alertRule' | 'alertSilence';

/** Teams, their members, and which team owns a task, run, cluster or alert setting. */
export class TeamsStore {
  constructor(
    private readonly database: Database,
    private readonly now: () => number = Date.now,
  ) {}

  async list(): Promise<TeamRecord[]> {
    return this.withMembers();
  }

  async get(id: string): Promise<TeamRecord | undefined> {
    return (await this.withMembers(id))[0];
  }

  /** Teams with their member counts: all, or the one with this id. */
  private async withMembers(id?: string): Promise<TeamRecord[]> {
    let query = this.database.db
      .selectFrom('teams')
      .leftJoin('team_members', 'team_members.team_id', 'teams.id')
      .select(({ fn }) => ['teams.id', 'teams.name', 'teams.description', 'teams.created_at', fn.count<number>('team_members.user_id').as('members')])
      .groupBy(['teams.id', 'teams.name', 'teams.description', 'teams.created_at'])
      .orderBy('teams.name');
    if (id !== undefined) query = query.where('teams.id', '=', id);
    const rows = await query.execute();
    return rows.map((r) => ({ id: r.id, name: r.name, description: r.description, createdAt: Number(r.created_at), memberCount: Number(r.members) }));
  }

  async create(team: { name: string; description: string | null }): Promise<TeamRecord> {
    const now = this.now();
    const id = newId(now);
    await this.database.db.insertInto('teams').values({ id, name: team.name, description: team.description, created_at: now }).execute();
    return { id, name: team.name, description: team.description, createdAt: now, memberCount: 0 };
  }

  async updateDescription(id: string, description: string | null): Promise<void> {
    await this.database.db.updateTable('teams').set({ description }).where('id', '=', id).execute();
  }

  async remove(id: string): Promise<void> {
    await this.database.db.deleteFrom('teams').where('id', '=', id).execute();
  }

  /** How many tasks, clusters, alert rules and channels the team owns: a team that owns something cannot be removed. */
  async ownedCount(id: string): Promise<number> {
    const db = this.database.db;
    const counts = await Promise.all([
      db.selectFrom('tasks').select(({ fn }) => fn.countAll<number>().as('n')).where('team_id', '=', id).executeTakeFirstOrThrow(),
      db.selectFrom('clusters').select(({ fn }) => fn.countAll<number>().as('n')).where('team_id', '=', id).executeTakeFirstOrThrow(),
      db.selectFrom('alert_rules').select(({ fn }) => fn.countAll<number>().as('n')).where('team_id', '=', id).where('deleted_at', 'is', null).executeTakeFirstOrThrow(),
      db.selectFrom('alert_channels').select(({ fn }) => fn.countAll<number>().as('n')).where('team_id', '=', id).where('deleted_at', 'is', null).executeTakeFirstOrThrow(),
    ]);
    return counts.reduce((sum, row) => sum + Number(row.n), 0);
  }

  async members(teamId: string): Promise<TeamMemberRecord[]> {
    const rows = await this.database.db
      .selectFrom('team_members')
      .innerJoin('users', 'users.id', 'team_members.user_id')
      .select(['users.id', 'users.username', 'users.display_name', 'team_members.role'])
      .where('team_members.team_id', '=', teamId)
      .orderBy('users.username')
      .execute();
    return rows.map((r) => ({ userId: r.id, username: r.username, displayName: r.display_name, role: r.role }));
  }

  /** The teams of each given user, in team-name order. */
  async membershipsOf(userIds: readonly string[]): Promise<Map<string, MembershipRecord[]>> {
    const result = new Map<string, MembershipRecord[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return result;
    const rows = await this.database.db
      .selectFrom('team_members')
      .innerJoin('teams', 'teams.id', 'team_members.team_id')
      .select(['team_members.user_id', 'team_members.team_id', 'teams.name', 'team_members.role'])
      .where('team_members.user_id', 'in', [...userIds])
      .orderBy('teams.name')
      .execute();
    for (const r of rows) result.get(r.user_id)?.push({ teamId: r.team_id, teamName: r.name, role: r.role });
    return result;
  }

  async setMember(teamId: string, userId: string, role: Role): Promise<void> {
    await inTransaction(this.database.db, async (trx) => {
      await trx.deleteFrom('team_members').where('team_id', '=', teamId).where('user_id', '=', userId).execute();
      await trx.insertInto('team_members').values({ team_id: teamId, user_id: userId, role, created_at: this.now() }).execute();
    });
  }

  async removeMember(teamId: string, userId: string): Promise<boolean> {
    const result = await this.database.db.deleteFrom('team_members').where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Replaces all of a user's memberships (what a provider's groups say at each login). */
  async replaceMemberships(userId: string, memberships: ReadonlyArray<{ teamId: string; role: Role }>): Promise<void> {
    await inTransaction(this.database.db, async (trx) => {
      await trx.deleteFrom('team_members').where('user_id', '=', userId).execute();
      const now = this.now();
      if (memberships.length > 0) {
        await trx.insertInto('team_members').values(memberships.map((m) => ({ team_id: m.teamId, user_id: userId, role: m.role, created_at: now }))).execute();
      }
    });
  }

  /** Team ids by name, for the group mappings that name teams. */
  async idsByName(names: readonly string[]): Promise<Map<string, string>> {
    if (names.length === 0) return new Map();
    const rows = await this.database.db.selectFrom('teams').select(['id', 'name']).where('name', 'in', [...names]).execute();
    return new Map(rows.map((r) => [r.name, r.id]));
  }

  /**
   * The team that owns a thing: a team id, null for something every team shares (a cluster or
   * channel with no team), undefined when there is no such thing.
   */
  async ownerOf(kind: OwnedKind, id: string): Promise<string | null | undefined> {
    const db = this.database.db;
    switch (kind) {
      case 'task':
        return (await db.selectFrom('tasks').select('team_id').where('id', '=', id).executeTakeFirst())?.team_id;
      case 'run': {
        const row = await db.selectFrom('runs').innerJoin('tasks', 'tasks.id', 'runs.task_id').select('tasks.team_id').where('runs.id', '=', id).executeTakeFirst();
        return row?.team_id;
      }
      case 'cluster': {
        const row = await db.selectFrom('clusters').select('team_id').where('id', '=', id).executeTakeFirst();
        return row ? row.team_id : undefined;
      }
      case 'team':
        return (await db.selectFrom('teams').select('id').where('id', '=', id).executeTakeFirst())?.id;
      case 'alertChannel': {
        const row = await db.selectFrom('alert_channels').select('team_id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
        return row ? row.team_id : undefined;
      }
      case 'alertRule':
        return (await db.selectFrom('alert_rules').select('team_id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst())?.team_id;
      case 'alertSilence':
        return (await db.selectFrom('alert_silences').select('team_id').where('id', '=', id).executeTakeFirst())?.team_id;
    }
  }
}
