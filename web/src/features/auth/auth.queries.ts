import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, SessionInfo } from '@weir/contract';
import { apiClient, setCsrfToken } from '../../api/api-client';
import { unwrap } from '../../api/api-error';

export const sessionQueryKey = ['auth', 'session'] as const;

/** How the current session is read: by useSession, and by main.tsx before the first page's code has loaded. */
export const sessionQuery = {
  queryKey: sessionQueryKey,
  queryFn: async (): Promise<SessionInfo | null> => {
    const result = await apiClient.GET('/api/auth/me');
    if (result.response.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    const session = unwrap(result);
    setCsrfToken(session.csrfToken);
    return session;
  },
  staleTime: 60_000,
  retry: false,
} as const;

/** The current session, or null when nobody is logged in. */
export function useSession() {
  return useQuery(sessionQuery);
}

/** The ways to log in this Weir offers (Weir accounts, single sign-on, LDAP). */
export function useLoginMethods() {
  return useQuery({
    queryKey: ['auth', 'methods'],
    queryFn: async () => unwrap(await apiClient.GET('/api/auth/methods')),
    staleTime: Infinity,
  });
}

/** Logs in with a username and password: a Weir account, or the directory's (LDAP). */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ via, ...body }: LoginRequest & { via: 'local' | 'ldap' }) =>
      unwrap(via === 'ldap' ? await apiClient.POST('/api/auth/ldap/login', { body }) : await apiClient.POST('/api/auth/login', { body })),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await apiClient.POST('/api/auth/logout')),
    onSuccess: () => {
      setCsrfToken(undefined);
      // Nothing of the previous user's data may survive into the next session.
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, null);
    },
  });
}
