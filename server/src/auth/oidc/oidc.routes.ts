import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors/errors.js';
import type { AuthService } from '../auth.service.js';
import { setSessionCookie } from '../auth.routes.js';
import { OidcLogin, OidcLoginError, OIDC_CALLBACK_PATH } from './oidc-login.js';

export interface OidcRoutesOptions {
  auth: AuthService;
  /** Absent when single sign-on is not configured: the routes then say so. */
  oidc: OidcLogin | undefined;
  secureCookies: boolean;
  sessionTtlMs: number;
}

/** Holds the sealed pending login while the browser is at the provider. */
const PENDING_COOKIE = 'weir_oidc_pending';

/**
 * The two browser navigations of single sign-on. Both answer with redirects, never JSON: the browser
 * goes to the provider, comes back, and lands on the page it wanted or on the login page with the
 * reason (`?sso_error=`) when there is no session.
 */
export function oidcRoutes(app: FastifyInstance, { auth, oidc, secureCookies, sessionTtlMs }: OidcRoutesOptions): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const redirect = { 302: z.null().describe('a redirect to the provider, the page asked for, or the login page with sso_error') };

  const failed = async (reply: FastifyReply, reason: string, message: string, address: string): Promise<FastifyReply> => {
    await auth.externalLoginFailed('oidc', reason, address, message);
    reply.clearCookie(PENDING_COOKIE, { path: OIDC_CALLBACK_PATH });
    return reply.redirect(`/login?sso_error=${encodeURIComponent(reason)}`, 302);
  };

  r.get('/api/auth/oidc/start', {
    config: { access: 'public' },
    schema: { tags: ['auth'], operationId: 'startSingleSignOn', querystring: z.object({ returnTo: z.string().max(2000).optional() }), response: redirect },
    handler: async (req, reply) => {
      if (!oidc) return failed(reply, 'not-configured', 'Single sign-on is not configured', req.ip);
      let begun;
      try {
        begun = await oidc.begin(req.query.returnTo ?? '/');
      } catch (err) {
        if (err instanceof OidcLoginError) return failed(reply, err.failure, err.message, req.ip);
        throw err;
      }
      // Lax, not strict: the provider sends the browser back with a cross-site navigation.
      reply.setCookie(PENDING_COOKIE, begun.pending, { path: OIDC_CALLBACK_PATH, httpOnly: true, sameSite: 'lax', secure: secureCookies, maxAge: 600 });
      return reply.redirect(begun.authorizationUrl, 302);
    },
  });

  r.get(OIDC_CALLBACK_PATH, {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      operationId: 'completeSingleSignOn',
      // The provider's parameters (code, state, iss, error…) are read by openid-client from the whole URL.
      querystring: z.object({
        code: z.string().max(4000).optional(),
        state: z.string().max(4000).optional(),
        iss: z.string().max(4000).optional(),
        error: z.string().max(4000).optional(),
        error_description: z.string().max(4000).optional(),
      }),
      response: redirect,
    },
    handler: async (req, reply) => {
      if (!oidc) return failed(reply, 'not-configured', 'Single sign-on is not configured', req.ip);
      const callbackUrl = new URL(req.url, oidc.redirectUri);
      let completed;
      try {
        completed = await oidc.complete(callbackUrl, req.cookies[PENDING_COOKIE]);
      } catch (err) {
        if (err instanceof OidcLoginError) return failed(reply, err.failure, err.message, req.ip);
        throw err;
      }
      reply.clearCookie(PENDING_COOKIE, { path: OIDC_CALLBACK_PATH });
      try {
        const { sessionToken } = await auth.loginExternal(completed.identity, oidc.config.groupRoles, req.ip);
        setSessionCookie(reply, sessionToken, { secureCookies, sessionTtlMs });
      } catch (err) {
        // Already audited by loginExternal, with who it was.
        const reason = err instanceof AppError ? (err.details as { reason?: string } | undefined)?.reason : undefined;
        if (reason) return reply.redirect(`/login?sso_error=${encodeURIComponent(reason)}`, 302);
        throw err;
      }
      return reply.redirect(completed.returnTo, 302);
    },
  });
}
