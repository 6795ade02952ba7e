import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Cluster, CreateClusterRequest, StartYarnSessionRequest } from '@weir/contract';
import { apiClient } from '../../api/api-client';
import { unwrap } from '../../api/api-error';

export const clustersQueryKey = ['clusters'] as const;

/**
 * The Weir instances sharing the database and which one watches each cluster (GET /api/health).
 * Refreshed with the cluster list, so a takeover shows within its period.
 */
export function useWeirInstances() {
  return useQuery({
    queryKey: ['weir-instances'],
    queryFn: async () => {
      // The health report answers 503 when the database is down; the page then simply shows no sharing.
      const { data } = await apiClient.GET('/api/health');
      return data ?? null;
    },
    refetchInterval: 5_000,
  });
}

/** Health is checked by the server; polling every 5 s keeps the table as fresh as the server's checks. */
export function useClusters(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: clustersQueryKey,
    queryFn: async () => unwrap(await apiClient.GET('/api/clusters')).items,
    refetchInterval: 5_000,
    enabled: options.enabled ?? true,
  });
}

function useReplaceCluster() {
  const queryClient = useQueryClient();
  return (updated: Cluster) =>
    queryClient.setQueryData<Cluster[]>(clustersQueryKey, (clusters) =>
      clusters?.some((c) => c.id === updated.id) ? clusters.map((c) => (c.id === updated.id ? updated : c)) : [...(clusters ?? []), updated],
    );
}

export function useRegisterCluster() {
  const queryClient = useQueryClient();
  const replace = useReplaceCluster();
  return useMutation({
    mutationFn: async (body: CreateClusterRequest) => unwrap(await apiClient.POST('/api/clusters', { body })),
    onSuccess: (cluster) => {
      replace(cluster);
      void queryClient.invalidateQueries({ queryKey: clustersQueryKey });
    },
  });
}

export function useCheckCluster() {
  const replace = useReplaceCluster();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await apiClient.POST('/api/clusters/{id}/check', { params: { path: { id } } })),
    onSuccess: replace,
  });
}

/**
 * Starts a YARN session on a YARN entry with the size the operator chose: answered at once with the session's
 * entry (STARTING), which the list then follows.
 */
export function useStartYarnSession() {
  const replace = useReplaceCluster();
  return useMutation({
    mutationFn: async ({ yarnClusterId, request }: { yarnClusterId: string; request: StartYarnSessionRequest }) =>
      unwrap(await apiClient.POST('/api/clusters/{id}/yarn-sessions', { params: { path: { id: yarnClusterId } }, body: request })),
    onSuccess: replace,
  });
}

/**
 * Stops a YARN session Weir started. Refused while Weir's jobs run on it, unless `force`, which has the server
 * cancel them first (each one's end is in the answer).
 */
export function useStopYarnSession() {
  const replace = useReplaceCluster();
  return useMutation({
    mutationFn: async ({ sessionId, force }: { sessionId: string; force: boolean }) =>
      unwrap(await apiClient.POST('/api/clusters/{id}/stop-session', { params: { path: { id: sessionId } }, body: { force } })),
    onSuccess: (result) => replace(result.cluster),
  });
}

export function useDeleteCluster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      unwrap(await apiClient.DELETE('/api/clusters/{id}', { params: { path: { id } } }));
    },
    onSuccess: (_, id) => {
      queryClient.setQueryData<Cluster[]>(clustersQueryKey, (clusters) => clusters?.filter((c) => c.id !== id));
      void queryClient.invalidateQueries({ queryKey: clustersQueryKey });
    },
  });
}

/**
 * A cluster's current push token, read when an admin asks for it: a mutation rather than a query, so the
 * token is never cached or refetched behind the admin's back (every read is audited).
 */
export function useShowPushToken() {
  return useMutation({
    mutationFn: async (id: string) => unwrap(await apiClient.GET('/api/clusters/{id}/push-token', { params: { path: { id } } })),
  });
}

/** Gives a cluster a new push token, shown once in the answer (and afterwards on request, audited). */
export function useRotatePushToken() {
  return useMutation({
    mutationFn: async (id: string) => unwrap(await apiClient.POST('/api/clusters/{id}/push-token/rotate', { params: { path: { id } } })),
  });
}
