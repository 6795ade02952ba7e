import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as jose from 'jose';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/** A person known to the test provider: the password its login page checks, and the groups its claims carry. */
export interface TestAccount {
  password: string;
  name: string;
  email: string;
  groups: string[];
}

export interface TestOidcProvider {
  /** The issuer URL (http://127.0.0.1:<port>). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Change an account's groups, as an admin of the provider would. */
  accounts: Map<string, TestAccount>;
  /** The next token response carries an ID token altered so (signed with the provider's own key). */
  alterNextIdToken(change: (claims: jose.JWTPayload) => jose.JWTPayload): void;
  /** How many times a browser reached the provider's logout page. */
  logouts: number;
  close(): Promise<void>;
}

/**
 * A real OpenID Provider (the OpenID-certified `oidc-provider`) on a loopback port, with one
 * confidential client for Weir (redirect to `<weirUrl>/api/auth/oidc/callback`) and a login page of
 * its own that checks passwords. Consent is implied (a company's first-party client), so after the
 * password the browser goes straight back to Weir. Groups are a scope and claim of their own, so
 * they reach Weir through userinfo, as with many real providers.
 */
export async function startTestOidcProvider(weirUrl: string, accounts: Record<string, TestAccount>): Promise<TestOidcProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'weir';
  const clientSecret = 'test-client-secret-0123456789';
  const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await jose.exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const people = new Map(Object.entries(accounts));
  let alterIdToken: ((claims: jose.JWTPayload) => jose.JWTPayload) | undefined;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${weirUrl}/api/auth/oidc/callback`],
        post_logout_redirect_uris: [`${weirUrl}/login`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: ['weir-test-provider-cookie-key'] },
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'email', 'groups'],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'], groups: ['groups'] },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      const person = people.get(id);
      if (!person) return undefined;
      return {
        accountId: id,
        claims: async () => ({ sub: id, name: person.name, preferred_username: id, email: person.email, groups: person.groups }),
      };
    },
  });

  const result = {
    issuer,
    clientId,
    clientSecret,
    accounts: people,
    logouts: 0,
    alterNextIdToken(change: (claims: jose.JWTPayload) => jose.JWTPayload) {
      alterIdToken = change;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  provider.use(async (ctx, next) => {
    if (ctx.path.startsWith('/interaction/')) return interaction(provider, ctx as KoaContextWithOIDC, people);
    if (ctx.path.startsWith('/session/end')) result.logouts += 1;
    await next();
    if (ctx.path === '/token' && alterIdToken && ctx.status === 200) {
      const body = ctx.body as { id_token?: string };
      if (body.id_token) {
        const claims = alterIdToken(jose.decodeJwt(body.id_token));
        alterIdToken = undefined;
        body.id_token = await new jose.SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'test-key' }).sign(privateKey);
      }
    }
  });
  server.on('request', provider.callback());
  return result;
}

/** The provider's login page: a form, the password checked, consent implied. */
async function interaction(provider: Provider, ctx: KoaContextWithOIDC, people: Map<string, TestAccount>): Promise<void> {
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  if (details.prompt.name === 'consent') {
    const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: details.params['client_id'] as string });
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    const to = await provider.interactionResult(ctx.req, ctx.res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    return ctx.redirect(to);
  }
  if (ctx.method === 'POST') {
    const form = new URLSearchParams(await readBody(ctx.req));
    const login = form.get('login') ?? '';
    const person = people.get(login);
    if (person && person.password === form.get('password')) {
      const to = await provider.interactionResult(ctx.req, ctx.res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
      return ctx.redirect(to);
    }
    ctx.status = 200;
    ctx.type = 'html';
    ctx.body = loginPage(ctx.path, 'Wrong login or password');
    return;
  }
  ctx.type = 'html';
  ctx.body = loginPage(ctx.path);
}

function loginPage(action: string, error?: string): string {
  return `<!doctype html><html><head><title>Test identity provider</title></head><body>
<h1>Test identity provider</h1>${error ? `<p role="alert">${error}</p>` : ''}
<form method="post" action="${action}">
<label>Login <input name="login" autocomplete="username"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Sign in</button>
</form></body></html>`;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
