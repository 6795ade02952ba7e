// Post-mortem log captures in Chromium against a real Weir and the shared test Flink: a job made to
// fail at run time (a division by zero) leaves a capture that the run's Logs tab lists by event and
// time, whose JobManager part names the job and the exception's class. Weir reaches the JobManager
// through a proxy of this test's own; closing it takes the cluster away from Weir's view (the shared
// cluster itself keeps running for the other tests): the live logs then say they cannot be read,
// the saved capture still renders, and the Exceptions tab links the exception to it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { FlinkProxy } from '../../server/src/test-support/flink-proxy.js';
import { failingJobSql, runSql, sharedTestFlink, waitUntil, type TestFlink } from '../../server/src/test-support/flink.js';
import { launchBrowser, type TestBrowser } from '../support/browser.js';
import { screenshot } from '../support/screenshots.js';
import { waitFor } from '../support/wait.js';
import { logIn } from '../support/weir-app.js';
import { startWeirServer, type WeirServer } from '../support/weir-server.js';

const ADMIN_PASSWORD = 'e2e-admin-password';
const JOB = `captures${process.pid}_fail`;

let flink: TestFlink;
let proxy: FlinkProxy;
let server: WeirServer;
let browser: TestBrowser;
let page: Page;
let clusterId: string;
let jobId: string;
let runId: string;
/** The second the job was submitted: the capture of its failure cannot be older. */
let submittedAt: number;

/** A call to Weir's API as the logged-in admin, with its CSRF token. */
async function api(method: 'GET' | 'POST', path: string, body?: unknown) {
  const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as { csrfToken: string };
  const res = await page.request.fetch(`${server.url}${path}`, {
    method,
    headers: { 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as any;
  assert.ok(res.ok(), `${method} ${path} answered ${res.status()}: ${JSON.stringify(json)}`);
  return json;
}

const logsView = () => page.getByTestId('logs-view');
const captureRows = () => page.getByTestId('log-captures').locator('tbody tr.ant-table-row');
const captureText = () => page.getByTestId('capture-text');

/**
 * The records of a log text that contain every needle: a record starts with its timestamp and
 * keeps its stack trace. A capture's window and a TaskManager's tail hold other jobs' records too
 * (earlier runs of this test among them), so a claim about this job is checked on its own records.
 */
function recordsWith(text: string, ...needles: string[]): string[] {
  return text.split(/\n(?=\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3} )/).filter((record) => needles.every((n) => record.includes(n)));
}

/**
 * Shows the JobManager part of the selected capture and checks what it says about this job: the
 * record of the job failing names its id and carries the exception's class in its trace.
 */
async function assertJobManagerPart(): Promise<void> {
  await page.getByTestId('capture-parts').getByText('JobManager · log', { exact: true }).click();
  await waitFor('the JobManager part to name the job', 20_000, async () => (await captureText().innerText()).includes(jobId));
  const jm = await captureText().innerText();
  const failing = recordsWith(jm, `(${jobId}) switched from state RUNNING to FAILING`);
  assert.equal(failing.length, 1, `one record of the job failing in the JobManager part:\n${jm.slice(-3000)}`);
  assert.match(failing[0]!, /java\.lang\.ArithmeticException: \/ by zero/);
}

before(async () => {
  assert.ok(process.env.WEIR_TEST_FLINK_REST && process.env.WEIR_TEST_FLINK_GATEWAY, 'WEIR_TEST_FLINK_REST and WEIR_TEST_FLINK_GATEWAY are not set: run this through `npm test`, which starts the test Flink cluster');
  flink = await sharedTestFlink();
  proxy = await FlinkProxy.start(flink.restUrl);
  server = await startWeirServer({ adminPassword: ADMIN_PASSWORD, env: { WEIR_WATCH_INTERVAL_MS: '500', WEIR_FLINK_TIMEOUT_MS: '3000' } });
  browser = await launchBrowser({ locale: 'en-US' });
  page = await browser.newPage();
  await logIn(page, server.url, ADMIN_PASSWORD);
  clusterId = (await api('POST', '/api/clusters', { name: 'captured-flink', restUrl: proxy.url, gatewayUrl: flink.gatewayUrl })).id;

  // Division by zero on the first row, no restarts: FAILED within seconds of starting.
  submittedAt = Math.floor(Date.now() / 1000) * 1000;
  [jobId] = (await runSql(flink, failingJobSql(JOB))) as [string];
  assert.ok(jobId, 'the failing job was submitted');
  // Weir records the job it finds on the cluster as a task of its own; its run is the one to open.
  runId = await waitUntil('Weir to record the failing job', 60_000, async () => {
    const listed = (await api('GET', `/api/overview/tasks?q=${encodeURIComponent(JOB)}`)) as { items: { clusterId: string; flinkJobId: string; latestRunId: string }[] };
    return listed.items.find((t) => t.clusterId === clusterId && t.flinkJobId === jobId)?.latestRunId;
  });
});

after(async () => {
  // The job fails by itself; cancel it only if a step failed before it did.
  if (jobId) await flink.jm.cancel(jobId).catch(() => undefined);
  await browser?.close();
  await server?.stop();
  await proxy?.close();
});

test('after the job fails, the Logs tab lists the capture of the failure, whose JobManager part names the job and the exception', async () => {
  await page.goto(`${server.url}/runs/${runId}`);
  await page.locator('[data-run-status="FAILED"]').waitFor({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Logs', exact: true }).click();
  await page.waitForURL(/tab=logs/);

  // A run that ended with captures opens on them; the list refreshes by itself until the capture is done.
  await waitFor('the capture of the failure, complete', 60_000, async () => {
    const texts = await captureRows().allInnerTexts();
    return texts.some((t) => /Failed[\s\S]*Complete/.test(t));
  });
  assert.match(await logsView().locator('.ant-segmented-item-selected').innerText(), /^Saved captures \(\d+\)$/);
  const row = captureRows().filter({ hasText: 'Failed' }).first();
  const cells = await row.locator('td').allInnerTexts();
  // Event, time, status, size (text and stored), detail.
  assert.ok(cells.includes('Failed'), `the event is named: ${JSON.stringify(cells)}`);
  assert.ok(cells.includes('Complete'), `the capture is complete: ${JSON.stringify(cells)}`);
  // The time in the app's one format ("Dec 6, 2026, 02:32:17"); the element carries the instant it shows.
  const shown = row.getByTestId('date-time');
  assert.match(await shown.innerText(), /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2}:\d{2}$/);
  const at = Number(await shown.getAttribute('data-at'));
  assert.ok(at >= submittedAt && at <= Date.now(), `captured at the failure, between the submission and now: ${new Date(at).toISOString()}`);
  assert.ok(cells.some((c) => /^[\d.]+ (?:[KMG]i)?B \([\d.]+ (?:[KMG]i)?B stored\)$/.test(c.trim())), `its size is shown: ${JSON.stringify(cells)}`);
  assert.ok(cells.includes('java.lang.ArithmeticException: / by zero'), `the detail names the cause: ${JSON.stringify(cells)}`);
  await row.click();

  await assertJobManagerPart();
  await page.getByText(/^Records naming the job and around them: .+ kept of .+$/).waitFor();
  // The TaskManager that ran the failing task: its log has the division by zero too.
  await page.getByTestId('capture-parts').getByText(/^TaskManager .+ · log$/).first().click();
  await waitFor('the TaskManager part to show the failing task', 20_000, async () => recordsWith(await captureText().innerText(), `src_${JOB}`, 'switched from RUNNING to FAILED').length > 0);
  for (const record of recordsWith(await captureText().innerText(), `src_${JOB}`, 'switched from RUNNING to FAILED')) {
    assert.match(record, /java\.lang\.ArithmeticException: \/ by zero/);
  }
  // A tail opens at its end, where the failure is.
  const scrolled = await captureText().evaluate((pre) => ({ top: pre.scrollTop, height: pre.scrollHeight, view: pre.clientHeight }));
  assert.ok(scrolled.height <= scrolled.view || scrolled.top + scrolled.view >= scrolled.height - 2, `the TaskManager part opens at its end: ${JSON.stringify(scrolled)}`);
  await screenshot(page, 'log-captures', '01-capture-of-failure');
});

test('with the cluster gone from Weir\'s view, the live logs cannot be read and the saved capture still renders', async () => {
  await proxy.close();
  await waitFor('the cluster to be marked unreachable', 30_000, async () => (await api('POST', `/api/clusters/${clusterId}/check`, {})).health === 'UNREACHABLE');

  // Live from the cluster: nothing to read, and the page says why.
  await page.goto(`${server.url}/runs/${runId}?tab=logs&logs=live`);
  await page.locator('[data-run-status="FAILED"]').waitFor();
  const unavailable = page.getByTestId('logs-unavailable');
  await unavailable.waitFor({ timeout: 20_000 });
  assert.match(await unavailable.innerText(), new RegExp(`^Logs cannot be read: .*${proxy.url.replace(/[.]/g, '\\.')} cannot be reached`));
  await screenshot(page, 'log-captures', '02-live-logs-unreachable');

  // The saved captures: the same capture, from Weir's database.
  await logsView().getByText(/^Saved captures/).click();
  await page.waitForURL(/logs=captures/);
  await captureRows().filter({ hasText: 'Failed' }).first().click();
  await assertJobManagerPart();
  await screenshot(page, 'log-captures', '03-capture-after-cluster-gone');
});

test('the Exceptions tab links the exception to the capture around it', async () => {
  await page.goto(`${server.url}/runs/${runId}?tab=exceptions`);
  const exceptions = page.getByTestId('exceptions-table');
  await exceptions.locator('tbody tr.ant-table-row').first().waitFor({ timeout: 20_000 });
  const row = exceptions.locator('tbody tr.ant-table-row').first();
  // The exception, as Flink recorded it (the saved copy: the cluster is gone), with its cause in the trace.
  await row.locator('.ant-table-row-expand-icon').click();
  await waitFor('the trace to name the division by zero', 10_000, async () => /java\.lang\.ArithmeticException: \/ by zero/.test(await exceptions.locator('tr.ant-table-expanded-row').first().innerText()));
  const link = row.getByTestId('exception-capture-link');
  await link.waitFor();
  assert.equal(await link.innerText(), 'Logs');
  await screenshot(page, 'log-captures', '04-exception-linked');

  await link.click();
  await page.waitForURL(/tab=logs&logs=captures&capture=[^&]+/);
  const captureId = new URL(page.url()).searchParams.get('capture')!;
  // The linked capture is the one made at the failure, shown selected, and its logs render.
  const selected = captureRows().filter({ has: page.locator('.ant-radio-wrapper-checked') });
  await selected.waitFor();
  assert.equal(await selected.getAttribute('data-row-key'), captureId);
  assert.match(await selected.innerText(), /Failed[\s\S]*Complete/);
  await assertJobManagerPart();
  await screenshot(page, 'log-captures', '05-capture-from-exception');
});
