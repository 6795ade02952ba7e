import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditQuery, CreateUserRequest, GlobalRole, Role } from '@weir/contract';
import { apiClient } from '../../api/api-client';
import { unwrap } from '../../api/api-error';

// Users, API tokens, the audit log and the password change: the admin pages' server data.

export const usersQueryKey = ['admin', 'users'] as const;
export const tokensQueryKey = ['admin', 'tokens'] as const;
export const auditQueryKey = (query: AuditQuery) => ['admin', 'audit', query] as const;

export function useUsers() {
  return useQuery({ queryKey: usersQueryKey, queryFn: async () => unwrap(await apiClient.GET('/api/users')).items });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateUserRequest) => unwrap(await apiClient.POST('/api/users', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}

export interface UserChange {
  id: string;
  /** The global role; a user's roles in teams change on the Teams page. */
  role?: GlobalRole;
  disabled?: boolean;
  displayName?: string;
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, ...body }: UserChange) => unwrap(await apiClient.PATCH('/api/users/{id}', { params: { path: { id } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}

export function useTokens() {
  return useQuery({ queryKey: tokensQueryKey, queryFn: async () => unwrap(await apiClient.GET('/api/tokens')).items });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    /** `teamId` absent: a global token (global admins only). */
    mutationFn: async (body: { name: string; role: Role; teamId?: string }) => unwrap(await apiClient.POST('/api/tokens', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tokensQueryKey }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      unwrap(await apiClient.DELETE('/api/tokens/{id}', { params: { path: { id } } }));
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tokensQueryKey }),
  });
}

/** One page of the audit log; the previous page stays on screen while the next loads. */
export function useAudit(query: AuditQuery) {
  return useQuery({
    queryKey: auditQueryKey(query),
    queryFn: async () => unwrap(await apiClient.GET('/api/audit', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: async (body: { currentPassword: string; newPassword: string }) => {
      unwrap(await apiClient.POST('/api/auth/password', { body }));
    },
  });
}
