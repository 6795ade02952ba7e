// The one place that creates the Weir API client. Everything else imports `apiClient` from here.
import { createWeirClient } from '@weir/contract/client';
import { currentLanguage } from '../i18n/i18n';
import { SERVER_TIME_HEADER } from '@weir/contract';
import { serverClock } from './server-clock';

const AUTH_PATHS = new Set(['/api/auth/login', '/api/auth/ldap/login', '/api/auth/methods', '/api/auth/me', '/api/auth/logout']);

let csrfToken: string | undefined;
const unauthenticatedListeners = new Set<() => void>();

/** The CSRF token comes with login and with GET /api/auth/me; the client sends it on every unsafe request. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called whenever an API call other than the auth calls themselves answers 401: the session is gone. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

const sessionAwareFetch: typeof fetch = async (input, init) => {
  // The server writes its messages (errors) in the language the app shows, not the browser's.
  const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
  headers.set('accept-language', currentLanguage());
  const sentAt = Date.now();
  const response = await fetch(input, { ...init, headers, credentials: 'same-origin' });
  serverClock.note({ sentAt, serverTime: Number(response.headers.get(SERVER_TIME_HEADER)), receivedAt: Date.now() });
  if (response.status === 401) {
    const url = new URL(input instanceof Request ? input.url : String(input), window.location.origin);
    if (!AUTH_PATHS.has(url.pathname)) unauthenticatedListeners.forEach((listener) => listener());
  }
  return response;
};

export const apiClient = createWeirClient({
  baseUrl: window.location.origin,
  fetch: sessionAwareFetch,
  getCsrfToken: () => csrfToken,
});
