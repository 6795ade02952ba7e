import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DIRECTORY, startSlapd, weirLdapEnv, type TestSlapd } from '../../server/src/test-support/slapd.js';
import { launchBrowser, type TestBrowser } from '../support/browser.js';
import { screenshot } from '../support/screenshots.js';
import { ADMIN_USERNAME } from '../support/weir-app.js';
import { startWeirServer, type WeirServer } from '../support/weir-server.js';

const ADMIN_PASSWORD = 'e2e-admin-password';

let slapd: TestSlapd;
let server: WeirServer;
let browser: TestBrowser;

before(async () => {
  slapd = await startSlapd();
  server = await startWeirServer({
    adminPassword: ADMIN_PASSWORD,
    env: weirLdapEnv(slapd),
  });
  browser = await launchBrowser({ locale: 'en-US' });
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await slapd?.stop();
});

test('the login page offers the directory beside Weir accounts; a directory user logs in with the role of their group', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/login`);
  const choice = page.locator('.ant-segmented');
  await choice.getByText('Example directory').waitFor();
  await choice.getByText('Weir account').waitFor();
  await screenshot(page, 'directory-login', '01-choose-directory');

  // The directory is the first choice; its wrong password is refused like any other.
  await page.getByLabel('Username').fill(DIRECTORY.alice.uid);
  await page.getByLabel('Password').fill('not-her-password');
  await page.getByRole('button', { name: 'Log in with Example directory' }).click();
  assert.match(await page.getByRole('alert').innerText(), /^Could not log in: .*Wrong username or password/);

  await page.getByLabel('Password').fill(DIRECTORY.alice.password);
  await page.getByRole('button', { name: 'Log in with Example directory' }).click();
  await page.waitForURL(`${server.url}/`);
  assert.match(await page.getByRole('button', { name: 'Account' }).innerText(), /Alice Operator[\s\S]*Operator/);
  await screenshot(page, 'directory-login', '02-logged-in-from-directory');
});

test('a Weir account still logs in when the user picks it', async () => {
  await browser.context.clearCookies();
  const page = await browser.newPage();
  await page.goto(`${server.url}/login`);
  await page.locator('.ant-segmented').getByText('Weir account').click();
  await page.getByLabel('Username').fill(ADMIN_USERNAME);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.waitForURL(`${server.url}/`);
  assert.match(await page.getByRole('button', { name: 'Account' }).innerText(), /Admin/i);
});
