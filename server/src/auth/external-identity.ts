import { Role } from '@weir/contract';
import { roleAllows } from './principal.js';

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
 * Which provider groups give which role in Weir. Every login takes the highest role among the
 * user's groups, so a user removed from a group loses its role at the next login. `fallback` is
 * the role of a user in none of the groups; without one such a user cannot log in.
 */
export interface GroupRoleMapping {
  groups: ReadonlyArray<{ group: string; role: Role }>;
  fallback?: Role;
}

const ROLES = new Set<string>(Role.options);

/**
 * Reads `group=role` pairs, comma- or newline-separated (`weir-admins=admin, flink-ops=operator`);
 * `*=viewer` sets the fallback. Group names are compared exactly; LDAP DNs may contain commas, so
 * a pair may also end with `;` (`cn=ops,ou=groups,dc=example,dc=org=operator;`). Returns the
 * mapping or the reasons it cannot be read.
 */
export function parseGroupRoleMapping(text: string): { mapping: GroupRoleMapping } | { errors: string[] } {
  const pairs = text.includes(';') ? text.split(/[;\n]/) : text.split(/[,\n]/);
  const groups: Array<{ group: string; role: Role }> = [];
  const errors: string[] = [];
  let fallback: Role | undefined;
  for (const raw of pairs) {
    const pair = raw.trim();
    if (pair === '') continue;
    const at = pair.lastIndexOf('=');
    const group = at > 0 ? pair.slice(0, at).trim() : '';
    const role = at > 0 ? pair.slice(at + 1).trim() : '';
    if (group === '' || !ROLES.has(role)) {
      errors.push(`"${pair}" is not group=role with a role of admin, operator or viewer`);
      continue;
    }
    if (group === '*') fallback = role as Role;
    else groups.push({ group, role: role as Role });
  }
  if (errors.length > 0) return { errors };
  return { mapping: fallback ? { groups, fallback } : { groups } };
}

/** The role the user's groups give, with the group that gave it; undefined when none does. */
export function roleForGroups(userGroups: readonly string[], mapping: GroupRoleMapping): { role: Role; because: string } | undefined {
  const held = new Set(userGroups);
  let best: { role: Role; because: string } | undefined;
  for (const { group, role } of mapping.groups) {
    if (held.has(group) && (!best || !roleAllows(best.role, role))) best = { role, because: `group ${group}` };
  }
  if (best) return best;
  return mapping.fallback ? { role: mapping.fallback, because: 'the default role (*)' } : undefined;
}

/**
 * What a directory (LDAP) answers for a username and password: who it is, or why not. Wrong
 * credentials are the user's mistake (401); an unreachable or misconfigured directory is not, and
 * says so (503) instead of calling a right password wrong.
 */
export type DirectoryAnswer =
  | { ok: true; identity: ExternalIdentity }
  | { ok: false; failure: 'wrong-credentials' | 'unreachable' | 'misconfigured'; reason: string };
