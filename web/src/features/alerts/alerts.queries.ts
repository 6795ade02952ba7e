import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AlertChannelRequest,
  AlertHistoryQuery,
  AlertIncidentQuery,
  CreateAlertRuleRequest,
  CreateAlertSilenceRequest,
  UpdateAlertRuleRequest,
} from '@weir/contract';
import { apiClient } from '../../api/api-client';
import { unwrap } from '../../api/api-error';

// The alerts pages' server data: channels, rules, silences, incidents and the delivery history.

export const alertsQueryKey = ['alerts'] as const;
const channelsKey = [...alertsQueryKey, 'channels'] as const;
const rulesKey = [...alertsQueryKey, 'rules'] as const;
const silencesKey = [...alertsQueryKey, 'silences'] as const;
const historyKey = [...alertsQueryKey, 'history'] as const;
const incidentsKey = [...alertsQueryKey, 'incidents'] as const;

/** Deliveries move from PENDING to SENT within seconds; the history and incidents follow that slowly. */
const LIVE_REFRESH_MS = 5_000;

export function useAlertHistory(query: AlertHistoryQuery) {
  return useQuery({
    queryKey: [...historyKey, query],
    queryFn: async () => unwrap(await apiClient.GET('/api/alerts/history', { params: { query } })),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

export function useAlertIncidents(query: AlertIncidentQuery) {
  return useQuery({
    queryKey: [...incidentsKey, query],
    queryFn: async () => unwrap(await apiClient.GET('/api/alerts/incidents', { params: { query } })),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

/** Channels are listed to operators and admins only; `enabled: false` for viewers, who never ask. */
export function useAlertChannels(enabled = true) {
  return useQuery({
    queryKey: channelsKey,
    queryFn: async () => unwrap(await apiClient.GET('/api/alerts/channels')).items,
    enabled,
  });
}

export function useSaveAlertChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id?: string; body: AlertChannelRequest }) =>
      id
        ? unwrap(await apiClient.PUT('/api/alerts/channels/{id}', { params: { path: { id } }, body }))
        : unwrap(await apiClient.POST('/api/alerts/channels', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: channelsKey }),
  });
}

export function useDeleteAlertChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      unwrap(await apiClient.DELETE('/api/alerts/channels/{id}', { params: { path: { id } } }));
    },
    // Deleting a channel takes it out of rules and cancels its queued deliveries.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: alertsQueryKey }),
  });
}

/** Sends a test message now; the outcome is also recorded in the history as a TEST delivery. */
export function useTestAlertChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await apiClient.POST('/api/alerts/channels/{id}/test', { params: { path: { id } } })),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: historyKey }),
  });
}

export function useAlertRules() {
  return useQuery({ queryKey: rulesKey, queryFn: async () => unwrap(await apiClient.GET('/api/alerts/rules')).items });
}

export function useSaveAlertRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id?: string; body: CreateAlertRuleRequest }) =>
      id
        ? unwrap(await apiClient.PATCH('/api/alerts/rules/{id}', { params: { path: { id } }, body: body satisfies UpdateAlertRuleRequest }))
        : unwrap(await apiClient.POST('/api/alerts/rules', { body })),
    // A changed rule may resolve its open incidents.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: alertsQueryKey }),
  });
}

export function useSetAlertRuleEnabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, enabled }: { id: string; enabled: boolean }) =>
      unwrap(await apiClient.PATCH('/api/alerts/rules/{id}', { params: { path: { id } }, body: { enabled } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: alertsQueryKey }),
  });
}

export function useDeleteAlertRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      unwrap(await apiClient.DELETE('/api/alerts/rules/{id}', { params: { path: { id } } }));
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: alertsQueryKey }),
  });
}

export function useAlertSilences(includeEnded: boolean) {
  return useQuery({
    queryKey: [...silencesKey, includeEnded],
    queryFn: async () => unwrap(await apiClient.GET('/api/alerts/silences', { params: { query: { includeEnded: includeEnded ? 'true' : 'false' } } })).items,
    // A silence ends by itself at its end time.
    refetchInterval: 30_000,
  });
}

export function useCreateAlertSilence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateAlertSilenceRequest) => unwrap(await apiClient.POST('/api/alerts/silences', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: silencesKey }),
  });
}

export function useEndAlertSilence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      unwrap(await apiClient.DELETE('/api/alerts/silences/{id}', { params: { path: { id } } }));
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: silencesKey }),
  });
}

/** Tasks matching a name, for the task pickers (rule scope, history filter, silences). */
export function useTaskSearch(q: string) {
  return useQuery({
    queryKey: [...alertsQueryKey, 'task-search', q],
    queryFn: async () => unwrap(await apiClient.GET('/api/tasks', { params: { query: { q: q || undefined, sort: 'name', order: 'asc', pageSize: 50 } } })).items,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/** Names of tasks already chosen, which may not be among the search results. */
export function useTaskNames(ids: readonly string[]) {
  const sorted = [...ids].sort();
  return useQuery({
    queryKey: [...alertsQueryKey, 'task-names', sorted],
    queryFn: async () => {
      const entries = await Promise.all(
        sorted.map(async (id) => {
          const result = await apiClient.GET('/api/tasks/{id}', { params: { path: { id } } });
          // A deleted task keeps its id in the rule; show the id rather than fail the whole picker.
          return [id, result.response.ok ? (result.data?.name ?? id) : id] as const;
        }),
      );
      return new Map(entries);
    },
    enabled: sorted.length > 0,
    staleTime: 60_000,
  });
}
