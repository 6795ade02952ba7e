import type { GlobalRole, Role, User } from '@weir/contract';
import type { WeirEvent } from '../events/events.js';
import { coarseRole, makePrincipal, roleAllows, type Principal } from '../access/principal.js';
import type { MembershipRecord, TeamsStore } from '../teams/teams.store.js';
import type { ApiTokensStore } from './api-tokens.store.js';
import type { UserRecord } from './users.store.js';

export interface Access {
  globalRole: GlobalRole;
  teamRoles: Record<string, Role>;
  memberships: MembershipRecord[];
}

/**
 * What a user may do now, and what follows when that shrinks: the tokens they made beyond it are
 * revoked and the revocation announced, so open event streams end at once. Shared by the password,
 * directory and single-sign-on logins and by user administration, which all change access.
 */
export class UserAccess {
  constructor(
    private readonly teams: TeamsStore,
    private readonly tokens: ApiTokensStore,
    private readonly now: () => number,
    private readonly events?: { publish(event: WeirEvent): void },
  ) {}

  /** A user's global role, team roles, and the memberships as the API shows them. */
  async of(user: Pick<UserRecord, 'id' | 'role'>): Promise<Access> {
    const memberships = (await this.teams.membershipsOf([user.id])).get(user.id) ?? [];
    return { globalRole: user.role, teamRoles: Object.fromEntries(memberships.map((m) => [m.teamId, m.role])), memberships };
  }

  async membershipsFrom(teamRoles: Readonly<Record<string, Role>>): Promise<MembershipRecord[]> {
    const teams = await this.teams.list();
    return teams.filter((t) => teamRoles[t.id]).map((t) => ({ teamId: t.id, teamName: t.name, role: teamRoles[t.id]! }));
  }

  /** Revokes the tokens a user made that their access no longer covers (and what those made); returns their ids. */
  async revokeTokensBeyond(userId: string, access: { globalRole: GlobalRole; teamRoles: Record<string, Role> }): Promise<string[]> {
    const now = this.now();
    const revoked: string[] = [];
    for (const token of await this.tokens.activeMadeByUser(userId)) {
      const held = token.teamId === null ? access.globalRole : access.globalRole === 'admin' ? 'admin' : access.teamRoles[token.teamId] ?? 'none';
      // A token keeps what its maker still holds where it acts, and no more.
      if (roleAllows(held, token.role)) continue;
      if (await this.tokens.revoke(token.id, now)) revoked.push(token.id);
      revoked.push(...(await this.tokens.revokeMadeBy({ tokenId: token.id }, now)));
    }
    for (const id of revoked) this.revoked('token', id);
    return revoked;
  }

  revoked(scope: 'token' | 'session' | 'user', id: string, keepSessionId?: string): void {
    this.events?.publish({ type: 'credentials.revoked', at: this.now(), scope, id, ...(keepSessionId ? { keepSessionId } : {}) });
  }
}

export function toUser(u: Pick<UserRecord, 'id' | 'username' | 'displayName' | 'role' | 'authSource'>, memberships: readonly MembershipRecord[]): User {
  const teamRoles = Object.fromEntries(memberships.map((m) => [m.teamId, m.role]));
  return { id: u.id, username: u.username, displayName: u.displayName, role: coarseRole(u.role, teamRoles), globalRole: u.role, teams: [...memberships], authSource: u.authSource };
}

/** Someone not (yet) known to be anyone, as the audit log records a refused login. */
export function anonymous(id: string, name: string): Principal {
  return makePrincipal({ kind: 'user', id, name }, 'none');
}
