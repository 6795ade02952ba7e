import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Cluster, OverviewCounts, OverviewTaskPage } from '@weir/contract';
import { apiClient } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import { clustersQueryKey } from '../clusters/clusters.queries';
import type { OverviewView } from './overview-url';

/** Every overview query starts with this key, so one invalidation refreshes cards and list (with taskRunsQueryKey, the histories). */
export const overviewQueryKey = ['overview'] as const;

/** While the live connection is down the page polls instead. */
const FALLBACK_POLL_MS = 10_000;

function filterQuery(view: OverviewView) {
  return {
    ...(view.lifecycles.length ? { lifecycle: view.lifecycles } : {}),
    ...(view.clusterIds.length ? { clusterId: view.clusterIds } : {}),
    ...(view.teamIds.length ? { teamId: view.teamIds } : {}),
    ...(view.mode ? { mode: view.mode } : {}),
    ...(view.health.length ? { health: view.health } : {}),
    ...(view.q ? { q: view.q } : {}),
  };
}

/** The status cards: counts under every filter (health included) except the status (the cards are the status filter). */
export function useOverviewCounts(view: OverviewView, live: boolean) {
  const query = filterQuery(view);
  return useQuery({
    queryKey: [...overviewQueryKey, 'counts', query],
    queryFn: async (): Promise<OverviewCounts> => unwrap(await apiClient.GET('/api/overview/counts', { params: { query } })),
    placeholderData: keepPreviousData,
    refetchInterval: live ? false : FALLBACK_POLL_MS,
  });
}

export function useOverviewTasks(view: OverviewView, live: boolean) {
  const query = {
    ...filterQuery(view),
    ...(view.statuses.length ? { status: view.statuses } : {}),
    sort: view.sort,
    order: view.order,
    page: view.page,
    pageSize: view.pageSize,
  };
  return useQuery({
    queryKey: [...overviewQueryKey, 'tasks', query],
    queryFn: async (): Promise<OverviewTaskPage> => unwrap(await apiClient.GET('/api/overview/tasks', { params: { query } })),
    // Keep showing the previous page while the next loads, so the table does not jump.
    placeholderData: keepPreviousData,
    refetchInterval: live ? false : FALLBACK_POLL_MS,
  });
}

/** The cluster names for the cluster filter. Shares the clusters page's cache; no polling here. */
export function useClusterChoices() {
  return useQuery({
    queryKey: clustersQueryKey,
    queryFn: async (): Promise<Cluster[]> => unwrap(await apiClient.GET('/api/clusters')).items,
    staleTime: 60_000,
  });
}
