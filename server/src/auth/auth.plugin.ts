import type { SwaggerTransform } from '@fastify/swagger';
import type { Role } from '@weir/contract';
import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';
import { AppError, ForbiddenError, UnauthenticatedError } from '../errors/errors.js';
import type { AuthService } from './auth.service.js';
import { NotFoundError } from '../errors/errors.js';
import { roleAllows, roleFor, type Access, type Principal } from '../access/principal.js';
import type { OwnedKind } from '../teams/teams.store.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route. Every /api route must say so; see registerAuth. */
    access?: Access;
    /**
     * The thing the route acts on, named by a path parameter: its team decides, beside `access`,
     * whether the caller may (404 when they may not even see it, 403 when they see but may not act).
     */
    owner?: RouteOwner;
  }
  interface FastifyRequest {
    /** On a route with an `owner`: the caller's role for that thing (its team's, or global). */
    ownerRole?: Role;
  }
}

export const SESSION_COOKIE = 'weir_session';

/** The OpenAPI extension that states who may call an operation; the docs and the route-access test read it. */
export const ACCESS_EXTENSION = 'x-weir-access';

/** What a route acts on: the kind of thing, and the path parameter with its id. */
export interface RouteOwner {
  kind: OwnedKind;
  param: string;
}

/** Finds the team that owns a thing: its id, null when every team shares it, undefined when there is no such thing. */
export type OwnerLookup = (kind: OwnedKind, id: string) => Promise<string | null | undefined>;

/** What a 404 names a thing of each kind as; exported for the check that each has a Chinese name. */
export const OWNED_NAMES: Record<OwnedKind, string> = {
  task: 'Task',
  run: 'Run',
  cluster: 'Cluster',
  team: 'Team',
  alertChannel: 'Alert channel',
  alertRule: 'Alert rule',
  alertSilence: 'Silence',
};

/** One API route as registered: what the route-access test compares the OpenAPI description with. */
export interface DeclaredRoute {
  method: string;
  url: string;
  access: Access;
  owner?: RouteOwner;
  schema?: { body?: unknown; querystring?: unknown; params?: unknown; hide?: boolean };
}
const DECLARED = new WeakMap<FastifyInstance, DeclaredRoute[]>();

/** Every /api route registered on `app` (HEAD left out), with its declared access. */
export function declaredRoutes(app: FastifyInstance): readonly DeclaredRoute[] {
  return DECLARED.get(app) ?? [];
}

/**
 * Wraps the OpenAPI transform so each operation carries its declared access (`x-weir-access`)
 * and the security it accepts: none for public routes, a session cookie or a Bearer token otherwise.
 */
export function withAccessInOpenApi<S extends FastifySchema>(transform: SwaggerTransform<S>): SwaggerTransform<S> {
  return (input) => {
    const result = transform(input);
    const access = input.route.config?.access;
    if (!access) return result;
    const security: Array<Record<string, string[]>> = access === 'public' ? [] : [{ session: [] }, { token: [] }];
    return { ...result, schema: { ...result.schema, [ACCESS_EXTENSION]: access, security } as FastifySchema };
  };
}
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authentication and authorization for every API route, in one hook that runs
 * before validation (so an anonymous caller learns nothing from a 400):
 * - a Bearer API token, or the session cookie;
 * - cookie sessions must echo their CSRF token on state-changing methods;
 * - the route's declared `access` role is enforced.
 * A route under /api without `config.access` fails at start-up, so no route can
 * be added unprotected by accident.
 */
export function registerAuth(app: FastifyInstance, auth: AuthService, ownerOf: OwnerLookup): void {
  const declared: DeclaredRoute[] = [];
  DECLARED.set(app, declared);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
    if (methods.length === 0) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${methods.join(',')} ${route.url} does not declare config.access`);
    const owner = route.config?.owner;
    if (owner && !route.url.includes(`:${owner.param}`)) throw new Error(`Route ${route.url} names its owner by :${owner.param}, which it does not have`);
    for (const method of methods) declared.push({ method, url: route.url, access, ...(owner ? { owner } : {}), schema: route.schema as DeclaredRoute['schema'] });
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) return; // the web app's static files and unknown routes
    request.principal = await resolvePrincipal(request, auth);
    if (access === 'public') return;
    const p = request.principal;
    if (!p) throw new UnauthenticatedError();
    if (p.kind === 'user' && !SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || header !== p.csrfToken) {
        throw new AppError('CSRF', 'Missing or wrong CSRF token (x-csrf-token header)');
      }
    }
    if (!roleAllows(p.role, access)) {
      throw new ForbiddenError(`This needs the ${access} role; you are ${p.role}`);
    }
    const owner = request.routeOptions.config?.owner;
    if (owner) await checkTeamAccess(request, p, access, owner, ownerOf);
  });
}

/**
 * The team check of a route whose thing belongs to a team. Something of another team is answered
 * as if it did not exist (404), so ids cannot be probed; a team's viewer who asks to operate gets
 * 403. An id that names nothing passes through, for the route to answer its own 404.
 */
async function checkTeamAccess(request: FastifyRequest, p: Principal, access: Exclude<Access, 'public'>, owner: RouteOwner, ownerOf: OwnerLookup): Promise<void> {
  const id = (request.params as Record<string, unknown> | undefined)?.[owner.param];
  if (typeof id !== 'string' || id === '') return;
  const teamId = await ownerOf(owner.kind, id);
  if (teamId === undefined) return;
  // Something every team shares is read with the caller's highest role (a team's operator reads a
  // shared alert channel as the list shows it) and changed only with a global role.
  const role = teamId === null && SAFE_METHODS.has(request.method) ? p.role : roleFor(p, teamId);
  if (role === null) throw new NotFoundError(OWNED_NAMES[owner.kind], id);
  request.ownerRole = role;
  if (!roleAllows(role, access)) {
    throw new ForbiddenError(teamId === null ? `This is shared by every team: changing it needs a global ${access} role` : `This needs the ${access} role in the team that owns it; you are ${role} there`);
  }
}

async function resolvePrincipal(request: FastifyRequest, auth: AuthService): Promise<Principal | undefined> {
  const authorization = request.headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const principal = match?.[1] ? await auth.principalFromToken(match[1]) : undefined;
    // A wrong or revoked token is an error even where a cookie is also present.
    if (!principal) throw new UnauthenticatedError('Invalid or revoked API token');
    return principal;
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  return cookie ? auth.principalFromSession(cookie) : undefined;
}

