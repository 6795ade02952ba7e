import type { GlobalRole, Role } from '@weir/contract';

/** Who is calling: a logged-in user (cookie session) or an API token. */
export interface Principal {
  kind: 'user' | 'token';
  /** User id or token id. */
  id: string;
  /** Username or token name; what the audit log shows. */
  name: string;
  /**
   * The highest role the caller has anywhere, globally or in one team: what a route's declared
   * access is checked against before the team of the resource is known.
   */
  role: Role;
  /** The role over every team (`none`: only `teamRoles`). */
  globalRole: GlobalRole;
  /** Team id → the caller's role in that team. */
  teamRoles: Readonly<Record<string, Role>>;
  /** Only for cookie sessions: the token that state-changing requests must echo. */
  csrfToken?: string;
  sessionId?: string;
}

/** What a route requires: nobody (`public`), or at least this role. */
export type Access = 'public' | Role;

const RANK: Record<GlobalRole, number> = { none: 0, viewer: 1, operator: 2, admin: 3 };

export function roleAllows(have: GlobalRole, need: Role): boolean {
  return RANK[have] >= RANK[need];
}

/** The higher of two roles; `none` when both are. */
export function higherRole<A extends GlobalRole, B extends GlobalRole>(a: A, b: B): A | B {
  return RANK[a] >= RANK[b] ? a : b;
}

/** The role a principal's route access is checked against: the highest it holds anywhere (viewer at least, to read its own session). */
export function coarseRole(globalRole: GlobalRole, teamRoles: Readonly<Record<string, Role>>): Role {
  let role: GlobalRole = globalRole;
  for (const teamRole of Object.values(teamRoles)) role = higherRole(role, teamRole);
  return role === 'none' ? 'viewer' : role;
}

/** Builds a principal from its global role and team roles; `role` follows from them. */
export function makePrincipal(
  who: { kind: Principal['kind']; id: string; name: string; csrfToken?: string; sessionId?: string },
  globalRole: GlobalRole,
  teamRoles: Readonly<Record<string, Role>> = {},
): Principal {
  return { ...who, role: coarseRole(globalRole, teamRoles), globalRole, teamRoles };
}

/**
 * The caller's role for something a team owns; `teamId` null means shared by every team, which
 * everyone reads and only a global role operates. Null: the caller may not even see it.
 */
export function roleFor(principal: Principal, teamId: string | null): Role | null {
  const global = principal.globalRole === 'none' ? null : principal.globalRole;
  if (teamId === null) return global ?? 'viewer';
  const inTeam = principal.teamRoles[teamId];
  if (!global) return inTeam ?? null;
  return inTeam ? higherRole(global, inTeam) : global;
}

/** Whether the caller holds at least `need` for something of `teamId`. */
export function mayAct(principal: Principal, teamId: string | null, need: Role): boolean {
  const role = roleFor(principal, teamId);
  return role !== null && roleAllows(role, need);
}

/** The teams whose things a caller sees (or may act on with `need`): every team, or these. */
export type TeamScope = 'all' | readonly string[];

export function teamScope(principal: Principal, need: Role = 'viewer'): TeamScope {
  if (roleAllows(principal.globalRole, need)) return 'all';
  return Object.entries(principal.teamRoles)
    .filter(([, role]) => roleAllows(role, need))
    .map(([teamId]) => teamId);
}

/**
 * The teams a list covers: the caller's scope, narrowed to the teams a filter asks for (a team the
 * caller does not see narrows to nothing). Undefined: every team, unfiltered.
 */
export function narrowScope(scope: TeamScope, requested: string | readonly string[] | undefined): readonly string[] | undefined {
  const asked = requested === undefined ? [] : typeof requested === 'string' ? [requested] : requested;
  if (asked.length === 0) return scope === 'all' ? undefined : scope;
  return scope === 'all' ? asked : asked.filter((teamId) => scope.includes(teamId));
}

/**
 * Where something new that needs `need` goes when the caller names no team: the default team when
 * they may act there, else their only team where they may; undefined when they must choose.
 */
export function defaultTeamFor(principal: Principal, need: Role, defaultTeamId: string): string | undefined {
  if (mayAct(principal, defaultTeamId, need)) return defaultTeamId;
  const teams = teamScope(principal, need);
  return teams !== 'all' && teams.length === 1 ? teams[0] : undefined;
}

/** Whether a team id is inside a scope. */
export function inScope(scope: TeamScope, teamId: string | null): boolean {
  return scope === 'all' || teamId === null || scope.includes(teamId);
}

export const SYSTEM_PRINCIPAL: Principal = makePrincipal({ kind: 'user', id: 'system', name: 'system' }, 'admin');
