import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SavepointPolicy, SavepointRetentionPolicy } from '@weir/contract';
import { apiClient } from '../../api/api-client';
import { unwrap } from '../../api/api-error';

const key = (taskId: string) => ['task-savepoints', taskId] as const;

/** The task's savepoint catalog; refreshed while open, since the schedule adds to it. */
export function useTaskSavepoints(taskId: string) {
  return useQuery({
    queryKey: [...key(taskId), 'catalog'],
    queryFn: async () => unwrap(await apiClient.GET('/api/tasks/{id}/savepoints', { params: { path: { id: taskId } } })).items,
    refetchInterval: 5_000,
  });
}

export function useSavepointPolicy(taskId: string) {
  return useQuery({
    queryKey: [...key(taskId), 'policy'],
    queryFn: async () => unwrap(await apiClient.GET('/api/tasks/{id}/savepoint-policy', { params: { path: { id: taskId } } })),
  });
}

export function useSaveSavepointPolicy(taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: SavepointPolicy) => unwrap(await apiClient.PUT('/api/tasks/{id}/savepoint-policy', { params: { path: { id: taskId } }, body })),
    onSuccess: (view) => queryClient.setQueryData([...key(taskId), 'policy'], view),
  });
}

export function usePreviewRetention(taskId: string) {
  return useMutation({
    mutationFn: async (body: SavepointRetentionPolicy) => unwrap(await apiClient.POST('/api/tasks/{id}/savepoints/retention/preview', { params: { path: { id: taskId } }, body })),
  });
}

export function useApplyRetention(taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: SavepointRetentionPolicy) => unwrap(await apiClient.POST('/api/tasks/{id}/savepoints/retention/apply', { params: { path: { id: taskId } }, body })),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: [...key(taskId), 'catalog'] }),
  });
}
