import type { Role, User } from '@weir/contract';
import type { enUS } from '../i18n/resources';

export interface NavItem {
  path: string;
  labelKey: `nav.${keyof typeof enUS.nav}` | `admin.nav.${keyof typeof enUS.admin.nav}` | 'globalLineage.nav' | 'teams.nav';
  /**
   * Shown only to this role and above, the user's highest role anywhere (a team's admin is an admin
   * there: Audit, Teams and API tokens show them their teams'); the server refuses the rest anyway.
   */
  minRole?: Role;
  /** Only for global admins: accounts are Weir-wide, not a team's. */
  globalAdminOnly?: true;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', labelKey: 'nav.overview' },
  { path: '/tasks', labelKey: 'nav.tasks' },
  { path: '/clusters', labelKey: 'nav.clusters' },
  { path: '/lineage', labelKey: 'globalLineage.nav' },
  { path: '/alerts', labelKey: 'nav.alerts' },
  { path: '/audit', labelKey: 'nav.audit', minRole: 'admin' },
  { path: '/users', labelKey: 'admin.nav.users', minRole: 'admin', globalAdminOnly: true },
  { path: '/teams', labelKey: 'teams.nav', minRole: 'admin' },
  { path: '/tokens', labelKey: 'admin.nav.tokens', minRole: 'admin' },
];

const RANK: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };

/** The nav entries a user sees. */
export function navItemsFor(user: Pick<User, 'role' | 'globalRole'> | undefined): NavItem[] {
  return NAV_ITEMS.filter((item) => {
    if (item.globalAdminOnly && user?.globalRole !== 'admin') return false;
    return !item.minRole || (user !== undefined && RANK[user.role] >= RANK[item.minRole]);
  });
}

/** The nav entry a location belongs to: the longest path prefix, so /clusters/x still lights up Clusters. */
export function activeNavPath(pathname: string): string {
  const match = NAV_ITEMS.filter((item) => item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`));
  return match[0]?.path ?? '';
}
