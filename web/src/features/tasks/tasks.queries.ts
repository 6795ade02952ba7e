import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BulkOperationRequest,
  CreateTaskRequest,
  JarFile,
  OfflineRequest,
  OnlineRequest,
  PublishTaskRequest,
  Task,
  TaskListQuery,
  UpdateTaskRequest,
} from '@weir/contract';
import { apiClient } from '../../api/api-client';
import { toApiError, unwrap } from '../../api/api-error';

export const tasksQueryKey = ['tasks'] as const;

export type TaskListParams = Partial<Pick<TaskListQuery, 'q' | 'lifecycle' | 'sort' | 'order' | 'page' | 'pageSize'>>;

export function useTasks(params: TaskListParams) {
  const query = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
  return useQuery({
    queryKey: [...tasksQueryKey, 'list', query],
    queryFn: async () => unwrap(await apiClient.GET('/api/tasks', { params: { query: query as never } })),
    placeholderData: keepPreviousData,
    // Lifecycle and latest status change as jobs run; a slow poll keeps the list honest.
    refetchInterval: 5_000,
  });
}

export function useTask(id: string | undefined) {
  return useQuery({
    queryKey: [...tasksQueryKey, 'task', id],
    queryFn: async () => unwrap(await apiClient.GET('/api/tasks/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
    refetchInterval: 3_000,
  });
}

export function useTaskVersions(id: string | undefined) {
  return useQuery({
    queryKey: [...tasksQueryKey, 'versions', id],
    queryFn: async () => unwrap(await apiClient.GET('/api/tasks/{id}/versions', { params: { path: { id: id! } } })).items,
    enabled: Boolean(id),
  });
}

export function useVersionComparison(id: string, from: number | undefined, to: number | undefined) {
  return useQuery({
    queryKey: [...tasksQueryKey, 'compare', id, from, to],
    queryFn: async () =>
      unwrap(await apiClient.GET('/api/tasks/{id}/versions/compare', { params: { path: { id }, query: { from: from!, to: to! } } })),
    enabled: from !== undefined && to !== undefined,
  });
}

function useTaskMutation<V>(fn: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: tasksQueryKey }),
  });
}

export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateTaskRequest): Promise<Task> => unwrap(await apiClient.POST('/api/tasks', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tasksQueryKey }),
  });
}

export function useUpdateTask(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: UpdateTaskRequest): Promise<Task> => unwrap(await apiClient.PATCH('/api/tasks/{id}', { params: { path: { id } }, body })),
    onSuccess: (task) => {
      queryClient.setQueryData([...tasksQueryKey, 'task', id], task);
      void queryClient.invalidateQueries({ queryKey: tasksQueryKey });
    },
  });
}

export function useDeleteTask() {
  return useTaskMutation(async (id: string) => unwrap(await apiClient.DELETE('/api/tasks/{id}', { params: { path: { id } } })));
}

export function usePublishTask(id: string) {
  return useTaskMutation(async (body: PublishTaskRequest) => unwrap(await apiClient.POST('/api/tasks/{id}/publish', { params: { path: { id } }, body })));
}

export function useTaskOnline(id: string) {
  return useTaskMutation(async (body: OnlineRequest) => unwrap(await apiClient.POST('/api/tasks/{id}/online', { params: { path: { id } }, body })));
}

export function useTaskOffline(id: string) {
  return useTaskMutation(async (body: OfflineRequest) => unwrap(await apiClient.POST('/api/tasks/{id}/offline', { params: { path: { id } }, body })));
}

export function useBulkOperation() {
  return useTaskMutation(async (body: BulkOperationRequest) => unwrap(await apiClient.POST('/api/tasks/bulk', { body })));
}

/** Multipart upload; the generated client has no body type for it, so the form goes as it is. */
export function useUploadJar() {
  return useMutation({
    mutationFn: async (file: File): Promise<JarFile> => {
      const form = new FormData();
      form.append('jarfile', file, file.name);
      const result = await apiClient.POST('/api/jars', { body: form as never, bodySerializer: (body: unknown) => body as FormData });
      if (!result.response.ok) throw toApiError(result.response, result.error);
      return result.data as JarFile;
    },
  });
}
