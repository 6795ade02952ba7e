import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../api/api-client';
import { unwrap } from '../../api/api-error';

// Lineage changes only when a task is published, so these are read when the page opens and on
// focus, not polled.

export const globalLineageKey = ['lineage'] as const;

export function useGlobalLineage(enabled: boolean) {
  return useQuery({
    queryKey: [...globalLineageKey, 'global'],
    queryFn: async () => unwrap(await apiClient.GET('/api/lineage')),
    enabled,
  });
}

export function useLineageTableSearch(q: string) {
  return useQuery({
    queryKey: [...globalLineageKey, 'tables', q],
    queryFn: async () => unwrap(await apiClient.GET('/api/lineage/tables', { params: { query: { q, limit: 50 } } })),
    placeholderData: keepPreviousData,
  });
}

export function useTableLineage(tableId: string | null, depth: number) {
  return useQuery({
    queryKey: [...globalLineageKey, 'table', tableId, depth],
    queryFn: async () => unwrap(await apiClient.GET('/api/lineage/tables/{tableId}', { params: { path: { tableId: tableId! }, query: { depth } } })),
    enabled: tableId !== null,
    placeholderData: keepPreviousData,
  });
}
