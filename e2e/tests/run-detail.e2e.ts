// The run detail page in Chromium against a real Weir and a Flink cluster of this test's own:
// a FlinkSQL task published twice and put online (checkpoints every 2 s), every tab with real
// data while it runs; then the job is stopped and its cluster shut down, and the finished run's
// tabs still render from what Weir saved. Screenshots of every tab go to test-results/screenshots.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { APIRequestContext, Page } from 'playwright-core';
import { ownTestFlink, type TestFlink } from '../../server/src/test-support/flink.js';
import { launchBrowser, type TestBrowser } from '../support/browser.js';
import { screenshot } from '../support/screenshots.js';
import { waitFor } from '../support/wait.js';
import { confirmPopover, logIn } from '../support/weir-app.js';
import { startWeirServer, type WeirServer } from '../support/weir-server.js';

const ADMIN_PASSWORD = 'e2e-admin-password';
const SQL_V1 = [
  "CREATE TEMPORARY TABLE orders (id BIGINT, amount DOUBLE, ts AS LOCALTIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'datagen', 'rows-per-second' = '20')",
  "CREATE TEMPORARY TABLE totals (id BIGINT, amount DOUBLE) WITH ('connector' = 'blackhole')",
  'INSERT INTO totals SELECT id, amount FROM orders',
].join(';\n');
const SQL_V2 = SQL_V1.replace('SELECT id, amount FROM orders', 'SELECT id, amount * 2 AS amount FROM orders WHERE amount > 0');

let flink: TestFlink | undefined;
let server: WeirServer;
let browser: TestBrowser;
let page: Page;
let runId: string;
let taskId: string;

async function api(request: APIRequestContext, method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown) {
  const me = await request.get(`${server.url}/api/auth/me`);
  const csrf = ((await me.json()) as { csrfToken: string }).csrfToken;
  const res = await request.fetch(`${server.url}${path}`, { method, headers: { 'x-csrf-token': csrf, 'content-type': 'application/json' }, data: body === undefined ? undefined : JSON.stringify(body), timeout: 120_000 });
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  assert.ok(res.ok(), `${method} ${path} answered ${res.status()}: ${JSON.stringify(json)}`);
  return json as any;
}

async function openTab(name: string, shot: string) {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.waitForURL(/tab=/);
  return async () => screenshot(page, 'run-detail', shot);
}

before(async () => {
  flink = await ownTestFlink({ restPort: 25081, rpcPort: 25123, gatewayPort: 25083, slotsPerTaskManager: 4 });
  server = await startWeirServer({
    adminPassword: ADMIN_PASSWORD,
    env: { WEIR_METRICS_INTERVAL_MS: '2000', WEIR_CHECKPOINT_POLL_MS: '2000', WEIR_WATCH_INTERVAL_MS: '500', WEIR_FLINK_TIMEOUT_MS: '3000', WEIR_RECONNECT_ATTEMPTS: '2', WEIR_RECONNECT_WINDOW_MS: '1000' },
  });
  browser = await launchBrowser({ locale: 'en-US' });
  page = await browser.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  await logIn(page, server.url, ADMIN_PASSWORD);

  const cluster = await api(page.request, 'POST', '/api/clusters', { name: 'detail-flink', restUrl: flink.restUrl, gatewayUrl: flink.gatewayUrl });
  const task = await api(page.request, 'POST', '/api/tasks', {
    name: 'orders-totals', kind: 'SQL', clusterId: cluster.id, sql: SQL_V1, config: { parallelism: 1, checkpointIntervalMs: 2000 },
  });
  await api(page.request, 'POST', `/api/tasks/${task.id}/publish`, { note: 'first' });
  await api(page.request, 'PATCH', `/api/tasks/${task.id}`, { sql: SQL_V2 });
  await api(page.request, 'POST', `/api/tasks/${task.id}/publish`, { note: 'double the amounts' });
  const online = await api(page.request, 'POST', `/api/tasks/${task.id}/online`, {});
  runId = online.newRunId;
  taskId = task.id;
  assert.ok(runId, `online started a run: ${JSON.stringify(online)}`);
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await flink?.stop();
});

test('a running job: every tab shows real data from Flink', async () => {
  await page.goto(`${server.url}/runs/${runId}`);
  await page.getByTestId('run-detail').waitFor();
  try {
    await page.locator('[data-run-status="RUNNING"]').waitFor({ timeout: 60_000 });
  } finally {
    await screenshot(page, 'run-detail', '00-opened');
  }

  // Overview: facts, timeline and the operator graph with records flowing.
  await page.getByTestId('job-vertex').nth(1).waitFor({ timeout: 20_000 });
  assert.equal(await page.getByTestId('job-vertex').count(), 2);
  await waitFor('records out of the source', 30_000, async () => (await page.getByTestId('records-out').first().innerText()) !== '0' && (await page.getByTestId('records-out').first().innerText()) !== '–');
  await page.getByTestId('status-timeline').getByText('RUNNING').first().waitFor();
  assert.equal(await page.getByTestId('snapshot-banner').count(), 0, 'a running job shows live data, no saved-copy banner');
  // The duration is now − start and keeps counting, not the duration Flink reported at its last change.
  const startTime = ((await api(page.request, 'GET', `/api/runs/${runId}`)) as { run: { startTime: number } }).run.startTime;
  const shownSeconds = async () => {
    const m = /^(?:(\d+)m )?(\d+)s$/.exec((await page.getByTestId('run-duration').innerText()).trim());
    return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : NaN;
  };
  const first = await shownSeconds();
  await waitFor('the duration to count on', 10_000, async () => (await shownSeconds()) > first);
  const expected = (Date.now() - startTime) / 1000;
  const shown = await shownSeconds();
  assert.ok(Math.abs(shown - expected) <= 3, `the page shows ${shown} s for a job running ${expected.toFixed(1)} s`);
  await screenshot(page, 'run-detail', '01-overview-running');

  // Key metrics: Weir chose a default selection (both operators' rates, load and watermark lag, the
  // last checkpoint), so charts fill without setup; then narrowed to a vertex, two metrics and the
  // checkpoint duration, and the charts get points.
  let shot = await openTab('Key metrics', '02-metrics-running');
  const picker = page.getByTestId('metric-picker');
  await page.getByTestId('default-selection').waitFor({ timeout: 30_000 });
  await waitFor('points in the default records-in chart', 30_000, async () => Number(await page.locator('[data-testid="metric-chart"][data-metric="numRecordsInPerSecond"]').getAttribute('data-points')) >= 2);
  await screenshot(page, 'run-detail', '02a-metrics-default');
  await picker.locator('.ant-checkbox-group').first().locator('.ant-checkbox-wrapper').nth(1).click(); // the second operator off
  for (const metric of ['Records in per second', 'Backpressured time (ms/s)', 'Watermark lag', 'Checkpoint size']) await picker.getByText(metric, { exact: true }).click();
  await picker.getByRole('button', { name: 'Save selection' }).click();
  await page.getByText('Weir now samples 3 series', { exact: false }).waitFor();
  await waitFor('three points in the records chart', 30_000, async () => Number(await page.locator('[data-testid="metric-chart"][data-metric="numRecordsOutPerSecond"]').getAttribute('data-points')) >= 3);
  await page.locator('[data-testid="metric-chart"] canvas').first().waitFor();
  assert.equal(await page.getByTestId('metric-chart').count(), 3);
  await shot();

  // Cluster: the TaskManager with its slots.
  shot = await openTab('Cluster', '03-cluster-running');
  await page.getByTestId('taskmanagers-table').getByText('tm-1').waitFor();
  await shot();

  // Checkpoints: a completed checkpoint appears.
  shot = await openTab('Checkpoints', '04-checkpoints-running');
  await waitFor('a completed checkpoint', 30_000, async () => Number(await page.getByTestId('checkpoints-completed').innerText()) >= 1);
  assert.match(await page.getByTestId('latest-completed').innerText(), /^#\d+/);
  await page.getByTestId('checkpoint-history').getByText('COMPLETED').first().waitFor();
  await shot();

  shot = await openTab('Exceptions', '05-exceptions-running');
  await page.getByText('No exception was recorded for this run.').waitFor();
  await shot();

  // Logs: the TaskManager log shows lines; follow mode reads on.
  shot = await openTab('Logs', '06-logs-running');
  await waitFor('TaskManager log lines', 20_000, async () => /INFO\s/.test(await page.getByTestId('log-text').innerText()));
  const before = await page.getByTestId('log-range').innerText();
  assert.match(before, /^Bytes \d+–\d+ of \d+$/);
  await shot();
  // Follow mode is on for a running job and reads on without a reload: a line the TaskManager's
  // log gains after the page loaded appears, the range's end moves past it, and it stays in view.
  assert.equal(await page.getByRole('switch', { name: 'Follow' }).getAttribute('aria-checked'), 'true');
  const rangeEnd = (range: string) => Number(/–(\d+) of/.exec(range)?.[1]);
  const marker = `weir-e2e follow mode marker ${runId}`;
  fs.appendFileSync(path.join(flink!.cluster!.logDir, 'tm-1.log'), `${marker}\n`);
  await waitFor('the appended log line without a reload', 30_000, async () => (await page.getByTestId('log-text').innerText()).includes(marker));
  assert.ok(rangeEnd(await page.getByTestId('log-range').innerText()) > rangeEnd(before), 'the window grew at its end');
  const belowView = await page.getByTestId('log-text').evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
  assert.ok(belowView <= 1, `the newest line is in view (${belowView}px below)`);

  shot = await openTab('Configuration', '07-configuration-running');
  await page.getByTestId('execution-config').getByText('job-parallelism').waitFor();
  // Weir's settings read as words, not as the stored camelCase fields.
  assert.match(await page.getByTestId('task-settings').innerText(), /Checkpoint interval\s*2 s/);
  assert.equal(await page.getByText('checkpointIntervalMs').count(), 0);
  await shot();

  shot = await openTab('FlinkSQL', '08-sql-running');
  await page.getByText('Version 2').waitFor();
  assert.match(await page.getByTestId('sql-code').innerText(), /amount \* 2 AS amount/);
  assert.ok((await page.locator('.sql-keyword').count()) > 10, 'keywords are highlighted');
  await shot();

  shot = await openTab('SQL lineage', '09-lineage-running');
  await page.locator('.react-flow__node').first().waitFor();
  await page.getByText('orders', { exact: true }).first().waitFor();
  await shot();

  shot = await openTab('Versions', '10-versions-running');
  await page.getByRole('combobox', { name: 'Compare this run\'s version with' }).click();
  await page.getByTitle('v1').click();
  await page.locator('[data-diff="added"]').first().waitFor();
  assert.ok((await page.locator('[data-diff="added"]').count()) >= 1);
  await shot();

  shot = await openTab('Alerts', '11-alerts-running');
  await page.getByText('No alert was sent for this run.').waitFor();
  await shot();
});

test('a running job has a health score on its detail page and in the overview, and its task lists the run', async () => {
  // The checks score a running job every 10 s; this one checkpoints every 2 s, so it passes them.
  await page.goto(`${server.url}/runs/${runId}`);
  const score = page.getByTestId('run-health-score');
  await score.waitFor({ timeout: 45_000 });
  const value = Number(await score.getAttribute('data-score'));
  assert.ok(Number.isInteger(value) && value >= 0 && value <= 100, `score ${value}`);
  const band = (await score.getAttribute('data-band'))!;
  assert.equal(band, value >= 80 ? 'healthy' : value >= 50 ? 'degraded' : 'unhealthy');
  await page.getByTestId('run-health-checks').locator('[data-check="checkpoint"]').waitFor();
  await page.getByTestId('run-health').getByText(/Scored at .* from the checks of the last 30 minutes/).waitFor();
  await screenshot(page, 'run-detail', '01b-health-running');

  // The overview row shows it too, with the reasons on hover; the health filter lives in the URL.
  await page.goto(`${server.url}/?health=${band}`);
  const cell = page.locator('[data-task-name="orders-totals"] [data-testid="health-score"]');
  await cell.waitFor({ timeout: 20_000 });
  assert.equal(await cell.getAttribute('data-band'), band);
  await cell.hover();
  await page.getByTestId('health-tooltip').getByText(/^Health \d+ · /).waitFor();
  await screenshot(page, 'run-detail', '01c-overview-health');
  const other = band === 'healthy' ? 'unhealthy' : 'healthy';
  await page.goto(`${server.url}/?health=${other}`);
  await page.getByText('No jobs match these filters').waitFor();
  assert.equal(await page.locator('[data-task-name="orders-totals"]').count(), 0, `a ${band} job is not listed under ${other}`);

  // The task's page lists its runs, each linking to its detail.
  await page.goto(`${server.url}/tasks/${taskId}`);
  const runs = page.getByTestId(`task-runs-${taskId}`);
  await runs.getByTestId('run-detail-link').first().waitFor({ timeout: 20_000 });
  assert.equal(await runs.getByTestId('run-detail-link').first().getAttribute('href'), `/runs/${runId}`);
  await screenshot(page, 'run-detail', '01d-task-runs');
  await runs.getByTestId('run-detail-link').first().click();
  await page.waitForURL(`${server.url}/runs/${runId}`);
  await page.getByTestId('run-detail').waitFor();
});

test('a finished run after its cluster was stopped: the tabs render from the saved copies and say so', async () => {
  // Read each live section once more so Weir's copies are current, then stop the job and the cluster.
  await page.goto(`${server.url}/runs/${runId}?tab=cluster`);
  await page.getByTestId('taskmanagers-table').getByText('tm-1').waitFor();
  await page.goto(`${server.url}/runs/${runId}?tab=overview`);
  await page.getByTestId('job-vertex').first().waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await confirmPopover(page, 'OK');
  // Weir waits up to 60 s for Flink to end a cancelled job; a busy machine took over 30. If even this
  // bound passes, say what the page, its messages and Flink each showed.
  await page.locator('[data-run-status="CANCELED"]').waitFor({ timeout: 75_000 }).catch(async (err: Error) => {
    const shown = await page.getByTestId('run-detail').getAttribute('data-run-status').catch(() => '?');
    const messages = await page.locator('.ant-message-notice').allTextContents().catch(() => []);
    const jobs = await flink!.jm.jobsOverview().catch((e: Error) => e.message);
    await screenshot(page, 'run-detail', '12-canceled-live-timeout');
    throw new Error(`${err.message}\npage status ${shown}; messages ${JSON.stringify(messages)}; Flink jobs ${JSON.stringify(jobs)}`);
  });
  await screenshot(page, 'run-detail', '12-canceled-live');
  await flink!.stop();
  flink = undefined;

  await page.goto(`${server.url}/runs/${runId}`);
  await page.locator('[data-run-status="CANCELED"]').waitFor();
  await page.getByTestId('snapshot-banner').first().waitFor({ timeout: 20_000 });
  assert.match(await page.getByTestId('snapshot-banner').first().innerText(), /Saved copy from .*cannot be reached/);
  await page.getByTestId('job-vertex').nth(1).waitFor();
  assert.equal(await page.getByTestId('job-vertex').count(), 2, 'the graph comes from the saved copy');
  assert.ok(await page.getByRole('button', { name: 'Trigger savepoint' }).isDisabled(), 'no savepoint of an ended job');
  await screenshot(page, 'run-detail', '13-overview-finished');

  let shot = await openTab('Key metrics', '14-metrics-finished');
  await page.getByText('The job has ended', { exact: false }).waitFor();
  await waitFor('stored points drawn', 20_000, async () => Number(await page.locator('[data-testid="metric-chart"][data-metric="numRecordsOutPerSecond"]').getAttribute('data-points')) >= 3);
  await shot();

  shot = await openTab('Cluster', '15-cluster-finished');
  await page.getByTestId('taskmanagers-table').getByText('tm-1').waitFor();
  await page.getByRole('tabpanel').getByTestId('snapshot-banner').waitFor();
  await shot();

  shot = await openTab('Checkpoints', '16-checkpoints-finished');
  assert.ok(Number(await page.getByTestId('checkpoints-completed').innerText()) >= 1);
  await page.getByRole('tabpanel').getByTestId('snapshot-banner').waitFor();
  await shot();

  shot = await openTab('Exceptions', '17-exceptions-finished');
  await page.getByText('No exception was recorded for this run.').waitFor();
  await shot();

  shot = await openTab('Logs', '18-logs-finished');
  // CI once waited 30 s here in vain (browser-mysql, not reproduced): if it happens again, say what the tab showed.
  await page.getByTestId('logs-unavailable').waitFor().catch(async (err: Error) => {
    const view = await page.getByTestId('logs-view').locator('.ant-segmented-item-selected').innerText().catch(() => '?');
    const alerts = await page.getByRole('tabpanel').locator('.ant-alert').allInnerTexts().catch(() => []);
    const answer = await page.request.get(`${server.url}/api/runs/${runId}/logs?component=taskmanager&kind=log&limit=1024`).then(async (r) => `${r.status()} ${(await r.text()).slice(0, 300)}`);
    const captures = await page.request.get(`${server.url}/api/runs/${runId}/log-captures`).then(async (r) => `${r.status()} ${(await r.text()).slice(0, 300)}`);
    await screenshot(page, 'run-detail', '18-logs-finished-timeout');
    throw new Error(`${err.message}\nview ${view}; alerts ${JSON.stringify(alerts)}; logs answer ${answer}; captures ${captures}`);
  });
  assert.match(await page.getByTestId('logs-unavailable').innerText(), /cannot be reached/);
  await shot();

  shot = await openTab('Configuration', '19-configuration-finished');
  await page.getByTestId('execution-config').getByText('job-parallelism').waitFor();
  await shot();

  shot = await openTab('FlinkSQL', '20-sql-finished');
  assert.match(await page.getByTestId('sql-code').innerText(), /INSERT INTO totals/);
  await shot();
});
