import { z } from 'zod';
import { EpochMs, Role } from './common.schemas.js';

/**
 * A user's role across every team: `admin` runs Weir (users, teams, clusters, everything),
 * `operator`/`viewer` operate or read every team's jobs (a platform team), `none` gives nothing
 * beyond the user's team memberships.
 */
export const GlobalRole = z.enum(['admin', 'operator', 'viewer', 'none']);
export type GlobalRole = z.infer<typeof GlobalRole>;

/** The team that owned everything before Weir had teams, and owns what is made without naming one. */
export const DEFAULT_TEAM_ID = 'default';

export const TeamName = z
  .string()
  .trim()
  .min(2)
  .max(63)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes, starting with a letter or digit');

export const Team = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    createdAt: EpochMs,
    memberCount: z.number().int(),
    /** The caller's role in the team (global roles included); null for a global admin's view of a team with no such role. */
    myRole: Role.nullable(),
  })
  .meta({ id: 'Team' });
export type Team = z.infer<typeof Team>;

export const TeamList = z.object({ items: z.array(Team) }).meta({ id: 'TeamList' });
export type TeamList = z.infer<typeof TeamList>;

export const CreateTeamRequest = z.object({
  name: TeamName,
  description: z.string().trim().max(500).nullable().optional(),
});
export type CreateTeamRequest = z.infer<typeof CreateTeamRequest>;

export const UpdateTeamRequest = z.object({ description: z.string().trim().max(500).nullable() });
export type UpdateTeamRequest = z.infer<typeof UpdateTeamRequest>;

/** A user's role in one team. */
export const TeamMembership = z
  .object({ teamId: z.string(), teamName: z.string(), role: Role })
  .meta({ id: 'TeamMembership' });
export type TeamMembership = z.infer<typeof TeamMembership>;

export const TeamMember = z
  .object({ userId: z.string(), username: z.string(), displayName: z.string().nullable(), role: Role })
  .meta({ id: 'TeamMember' });
export type TeamMember = z.infer<typeof TeamMember>;

export const TeamMemberList = z.object({ items: z.array(TeamMember) }).meta({ id: 'TeamMemberList' });
export type TeamMemberList = z.infer<typeof TeamMemberList>;

export const PutTeamMemberRequest = z.object({ role: Role });
export type PutTeamMemberRequest = z.infer<typeof PutTeamMemberRequest>;

export const TeamMemberParams = z.object({ id: z.string().min(1).max(64), userId: z.string().min(1).max(64) });
