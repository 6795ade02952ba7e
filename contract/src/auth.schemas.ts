import { z } from 'zod';
import { EpochMs, Role } from './common.schemas.js';
import { GlobalRole, TeamMembership } from './teams.schemas.js';

/** Who vouches for a user: Weir's own password, single sign-on (OIDC), the LDAP directory; `token` for an API token asking who it is. */
export const AuthSource = z.enum(['local', 'oidc', 'ldap', 'token']);
export type AuthSource = z.infer<typeof AuthSource>;

export const User = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string().nullable(),
    /** The highest role the user has anywhere (global or in a team): what the app's menus follow. */
    role: Role,
    /** The role over every team; `none`: only what the teams give. */
    globalRole: GlobalRole,
    teams: z.array(TeamMembership),
    authSource: AuthSource,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** The ways to log in that this Weir offers, for the login page. */
export const LoginMethods = z
  .object({
    /** Username and Weir password (`admins`: only local admin accounts, a break-glass login beside single sign-on). */
    local: z.enum(['on', 'admins', 'off']),
    /** Single sign-on through an OpenID Connect provider: the login page's button says `label`. */
    oidc: z.object({ label: z.string() }).nullable(),
    /** Username and directory password, checked against LDAP. */
    ldap: z.object({ label: z.string() }).nullable(),
  })
  .meta({ id: 'LoginMethods' });
export type LoginMethods = z.infer<typeof LoginMethods>;

/** After logout: where to send the browser to end the single sign-on session at the provider too, when it offers that. */
export const LogoutResult = z.object({ providerLogoutUrl: z.string().nullable() }).meta({ id: 'LogoutResult' });
export type LogoutResult = z.infer<typeof LogoutResult>;

export const SessionInfo = z.object({ user: User, csrfToken: z.string() }).meta({ id: 'SessionInfo' });
export type SessionInfo = z.infer<typeof SessionInfo>;

export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(10, 'at least 10 characters').max(256),
});

export const CreateUserRequest = z.object({
  username: z
    .string()
    .trim()
    .min(2)
    .max(64)
    .regex(/^[a-zA-Z0-9._-]+$/, 'letters, digits, dot, dash and underscore only'),
  displayName: z.string().trim().max(128).optional(),
  password: z.string().min(10, 'at least 10 characters').max(256),
  /** The global role (`none`: only the teams below). */
  role: GlobalRole,
  teams: z.array(z.object({ teamId: z.string().min(1).max(64), role: Role })).max(200).optional(),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z.object({
  role: GlobalRole.optional(),
  displayName: z.string().trim().max(128).optional(),
  disabled: z.boolean().optional(),
});

export const UserList = z.object({ items: z.array(User.extend({ disabled: z.boolean(), createdAt: EpochMs })) });

export const ApiToken = z
  .object({
    id: z.string(),
    name: z.string(),
    role: Role,
    /** The one team the token acts in; null: a global token (made by a global admin). */
    teamId: z.string().nullable(),
    createdBy: z.string(),
    createdAt: EpochMs,
    lastUsedAt: EpochMs.nullable(),
    revokedAt: EpochMs.nullable(),
    /** Null: never expires. */
    expiresAt: EpochMs.nullable(),
    /** The user or token that made this token; revoking that access revokes this token too. */
    createdByUserId: z.string().nullable(),
    createdByTokenId: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof ApiToken>;

export const CreateApiTokenRequest = z.object({
  name: z.string().trim().min(1).max(100),
  role: Role,
  /** Scope the token to one team (required for a team admin; a global admin may leave it out for a global token). */
  teamId: z.string().min(1).max(64).optional(),
  /** When the token stops working (epoch ms, in the future); absent: never. */
  expiresAt: EpochMs.optional(),
});

/** The secret is in this answer and never again. */
export const CreatedApiToken = z.object({ token: ApiToken, secret: z.string() });
export const ApiTokenList = z.object({ items: z.array(ApiToken) });
