import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { cspViolationsOf, launchBrowser, type TestBrowser } from '../support/browser.js';
import { screenshot } from '../support/screenshots.js';
import { ADMIN_USERNAME, logIn } from '../support/weir-app.js';
import { startWeirServer, type WeirServer } from '../support/weir-server.js';

const ADMIN_PASSWORD = 'e2e-admin-password';

let server: WeirServer;
let browser: TestBrowser;

before(async () => {
  server = await startWeirServer({ adminPassword: ADMIN_PASSWORD });
  browser = await launchBrowser({ locale: 'en-US' });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('log in, switch to Chinese, log out', async () => {
  const page = await browser.newPage();

  // Unauthenticated: any page sends you to /login, remembering where you were going.
  const first = await page.goto(`${server.url}/clusters`);
  assert.match(first?.headers()['content-security-policy'] ?? '', /script-src 'self';/);
  await page.waitForURL(/\/login\?next=%2Fclusters$/);
  await page.getByRole('heading', { name: 'Log in to Weir' }).waitFor();
  await screenshot(page, 'login', '01-login-form');

  await page.getByLabel('Username').fill(ADMIN_USERNAME);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  const failure = page.getByRole('alert');
  await failure.waitFor();
  assert.match(await failure.innerText(), /^Could not log in: .+/);
  await screenshot(page, 'login', '02-wrong-password');

  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  // Back where the user was going, inside the shell.
  await page.waitForURL(`${server.url}/clusters`);
  const nav = page.getByRole('menu');
  for (const label of ['Overview', 'Tasks', 'Clusters', 'Alerts', 'Audit']) await nav.getByText(label, { exact: true }).waitFor();
  const account = page.getByRole('button', { name: 'Account' });
  assert.match(await account.innerText(), /admin/i);
  await page.getByRole('heading', { name: 'Clusters' }).waitFor();
  await screenshot(page, 'login', '03-shell-en');

  await page.getByRole('button', { name: 'Language' }).click();
  await page.getByRole('menuitem', { name: '中文' }).click();
  for (const label of ['总览', '任务', '集群', '告警', '审计']) await nav.getByText(label, { exact: true }).waitFor();
  await page.getByRole('heading', { name: '集群' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('weir.language')), 'zh-CN');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  await screenshot(page, 'login', '04-shell-zh');
  // The app works under its Content-Security-Policy (every screenshot checks it too, this says it here).
  assert.deepEqual(cspViolationsOf(page), [], 'the page broke its Content-Security-Policy');

  // The choice survives a reload.
  await page.reload();
  await nav.getByText('集群', { exact: true }).waitFor();

  await page.getByRole('button', { name: '账号' }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.waitForURL(`${server.url}/login`);
  await page.getByRole('heading', { name: '登录 Weir' }).waitFor();
  await screenshot(page, 'login', '05-logged-out-zh');

  // The session is really gone, not just hidden.
  const me = await page.request.get(`${server.url}/api/auth/me`);
  assert.equal(me.status(), 401);
});

test('a session that ends while a page is open sends the user to log in and back', async () => {
  const page = await browser.newPage();
  // Back to the browser's language (en-US), whatever an earlier test chose.
  await page.goto(`${server.url}/login`);
  await page.evaluate(() => localStorage.removeItem('weir.language'));
  await logIn(page, server.url, ADMIN_PASSWORD);
  await page.goto(`${server.url}/clusters?sort=name&order=desc`);
  await page.getByRole('heading', { name: 'Clusters' }).waitFor();

  // The server forgets nothing here; the browser loses its cookie, which the next 5 s refresh notices.
  await browser.context.clearCookies();
  await page.waitForURL(/\/login\?next=%2Fclusters%3Fsort%3Dname%26order%3Ddesc$/, { timeout: 12_000 });

  await page.getByLabel('Username').fill(ADMIN_USERNAME);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(`${server.url}/clusters?sort=name&order=desc`);
});
