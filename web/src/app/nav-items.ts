import type enUS from '../i18n/en-US.json';

export interface NavItem {
  path: string;
  labelKey: `nav.${keyof typeof enUS.nav}`;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', labelKey: 'nav.overview' },
  { path: '/tasks', labelKey: 'nav.tasks' },
  { path: '/clusters', labelKey: 'nav.clusters' },
  { path: '/alerts', labelKey: 'nav.alerts' },
  { path: '/audit', labelKey: 'nav.audit' },
];

/** The nav entry a location belongs to: the longest path prefix, so /clusters/x still lights up Clusters. */
export function activeNavPath(pathname: string): string {
  const match = NAV_ITEMS.filter((item) => item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`));
  return match[0]?.path ?? '';
}
