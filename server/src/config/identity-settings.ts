// The settings of single sign-on as Weir's configuration reads them: the OpenID Connect provider,
// the LDAP directory, and which of their groups give which role. Here, with the rest of the
// configuration, so that reading the configuration does not import the login code that uses it.
import { Role } from '@weir/contract';

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

/** An OpenID Connect provider to log in with. */
export interface OidcConfig {
  /** The provider's issuer URL; its `/.well-known/openid-configuration` is read from there. */
  issuer: string;
  clientId: string;
  /** Absent for a public client (PKCE alone). */
  clientSecret?: string | undefined;
  /** Requested scopes; `openid` is always among them. */
  scopes: string;
  /** The claim (ID token, else userinfo) that lists the user's groups; a string or an array of strings. */
  groupsClaim: string;
  /** The claim Weir names the user by (falls back to `email`, then `sub`). */
  usernameClaim: string;
  groupRoles: GroupRoleMapping;
  /** What the login page's button says. */
  label: string;
  /** Weir's own URL as the browser reaches it; the provider sends the browser back to <publicUrl>/api/auth/oidc/callback. */
  publicUrl: string;
  /** How long a request to the provider may take. */
  timeoutMs: number;
}

/** An LDAP directory to log in with. */
export interface LdapDirectorySettings {
  /** ldap://host:port or ldaps://host:port. */
  url: string;
  /** Upgrade an ldap:// connection with StartTLS before anything is sent. */
  startTls: boolean;
  /** PEM certificates to trust for ldaps:// and StartTLS, instead of the system's CAs. */
  ca?: string;
  /** The account that searches for users (search-then-bind); absent: the search is anonymous. */
  bindDn?: string;
  bindPassword?: string;
  /** Search-then-bind: the user's entry is the one `userFilter` (`{username}` filled in, escaped) finds under `userSearchBase`. */
  userSearchBase?: string;
  userFilter?: string;
  /** Direct bind: the user's DN is this template with `{username}` filled in (escaped); no search account needed. */
  userDnTemplate?: string;
  /** Groups are the entries `groupFilter` (`{dn}`, `{username}`) finds under `groupSearchBase`; absent: no groups. */
  groupSearchBase?: string;
  groupFilter: string;
  /** The attribute that names a group in the role mapping, or `dn` for the group's whole DN. */
  groupNameAttribute: string;
  /** The attribute that gives the user's name in Weir (the typed name when the entry has none). */
  usernameAttribute: string;
  displayNameAttribute: string;
  /** Limit of the TCP connect and of each LDAP operation. */
  timeoutMs: number;
}
