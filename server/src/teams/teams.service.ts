import type { Role, Team, TeamMember } from '@weir/contract';
import { DEFAULT_TEAM_ID } from '@weir/contract';
import { auditChanges } from '../audit/audit-changes.js';
import type { AuditService } from '../audit/audit.service.js';
import { roleFor, type Principal } from '../access/principal.js';
import { isForeignKeyViolation, isUniqueViolation } from '../db/errors.js';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../errors/errors.js';
import type { TeamRecord, TeamsStore } from './teams.store.js';

export interface TeamsServiceDeps {
  store: TeamsStore;
  audit: AuditService;
  /** A user's role in a team changed or ended: their sessions and tokens follow (AuthService.membershipChanged). */
  membershipChanged: (userId: string) => Promise<unknown>;
}

/**
 * Teams and their members. Global admins make and remove teams; a team's admins manage its
 * members. Everyone sees the teams they belong to; global roles see all of them.
 */
export class TeamsService {
  constructor(private readonly deps: TeamsServiceDeps) {}

  async list(actor: Principal): Promise<Team[]> {
    const teams = await this.deps.store.list();
    return teams.flatMap((team) => {
      const myRole = roleFor(actor, team.id);
      return myRole === null ? [] : [toTeam(team, myRole)];
    });
  }

  async get(actor: Principal, id: string): Promise<Team> {
    const team = await this.deps.store.get(id);
    const myRole = team ? roleFor(actor, team.id) : null;
    if (!team || myRole === null) throw new NotFoundError('Team', id);
    return toTeam(team, myRole);
  }

  async create(actor: Principal, req: { name: string; description?: string | null }): Promise<Team> {
    if (actor.globalRole !== 'admin') throw new ForbiddenError('Only a global admin makes teams');
    let team: TeamRecord;
    try {
      team = await this.deps.store.create({ name: req.name, description: req.description ?? null });
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictError(`A team named ${req.name} already exists`);
      throw err;
    }
    await this.deps.audit.record(actor, 'team.create', { type: 'team', id: team.id, name: team.name, teamId: team.id }, 'success');
    return toTeam(team, roleFor(actor, team.id));
  }

  async update(actor: Principal, id: string, req: { description: string | null }): Promise<Team> {
    const team = await this.requireTeam(id);
    await this.deps.store.updateDescription(id, req.description);
    await this.deps.audit.record(actor, 'team.update', { type: 'team', id, name: team.name, teamId: id }, 'success', {
      changes: auditChanges({ description: team.description }, { description: req.description }),
    });
    return this.get(actor, id);
  }

  /** Only an empty team goes: what it owns would otherwise be nobody's. */
  async remove(actor: Principal, id: string): Promise<void> {
    if (actor.globalRole !== 'admin') throw new ForbiddenError('Only a global admin removes teams');
    const team = await this.requireTeam(id);
    if (id === DEFAULT_TEAM_ID) throw new ConflictError('The default team cannot be removed: it owns what is made without naming a team');
    const owned = await this.deps.store.ownedCount(id);
    if (owned > 0) throw new ConflictError(`Team ${team.name} still owns ${owned} task(s), cluster(s) or alert setting(s); move or remove them first`);
    const members = await this.deps.store.members(id);
    await this.deps.store.remove(id);
    for (const member of members) await this.deps.membershipChanged(member.userId);
    await this.deps.audit.record(actor, 'team.delete', { type: 'team', id, name: team.name, teamId: null }, 'success');
  }

  async members(actor: Principal, id: string): Promise<TeamMember[]> {
    await this.get(actor, id);
    return this.deps.store.members(id);
  }

  async setMember(actor: Principal, teamId: string, userId: string, role: Role): Promise<TeamMember> {
    const team = await this.requireTeam(teamId);
    try {
      await this.deps.store.setMember(teamId, userId, role);
    } catch (err) {
      if (isForeignKeyViolation(err)) throw new InputError(`No such user: ${userId}`);
      throw err;
    }
    await this.deps.membershipChanged(userId);
    const member = (await this.deps.store.members(teamId)).find((m) => m.userId === userId);
    if (!member) throw new InputError(`No such user: ${userId}`);
    await this.deps.audit.record(actor, 'team.member.set', { type: 'team', id: teamId, name: team.name, teamId }, 'success', { user: member.username, role });
    return member;
  }

  async removeMember(actor: Principal, teamId: string, userId: string): Promise<void> {
    const team = await this.requireTeam(teamId);
    if (!(await this.deps.store.removeMember(teamId, userId))) throw new NotFoundError('Team member', userId);
    await this.deps.membershipChanged(userId);
    await this.deps.audit.record(actor, 'team.member.remove', { type: 'team', id: teamId, name: team.name, teamId }, 'success', { userId });
  }

  private async requireTeam(id: string): Promise<TeamRecord> {
    const team = await this.deps.store.get(id);
    if (!team) throw new NotFoundError('Team', id);
    return team;
  }
}

function toTeam(team: TeamRecord, myRole: Role | null): Team {
  return { id: team.id, name: team.name, description: team.description, createdAt: team.createdAt, memberCount: team.memberCount, myRole };
}
