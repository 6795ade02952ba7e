import { useMutation } from '@tanstack/react-query';
import type { SqlPreviewRequest } from '@weir/contract';
import { apiClient } from '../../api/api-client';
import { unwrap } from '../../api/api-error';

// Validation, catalog and preview are asked for (a button, the editor opening), not kept fresh in
// the background: each opens a SQL Gateway session on the task's cluster.

export function useValidateSql(taskId: string) {
  return useMutation({
    mutationFn: async (script: string) => unwrap(await apiClient.POST('/api/tasks/{id}/sql/validate', { params: { path: { id: taskId } }, body: { script } })),
  });
}

export function useSqlCatalog(taskId: string) {
  return useMutation({
    mutationFn: async (script: string) => unwrap(await apiClient.POST('/api/tasks/{id}/sql/catalog', { params: { path: { id: taskId } }, body: { script } })),
  });
}

/** `signal` stops the preview: the server cancels the query's job when the request goes away. */
export function useSqlPreview(taskId: string) {
  return useMutation({
    mutationFn: async ({ signal, ...body }: SqlPreviewRequest & { signal: AbortSignal }) =>
      unwrap(await apiClient.POST('/api/tasks/{id}/sql/preview', { params: { path: { id: taskId } }, body, signal })),
  });
}
