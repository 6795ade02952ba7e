import type { GlobalRole, Role, Team } from '@weir/contract';

// Which teams a form offers and when team choices appear at all: pure rules, so the pages stay
// thin and the rules have their own tests. Types only from the contract (no zod in the page).

/** The contract's DEFAULT_TEAM_ID, repeated as a literal so the pages do not load zod for it. */
export const DEFAULT_TEAM = 'default';

/** Select values for "no team": a shared cluster (teamId null) and a global token (teamId absent). */
export const SHARED_CLUSTER = '__shared__';
export const EVERY_TEAM = '__every-team__';

const RANK: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };

function atLeast(role: Role | null, needed: Role): boolean {
  return role !== null && RANK[role] >= RANK[needed];
}

/**
 * Team columns, filters and pickers appear only once the user sees more than one team: a Weir with
 * one team (or a member of one team) looks as it did before teams. Undefined while loading: nothing yet.
 */
export function seesSeveralTeams(teams: readonly Team[] | undefined): boolean {
  return (teams?.length ?? 0) > 1;
}

/** A team's name for a table cell; the id when the team is not among the user's (removed, or another team's). */
export function teamNameOf(teams: readonly Team[] | undefined, teamId: string): string {
  return teams?.find((team) => team.id === teamId)?.name ?? teamId;
}

export interface TeamChoice {
  /** The teams offered, in the server's order. */
  options: Team[];
  /** Preselected; undefined when the user must choose. */
  initial: string | undefined;
  /** Whether to show the picker: not when there is nothing to choose. */
  shown: boolean;
}

/**
 * Where a new task may go: the teams the user operates in. The default team is preselected when
 * allowed (the server's own default), else the only one; with one team possible there is no picker.
 */
export function taskTeamChoice(teams: readonly Team[] | undefined): TeamChoice {
  return ownerTeamChoice(teams, 'operator');
}

/**
 * Where a new thing that needs `role` goes (an alert rule: operator; a channel: admin): the teams
 * where the user has it, preselected as for tasks; no picker with one possible team.
 */
export function ownerTeamChoice(teams: readonly Team[] | undefined, role: Role): TeamChoice {
  const options = (teams ?? []).filter((team) => atLeast(team.myRole, role));
  return { options, initial: preselect(options.map((team) => team.id)), shown: options.length > 1 };
}

/**
 * The user's role for acting on a cluster (checking it, removing it): their role in its team (the
 * team list's myRole, global roles included), or their global role for a shared cluster, which
 * only global roles change. Null: the user may not act on it.
 */
export function roleOverCluster(teams: readonly Team[] | undefined, globalRole: GlobalRole | undefined, teamId: string | null): Role | null {
  if (teamId === null) return globalRole && globalRole !== 'none' ? globalRole : null;
  return teams?.find((team) => team.id === teamId)?.myRole ?? null;
}

/** Whether a role is at least `needed` (null: no role). */
export function roleAtLeast(role: Role | null, needed: Role): boolean {
  return atLeast(role, needed);
}

/** A task may run on a cluster of its own team or on a shared one. */
export function clustersServing<C extends { teamId: string | null }>(clusters: readonly C[], teamId: string | undefined): C[] {
  if (teamId === undefined) return [...clusters];
  return clusters.filter((cluster) => cluster.teamId === null || cluster.teamId === teamId);
}

export interface OwnerOption {
  /** A team id, or SHARED_CLUSTER / EVERY_TEAM. */
  value: string;
  /** A team's name; undefined for the no-team option, which the page labels. */
  teamName: string | undefined;
}

export interface OwnerChoice {
  options: OwnerOption[];
  initial: string | undefined;
  shown: boolean;
}

/**
 * Who a new cluster belongs to: a team the user is an admin of; global admins may also share it
 * with every team. Preselected: the default team when allowed (what the server does when none is
 * named), else the only choice.
 */
export function clusterOwnerChoice(teams: readonly Team[] | undefined, globalRole: GlobalRole | undefined): OwnerChoice {
  const own = (teams ?? []).filter((team) => atLeast(team.myRole, 'admin')).map((team) => ({ value: team.id, teamName: team.name }));
  const options = globalRole === 'admin' ? [...own, { value: SHARED_CLUSTER, teamName: undefined }] : own;
  return { options, initial: preselect(options.map((option) => option.value)), shown: options.length > 1 };
}

/**
 * Which team a new API token acts in. A team admin must name one of their teams; a global admin
 * may leave it for every team (the default, as before teams), and is offered teams only when
 * there are several, so a one-team Weir's token form is unchanged.
 */
export function tokenTeamChoice(teams: readonly Team[] | undefined, globalRole: GlobalRole | undefined): OwnerChoice {
  const own = (teams ?? []).filter((team) => atLeast(team.myRole, 'admin')).map((team) => ({ value: team.id, teamName: team.name }));
  if (globalRole === 'admin') {
    return { options: [{ value: EVERY_TEAM, teamName: undefined }, ...own], initial: EVERY_TEAM, shown: seesSeveralTeams(teams) };
  }
  return { options: own, initial: own.length === 1 ? own[0]!.value : undefined, shown: true };
}

/** What a team picker preselects, as the server picks when none is named: the default team when offered, else the only choice. */
function preselect(values: readonly string[]): string | undefined {
  if (values.includes(DEFAULT_TEAM)) return DEFAULT_TEAM;
  return values.length === 1 ? values[0] : undefined;
}

/** The team admins and global admins change a team's members; everyone else only reads them. */
export function managesMembers(team: Pick<Team, 'myRole'>): boolean {
  return team.myRole === 'admin';
}

/** The users that may still be added to a team: everyone not already in it, disabled accounts left out. */
export function usersToAdd<U extends { id: string; disabled?: boolean }>(users: readonly U[], members: readonly { userId: string }[]): U[] {
  const inTeam = new Set(members.map((member) => member.userId));
  return users.filter((user) => !inTeam.has(user.id) && !user.disabled);
}
