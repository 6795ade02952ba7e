import type { Role } from '@weir/contract';
import type { enUS } from '../i18n/resources';

export interface NavItem {
  path: string;
  labelKey: `nav.${keyof typeof enUS.nav}` | `admin.nav.${keyof typeof enUS.admin.nav}` | 'globalLineage.nav';
  /** Shown only to this role and above; the server refuses the rest anyway. */
  minRole?: Role;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', labelKey: 'nav.overview' },
  { path: '/tasks', labelKey: 'nav.tasks' },
  { path: '/clusters', labelKey: 'nav.clusters' },
  { path: '/lineage', labelKey: 'globalLineage.nav' },
  { path: '/alerts', labelKey: 'nav.alerts' },
  { path: '/audit', labelKey: 'nav.audit', minRole: 'admin' },
  { path: '/users', labelKey: 'admin.nav.users', minRole: 'admin' },
  { path: '/tokens', labelKey: 'admin.nav.tokens', minRole: 'admin' },
];

const RANK: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };

/** The nav entries a role sees. */
export function navItemsFor(role: Role | undefined): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.minRole || (role !== undefined && RANK[role] >= RANK[item.minRole]));
}

/** The nav entry a location belongs to: the longest path prefix, so /clusters/x still lights up Clusters. */
export function activeNavPath(pathname: string): string {
  const match = NAV_ITEMS.filter((item) => item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`));
  return match[0]?.path ?? '';
}
