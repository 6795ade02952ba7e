import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestOidcProvider, type TestOidcProvider } from '../../server/src/test-support/oidc-provider.js';
import { launchBrowser, type TestBrowser } from '../support/browser.js';
import { screenshot } from '../support/screenshots.js';
import { freePort, startWeirServer, type WeirServer } from '../support/weir-server.js';

const ADMIN_PASSWORD = 'e2e-admin-password';

let provider: TestOidcProvider;
let server: WeirServer;
let browser: TestBrowser;

before(async () => {
  const port = await freePort();
  provider = await startTestOidcProvider(`http://127.0.0.1:${port}`, {
    alice: { password: 'alice-password', name: 'Alice Ops', email: 'alice@example.org', groups: ['flink-ops'] },
    carol: { password: 'carol-password', name: 'Carol Sales', email: 'carol@example.org', groups: ['marketing'] },
  });
  server = await startWeirServer({
    adminPassword: ADMIN_PASSWORD,
    port,
    env: {
      WEIR_OIDC_ISSUER: provider.issuer,
      WEIR_OIDC_CLIENT_ID: provider.clientId,
      WEIR_OIDC_CLIENT_SECRET: provider.clientSecret,
      WEIR_OIDC_GROUP_ROLES: 'weir-admins=admin, flink-ops=operator',
      WEIR_OIDC_LABEL: 'Company login',
      WEIR_LOCAL_LOGIN: 'admins',
    },
  });
  browser = await launchBrowser({ locale: 'en-US' });
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await provider?.close();
});

test("a user logs in through the company's identity provider, lands where they were going with the role their group gives, and logs out of both", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/clusters`);
  await page.waitForURL(/\/login\?next=%2Fclusters$/);
  const sso = page.getByRole('link', { name: 'Company login' });
  await sso.waitFor();
  await page.getByText('Weir accounts log in here only as administrators').waitFor();
  await screenshot(page, 'single-sign-on', '01-login-methods');

  await sso.click();
  // The provider's own login page, in the same browser.
  await page.getByRole('heading', { name: 'Test identity provider' }).waitFor();
  assert.ok(page.url().startsWith(`${provider.issuer}/interaction/`), page.url());
  await page.getByLabel('Login').fill('alice');
  await page.getByLabel('Password').fill('alice-password');
  await screenshot(page, 'single-sign-on', '02-provider-login');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await page.waitForURL(`${server.url}/clusters`);
  await page.getByRole('heading', { name: 'Clusters' }).waitFor();
  const account = page.getByRole('button', { name: 'Account' });
  assert.match(await account.innerText(), /Alice Ops[\s\S]*Operator/);
  await screenshot(page, 'single-sign-on', '03-logged-in-as-operator');

  await account.click();
  const logout = page.getByRole('menuitem', { name: 'Log out' });
  await logout.waitFor();
  assert.equal(await page.getByRole('menuitem', { name: 'Change password' }).count(), 0, 'the provider keeps her password');
  await logout.click();
  // The provider's end-session page: Weir's session is over, the provider's ends there.
  await page.waitForURL((url) => url.href.startsWith(`${provider.issuer}/session/end`));
  const me = await page.request.get(`${server.url}/api/auth/me`);
  assert.equal(me.status(), 401);
});

test('a user in no mapped group is told why, in their language, and gets no session', async () => {
  await browser.context.clearCookies();
  const page = await browser.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByRole('link', { name: 'Company login' }).click();
  await page.getByRole('heading', { name: 'Test identity provider' }).waitFor();
  await page.getByLabel('Login').fill('carol');
  await page.getByLabel('Password').fill('carol-password');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await page.waitForURL(/\/login\?sso_error=no-role$/);
  const reason = page.getByTestId('sso-error');
  await reason.waitFor();
  assert.match(await reason.innerText(), /Single sign-on did not log you in[\s\S]*no group that gives a role in Weir/);
  await screenshot(page, 'single-sign-on', '04-no-mapped-group');
  assert.equal((await page.request.get(`${server.url}/api/auth/me`)).status(), 401);

  await page.getByRole('button', { name: 'Language' }).click();
  await page.getByRole('menuitem', { name: '中文' }).click();
  await page.getByText('你不在任何可获得 Weir 角色的组中').waitFor();
  await screenshot(page, 'single-sign-on', '05-no-mapped-group-zh');
});
