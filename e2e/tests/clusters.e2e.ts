import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, test } from 'node:test';
import { launchBrowser, type TestBrowser } from '../support/browser.js';
import { screenshot } from '../support/screenshots.js';
import { confirmPopover, logIn } from '../support/weir-app.js';
import { useLocalYarn } from '../../server/src/test-support/local-yarn.js';
import { startWeirServer, type WeirServer } from '../support/weir-server.js';

const ADMIN_PASSWORD = 'e2e-admin-password';

let server: WeirServer;
let browser: TestBrowser;

/** A port nothing listens on: taken from the OS, then released. */
async function closedPort(): Promise<number> {
  const listener = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => listener.once('listening', resolve));
  const { port } = listener.address() as net.AddressInfo;
  await new Promise((resolve) => listener.close(resolve));
  return port;
}

before(async () => {
  server = await startWeirServer({ adminPassword: ADMIN_PASSWORD, env: { WEIR_FLINK_TIMEOUT_MS: '2000' } });
  browser = await launchBrowser({ locale: 'en-US' });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('registering an unreachable cluster shows the server reason and adds nothing', async () => {
  const page = await browser.newPage();
  await logIn(page, server.url, ADMIN_PASSWORD);
  await page.getByRole('menu').getByText('Clusters', { exact: true }).click();
  await page.waitForURL(`${server.url}/clusters`);
  await page.getByText('No clusters registered yet.', { exact: false }).waitFor();
  await screenshot(page, 'clusters', '01-empty');

  const restUrl = `http://127.0.0.1:${await closedPort()}`;
  await page.getByRole('button', { name: 'Register cluster' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Register a Flink cluster' });
  await dialog.waitFor();
  await dialog.getByLabel('Name').fill('nowhere');
  await dialog.getByLabel('REST URL').fill(restUrl);
  await screenshot(page, 'clusters', '02-register-form');
  await dialog.getByRole('button', { name: 'Register' }).click();

  const failure = dialog.getByRole('alert');
  await failure.waitFor();
  const text = await failure.innerText();
  assert.match(text, /^Could not register the cluster: .+/);
  await screenshot(page, 'clusters', '03-register-failed');

  // The form keeps what was typed so the address can be corrected.
  assert.equal(await dialog.getByLabel('REST URL').inputValue(), restUrl);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText('No clusters registered yet.', { exact: false }).waitFor();

  const list = await page.request.get(`${server.url}/api/clusters`);
  assert.equal(list.status(), 200);
  assert.deepEqual((await list.json()).items, []);
  await screenshot(page, 'clusters', '04-nothing-added');
});

test('register the test Flink cluster, check it, read and rotate its push token, delete it', async () => {
  const restUrl = process.env.WEIR_TEST_FLINK_REST;
  assert.ok(restUrl, 'WEIR_TEST_FLINK_REST is not set: run this through `npm test`, which starts the test Flink cluster and sets it');
  const gatewayUrl = process.env.WEIR_TEST_FLINK_GATEWAY;

  const page = await browser.newPage();
  await logIn(page, server.url, ADMIN_PASSWORD);
  await page.goto(`${server.url}/clusters`);
  await page.getByRole('button', { name: 'Register cluster' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Register a Flink cluster' });
  await dialog.getByLabel('Name').fill('test-flink');
  await dialog.getByLabel('REST URL').fill(restUrl);
  if (gatewayUrl) await dialog.getByLabel('SQL Gateway URL').fill(gatewayUrl);
  await dialog.getByLabel('Description').fill('Started by the test run');
  // Credentials for a gateway in front of Flink (the test cluster has none and ignores them): only the chosen kind is sent.
  await dialog.getByText('Token', { exact: true }).click();
  await dialog.getByLabel('Bearer token').fill('not-this-one');
  await dialog.getByText('User and password', { exact: true }).click();
  await dialog.getByLabel('User', { exact: true }).fill('flink-ops');
  await dialog.getByLabel('Password', { exact: true }).fill('s3cret pass');
  await screenshot(page, 'clusters', '04b-register-with-credentials');
  const sent = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/clusters');
  await dialog.getByRole('button', { name: 'Register' }).click();
  assert.deepEqual((await sent).postDataJSON().auth, { type: 'basic', username: 'flink-ops', password: 's3cret pass' });
  await dialog.waitFor({ state: 'hidden' });

  const row = page.getByRole('row', { name: /test-flink/ });
  await row.locator('[data-health="HEALTHY"]').waitFor();
  assert.match(await row.innerText(), /1\.\d+\.\d+/, 'the row shows the Flink version');
  await screenshot(page, 'clusters', '05-registered-healthy');

  await row.getByRole('button', { name: 'Check now' }).click();
  await page.getByText('test-flink checked: Healthy').waitFor();

  // The push token an admin puts in the JobManager's configuration: shown on request, and the one Weir accepts.
  const { items } = await page.evaluate(async () => (await (await fetch('/api/clusters')).json()) as { items: Array<{ id: string; name: string }> });
  const clusterId = items.find((c) => c.name === 'test-flink')!.id;
  const push = async (token: string) =>
    (await fetch(`${server.url}/push/clusters/${clusterId}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ jobId: '0'.repeat(32), status: 'RUNNING', timestamp: Date.now() }) })).status;
  const tokenIn = async (title: string) => {
    const modal = page.getByRole('dialog', { name: title });
    const token = await modal.getByRole('textbox', { name: 'Push token' }).inputValue();
    return { modal, token };
  };
  await row.getByRole('button', { name: 'Show push token' }).click();
  const current = await tokenIn('Push token of test-flink');
  await current.modal.getByText('This read is recorded in the audit log', { exact: false }).waitFor();
  assert.match(current.token, /^wpush_/);
  assert.equal(await push(current.token), 202, 'the token shown is the one Weir accepts');
  await current.modal.getByRole('button', { name: 'Done' }).click();
  await current.modal.waitFor({ state: 'hidden' });

  await row.getByRole('button', { name: 'Rotate push token' }).click();
  await confirmPopover(page, 'Rotate');
  const rotated = await tokenIn('New push token for test-flink');
  assert.match(rotated.token, /^wpush_/);
  assert.notEqual(rotated.token, current.token);
  await screenshot(page, 'clusters', '05b-push-token-rotated');
  await rotated.modal.getByRole('button', { name: 'Done' }).click();
  assert.equal(await push(current.token), 401, 'the old token stops working at once');
  assert.equal(await push(rotated.token), 202);

  await row.getByRole('button', { name: 'Delete' }).click();
  await page.getByText('Delete cluster test-flink?').waitFor();
  await screenshot(page, 'clusters', '06-delete-confirm');
  await confirmPopover(page, 'Delete');
  await page.getByText('No clusters registered yet.', { exact: false }).waitFor();
});

test('register a YARN target: a queue its ResourceManager does not have is refused, then the entry says what runs there', async () => {
  // A real ResourceManager (the phase's local YARN, FIFO scheduler: queue `default` only).
  const yarn = await useLocalYarn('e2e-clusters', (line) => console.log(`[e2e-clusters] ${line}`));
  const resourceManager = { url: yarn.rmUrl };
  const confDir = yarn.confDir;
  try {
    const page = await browser.newPage();
    await logIn(page, server.url, ADMIN_PASSWORD);
    await page.goto(`${server.url}/clusters`);
    await page.getByRole('button', { name: 'Register cluster' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Register a Flink cluster' });
    await dialog.getByLabel('Name').fill('yarn-prod');
    await dialog.getByText('YARN', { exact: true }).click();
    // A YARN target asks for its own fields, and none of a session cluster's.
    assert.equal(await dialog.getByLabel('SQL Gateway URL').count(), 0);
    assert.equal(await dialog.getByText('Credentials', { exact: true }).count(), 0);
    await dialog.getByLabel('ResourceManager REST URL').fill(resourceManager.url);
    await dialog.getByLabel('Hadoop configuration folder').fill(confDir);
    await dialog.getByLabel('Queue').fill('etl');
    await screenshot(page, 'clusters', '07-register-yarn');
    await dialog.getByRole('button', { name: 'Register' }).click();
    const failure = dialog.getByRole('alert');
    await failure.waitFor();
    assert.match(await failure.innerText(), /^Could not register the cluster: .*has no queue etl; its queues: default/);
    await screenshot(page, 'clusters', '08-register-yarn-unknown-queue');

    await dialog.getByLabel('Queue').fill('default');
    const sent = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/clusters');
    await dialog.getByRole('button', { name: 'Register' }).click();
    const { teamId: _team, ...request } = (await sent).postDataJSON();
    assert.deepEqual(request, {
      kind: 'yarn',
      name: 'yarn-prod',
      restUrl: resourceManager.url,
      yarn: { hadoopConfDir: confDir, queue: 'default', flinkVersion: '1.20.1' },
    });
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row', { name: /yarn-prod/ });
    await row.locator('[data-health="HEALTHY"]').waitFor();
    await row.locator('[data-testid="cluster-kind"][data-kind="yarn"]').waitFor();
    assert.match(await row.getByTestId('yarn-target').innerText(), /YARN queue default, Flink 1\.20\.1/);
    assert.match(await row.getByTestId('yarn-runs-here').innerText(), /Jar and SQL tasks run here, each run as a YARN application of its own/);
    await screenshot(page, 'clusters', '09-yarn-registered');

    await row.getByRole('button', { name: 'Delete' }).click();
    await confirmPopover(page, 'Delete');
    await row.waitFor({ state: 'detached' });
  } finally {
    await yarn.release();
  }
});
