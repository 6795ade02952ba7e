import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SavepointPolicy, SavepointRetentionPolicy, Task } from '@weir/contract';
import { useNavigate } from 'react-router-dom';
import { apiClient } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import { formatError } from '../../api/format-error';

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

/**
 * Removes what a retention would. The outcome is said here, in the mutation's own callbacks, not in
 * the caller's: those are dropped when the preview that started it has closed by the time Flink is done.
 */
export function useApplyRetention(taskId: string) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: async (body: SavepointRetentionPolicy) => unwrap(await apiClient.POST('/api/tasks/{id}/savepoints/retention/apply', { params: { path: { id: taskId } }, body })),
    onSuccess: (result) => {
      const text = t('savepoints.preview.applied', { disposed: result.disposed.length, failed: result.failed.length });
      if (result.failed.length > 0) void message.warning(`${text}: ${result.failed.map((f) => f.error).join('; ')}`);
      else void message.success(text);
    },
    onError: (err) => void message.error(formatError('delete', 'savepoints', err)),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: [...key(taskId), 'catalog'] }),
  });
}

/**
 * Starts the task again from a state in its catalog: a restart of its latest run from that path.
 * The server refuses, before stopping anything, a state that was disposed of or whose folder is gone.
 * Success goes to the new run's page; both outcomes are said here, since the confirmation has closed.
 */
export function useRestoreFromSavepoint(task: Pick<Task, 'id' | 'name' | 'latestRunId'>) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async (savepointPath: string) =>
      unwrap(await apiClient.POST('/api/runs/{runId}/restart', { params: { path: { runId: task.latestRunId ?? '' } }, body: { from: 'savepoint', savepointPath } })),
    onSuccess: (result) => {
      void message.success(t('savepoints.catalog.restored', { job: result.flinkJobId ?? '' }));
      if (result.newRunId) navigate(`/runs/${result.newRunId}`);
    },
    onError: (err) => void message.error(formatError('restart', ['taskNamed', { name: task.name }], err)),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: key(task.id) }),
  });
}
