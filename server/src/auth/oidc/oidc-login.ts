import * as oidc from 'openid-client';
import type { OidcConfig } from '../../config/identity-settings.js';
import type { ExternalIdentity } from '../external-identity.js';
import type { SecretBox } from '../../secrets/secret-box.js';

/** Single sign-on through an OpenID Connect provider (authorization code flow with PKCE). */
/** Why a single sign-on did not end in a session: the login page explains each. */
export type OidcFailure =
  /** The provider could not be asked (down, wrong URL, an answer that is not its metadata). */
  | 'provider-unreachable'
  /** The browser came back without the login Weir started: too late, another browser, a forged or replayed answer. */
  | 'flow-invalid'
  /** The provider refused the login or its answer failed a check (issuer, audience, nonce, signature, code). */
  | 'provider-refused';

export class OidcLoginError extends Error {
  constructor(
    readonly failure: OidcFailure,
    message: string,
  ) {
    super(message);
  }
}

/** What Weir keeps in the browser between sending it to the provider and its return: sealed, so it cannot be forged. */
interface PendingLogin {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
  startedAt: number;
}

/** A login must come back within this long. */
const FLOW_LIFETIME_MS = 10 * 60_000;

export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

/**
 * The relying party's side of the login: builds the provider's authorization URL, then turns the
 * browser's return into the identity the provider vouches for. The provider's metadata is read at
 * the first login, not at start-up, so Weir starts while the provider is down and retries it then.
 */
export class OidcLogin {
  private configuration?: Promise<oidc.Configuration>;

  constructor(
    readonly config: OidcConfig,
    private readonly box: SecretBox,
    private readonly now: () => number = Date.now,
  ) {}

  get redirectUri(): string {
    return new URL(OIDC_CALLBACK_PATH, this.config.publicUrl).toString();
  }

  /** Where to send the browser, and the sealed pending login to keep in its cookie. */
  async begin(returnTo: string): Promise<{ authorizationUrl: string; pending: string }> {
    const configuration = await this.discover();
    const pending: PendingLogin = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      returnTo: safeReturnPath(returnTo),
      startedAt: this.now(),
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: scopesWithOpenid(this.config.scopes),
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { authorizationUrl: url.href, pending: this.box.seal(JSON.stringify(pending)) };
  }

  /**
   * Checks the browser's return (`callbackUrl`, with the provider's code and state) against the
   * pending login from its cookie, redeems the code and reads who logged in. Every check openid-client
   * makes applies: state, PKCE, issuer, audience, nonce, ID token signature and expiry.
   */
  async complete(callbackUrl: URL, sealedPending: string | undefined): Promise<{ identity: ExternalIdentity; returnTo: string }> {
    const pending = this.openPending(sealedPending);
    const configuration = await this.discover();
    let tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;
    try {
      tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (err) {
      if (isUnreachable(err)) throw new OidcLoginError('provider-unreachable', `The identity provider cannot be reached: ${describe(err)}`);
      if (err instanceof oidc.AuthorizationResponseError) {
        throw new OidcLoginError('provider-refused', `The identity provider refused the login: ${err.error}${err.error_description ? ` (${err.error_description})` : ''}`);
      }
      // openid-client's own message is generic; what failed is in its cause.
      const stateMismatch = /"state"/.test(describe(err)) && !/hash/.test(describe(err));
      if (stateMismatch) throw new OidcLoginError('flow-invalid', 'The answer from the identity provider does not belong to the login this browser started');
      throw new OidcLoginError('provider-refused', `The identity provider's answer failed a check: ${describe(err)}`);
    }
    const claims = tokens.claims();
    if (!claims) throw new OidcLoginError('provider-refused', 'The identity provider sent no ID token');
    let groupsValue: unknown = claims[this.config.groupsClaim];
    let profile: Record<string, unknown> = claims;
    if (groupsValue === undefined) {
      // Many providers put groups only into userinfo, to keep ID tokens small.
      try {
        profile = { ...(await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub)), ...claims };
        groupsValue = profile[this.config.groupsClaim];
      } catch (err) {
        throw new OidcLoginError(isUnreachable(err) ? 'provider-unreachable' : 'provider-refused', `Weir could not read your groups from the identity provider: ${describe(err)}`);
      }
    }
    const username = firstString(profile[this.config.usernameClaim], profile['email'], claims.sub)!;
    return {
      identity: {
        source: 'oidc',
        subject: claims.sub,
        username: username.slice(0, 64),
        displayName: firstString(profile['name'])?.slice(0, 128) ?? null,
        groups: groupsOf(groupsValue),
      },
      returnTo: pending.returnTo,
    };
  }

  /** The provider's logout page for a user leaving Weir, when it offers one (RP-initiated logout). */
  async endSessionUrl(): Promise<string | null> {
    let configuration: oidc.Configuration;
    try {
      configuration = await this.discover();
    } catch {
      return null;
    }
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return oidc.buildEndSessionUrl(configuration, { client_id: this.config.clientId, post_logout_redirect_uri: new URL('/login', this.config.publicUrl).toString() }).href;
  }

  private openPending(sealed: string | undefined): PendingLogin {
    if (!sealed) throw new OidcLoginError('flow-invalid', 'This browser has no login in progress (it took too long, cookies are blocked, or it was started in another browser)');
    let pending: PendingLogin;
    try {
      pending = JSON.parse(this.box.open(sealed)) as PendingLogin;
    } catch {
      throw new OidcLoginError('flow-invalid', 'The login in progress was altered');
    }
    if (!(this.now() - pending.startedAt < FLOW_LIFETIME_MS)) throw new OidcLoginError('flow-invalid', 'The login took longer than 10 minutes; start again');
    return pending;
  }

  /** Reads the provider's metadata once; a failure is not kept, so the next login asks again. */
  private discover(): Promise<oidc.Configuration> {
    if (!this.configuration) {
      const issuer = new URL(this.config.issuer);
      this.configuration = oidc
        .discovery(issuer, this.config.clientId, this.config.clientSecret, undefined, {
          timeout: Math.ceil(this.config.timeoutMs / 1000),
          // Plain http only where the admin configured it (a provider on this machine, a test); https otherwise.
          ...(issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {}),
        })
        .catch((err: unknown) => {
          this.configuration = undefined;
          throw new OidcLoginError('provider-unreachable', `The identity provider at ${this.config.issuer} cannot be used: ${describe(err)}`);
        });
    }
    return this.configuration;
  }
}

/** Only a path of Weir's own: anything else (another site, `//host`, `/\host`) returns to the overview. */
export function safeReturnPath(value: string | undefined): string {
  if (!value || !/^\/(?![/\\])[\x21-\x7e]*$/.test(value)) return '/';
  return value.startsWith('/login') ? '/' : value;
}

function scopesWithOpenid(scopes: string): string {
  const list = scopes.split(/[\s,]+/).filter(Boolean);
  return (list.includes('openid') ? list : ['openid', ...list]).join(' ');
}

/** A claim's groups: an array of strings, or one string (some providers send a single group so). */
function groupsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string').slice(0, 1000);
  return [];
}

function firstString(...values: unknown[]): string | undefined {
  return values.find((v): v is string => typeof v === 'string' && v.trim() !== '')?.trim();
}

function isUnreachable(err: unknown): boolean {
  const cause = (err as { cause?: { code?: string } } | undefined)?.cause;
  return (err instanceof TypeError && /fetch failed/i.test(err.message)) || ['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT'].includes(cause?.code ?? '') || (err as Error)?.name === 'TimeoutError' || (err as Error)?.name === 'AbortError';
}

function describe(err: unknown): string {
  if (err instanceof OidcLoginError) return err.message;
  const e = err as { message?: string; cause?: { message?: string; code?: string } };
  const cause = e?.cause?.message ?? e?.cause?.code;
  return `${e?.message ?? String(err)}${cause && !String(e?.message).includes(cause) ? ` (${cause})` : ''}`;
}
