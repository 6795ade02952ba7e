import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, ForbiddenError, UnauthenticatedError } from '../errors/errors.js';
import type { AuthService } from './auth.service.js';
import { roleAllows, type Access, type Principal } from './principal.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route. Every /api route must say so; see registerAuth. */
    access?: Access;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

export const SESSION_COOKIE = 'weir_session';
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
export function registerAuth(app: FastifyInstance, auth: AuthService): void {
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && route.method !== 'HEAD' && !route.config?.access) {
      throw new Error(`Route ${String(route.method)} ${route.url} does not declare config.access`);
    }
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
  });
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

/** The caller of a non-public route; the hook above guarantees one. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new UnauthenticatedError();
  return request.principal;
}
