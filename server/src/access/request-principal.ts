// Who is calling, as the auth plugin found them for this request. Here, beside the principal, so that
// every domain's routes read the caller without importing the auth domain, which itself imports
// several of them (audit, teams, events).
import type { FastifyRequest } from 'fastify';
import { UnauthenticatedError } from '../errors/errors.js';
import type { Principal } from './principal.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** The caller of a non-public route; the auth plugin's hook guarantees one. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new UnauthenticatedError();
  return request.principal;
}
