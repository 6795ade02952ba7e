import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateUserPreferencesRequest, UserPreferences } from '@weir/contract';
import { apiClient } from '../../api/api-client';
import { unwrap } from '../../api/api-error';

export const preferencesQueryKey = ['auth', 'preferences'] as const;

/** The logged-in user's preferences, as the server keeps them for every browser; off while nobody is logged in. */
export function usePreferences(userId: string | undefined) {
  return useQuery({
    queryKey: [...preferencesQueryKey, userId],
    queryFn: async () => unwrap(await apiClient.GET('/api/me/preferences')),
    enabled: userId !== undefined,
    staleTime: 60_000,
  });
}

/** Changes some preferences; what the server answers becomes the cached value at once. */
export function useUpdatePreferences(userId: string | undefined) {
  const queryClient = useQueryClient();
  const key = [...preferencesQueryKey, userId];
  return useMutation({
    mutationFn: async (changes: UpdateUserPreferencesRequest) => unwrap(await apiClient.PATCH('/api/me/preferences', { body: changes })),
    onMutate: async (changes) => {
      // A read in flight answered before this change; it must not bring the old value back.
      await queryClient.cancelQueries({ queryKey: key });
      queryClient.setQueryData<UserPreferences>(key, (old) => (old ? { ...old, ...changes } : old));
    },
    onSuccess: (preferences) => queryClient.setQueryData(key, preferences),
    // Not saved: what the server still holds applies again.
    onError: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
