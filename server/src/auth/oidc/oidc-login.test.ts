import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { parseGroupRoleMapping, type GroupRoleMapping } from '../../config/identity-settings.js';
import { startTestOidcProvider, type TestOidcProvider } from '../../test-support/oidc-provider.js';
import { startTestWeir, testApp, type TestWeir } from '../../test-support/weir.js';
import { freePort } from '../../test-support/weir-process.js';
import { SecretBox } from '../../secrets/secret-box.js';
import { OidcLogin, safeReturnPath } from './oidc-login.js';
import { makePrincipal } from '../../access/principal.js';

/**
 * A browser, as far as single sign-on needs one: follows redirects one by one, keeps cookies per
 * name and path (Weir and the provider are both on 127.0.0.1, on different ports, as cookies do
 * not tell ports apart), and submits the provider's login form.
 */
class Browser {
  readonly cookies = new Map<string, { value: string; path: string }>();
  /** Every URL the browser was sent to, in order. */
  readonly visited: string[] = [];

  /** Called before each request; may change where it goes (a forged answer) or act (the provider goes down). */
  beforeRequest?: (url: string) => string | Promise<string>;

  async go(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<{ url: string; status: number; body: string }> {
    let current = url;
    let method = init.method ?? 'GET';
    let body: string | undefined = init.form ? new URLSearchParams(init.form).toString() : undefined;
    for (let hop = 0; hop < 20; hop++) {
      if (this.beforeRequest) current = await this.beforeRequest(current);
      this.visited.push(current);
      const path = new URL(current).pathname;
      const cookie = [...this.cookies].filter(([, c]) => path.startsWith(c.path)).map(([name, c]) => `${name}=${c.value}`).join('; ');
      const res = await fetch(current, {
        method,
        redirect: 'manual',
        headers: { ...(cookie ? { cookie } : {}), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        ...(body ? { body } : {}),
      });
      for (const line of res.headers.getSetCookie()) this.remember(line);
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        current = new URL(location, current).toString();
        method = 'GET';
        body = undefined;
        continue;
      }
      return { url: current, status: res.status, body: await res.text() };
    }
    throw new Error(`too many redirects: ${this.visited.slice(-5).join(' → ')}`);
  }

  private remember(line: string): void {
    const [pair, ...attributes] = line.split(';').map((part) => part.trim());
    const at = pair!.indexOf('=');
    const name = pair!.slice(0, at);
    const value = pair!.slice(at + 1);
    const path = attributes.find((a) => /^path=/i.test(a))?.slice(5) ?? '/';
    const expired = attributes.some((a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) < Date.now()));
    if (expired || value === '') this.cookies.delete(name);
    else this.cookies.set(name, { value, path });
  }

  /** Logs in at the provider's page the browser is on. */
  async signIn(page: { url: string; body: string }, login: string, password: string) {
    assert.match(page.body, /Test identity provider/, `expected the provider's login page at ${page.url}`);
    return this.go(page.url, { method: 'POST', form: { login, password } });
  }
}


function mapping(text: string): GroupRoleMapping {
  const parsed = parseGroupRoleMapping(text);
  if ('errors' in parsed) throw new Error(parsed.errors.join());
  return parsed.mapping;
}

const SECRET_KEY = 'ab'.repeat(32);

const ACCOUNTS = {
  alice: { password: 'alice-password', name: 'Alice Ops', email: 'alice@example.org', groups: ['flink-ops', 'everyone'] },
  bob: { password: 'bob-password', name: 'Bob Admin', email: 'bob@example.org', groups: ['weir-admins'] },
  carol: { password: 'carol-password', name: 'Carol Sales', email: 'carol@example.org', groups: ['marketing'] },
};

describe('single sign-on through a real OpenID provider', () => {
  let provider: TestOidcProvider;
  let weir: TestWeir;
  let app: FastifyInstance;
  let weirUrl: string;

  before(async () => {
    weirUrl = `http://127.0.0.1:${await freePort()}`;
    provider = await startTestOidcProvider(weirUrl, ACCOUNTS);
    weir = await startTestWeir({
      background: false,
      config: {
        secretKey: SECRET_KEY,
        publicUrl: weirUrl,
        identity: {
          localLogin: 'admins',
          oidc: {
            issuer: provider.issuer,
            clientId: provider.clientId,
            // Given sealed, as an admin keeps it in a configuration file; opened with Weir's key.
            clientSecret: SecretBox.fromKey(SECRET_KEY).seal(provider.clientSecret),
            scopes: 'openid profile email groups',
            groupsClaim: 'groups',
            usernameClaim: 'preferred_username',
            groupRoles: mapping('weir-admins=admin, flink-ops=operator'),
            label: 'Company login',
          },
        },
      },
    });
    app = await testApp(weir);
    await app.listen({ port: Number(new URL(weirUrl).port), host: '127.0.0.1' });
  });
  after(async () => {
    await app?.close();
    await weir?.stop();
    await provider?.close();
  });

  /** Starts single sign-on in a new browser and signs in at the provider; where the browser ends up. */
  async function logIn(login: string, password: string, browser = new Browser(), returnTo = '/runs/r1?tab=logs') {
    const atProvider = await browser.go(`${weirUrl}/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`);
    const landed = await browser.signIn(atProvider, login, password);
    return { browser, landed: new URL(landed.url) };
  }

  async function me(browser: Browser) {
    const session = browser.cookies.get('weir_session');
    if (!session) return undefined;
    const res = await fetch(`${weirUrl}/api/auth/me`, { headers: { cookie: `weir_session=${session.value}` } });
    return res.status === 200 ? ((await res.json()) as { user: { username: string; role: string; authSource: string; displayName: string | null }; csrfToken: string }) : undefined;
  }

  async function auditFailures(): Promise<Array<{ reason: string; source: string; message?: string }>> {
    const page = await weir.services.audit.list({ action: 'auth.login', limit: 100 });
    return page.items.filter((e) => e.outcome === 'failure').map((e) => JSON.parse(e.detail ?? '{}') as { reason: string; source: string; message?: string });
  }

  it('the login page is told about single sign-on', async () => {
    const methods = (await (await fetch(`${weirUrl}/api/auth/methods`)).json()) as unknown;
    assert.deepEqual(methods, { local: 'admins', oidc: { label: 'Company login' }, ldap: null });
  });

  it('a user of a mapped group logs in at the provider and lands, logged in, on the page they asked for', async () => {
    const { browser, landed } = await logIn('alice', 'alice-password');
    assert.equal(landed.pathname + landed.search, '/runs/r1?tab=logs');
    const session = await me(browser);
    assert.deepEqual(session?.user && { ...session.user, id: undefined }, { id: undefined, username: 'alice', displayName: 'Alice Ops', role: 'operator', globalRole: 'operator', teams: [], authSource: 'oidc' });
    assert.equal(browser.cookies.has('weir_oidc_pending'), false, 'the pending login is cleared');
    // PKCE was used: the provider saw a code challenge.
    const authorize = browser.visited.find((u) => u.startsWith(`${provider.issuer}/auth?`));
    assert.equal(new URL(authorize!).searchParams.get('code_challenge_method'), 'S256');
  });

  it('the role follows the groups at each login', async () => {
    provider.accounts.get('alice')!.groups = ['weir-admins'];
    try {
      const { browser } = await logIn('alice', 'alice-password');
      assert.equal((await me(browser))?.user.role, 'admin');
      const users = await weir.services.auth.listUsers();
      assert.equal(users.filter((u) => u.username === 'alice').length, 1, 'the same user, not a second one');
    } finally {
      provider.accounts.get('alice')!.groups = ['flink-ops'];
    }
    const { browser } = await logIn('alice', 'alice-password');
    assert.equal((await me(browser))?.user.role, 'operator');
  });

  it('a user in no mapped group gets no session and the login page says why', async () => {
    const { browser, landed } = await logIn('carol', 'carol-password');
    assert.equal(landed.pathname, '/login');
    assert.equal(landed.searchParams.get('sso_error'), 'no-role');
    assert.equal(browser.cookies.has('weir_session'), false);
    assert.ok((await auditFailures()).some((f) => f.reason === 'in no mapped group' && f.source === 'oidc'));
  });

  it('an answer altered on its way back (state) is refused', async () => {
    const browser = new Browser();
    browser.beforeRequest = (url) => (url.includes('/api/auth/oidc/callback') ? url.replace(/state=[^&]+/, 'state=forged') : url);
    const { landed } = await logIn('alice', 'alice-password', browser);
    assert.equal(landed.searchParams.get('sso_error'), 'flow-invalid', JSON.stringify(await auditFailures()));
    assert.equal(browser.cookies.has('weir_session'), false);
  });

  it('a return without the login this browser started is refused (another browser, cookies lost)', async () => {
    const browser = new Browser();
    browser.beforeRequest = (url) => {
      if (url.includes('/api/auth/oidc/callback')) browser.cookies.delete('weir_oidc_pending');
      return url;
    };
    const { landed } = await logIn('alice', 'alice-password', browser);
    assert.equal(landed.searchParams.get('sso_error'), 'flow-invalid');
    assert.ok((await auditFailures()).some((f) => f.reason === 'flow-invalid' && /no login in progress/.test(f.message ?? '')));
  });

  it('an ID token for another audience, or with another nonce, is refused', async () => {
    provider.alterNextIdToken((claims) => ({ ...claims, aud: 'some-other-client' }));
    const other = await logIn('alice', 'alice-password');
    assert.equal(other.landed.searchParams.get('sso_error'), 'provider-refused');
    assert.equal(other.browser.cookies.has('weir_session'), false);
    provider.alterNextIdToken((claims) => ({ ...claims, nonce: 'replayed-nonce' }));
    const replayed = await logIn('alice', 'alice-password');
    assert.equal(replayed.landed.searchParams.get('sso_error'), 'provider-refused');
    const messages = (await auditFailures()).filter((f) => f.reason === 'provider-refused').map((f) => f.message ?? '');
    assert.ok(messages.some((m) => /aud/.test(m)), messages.join(' | '));
    assert.ok(messages.some((m) => /nonce/.test(m)), messages.join(' | '));
  });

  it('a return to another site is not followed: the user lands on the overview', async () => {
    const { landed } = await logIn('alice', 'alice-password', new Browser(), '//evil.example/steal');
    assert.equal(landed.origin, weirUrl);
    assert.equal(landed.pathname, '/');
  });

  it('Weir passwords: a local admin may still log in (break-glass), a single sign-on user may not', async () => {
    await weir.services.auth.createUser(makePrincipal({ kind: 'user', id: 'system', name: 'system' }, 'admin'), { username: 'glass', password: 'glass-password', role: 'admin' });
    await weir.services.auth.createUser(makePrincipal({ kind: 'user', id: 'system', name: 'system' }, 'admin'), { username: 'local-op', password: 'local-op-password', role: 'operator' });
    const login = (username: string, password: string) =>
      fetch(`${weirUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    assert.equal((await login('glass', 'glass-password')).status, 200);
    assert.equal((await login('local-op', 'local-op-password')).status, 401, 'WEIR_LOCAL_LOGIN=admins');
    assert.equal((await login('alice', 'alice-password')).status, 401, 'the provider keeps her password, not Weir');
  });

  it('logout ends the Weir session and hands the browser to the provider to end its session too', async () => {
    const { browser } = await logIn('alice', 'alice-password');
    const session = (await me(browser))!;
    const res = await fetch(`${weirUrl}/api/auth/logout`, { method: 'POST', headers: { cookie: `weir_session=${browser.cookies.get('weir_session')!.value}`, 'x-csrf-token': session.csrfToken } });
    assert.equal(res.status, 200);
    const { providerLogoutUrl } = (await res.json()) as { providerLogoutUrl: string };
    const url = new URL(providerLogoutUrl);
    assert.equal(url.origin + url.pathname, `${provider.issuer}/session/end`);
    assert.equal(url.searchParams.get('post_logout_redirect_uri'), `${weirUrl}/login`);
    assert.equal(await me(browser), undefined, 'the Weir session is over');
    const before = provider.logouts;
    assert.equal((await browser.go(providerLogoutUrl)).status, 200, "the provider's logout page");
    assert.equal(provider.logouts, before + 1);
  });

  it('a provider that goes down while the user is signing in: the login page says it cannot be reached', async () => {
    const browser = new Browser();
    browser.beforeRequest = async (url) => {
      if (url.includes('/api/auth/oidc/callback')) await provider.close();
      return url;
    };
    const { landed } = await logIn('alice', 'alice-password', browser);
    assert.equal(landed.searchParams.get('sso_error'), 'provider-unreachable');
    assert.equal(browser.cookies.has('weir_session'), false);
    assert.ok((await auditFailures()).some((f) => f.reason === 'provider-unreachable'));
  });
});

describe('OidcLogin before it has a session to give', () => {
  const box = SecretBox.fromKey('cd'.repeat(32));
  const settings = { clientId: 'weir', clientSecret: 's', scopes: 'openid', groupsClaim: 'groups', usernameClaim: 'preferred_username', groupRoles: { groups: [] }, label: 'SSO', publicUrl: 'http://127.0.0.1:1', timeoutMs: 2_000 };

  it('a client secret sealed with another key stops Weir at start, naming the setting', async () => {
    const { publicUrl: _u, timeoutMs: _t, ...oidc } = settings;
    await assert.rejects(
      startTestWeir({ background: false, config: { secretKey: 'ab'.repeat(32), identity: { localLogin: 'on', oidc: { ...oidc, issuer: 'http://127.0.0.1:1', clientSecret: box.seal('x') } } } }),
      /WEIR_OIDC_CLIENT_SECRET: sealed with another key/,
    );
  });

  it('an unreachable provider is named, and asked again at the next login', async () => {
    const port = await freePort();
    const login = new OidcLogin({ ...settings, issuer: `http://127.0.0.1:${port}` }, box);
    await assert.rejects(login.begin('/'), (err: Error & { failure?: string }) => {
      assert.equal(err.failure, 'provider-unreachable');
      assert.match(err.message, new RegExp(`127\\.0\\.0\\.1:${port}`));
      return true;
    });
    await assert.rejects(login.begin('/'), /cannot be used/);
  });

  it('a provider whose metadata names another issuer is refused', async () => {
    const provider = await startTestOidcProvider('http://127.0.0.1:1', ACCOUNTS);
    try {
      // Same server, reached by another name: its metadata says 127.0.0.1, not localhost.
      const login = new OidcLogin({ ...settings, issuer: provider.issuer.replace('127.0.0.1', 'localhost') }, box);
      await assert.rejects(login.begin('/'), (err: Error & { failure?: string }) => err.failure === 'provider-unreachable' && /issuer/i.test(err.message));
    } finally {
      await provider.close();
    }
  });

  it('a pending login that is too old, altered or absent is refused before the provider is asked', async () => {
    const provider = await startTestOidcProvider('http://127.0.0.1:1', ACCOUNTS);
    try {
      let clock = 1_800_000_000_000;
      const login = new OidcLogin({ ...settings, issuer: provider.issuer }, box, () => clock);
      const { pending } = await login.begin('/');
      const callback = new URL('http://127.0.0.1:1/api/auth/oidc/callback?code=x&state=y');
      clock += 10 * 60_000 + 1;
      await assert.rejects(login.complete(callback, pending), /longer than 10 minutes/);
      const altered = pending.slice(0, -4) + (pending.endsWith('AAAA') ? 'BBBB' : 'AAAA');
      await assert.rejects(login.complete(callback, altered), /was altered/);
      await assert.rejects(login.complete(callback, undefined), /no login in progress/);
      await assert.rejects(login.complete(callback, SecretBox.fromKey('ef'.repeat(32)).seal('{}')), /was altered/, 'sealed with another key');
    } finally {
      await provider.close();
    }
  });
});

describe('safeReturnPath', () => {
  it('keeps paths of Weir and sends anything else to the overview', () => {
    assert.equal(safeReturnPath('/runs/abc?tab=logs'), '/runs/abc?tab=logs');
    for (const hostile of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '/login?next=x', '', undefined, '/a b']) {
      assert.equal(safeReturnPath(hostile), '/', String(hostile));
    }
  });
});
