import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './generated/openapi.js';

export type { paths } from './generated/openapi.js';

export interface WeirClientOptions {
  baseUrl: string;
  fetch?: typeof globalThis.fetch;
  /** Cookie sessions must echo their CSRF token on every state-changing call. */
  getCsrfToken?: () => string | undefined;
  /** For automation: `Authorization: Bearer <token>` instead of a cookie session. */
  apiToken?: string;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The one client every consumer (web app, e2e tests, scripts) uses; typed from the committed OpenAPI spec. */
export function createWeirClient(options: WeirClientOptions) {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    credentials: 'same-origin',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const auth: Middleware = {
    onRequest({ request }) {
      if (options.apiToken) request.headers.set('authorization', `Bearer ${options.apiToken}`);
      const csrf = options.getCsrfToken?.();
      if (csrf && MUTATING.has(request.method)) request.headers.set('x-csrf-token', csrf);
      return request;
    },
  };
  client.use(auth);
  return client;
}
export type WeirClient = ReturnType<typeof createWeirClient>;
