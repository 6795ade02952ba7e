import { Role, type GlobalRole } from '@weir/contract';
import type { GroupRoleMapping } from '../config/identity-settings.js';
import { higherRole } from '../access/principal.js';

/** Who an identity provider (OIDC) or a directory (LDAP) says logged in. */
export interface ExternalIdentity {
  source: 'oidc' | 'ldap';
  /** The provider's stable name for the user: OIDC `sub`, LDAP entry DN. */
  subject: string;
  /** What the user is called in Weir (audit, "taken by"): a claim or the directory's uid. */
  username: string;
  displayName: string | null;
  /** Group names from the provider: the claim's values, or the DNs/names of the directory's groups. */
  groups: string[];
}

/** What a user's groups give: a global role (`none`: only teams) and a role per team name. */
export interface GrantedAccess {
  globalRole: GlobalRole;
  teams: ReadonlyArray<{ team: string; role: Role }>;
  /** Which groups gave it, for the audit log. */
  because: string;
}

/**
 * What the user's groups give: the highest global role among them and the highest role in each
 * named team, with the groups that gave them; undefined when they give nothing.
 */
export function accessForGroups(userGroups: readonly string[], mapping: GroupRoleMapping): GrantedAccess | undefined {
  const held = new Set(userGroups);
  let globalRole: GlobalRole = 'none';
  const teams = new Map<string, Role>();
  const because: string[] = [];
  for (const { group, role, team } of mapping.groups) {
    if (!held.has(group)) continue;
    because.push(`group ${group}`);
    if (team === undefined) globalRole = higherRole(globalRole, role);
    else teams.set(team, higherRole(teams.get(team) ?? 'viewer', role));
  }
  if (globalRole === 'none' && teams.size === 0) {
    return mapping.fallback ? { globalRole: mapping.fallback, teams: [], because: 'the default role (*)' } : undefined;
  }
  return { globalRole, teams: [...teams].map(([team, role]) => ({ team, role })), because: because.join(', ') };
}

/**
 * What a directory (LDAP) answers for a username and password: who it is, or why not. Wrong
 * credentials are the user's mistake (401); an unreachable or misconfigured directory is not, and
 * says so (503) instead of calling a right password wrong.
 */
export type DirectoryAnswer =
  | { ok: true; identity: ExternalIdentity }
  | { ok: false; failure: 'wrong-credentials' | 'unreachable' | 'misconfigured'; reason: string };
