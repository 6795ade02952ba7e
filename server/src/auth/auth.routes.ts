import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiTokenList,
  ChangePasswordRequest,
  CreateApiTokenRequest,
  CreatedApiToken,
  CreateUserRequest,
  ErrorBody,
  IdParams,
  LoginMethods,
  LogoutResult,
  LoginRequest,
  SessionInfo,
  UpdateUserRequest,
  User,
  UserList,
} from '@weir/contract';
import { AppError } from '../errors/errors.js';
import type { AuthService } from './auth.service.js';
import type { LdapLogin } from './ldap/ldap-login.js';
import type { OidcLogin } from './oidc/oidc-login.js';
import { SESSION_COOKIE } from './auth.plugin.js';
import { principalOf } from '../access/request-principal.js';

export interface AuthRoutesOptions {
  auth: AuthService;
  /** The ways to log in this Weir offers (configuration). */
  methods: LoginMethods;
  /** Single sign-on, whose provider a leaving user is sent to for its own logout. */
  oidc?: OidcLogin | undefined;
  secureCookies: boolean;
  sessionTtlMs: number;
  /** Directory login, when configured (WEIR_LDAP_URL). */
  ldap?: LdapLogin | undefined;
}

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };
/** The directory could not check the password (down, or Weir's LDAP settings wrong). */
const directoryErrors = { ...errors, 503: ErrorBody };

/** The session cookie: only for Weir's own pages (strict), never readable by scripts. */
export function setSessionCookie(reply: FastifyReply, sessionToken: string, { secureCookies, sessionTtlMs }: Pick<AuthRoutesOptions, 'secureCookies' | 'sessionTtlMs'>): void {
  reply.setCookie(SESSION_COOKIE, sessionToken, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: secureCookies,
    maxAge: Math.floor(sessionTtlMs / 1000),
  });
}

export function authRoutes(app: FastifyInstance, { auth, methods, oidc, ldap, secureCookies, sessionTtlMs }: AuthRoutesOptions): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/auth/methods', {
    config: { access: 'public' },
    schema: { tags: ['auth'], operationId: 'loginMethods', response: { 200: LoginMethods, ...errors } },
    handler: () => methods,
  });

  r.post('/api/auth/login', {
    config: { access: 'public' },
    schema: { tags: ['auth'], operationId: 'login', body: LoginRequest, response: { 200: SessionInfo, ...errors } },
    handler: async (req, reply) => {
      const { sessionToken, info } = await auth.login(req.body.username, req.body.password, req.ip);
      setSessionCookie(reply, sessionToken, { secureCookies, sessionTtlMs });
      return info;
    },
  });

  r.post('/api/auth/ldap/login', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      operationId: 'ldapLogin',
      description: 'Logs in with a directory (LDAP) username and password; sets the same session cookie as a Weir password login. 503 when the directory cannot check the password.',
      body: LoginRequest,
      response: { 200: SessionInfo, ...directoryErrors },
    },
    handler: async (req, reply) => {
      if (!ldap) throw new AppError('NOT_FOUND', 'LDAP login is not configured on this Weir');
      const { sessionToken, info } = await ldap.login(req.body.username, req.body.password, req.ip);
      setSessionCookie(reply, sessionToken, { secureCookies, sessionTtlMs });
      return info;
    },
  });

  r.post('/api/auth/logout', {
    config: { access: 'viewer' },
    schema: { tags: ['auth'], operationId: 'logout', response: { 200: LogoutResult, ...errors } },
    handler: async (req, reply) => {
      const principal = principalOf(req);
      const single = oidc && principal.kind === 'user' && (await auth.sessionInfo(principal)).user.authSource === 'oidc';
      await auth.logout(principal);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { providerLogoutUrl: single ? await oidc.endSessionUrl() : null };
    },
  });

  r.get('/api/auth/me', {
    config: { access: 'viewer' },
    schema: { tags: ['auth'], operationId: 'me', response: { 200: SessionInfo, ...errors } },
    handler: (req) => auth.sessionInfo(principalOf(req)),
  });

  r.post('/api/auth/password', {
    config: { access: 'viewer' },
    schema: { tags: ['auth'], operationId: 'changePassword', body: ChangePasswordRequest, response: { 204: z.null(), ...errors } },
    handler: async (req, reply) => {
      await auth.changePassword(principalOf(req), req.body.currentPassword, req.body.newPassword);
      return reply.status(204).send(null);
    },
  });

  r.get('/api/users', {
    config: { access: 'admin' },
    schema: { tags: ['users'], operationId: 'listUsers', response: { 200: UserList, ...errors } },
    handler: async (req) => ({ items: await auth.listUsers(principalOf(req)) }),
  });

  r.post('/api/users', {
    config: { access: 'admin' },
    schema: { tags: ['users'], operationId: 'createUser', body: CreateUserRequest, response: { 201: User, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await auth.createUser(principalOf(req), req.body)),
  });

  r.patch('/api/users/:id', {
    config: { access: 'admin' },
    schema: { tags: ['users'], operationId: 'updateUser', params: IdParams, body: UpdateUserRequest, response: { 200: User, ...errors } },
    handler: (req) => auth.updateUser(principalOf(req), req.params.id, req.body),
  });

  r.get('/api/tokens', {
    config: { access: 'admin' },
    schema: { tags: ['tokens'], operationId: 'listTokens', response: { 200: ApiTokenList, ...errors } },
    handler: async (req) => ({ items: await auth.listTokens(principalOf(req)) }),
  });

  r.post('/api/tokens', {
    config: { access: 'admin' },
    schema: { tags: ['tokens'], operationId: 'createToken', body: CreateApiTokenRequest, response: { 201: CreatedApiToken, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await auth.createToken(principalOf(req), req.body.name, req.body.role, { expiresAt: req.body.expiresAt, teamId: req.body.teamId })),
  });

  r.delete('/api/tokens/:id', {
    config: { access: 'admin' },
    schema: { tags: ['tokens'], operationId: 'revokeToken', params: IdParams, response: { 204: z.null(), ...errors } },
    handler: async (req, reply) => {
      await auth.revokeToken(principalOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  });
}
