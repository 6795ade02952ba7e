import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateTeamRequest, Role, Team, TeamMember } from '@weir/contract';
import { apiClient } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import { usersQueryKey } from '../admin/admin.queries';
import { sessionQueryKey } from '../auth/auth.queries';
import { seesSeveralTeams } from './team-choices';

// Teams and their members: the Teams page's server data, and the team list every page that shows
// or picks a team reads (overview filter, task and cluster forms, token form).

export const teamsQueryKey = ['teams'] as const;
const membersQueryKey = (teamId: string) => [...teamsQueryKey, teamId, 'members'] as const;

/** The teams the user sees (every team for a global role), with the user's role in each. */
export function useTeams() {
  return useQuery({
    queryKey: teamsQueryKey,
    queryFn: async (): Promise<Team[]> => unwrap(await apiClient.GET('/api/teams')).items,
    // Teams change rarely; a page that shows them must not refetch on every mount.
    staleTime: 60_000,
  });
}

/** Whether team columns, filters and pickers appear: the user sees more than one team. */
export function useSeesSeveralTeams(): boolean {
  return seesSeveralTeams(useTeams().data);
}

export function useTeamMembers(teamId: string | undefined) {
  return useQuery({
    queryKey: membersQueryKey(teamId ?? ''),
    queryFn: async (): Promise<TeamMember[]> => unwrap(await apiClient.GET('/api/teams/{id}/members', { params: { path: { id: teamId! } } })).items,
    enabled: Boolean(teamId),
  });
}

export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateTeamRequest) => unwrap(await apiClient.POST('/api/teams', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: teamsQueryKey }),
  });
}

/**
 * A membership change moves the team's member count, the users' Teams column and, when it is the
 * user's own, the roles of their session.
 */
function useMembershipMutation<V>(fn: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      for (const queryKey of [teamsQueryKey, usersQueryKey, sessionQueryKey]) void queryClient.invalidateQueries({ queryKey });
    },
  });
}

export function usePutTeamMember(teamId: string) {
  return useMembershipMutation(async ({ userId, role }: { userId: string; role: Role }) =>
    unwrap(await apiClient.PUT('/api/teams/{id}/members/{userId}', { params: { path: { id: teamId, userId } }, body: { role } })),
  );
}

export function useRemoveTeamMember(teamId: string) {
  return useMembershipMutation(async (userId: string) => {
    unwrap(await apiClient.DELETE('/api/teams/{id}/members/{userId}', { params: { path: { id: teamId, userId } } }));
  });
}
