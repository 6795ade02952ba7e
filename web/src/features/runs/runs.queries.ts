import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OverviewRunPage } from '@weir/contract';
import { apiClient } from '../../api/api-client';
import { unwrap } from '../../api/api-error';

/** Every task-history query starts with this key: the overview's live events invalidate it with their own. */
export const taskRunsQueryKey = ['task-runs'] as const;

/**
 * A task's runs, newest first: what an expanded row shows (kept fresh by the overview's live events)
 * and the task editor's Runs section (which polls: `pollMs`).
 */
export function useTaskRuns(taskId: string, page: number, pageSize: number, pollMs?: number) {
  return useQuery({
    queryKey: [...taskRunsQueryKey, taskId, { page, pageSize }],
    queryFn: async (): Promise<OverviewRunPage> =>
      unwrap(await apiClient.GET('/api/tasks/{id}/runs', { params: { path: { id: taskId }, query: { page, pageSize } } })),
    placeholderData: keepPreviousData,
    refetchInterval: pollMs ?? false,
  });
}
