// The alerts pages in Chromium against a real Weir, the dev Flink cluster and a real webhook receiver
// on 127.0.0.1 that checks Weir's HMAC signature independently of Weir's sender: an admin creates a
// signed webhook channel and tests it, creates a "status becomes FAILED" rule on all tasks, a job made
// to fail gives one delivery that the History tab shows as SENT; every tab is photographed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { RobotReceiver } from '../../server/src/test-support/receivers.js';
import { failingJobSql, runSql, sharedTestFlink, waitUntil, type TestFlink } from '../../server/src/test-support/flink.js';
import { launchBrowser, type TestBrowser } from '../support/browser.js';
import { screenshot } from '../support/screenshots.js';
import { confirmPopover, logIn } from '../support/weir-app.js';
import { startWeirServer, type WeirServer } from '../support/weir-server.js';

const ADMIN_PASSWORD = 'e2e-admin-password';
const VIEWER = { username: 'vic', password: 'vic-viewer-password' };
const WEBHOOK_SECRET = 'e2e-webhook-secret';
const TAG = `e2e${process.pid}`;
const JOB = `${TAG}_alert_fail`;
const MASK = '••••';

let server: WeirServer;
let browser: TestBrowser;
let flink: TestFlink;
const receiver = new RobotReceiver({ webhookSecret: WEBHOOK_SECRET });
const jobIds: string[] = [];

before(async () => {
  assert.ok(process.env.WEIR_TEST_FLINK_REST && process.env.WEIR_TEST_FLINK_GATEWAY, 'WEIR_TEST_FLINK_REST and WEIR_TEST_FLINK_GATEWAY are not set: run this through `npm test`, which starts the test Flink cluster');
  await receiver.start();
  flink = await sharedTestFlink();
  server = await startWeirServer({ adminPassword: ADMIN_PASSWORD });
  browser = await launchBrowser({ locale: 'en-US' });
});

after(async () => {
  // The job fails by itself; cancel it only if a step failed before it did.
  for (const id of jobIds) await flink.jm.cancel(id).catch(() => undefined);
  await browser?.close();
  await server?.stop();
  await receiver.stop();
});

/** Full-page shots of a scrolled page put the sticky header mid-page; shoot from the top. */
async function shot(page: Page, step: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'alerts', step);
}

/** A call to Weir's API from the logged-in page, with its CSRF token. */
async function api(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/auth/me')).json();
      const res = await fetch(path, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: res.status === 204 ? null : await res.json() };
    },
    { method, path, body },
  );
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });

test('an admin sets up a signed webhook and a FAILED rule; a failing job gives one delivery, shown as SENT', async () => {
  const page = await browser.newPage();
  await logIn(page, server.url, ADMIN_PASSWORD);
  assert.equal((await api(page, 'POST', '/api/clusters', { name: 'dev-flink', restUrl: flink.restUrl, gatewayUrl: flink.gatewayUrl })).status, 201);

  await page.getByRole('menu').getByText('Alerts', { exact: true }).click();
  await page.waitForURL(`${server.url}/alerts`);
  await page.getByText('No alert has been sent yet.').waitFor();
  await shot(page, '01-history-empty');

  // A webhook channel with a signing secret.
  await tab(page, 'Channels').click();
  await page.waitForURL(`${server.url}/alerts/channels`);
  await page.getByText('No channels yet.').waitFor();
  await page.getByRole('button', { name: 'New channel' }).first().click();
  const drawer = page.getByRole('dialog', { name: 'New channel' });
  await drawer.getByLabel('Name').fill('ops webhook');
  await drawer.getByLabel('Webhook URL').fill(receiver.url('webhook'));
  await drawer.getByLabel('Signing secret').fill(WEBHOOK_SECRET);
  await shot(page, '02-channel-form');
  await drawer.getByRole('button', { name: 'Create channel' }).click();
  await page.getByText('Channel ops webhook created').waitFor();
  const channelRow = page.getByRole('row', { name: /ops webhook/ });
  await channelRow.waitFor();
  assert.match(await channelRow.innerText(), /Webhook[\s\S]*\/webhook[\s\S]*Signed[\s\S]*On/);

  // Send a test message: the receiver gets it and the signature checks out.
  await channelRow.getByRole('button', { name: 'Send test' }).click();
  const testDialog = page.getByRole('dialog', { name: 'Test message to ops webhook' });
  await testDialog.getByText('The test message was delivered').waitFor();
  assert.match(await testDialog.getByTestId('test-outcome').innerText(), /HTTP 200/);
  assert.equal(receiver.of('webhook').length, 1, 'the receiver got the test message');
  assert.equal(receiver.of('webhook')[0]!.body.kind, 'TEST');
  assert.equal(receiver.of('webhook')[0]!.verified, true);
  assert.deepEqual(receiver.rejected, [], 'the signature checked out');
  await shot(page, '03-channel-test-delivered');
  await testDialog.getByRole('button', { name: 'Done' }).click();
  await testDialog.waitFor({ state: 'hidden' });

  // Editing shows the stored secret as the masked marker, never the secret itself.
  await channelRow.getByRole('button', { name: 'Edit ops webhook' }).click();
  const editDrawer = page.getByRole('dialog', { name: 'Edit channel ops webhook' });
  assert.equal(await editDrawer.getByLabel('Signing secret').inputValue(), MASK);
  assert.equal(await editDrawer.getByLabel('Webhook URL').inputValue(), receiver.url('webhook'));
  await editDrawer.getByText(`Leave ${MASK} to keep the stored value`).waitFor();
  await shot(page, '04-channel-edit-masked');
  await editDrawer.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Channel ops webhook saved').waitFor();
  await page.getByRole('row', { name: /ops webhook/ }).getByRole('button', { name: 'Send test' }).click();
  await page.getByRole('dialog', { name: 'Test message to ops webhook' }).getByText('The test message was delivered').waitFor();
  assert.equal(receiver.of('webhook').length, 2);
  assert.deepEqual(receiver.rejected, [], 'saving with the marker kept the stored secret: the second test is signed with it too');
  await page.getByRole('dialog', { name: 'Test message to ops webhook' }).getByRole('button', { name: 'Done' }).click();
  await page.getByRole('dialog', { name: 'Test message to ops webhook' }).waitFor({ state: 'hidden' });
  await shot(page, '05-channels');

  // A rule: status becomes FAILED, on all tasks, to the webhook.
  // A new install starts with one rule, on FAILED or UNKNOWN of every job, that says it reaches nobody yet.
  await tab(page, 'Rules').click();
  const withoutChannel = page.getByTestId('rules-without-channel');
  await withoutChannel.waitFor();
  assert.match(await withoutChannel.innerText(), /1 rule notifies nobody: A job fails or becomes UNKNOWN has no channel\.[\s\S]*still recorded on the Incidents tab/);
  assert.match(await page.getByRole('row', { name: /A job fails or becomes UNKNOWN/ }).innerText(), /Status becomes FAILED, UNKNOWN[\s\S]*All tasks[\s\S]*No channel/);
  await shot(page, '05b-default-rule');
  await page.getByRole('button', { name: 'New rule' }).first().click();
  const ruleDrawer = page.getByRole('dialog', { name: 'New alert rule' });
  await ruleDrawer.getByLabel('Name').fill('job failed');
  assert.match(await ruleDrawer.getByText('Status becomes…').first().innerText(), /Status becomes/);
  await ruleDrawer.getByLabel('Channels').click();
  await page.locator('.ant-select-item-option', { hasText: 'ops webhook' }).click();
  await ruleDrawer.getByText('Watch', { exact: true }).click(); // close the dropdown
  await shot(page, '06-rule-form');
  await ruleDrawer.getByRole('button', { name: 'Create rule' }).click();
  await page.getByText('Rule job failed created').waitFor();
  const ruleRow = page.getByRole('row', { name: /job failed/ });
  assert.match(await ruleRow.innerText(), /Status becomes FAILED[\s\S]*All tasks[\s\S]*ops webhook[\s\S]*Once/);
  await shot(page, '07-rules');

  // A job made to fail on the dev cluster: division by zero on the first row, no restarts.
  const [jobId] = await runSql(flink, failingJobSql(JOB));
  assert.ok(jobId);
  jobIds.push(jobId);
  const aboutJob = () => receiver.of('webhook').filter((m) => (m.body.run as { flinkJobId?: string } | null)?.flinkJobId === jobId);
  await waitUntil('the FIRING alert at the receiver', 90_000, async () => aboutJob().length > 0);

  // The History tab, narrowed to this job's task through the task picker (other engineers' jobs fail on the dev cluster too).
  await tab(page, 'History').click();
  await page.waitForURL(`${server.url}/alerts`);
  await page.getByRole('combobox', { name: 'Task' }).click();
  await page.getByRole('combobox', { name: 'Task' }).fill(JOB);
  await page.locator('.ant-select-item-option', { hasText: JOB }).click();
  await page.waitForURL(/\/alerts\?taskId=/);
  const rows = page.getByTestId('alert-history').locator('tbody tr.ant-table-row');
  // Until the narrowed list arrives the table keeps showing the whole history (the two test
  // messages, also SENT): wait for rows that are all about this job, not for any SENT row.
  await waitUntil('the history narrowed to the job', 30_000, async () => {
    const texts = await rows.allInnerTexts();
    return texts.length > 0 && texts.every((text) => text.includes(JOB)) && (await rows.locator('[data-status="SENT"]').count()) > 0;
  });
  if ((await rows.count()) !== 1) {
    // Say what the extra rows were, and what reached the receiver, so a failure explains itself.
    const api = (await page.request.get(`${server.url}${new URL(page.url()).pathname.replace('/alerts', '/api/alerts/history')}${new URL(page.url()).search}`).then((r) => r.json()).catch((e: unknown) => String(e))) as unknown;
    assert.fail(`one delivery for the failed job, not ${await rows.count()}:\n${(await rows.allInnerTexts()).join('\n')}\nreceiver: ${JSON.stringify(aboutJob().map((m) => m.body))}\nAPI: ${JSON.stringify(api).slice(0, 4000)}`);
  }
  const row = rows.first();
  assert.match(await row.innerText(), /job failed[\s\S]*_alert_fail[\s\S]*ops webhook[\s\S]*FIRING[\s\S]*#1[\s\S]*Sent/);
  const runLink = row.getByRole('link', { name: JOB });
  assert.match((await runLink.getAttribute('href')) ?? '', /^\/runs\/[^/]+$/);
  await shot(page, '08-history-sent');

  // Exactly one alert reached the receiver for this job, signed; the status filter in the URL.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  assert.equal(aboutJob().length, 1, 'one failure gives one alert');
  assert.equal(aboutJob()[0]!.body.kind, 'FIRING');
  assert.equal((aboutJob()[0]!.body.task as { name: string }).name, JOB);
  assert.deepEqual(aboutJob()[0]!.body.exception, { name: 'java.lang.ArithmeticException', message: '/ by zero' }, 'the payload names what ended the job');
  assert.deepEqual(receiver.rejected, []);
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.locator('.ant-select-item-option', { hasText: 'Gave up' }).click();
  await page.waitForURL(/status=GAVE_UP/);
  await page.getByText('No alert matches these filters.').waitFor();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.waitForURL(`${server.url}/alerts`);
  // Unfiltered: the two TEST deliveries are there too.
  await page.getByTestId('alert-history').locator('[data-kind="TEST"]').nth(1).waitFor();
  // A delivery opens into what was sent and what the receiver answered.
  const firing = page.getByTestId('alert-history').locator('tr.ant-table-row', { has: page.locator('[data-kind="FIRING"]') }).first();
  await firing.locator('.ant-table-row-expand-icon').click();
  assert.match(await page.getByTestId('alert-history').locator('tr.ant-table-expanded-row').first().innerText(), /POST http:\/\/127\.0\.0\.1:\d+\/webhook \(JSON, \d+ bytes, signed\)[\s\S]*HTTP 200/);
  await shot(page, '09-history-all');

  // Incidents: the job's incident is open.
  await tab(page, 'Incidents').click();
  await page.waitForURL(`${server.url}/alerts/incidents`);
  // The default rule opened an incident of its own for the same failure: pick this rule's.
  const incident = page.getByRole('row', { name: new RegExp(JOB) }).filter({ hasText: 'job failed' });
  await incident.waitFor();
  assert.match(await incident.innerText(), /Open[\s\S]*job failed[\s\S]*_alert_fail/);
  await page.locator('.ant-segmented-item', { hasText: 'Open' }).click();
  await page.waitForURL(/state=FIRING/);
  await incident.waitFor();
  await shot(page, '10-incidents');

  // Silences: silence this rule for an hour from the incident, then end it early.
  await incident.getByRole('button', { name: 'Silence' }).click();
  const silenceDialog = page.getByRole('dialog', { name: 'Silence alerts' });
  await silenceDialog.getByLabel('Reason').fill('fixing the division by zero');
  await silenceDialog.getByRole('button', { name: 'Silence', exact: true }).click();
  await page.getByText(/Alerts silenced until/).waitFor();
  await tab(page, 'Silences').click();
  const silence = page.getByRole('row', { name: /fixing the division by zero/ });
  await silence.waitFor();
  assert.match(await silence.innerText(), /Active[\s\S]*job failed[\s\S]*_alert_fail[\s\S]*fixing the division by zero/);
  await shot(page, '11-silences');
  await silence.getByRole('button', { name: 'End now' }).click();
  await confirmPopover(page, /End now/);
  await page.getByText('Silence ended').waitFor();
  await page.getByText('No silence is active').waitFor();
  await page.getByText('Show ended silences').click();
  assert.match(await page.getByRole('row', { name: /fixing the division by zero/ }).innerText(), /Ended/);

  // The history in Chinese.
  await page.evaluate(() => window.localStorage.setItem('weir.language', 'zh-CN'));
  await page.goto(`${server.url}/alerts`);
  await page.getByRole('tab', { name: '告警历史' }).waitFor();
  await page.getByTestId('alert-history').locator('[data-status="SENT"]').first().waitFor();
  assert.match(await page.getByTestId('alert-history').innerText(), /已发送/);
  await shot(page, '12-history-zh-CN');
  await page.goto(`${server.url}/alerts/rules`);
  await page.getByRole('row', { name: /job failed/ }).waitFor();
  assert.match(await page.getByRole('row', { name: /job failed/ }).innerText(), /状态变为 FAILED[\s\S]*全部任务/);
  await shot(page, '13-rules-zh-CN');
  await page.evaluate(() => window.localStorage.setItem('weir.language', 'en-US'));

  // A viewer reads the history and rules but cannot change them.
  assert.equal((await api(page, 'POST', '/api/users', { ...VIEWER, role: 'viewer' })).status, 201);
  await logIn(page, server.url, VIEWER.password, VIEWER.username);
  await page.goto(`${server.url}/alerts/rules`);
  await page.getByRole('row', { name: /job failed/ }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'New rule' }).isDisabled(), true);
  assert.equal(await page.getByRole('switch', { name: 'Rule job failed on' }).isDisabled(), true);
  await page.getByRole('button', { name: 'New rule' }).hover({ force: true });
  await page.getByRole('tooltip').getByText('Needs the Operator role').waitFor();
  await shot(page, '14-rules-viewer');
  await tab(page, 'Channels').click();
  await page.getByText('Channels are shown to operators and admins').waitFor();
  await tab(page, 'History').click();
  await page.getByTestId('alert-history').locator('[data-status="SENT"]').first().waitFor();
});
