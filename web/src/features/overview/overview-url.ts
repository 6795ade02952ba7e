import type { HealthBand, OverviewExecutionMode, OverviewLifecycle, OverviewRunStatus, OverviewSortKey } from '@weir/contract';

// The contract's value lists, repeated as types-only imports so the page does not load zod and every
// API schema; `exhaustive` fails to compile when the contract gains a value these lists lack.
type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
const exhaustive = <T extends true>(value: T) => value;

export const RUN_STATUSES = [
  'INITIALIZING', 'CREATED', 'RUNNING', 'FAILING', 'FAILED', 'CANCELLING', 'CANCELED',
  'FINISHED', 'RESTARTING', 'SUSPENDED', 'RECONCILING', 'RECONNECTING', 'UNKNOWN',
] as const satisfies readonly OverviewRunStatus[];
export const LIFECYCLES = ['DEVELOP', 'PUBLISHED', 'ONLINE', 'OFFLINE'] as const satisfies readonly OverviewLifecycle[];
export const SORT_KEYS = [
  'name', 'lifecycle', 'executionMode', 'cluster', 'flinkJobId', 'status', 'startTime', 'durationMs', 'restartCount', 'owner', 'health',
] as const satisfies readonly OverviewSortKey[];
export const HEALTH_BANDS = ['healthy', 'degraded', 'unhealthy'] as const satisfies readonly HealthBand[];
exhaustive<Exhaustive<OverviewRunStatus, (typeof RUN_STATUSES)[number]>>(true);
exhaustive<Exhaustive<OverviewLifecycle, (typeof LIFECYCLES)[number]>>(true);
exhaustive<Exhaustive<OverviewSortKey, (typeof SORT_KEYS)[number]>>(true);
exhaustive<Exhaustive<HealthBand, (typeof HEALTH_BANDS)[number]>>(true);

/** Everything the overview shows is chosen by this, and it all lives in the URL (shareable, survives reload). */
export interface OverviewView {
  statuses: OverviewRunStatus[];
  lifecycles: OverviewLifecycle[];
  clusterIds: string[];
  /** Owning teams; offered only to users who see more than one team. */
  teamIds: string[];
  mode: OverviewExecutionMode | null;
  /** Health bands of the latest run's score. */
  health: HealthBand[];
  q: string;
  sort: OverviewSortKey;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_VIEW: OverviewView = {
  statuses: [],
  lifecycles: [],
  clusterIds: [],
  teamIds: [],
  mode: null,
  health: [],
  q: '',
  sort: 'name',
  order: 'asc',
  page: 1,
  pageSize: 20,
};

function list<T extends string>(params: URLSearchParams, key: string, allowed?: readonly T[]): T[] {
  const values = (params.get(key) ?? '').split(',').map((v) => v.trim()).filter(Boolean);
  const kept = allowed ? values.filter((v): v is T => allowed.includes(v as T)) : (values as T[]);
  return [...new Set(kept)];
}

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

/** Reads the view from the URL; anything unknown or malformed falls back to the default. */
export function parseOverviewView(params: URLSearchParams): OverviewView {
  const sort = params.get('sort');
  const mode = params.get('mode');
  const pageSize = positiveInt(params.get('size'), DEFAULT_VIEW.pageSize);
  return {
    statuses: list(params, 'status', RUN_STATUSES),
    lifecycles: list(params, 'lifecycle', LIFECYCLES),
    clusterIds: list(params, 'cluster'),
    teamIds: list(params, 'team'),
    mode: mode === 'STREAMING' || mode === 'BATCH' ? mode : null,
    health: list(params, 'health', HEALTH_BANDS),
    q: (params.get('q') ?? '').slice(0, 200),
    sort: SORT_KEYS.includes(sort as OverviewSortKey) ? (sort as OverviewSortKey) : DEFAULT_VIEW.sort,
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: positiveInt(params.get('page'), 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_VIEW.pageSize,
  };
}

/**
 * Writes the view into `params` (keeping unrelated parameters), leaving defaults out so a plain
 * overview has a plain URL. Any change other than the page itself goes back to page 1.
 */
export function writeOverviewView(params: URLSearchParams, current: OverviewView, change: Partial<OverviewView>): URLSearchParams {
  const next: OverviewView = { ...current, ...change };
  if (!('page' in change)) next.page = 1;
  const set = (key: string, value: string, isDefault: boolean) => (isDefault ? params.delete(key) : params.set(key, value));
  set('status', next.statuses.join(','), next.statuses.length === 0);
  set('lifecycle', next.lifecycles.join(','), next.lifecycles.length === 0);
  set('cluster', next.clusterIds.join(','), next.clusterIds.length === 0);
  set('team', next.teamIds.join(','), next.teamIds.length === 0);
  set('mode', next.mode ?? '', next.mode === null);
  set('health', next.health.join(','), next.health.length === 0);
  set('q', next.q, next.q === '');
  set('sort', next.sort, next.sort === DEFAULT_VIEW.sort && next.order === DEFAULT_VIEW.order);
  set('order', next.order, next.sort === DEFAULT_VIEW.sort && next.order === DEFAULT_VIEW.order);
  set('page', String(next.page), next.page === 1);
  set('size', String(next.pageSize), next.pageSize === DEFAULT_VIEW.pageSize);
  return params;
}

/** True when anything narrows the list (so an empty list means "nothing matches", not "nothing ran"). */
export function isFiltered(view: OverviewView): boolean {
  return (
    view.statuses.length > 0 ||
    view.lifecycles.length > 0 ||
    view.clusterIds.length > 0 ||
    view.teamIds.length > 0 ||
    view.mode !== null ||
    view.health.length > 0 ||
    view.q !== ''
  );
}

/**
 * Which empty list to explain: nothing can run yet (no cluster registered), the registered
 * clusters have run nothing yet, or the filters match nothing. `clusters` is undefined while
 * the cluster list is still loading.
 */
export type EmptyOverview = 'no-cluster' | 'no-jobs' | 'no-match';
export function emptyOverviewKind(view: OverviewView, totalJobs: number | undefined, clusters: number | undefined): EmptyOverview {
  // A status card on a total of 0 still means "nothing ran": the cards are the counts, not a search.
  const nothingRan = totalJobs === 0 && !isFiltered({ ...view, statuses: [] });
  if (!nothingRan) return 'no-match';
  return clusters === 0 ? 'no-cluster' : 'no-jobs';
}
