import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { launchBrowser, type TestBrowser } from '../support/browser.js';
import { screenshot } from '../support/screenshots.js';
import { confirmPopover, logIn } from '../support/weir-app.js';
import { startWeirServer, type WeirServer } from '../support/weir-server.js';

const ADMIN_PASSWORD = 'e2e-admin-password';
const VIEWER = { username: 'vera', password: 'vera-first-password' };

let server: WeirServer;
let browser: TestBrowser;

before(async () => {
  server = await startWeirServer({ adminPassword: ADMIN_PASSWORD });
  browser = await launchBrowser({ locale: 'en-US' });
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function navLabels(page: Page): Promise<string[]> {
  return (await page.getByRole('menu').getByRole('menuitem').allInnerTexts()).map((s) => s.trim());
}

async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await page.waitForURL(`${server.url}/login`);
}

test('an admin manages users and API tokens, and reads the audit log', async () => {
  const page = await browser.newPage();
  await logIn(page, server.url, ADMIN_PASSWORD);
  assert.deepEqual(await navLabels(page), ['Overview', 'Tasks', 'Clusters', 'Lineage', 'Alerts', 'Audit', 'Users', 'Teams', 'API tokens']);

  // A cluster to watch, so the overview the viewer sees below is not the empty first-run page.
  const restUrl = process.env.WEIR_TEST_FLINK_REST;
  assert.ok(restUrl, 'WEIR_TEST_FLINK_REST is not set: run through `npm test`, or point it at the dev cluster');
  const registered = await page.evaluate(
    async ({ restUrl }) => {
      const me = await (await fetch('/api/auth/me')).json();
      const res = await fetch('/api/clusters', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify({ name: 'test-flink', restUrl }) });
      return res.status;
    },
    { restUrl },
  );
  assert.equal(registered, 201);

  // Users: create a viewer.
  await page.getByRole('menu').getByText('Users', { exact: true }).click();
  await page.waitForURL(`${server.url}/users`);
  await page.getByRole('heading', { name: 'Users' }).waitFor();
  await page.getByRole('button', { name: 'Add user' }).click();
  const userDialog = page.getByRole('dialog', { name: 'Add a user' });
  await userDialog.getByLabel('Username').fill(VIEWER.username);
  await userDialog.getByLabel('Display name').fill('Vera Viewer');
  await userDialog.getByLabel('Initial password').fill('short');
  await userDialog.getByRole('button', { name: 'Create' }).click();
  await userDialog.getByText('At least 10 characters', { exact: true }).waitFor();
  await userDialog.getByLabel('Initial password').fill(VIEWER.password);
  await screenshot(page, 'admin', '01-add-user');
  await userDialog.getByRole('button', { name: 'Create' }).click();
  await userDialog.waitFor({ state: 'hidden' });
  const veraRow = page.getByRole('row').filter({ hasText: 'vera' });
  await veraRow.getByText('Vera Viewer').waitFor();
  assert.match(await veraRow.innerText(), /Viewer[\s\S]*Active/);
  // The admin's own row cannot be demoted or disabled.
  const adminRow = page.getByRole('row').filter({ hasText: 'Administrator' });
  assert.equal(await adminRow.getByRole('button', { name: 'Disable' }).count(), 0);
  await screenshot(page, 'admin', '02-users');

  // API tokens: the secret is shown once, copied, and works until revoked.
  await page.getByRole('menu').getByText('API tokens', { exact: true }).click();
  await page.waitForURL(`${server.url}/tokens`);
  await page.getByText('No API tokens yet.').waitFor();
  await page.getByRole('button', { name: 'Create token' }).click();
  const tokenDialog = page.getByRole('dialog', { name: 'Create an API token' });
  await tokenDialog.getByLabel('Name').fill('ci-deploy');
  await tokenDialog.locator('.ant-select-selector').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Operator' }).click();
  await tokenDialog.getByRole('button', { name: 'Create' }).click();
  const secretDialog = page.getByRole('dialog', { name: 'Token ci-deploy created' });
  const secret = await secretDialog.getByLabel('Secret').inputValue();
  assert.match(secret, /^weir_[A-Za-z0-9_-]{40}$/);
  // Chromium lets a page write to the clipboard only while it has focus; an earlier test's page may have it.
  await page.bringToFront();
  // Copying twice is harmless, so a click the busy page did not take is repeated; a refusal by the
  // browser is named (the page says so), never retried into a pass.
  const copied = secretDialog.getByRole('button', { name: /Copied$/ });
  const refused = page.getByText('The browser did not allow copying');
  for (let attempt = 1; ; attempt += 1) {
    await secretDialog.getByRole('button', { name: /Cop(y|ied)$/ }).click();
    const outcome = await Promise.race([
      copied.waitFor({ timeout: 5_000 }).then(() => 'copied'),
      refused.waitFor({ timeout: 5_000 }).then(() => 'refused'),
    ]).catch(() => 'nothing');
    if (outcome === 'copied') break;
    assert.notEqual(outcome, 'refused', 'the browser refused the clipboard');
    assert.ok(attempt < 3, 'three clicks on Copy changed nothing on the page');
  }
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secret);
  await screenshot(page, 'admin', '03-token-secret-once');
  await secretDialog.getByRole('button', { name: 'I have copied it' }).click();
  await secretDialog.waitFor({ state: 'hidden' });
  const tokenRow = page.getByRole('row').filter({ hasText: 'ci-deploy' });
  assert.match(await tokenRow.innerText(), /Operator[\s\S]*admin[\s\S]*Never[\s\S]*Active/);
  assert.ok(!(await page.content()).includes(secret), 'the secret is still on the page after the dialog closed');

  const withToken = () => fetch(`${server.url}/api/clusters`, { headers: { authorization: `Bearer ${secret}` } }).then((r) => r.status);
  assert.equal(await withToken(), 200);
  await tokenRow.getByRole('button', { name: 'Revoke' }).click();
  await confirmPopover(page, 'Revoke');
  await tokenRow.getByText('Revoked').waitFor();
  assert.equal(await withToken(), 401);
  await screenshot(page, 'admin', '04-token-revoked');

  // Audit log: everything above, filterable in the URL.
  await page.getByRole('menu').getByText('Audit', { exact: true }).click();
  await page.waitForURL(`${server.url}/audit`);
  await page.getByRole('heading', { name: 'Audit log' }).waitFor();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await rows.first().waitFor();
  const all = await page.locator('.ant-table-tbody').innerText();
  for (const action of ['auth.login', 'cluster.create', 'user.create', 'token.create', 'token.revoke']) assert.ok(all.includes(action), `${action} is not in the audit log`);
  await screenshot(page, 'admin', '05-audit');

  await rows.filter({ hasText: 'token.revoke' }).getByText('token.revoke').click();
  await page.waitForURL(`${server.url}/audit?action=token.revoke`);
  await page.getByText('1 entries').waitFor();
  assert.equal(await rows.count(), 1);
  assert.match(await rows.first().innerText(), /admin[\s\S]*token\.revoke[\s\S]*Success/);
  await page.reload();
  await page.getByText('1 entries').waitFor();
  assert.equal(await page.getByLabel('Action').inputValue(), 'token.revoke');
  await screenshot(page, 'admin', '06-audit-filtered');
  await logOut(page);
});

test('a viewer sees the overview without operation or admin buttons, changes the password and logs out', async () => {
  const page = await browser.newPage();
  await logIn(page, server.url, VIEWER.password, VIEWER.username);
  await page.waitForURL(`${server.url}/`);
  assert.deepEqual(await navLabels(page), ['Overview', 'Tasks', 'Clusters', 'Lineage', 'Alerts']);
  const account = page.getByRole('button', { name: 'Account' });
  assert.match(await account.innerText(), /Vera Viewer[\s\S]*Viewer/);
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'admin', '07-viewer-overview');

  const buttonNames = async () => (await page.getByRole('main').getByRole('button').allInnerTexts()).map((s) => s.trim()).filter(Boolean);
  // Verbs of operations and admin actions (status cards such as "Canceled" or "Restarting" are filters, not actions).
  const forbidden = /^(register|delete|cancel|stop|trigger savepoint|savepoint|restart|online|offline|go online|go offline|submit|publish|add user|create token|revoke|check now)\b/i;
  assert.deepEqual((await buttonNames()).filter((n) => forbidden.test(n)), []);

  await page.getByRole('menu').getByText('Clusters', { exact: true }).click();
  await page.getByRole('row').filter({ hasText: 'test-flink' }).waitFor();
  assert.deepEqual((await buttonNames()).filter((n) => forbidden.test(n)), []);
  assert.equal(await page.getByRole('button', { name: 'Delete' }).count(), 0);
  await screenshot(page, 'admin', '08-viewer-clusters');

  // Typing an admin address shows a refusal, not the admin page's buttons; the API refuses too.
  await page.goto(`${server.url}/users`);
  await page.getByText('This page is for admins').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Add user' }).count(), 0);
  assert.equal(await page.evaluate(async () => (await fetch('/api/users')).status), 403);
  await screenshot(page, 'admin', '09-viewer-refused');

  // Any role may change their own password from the account menu.
  await account.click();
  await page.getByRole('menuitem', { name: 'Change password' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change your password' });
  await dialog.getByLabel('Current password').fill(VIEWER.password);
  await dialog.getByLabel('New password', { exact: true }).fill('vera-second-password');
  await dialog.getByLabel('Repeat the new password').fill('vera-second-password');
  await screenshot(page, 'admin', '10-change-password');
  await dialog.getByRole('button', { name: 'Change password' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText('Password changed').waitFor();

  await logOut(page);
  assert.equal((await page.request.get(`${server.url}/api/auth/me`)).status(), 401);
  await logIn(page, server.url, 'vera-second-password', VIEWER.username);
  await page.getByRole('menu').getByText('Overview').waitFor();
  await logOut(page);
  await screenshot(page, 'admin', '11-logged-out');
});
