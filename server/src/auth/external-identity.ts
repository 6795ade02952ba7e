import { Role, type GlobalRole } from '@weir/contract';
import { higherRole } from './principal.js';

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

/**
 * Which provider groups give which role in Weir: a global role (`group=operator`) or a role in one
 * team (`group=team-name:operator`). Every login sets the user's global role and teams from the
 * groups held now, so a user removed from a group loses what it gave at the next login. `fallback`
 * is the global role of a user in none of the groups; without one such a user cannot log in.
 */
export interface GroupRoleMapping {
  groups: ReadonlyArray<{ group: string; role: Role; team?: string }>;
  fallback?: Role;
}

/** What a user's groups give: a global role (`none`: only teams) and a role per team name. */
export interface GrantedAccess {
  globalRole: GlobalRole;
  teams: ReadonlyArray<{ team: string; role: Role }>;
  /** Which groups gave it, for the audit log. */
  because: string;
}

const ROLES = new Set<string>(Role.options);

/**
 * Reads `group=role` and `group=team:role` pairs, comma- or newline-separated
 * (`weir-admins=admin, payments-dev=payments:operator`); `*=viewer` sets the fallback. Group names are compared exactly; LDAP DNs may contain commas, so
 * a pair may also end with `;` (`cn=ops,ou=groups,dc=example,dc=org=operator;`). Returns the
 * mapping or the reasons it cannot be read.
 */
export function parseGroupRoleMapping(text: string): { mapping: GroupRoleMapping } | { errors: string[] } {
  const pairs = text.includes(';') ? text.split(/[;\n]/) : text.split(/[,\n]/);
  const groups: Array<{ group: string; role: Role; team?: string }> = [];
  const errors: string[] = [];
  let fallback: Role | undefined;
  for (const raw of pairs) {
    const pair = raw.trim();
    if (pair === '') continue;
    const at = pair.lastIndexOf('=');
    const group = at > 0 ? pair.slice(0, at).trim() : '';
    const value = at > 0 ? pair.slice(at + 1).trim() : '';
    const colon = value.lastIndexOf(':');
    const team = colon > 0 ? value.slice(0, colon).trim() : undefined;
    const role = colon > 0 ? value.slice(colon + 1).trim() : value;
    if (group === '' || !ROLES.has(role) || team === '' || (team !== undefined && group === '*')) {
      errors.push(`"${pair}" is not group=role or group=team:role with a role of admin, operator or viewer`);
      continue;
    }
    if (group === '*') fallback = role as Role;
    else groups.push({ group, role: role as Role, ...(team ? { team } : {}) });
  }
  if (errors.length > 0) return { errors };
  return { mapping: fallback ? { groups, fallback } : { groups } };
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
