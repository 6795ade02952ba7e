import type { Cluster } from '@weir/contract';

export const CLUSTER_SORT_KEYS = ['name', 'health', 'flinkVersion', 'taskManagers', 'slotsAvailable', 'jobsRunning', 'lastCheckedAt'] as const;
export type ClusterSortKey = (typeof CLUSTER_SORT_KEYS)[number];
export type SortOrder = 'asc' | 'desc';
export interface ClusterSort {
  key: ClusterSortKey;
  order: SortOrder;
}

// Worst first when sorting by health ascending: what needs attention comes to the top.
const HEALTH_RANK: Record<Cluster['health'], number> = { UNREACHABLE: 0, NOT_FLINK: 1, UNKNOWN: 2, HEALTHY: 3 };

function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' });
}

function sortValue(cluster: Cluster, key: ClusterSortKey): string | number | null {
  return key === 'health' ? HEALTH_RANK[cluster.health] : cluster[key];
}

/** Sorted copy; missing values always go last, whichever the order; ties keep name order. */
export function sortClusters(clusters: readonly Cluster[], sort: ClusterSort | null): Cluster[] {
  const key = sort?.key ?? 'name';
  const direction = sort?.order === 'desc' ? -1 : 1;
  return [...clusters].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === null || vb === null) return compareValues(va, vb);
    return direction * compareValues(va, vb) || compareValues(a.name, b.name);
  });
}

export function parseClusterSort(params: URLSearchParams): ClusterSort | null {
  const key = params.get('sort');
  if (!CLUSTER_SORT_KEYS.includes(key as ClusterSortKey)) return null;
  return { key: key as ClusterSortKey, order: params.get('order') === 'desc' ? 'desc' : 'asc' };
}
