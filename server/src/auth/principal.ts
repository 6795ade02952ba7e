import type { Role } from '@weir/contract';

/** Who is calling: a logged-in user (cookie session) or an API token. */
export interface Principal {
  kind: 'user' | 'token';
  /** User id or token id. */
  id: string;
  /** Username or token name; what the audit log shows. */
  name: string;
  role: Role;
  /** Only for cookie sessions: the token that state-changing requests must echo. */
  csrfToken?: string;
  sessionId?: string;
}

/** What a route requires: nobody (`public`), or at least this role. */
export type Access = 'public' | Role;

const RANK: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };

export function roleAllows(have: Role, need: Role): boolean {
  return RANK[have] >= RANK[need];
}

export const SYSTEM_PRINCIPAL: Principal = { kind: 'user', id: 'system', name: 'system', role: 'admin' };
