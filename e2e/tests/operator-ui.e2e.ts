// The run page and its neighbours as an operator uses them at 3 a.m., in Chromium against a real Weir
// and the shared Flink cluster: a FlinkSQL job put online charts its key metrics without setup, its
// configuration reads as words, its checkpoints and cluster show one empty state and copyable paths,
// its logs mark search matches, its lineage fits without blowing two tables up, a strip shows its
// statuses over time, a savepoint asks first, a missing run links back, and the global lineage shows
// the job's status. Screenshots in English and Chinese at 1280 and 1440 px.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { TestFlink } from '../../server/src/test-support/flink.js';
import { launchBrowser, type TestBrowser } from '../support/browser.js';
import { screenshot } from '../support/screenshots.js';
import { waitFor } from '../support/wait.js';
import { callApi, logIn } from '../support/weir-app.js';
import { startOperatorSession } from '../support/operator-session.js';
import type { WeirServer } from '../support/weir-server.js';

const ADMIN_PASSWORD = 'e2e-admin-password';
const TAG = `ops${process.pid}`;
const TASK = `${TAG}_orders_totals`;
const SQL = [
  `CREATE TEMPORARY TABLE ${TAG}_orders (id BIGINT, amount DOUBLE, ts AS LOCALTIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'datagen', 'rows-per-second' = '20')`,
  `CREATE TEMPORARY TABLE ${TAG}_totals (id BIGINT, amount DOUBLE) WITH ('connector' = 'blackhole')`,
  `INSERT INTO ${TAG}_totals SELECT id, amount FROM ${TAG}_orders`,
].join(';\n');
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
] as const;

let flink: TestFlink;
let server: WeirServer;
let browser: TestBrowser;
let page: Page;
let runId: string;
let taskId: string;
let flinkJobId: string | undefined;

const api = (method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) => callApi(page, server.url, method, path, body);

async function language(lang: 'en-US' | 'zh-CN'): Promise<void> {
  await page.evaluate((l) => window.localStorage.setItem('weir.language', l), lang);
  await page.reload();
}

/** The same page at both widths, in the current language. */
async function shots(step: string, lang: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'operator-ui', `${step}-${lang}-${size.width}`);
  }
  await page.setViewportSize(SIZES[1]);
}

async function openTab(name: string | RegExp): Promise<void> {
  await page.getByRole('tab', { name, exact: typeof name === 'string' }).click();
  await page.waitForURL(/tab=/);
}

before(async () => {
  ({ flink, server, browser, page } = await startOperatorSession(ADMIN_PASSWORD, SIZES[1]));
  const cluster = await api('POST', '/api/clusters', { name: `${TAG}-flink`, restUrl: flink.restUrl, gatewayUrl: flink.gatewayUrl });
  const task = await api('POST', '/api/tasks', {
    name: TASK,
    kind: 'SQL',
    clusterId: cluster.id,
    sql: SQL,
    config: { parallelism: 1, checkpointIntervalMs: 2000, flinkOptions: { 'pipeline.auto-watermark-interval': '200 ms' } },
  });
  taskId = task.id;
  await api('POST', `/api/tasks/${task.id}/publish`, { note: 'first' });
  const online = await api('POST', `/api/tasks/${task.id}/online`, {});
  runId = online.newRunId;
  assert.ok(runId, `online started a run: ${JSON.stringify(online)}`);
});

after(async () => {
  if (flinkJobId) await flink.jm.cancel(flinkJobId).catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

test('the run page: a status strip, key metrics without setup, readable configuration, one empty state, copyable paths, marked log matches, a lineage that fits', async () => {
  await page.goto(`${server.url}/runs/${runId}`);
  await page.locator('[data-run-status="RUNNING"]').waitFor({ timeout: 90_000 });
  flinkJobId = ((await api('GET', `/api/runs/${runId}`)) as { run: { flinkJobId: string } }).run.flinkJobId;

  // The status strip beside the list: CREATED/INITIALIZING then RUNNING, as wide as they lasted.
  const strip = page.getByTestId('status-strip');
  await strip.waitFor();
  await waitFor('a RUNNING segment in the strip', 20_000, async () => (await strip.locator('[data-status="RUNNING"]').count()) > 0);
  await shots('01-overview-strip', 'en');

  // Key metrics: charts exist without anyone choosing, with distinct y-axis labels and legends naming the operator.
  await openTab('Key metrics');
  await page.getByTestId('default-selection').waitFor({ timeout: 30_000 });
  const chart = (metric: string) => page.locator(`[data-testid="metric-chart"][data-metric="${metric}"]`);
  for (const metric of ['numRecordsInPerSecond', 'numRecordsOutPerSecond', 'busyTimeMsPerSecond', 'backPressuredTimeMsPerSecond', 'lastCheckpointDuration']) await chart(metric).waitFor({ timeout: 30_000 });
  await waitFor('points in the records-out chart', 40_000, async () => Number(await chart('numRecordsOutPerSecond').getAttribute('data-points')) >= 3);
  await waitFor('points in the checkpoint duration chart', 40_000, async () => Number(await chart('lastCheckpointDuration').getAttribute('data-points')) >= 2);
  // Tick labels and legends are drawn on a canvas: metric-series.test.ts checks them, the screenshots show them.
  await shots('02-metrics-default', 'en');

  // Configuration: words, not camelCase, null or {}; the task's Flink option as a row of its own.
  await openTab('Configuration');
  const settings = page.getByTestId('task-settings');
  await settings.waitFor();
  const settingsText = await settings.innerText();
  assert.match(settingsText, /Checkpoint interval\s*2 s/);
  assert.match(settingsText, /Savepoint path\s*Not set/);
  assert.doesNotMatch(settingsText, /null|\{\}|checkpointIntervalMs|savepointPath/);
  await page.getByText('pipeline.auto-watermark-interval').waitFor();
  await shots('03-configuration', 'en');
  await openTab('FlinkSQL');
  await page.getByTestId('sql-code').waitFor();
  assert.doesNotMatch(await page.locator('main, body').first().innerText(), /"checkpointIntervalMs"/, 'the SQL tab does not repeat the configuration as JSON');

  // Checkpoints: completed ones with copyable paths; no savepoint yet, in Weir's own empty state.
  await openTab('Checkpoints');
  await waitFor('a completed checkpoint', 40_000, async () => Number(await page.getByTestId('checkpoints-completed').innerText()) >= 1);
  const empty = page.getByTestId('empty-state');
  await empty.first().waitFor();
  assert.match(await empty.first().innerText(), /Weir has taken no savepoint of this run/);
  assert.equal(await page.locator('.ant-empty:not([data-testid="empty-state"])').count(), 0, "no antd default 'No data' beside Weir's");
  await shots('04-checkpoints', 'en');

  // A checkpoint's path, cut in its column, is whole on hover and copyable.
  const checkpointPath = page.getByTestId('checkpoint-history').getByTestId('path-text').first();
  assert.equal(await checkpointPath.locator('.ant-typography-copy').count(), 1, 'a copy button');
  const fullPath = (await checkpointPath.locator('.ant-typography-copy').getAttribute('aria-label')) ?? '';
  await checkpointPath.hover();
  const tip = page.getByRole('tooltip').filter({ hasText: /chk-\d+/ }).first();
  await tip.waitFor();
  assert.match(await tip.innerText(), /^file:.*chk-\d+$/, `the whole path on hover (${fullPath})`);
  await shots('04b-checkpoint-path-hover', 'en');

  // Cluster: the JobManager's address copyable.
  await openTab('Cluster');
  const restUrl = page.getByTestId('path-text').first();
  await restUrl.waitFor();
  assert.equal(await restUrl.locator('.ant-typography-copy').count(), 1, 'a copy button');
  await shots('05-cluster', 'en');

  // Logs: a search marks its matches; the level filter narrows.
  await openTab('Logs');
  await page.getByTestId('log-text').waitFor();
  await waitFor('TaskManager log lines', 30_000, async () => /INFO\s/.test(await page.getByTestId('log-text').innerText()));
  await page.getByTestId('log-search').locator('xpath=self::input | .//input').first().fill('checkpoint');
  await page.getByTestId('log-search').locator('xpath=self::input | .//input').first().press('Enter');
  await waitFor('marked matches', 10_000, async () => (await page.getByTestId('log-match').count()) > 0);
  const marked = await page.getByTestId('log-match').first().innerText();
  assert.equal(marked.toLowerCase(), 'checkpoint');
  await shots('06-logs-search', 'en');

  // Lineage: two tables fit at natural size at most, not blown up to fill the box.
  await openTab('SQL lineage');
  await page.getByTestId('lineage-graph').locator('.react-flow__node').first().waitFor();
  await waitFor('the graph to be fitted', 5_000, async () => (await page.locator('.react-flow__viewport').getAttribute('style'))?.includes('scale') ?? false);
  const scale = Number(/scale\(([\d.]+)\)/.exec((await page.locator('.react-flow__viewport').getAttribute('style')) ?? '')?.[1]);
  assert.ok(scale > 0 && scale <= 1, `the lineage is drawn at ${scale}×, never above natural size`);
  await page.locator('.react-flow__controls-fitview').click();
  const refit = Number(/scale\(([\d.]+)\)/.exec((await page.locator('.react-flow__viewport').getAttribute('style')) ?? '')?.[1]);
  assert.ok(refit <= 1, `the fit button keeps it at ${refit}×`);
  await shots('07-lineage', 'en');

  // Trigger savepoint asks first; cancelling takes none.
  await openTab('Overview');
  await page.getByRole('button', { name: 'Trigger savepoint' }).click();
  await page.getByRole('tooltip').getByText(`Take a savepoint of ${TASK} now?`).waitFor();
  await shots('08-savepoint-confirm', 'en');
  await page.getByRole('tooltip').getByRole('button', { name: 'Cancel' }).click();

  // The same pages in Chinese.
  await language('zh-CN');
  await page.getByTestId('status-strip').waitFor();
  await shots('01-overview-strip', 'zh');
  await page.goto(`${server.url}/runs/${runId}?tab=metrics`);
  await page.getByTestId('default-selection').waitFor();
  await waitFor('charts drawn', 20_000, async () => (await page.locator('[data-testid="metric-chart"] canvas').count()) >= 5);
  await shots('02-metrics-default', 'zh');
  await page.goto(`${server.url}/runs/${runId}?tab=configuration`);
  await page.getByTestId('task-settings').waitFor();
  assert.match(await page.getByTestId('task-settings').innerText(), /检查点间隔\s*2 s/);
  await shots('03-configuration', 'zh');
  await page.goto(`${server.url}/runs/${runId}?tab=checkpoints`);
  await page.getByTestId('empty-state').first().waitFor();
  await shots('04-checkpoints', 'zh');
  await page.goto(`${server.url}/runs/${runId}?tab=logs`);
  await waitFor('log lines', 30_000, async () => /INFO\s/.test(await page.getByTestId('log-text').innerText()));
  await page.getByTestId('log-search').locator('xpath=self::input | .//input').first().fill('checkpoint');
  await page.getByTestId('log-search').locator('xpath=self::input | .//input').first().press('Enter');
  await waitFor('marked matches', 10_000, async () => (await page.getByTestId('log-match').count()) > 0);
  await shots('06-logs-search', 'zh');
  await language('en-US');
});

test('the overview: each status named once, a job found by its Flink id or run id, a toolbar that holds at 1280 and 1440 px, times as on every page, a new task on the only cluster', async () => {
  const { run } = (await api('GET', `/api/runs/${runId}`)) as { run: { flinkJobId: string } };
  const jobId = run.flinkJobId;
  await page.goto(`${server.url}/`);
  const row = page.locator(`[data-testid="overview-table"] tr[data-task-name="${TASK}"]`);
  await row.waitFor({ timeout: 30_000 });

  // A card says its status once in English; in Chinese, Flink's term beside the label helps.
  const runningCard = page.getByTestId('status-card-RUNNING');
  assert.doesNotMatch(await runningCard.innerText(), /RUNNING/, 'English: "Running" alone, not "Running / RUNNING"');
  assert.match(await runningCard.innerText(), /^Running\s+[\d,]+$/);

  // The search finds the job by the start of its Flink id, by the whole id in capitals, and by its run id.
  const search = page.getByLabel('Search job name, Flink job ID or run ID');
  for (const q of [jobId.slice(0, 10), jobId.toUpperCase(), runId]) {
    await search.fill(q);
    await page.waitForURL((url) => url.searchParams.get('q') === q);
    await waitFor(`only ${TASK} listed for ${q}`, 10_000, async () => {
      const names = await page.locator('[data-testid="overview-table"] tr[data-task-name]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-task-name')));
      return names.length === 1 && names[0] === TASK;
    });
  }
  await search.fill(jobId.slice(0, 10));
  await page.waitForURL((url) => url.searchParams.get('q') === jobId.slice(0, 10));

  // The start time reads like the run page's and the audit log's.
  assert.match(await row.getByTestId('date-time').innerText(), /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2}:\d{2}$/);

  // A status chip appears; the lifecycle filter keeps its place top right, the filters wrap among themselves.
  await runningCard.click();
  await page.getByTestId('status-filter-tag').waitFor();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const lifecycle = await page.getByTestId('lifecycle-filter').boundingBox();
    const box = await page.getByTestId('overview-search').locator('xpath=ancestor-or-self::*[contains(@class,"ant-input-affix-wrapper")][1]').boundingBox();
    const card = await page.getByTestId('overview-table').locator('xpath=ancestor::*[contains(@class,"ant-card")][1]').boundingBox();
    assert.ok(lifecycle && box && card);
    assert.ok(Math.abs(lifecycle.y - box.y) < 8, `at ${size.width} px the lifecycle filter stays on the search's row (${lifecycle.y} vs ${box.y})`);
    assert.ok(lifecycle.x + lifecycle.width <= card.x + card.width, `at ${size.width} px the lifecycle filter stays inside the card`);
  }

  // The expanded row shows each run's whole job id, on one line, copyable.
  await row.locator('.ant-table-row-expand-icon').click();
  const fullId = page.getByTestId('run-job-id').first();
  await fullId.waitFor();
  assert.equal((await fullId.innerText()).trim(), jobId);
  const idBox = await fullId.boundingBox();
  assert.ok(idBox && idBox.height < 30, `the job id is not broken over lines (${idBox?.height} px high)`);
  // The row and its history read the running job at different moments; both count from Weir's one clock.
  // Both read in one evaluate, so in one frame (no named helper inside it: tsx would name it with a function the page lacks).
  const durations = await page.evaluate(
    (id) => ({
      row: document.querySelector('[data-testid="overview-table"] tr[data-task-name] [data-testid="duration"]')?.textContent ?? null,
      history: document.querySelector(`[data-testid="task-runs-${id}"] tbody tr[data-row-key] [data-testid="duration"]`)?.textContent ?? null,
    }),
    taskId,
  );
  assert.ok(durations.row && /\d+s$/.test(durations.row), `the row shows a running duration (${durations.row})`);
  assert.equal(durations.history, durations.row, 'the row and its history show the same duration for the running job');
  await shots('18-overview-search-chip', 'en');

  await language('zh-CN');
  await row.waitFor();
  assert.match(await runningCard.innerText(), /运行中\s+RUNNING/, "Chinese: the label with Flink's term");
  assert.match(await row.getByTestId('date-time').innerText(), /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}$/);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const lifecycle = await page.getByTestId('lifecycle-filter').boundingBox();
    const box = await page.getByTestId('overview-search').locator('xpath=ancestor-or-self::*[contains(@class,"ant-input-affix-wrapper")][1]').boundingBox();
    assert.ok(lifecycle && box && Math.abs(lifecycle.y - box.y) < 8, `zh-CN at ${size.width} px: the lifecycle filter on the search's row`);
  }
  await row.locator('.ant-table-row-expand-icon').click();
  await page.getByTestId('run-job-id').first().waitFor();
  const zhBox = await page.getByTestId('run-job-id').first().boundingBox();
  assert.ok(zhBox && zhBox.height < 30, `zh-CN: the job id is not broken over lines (${zhBox?.height} px high)`);
  await shots('18-overview-search-chip', 'zh');
  await page.goto(`${server.url}/tasks`);
  await page.getByRole('link', { name: TASK }).waitFor();
  assert.match(await page.locator('tr', { has: page.getByRole('link', { name: TASK }) }).getByTestId('date-time').innerText(), /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}$/);
  await shots('19-tasks', 'zh');
  await language('en-US');

  // A new task starts on the only cluster there is.
  await page.goto(`${server.url}/tasks/new`);
  const clusterSelect = page.getByTestId('task-cluster-select');
  await clusterSelect.waitFor();
  await waitFor('the only cluster preselected', 10_000, async () => (await clusterSelect.innerText()).includes(`${TAG}-flink`));
  await shots('20-new-task-cluster', 'en');
});

test('a run that does not exist says so and links back; the default alert rule and the global lineage show what an operator needs', async () => {
  await page.goto(`${server.url}/runs/no-such-run`);
  const back = page.getByTestId('run-not-found-back');
  await back.waitFor();
  await shots('09-run-not-found', 'en');
  await back.click();
  await page.waitForURL(`${server.url}/`);

  // A new install's rule, saying it notifies nobody yet.
  await page.goto(`${server.url}/alerts/rules`);
  await page.getByTestId('rules-without-channel').waitFor();
  await shots('10-default-rule', 'en');

  // Turning it off is audited as what changed, before → after.
  await page.getByRole('switch', { name: 'Rule A job fails or becomes UNKNOWN on' }).click();
  await page.goto(`${server.url}/audit?action=alert.rule.update`);
  const change = page.getByTestId('audit-change').first();
  await change.waitFor();
  assert.match(await page.getByTestId('audit-detail').first().innerText(), /Enabled: Yes → No/);
  // Times read one way everywhere; the hover names the zone and gives UTC.
  const when = page.getByTestId('date-time').first();
  assert.match(await when.innerText(), /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2}:\d{2}$/);
  await when.hover();
  await page.getByRole('tooltip').filter({ hasText: /\(.+\) · \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/ }).first().waitFor();
  await shots('12-audit-change', 'en');
  await page.goto(`${server.url}/alerts/rules`);
  await page.getByRole('switch', { name: 'Rule A job fails or becomes UNKNOWN on' }).click();

  // The global lineage: the job's task with its run's status.
  await page.goto(`${server.url}/lineage`);
  const node = page.getByTestId(`global-lineage-task-${taskId}`);
  await node.waitFor({ timeout: 30_000 });
  const latest = ((await api('GET', `/api/runs/${runId}`)) as { run: { status: string } }).run.status;
  assert.equal(await node.getByTestId('global-lineage-task-status').innerText(), latest, "the node shows the status of the task's latest run");
  await shots('11-global-lineage', 'en');

  await language('zh-CN');
  await page.goto(`${server.url}/runs/no-such-run`);
  await page.getByTestId('run-not-found-back').waitFor();
  await shots('09-run-not-found', 'zh');
  await page.goto(`${server.url}/alerts/rules`);
  await page.getByTestId('rules-without-channel').waitFor();
  assert.match(await page.getByTestId('rules-without-channel').innerText(), /不会通知任何人/);
  await shots('10-default-rule', 'zh');
  await page.goto(`${server.url}/lineage`);
  await page.getByTestId(`global-lineage-task-${taskId}`).waitFor({ timeout: 30_000 });
  await shots('11-global-lineage', 'zh');
  await page.goto(`${server.url}/audit?action=alert.rule.update`);
  await page.getByTestId('audit-change').first().waitFor();
  assert.match(await page.getByTestId('date-time').first().innerText(), /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}$/);
  assert.match(await page.getByTestId('audit-detail').first().innerText(), /启用[:：]\s*否 → 是/, 'the newest change (the rule turned back on), its yes/no in the reader\'s language');
  await shots('12-audit-change', 'zh');
  await language('en-US');
});

/** Clicks the theme switch and waits until the server has kept the choice, so no reload or next page outruns it. */
async function switchTheme(): Promise<void> {
  const saved = page.waitForResponse((res) => new URL(res.url()).pathname === '/api/me/preferences' && res.request().method() === 'PATCH');
  await page.getByTestId('theme-switch').click();
  assert.equal((await saved).status(), 200, 'the theme was saved for the user');
}

test('dark mode: one click, remembered for the user across reloads and in another browser, the run page and alerts readable in it', async () => {
  await page.goto(`${server.url}/runs/${runId}`);
  await page.getByTestId('run-detail').waitFor();
  await switchTheme();
  await waitFor('the dark theme', 5_000, async () => (await page.evaluate(() => document.documentElement.dataset.theme)) === 'dark');
  const userId = ((await api('GET', '/api/auth/me')) as { user: { id: string } }).user.id;
  assert.equal(await page.evaluate((id) => window.localStorage.getItem(`weir.theme.${id}`), userId), 'dark', 'remembered for this user');
  await page.reload();
  await page.getByTestId('run-detail').waitFor();
  assert.equal(await page.getByTestId('theme-switch').getAttribute('data-mode'), 'dark', 'still dark after a reload');
  // Another browser of the same user remembers nothing: the server's choice applies there.
  const otherBrowser = await launchBrowser({ locale: 'en-US' });
  try {
    const other = await otherBrowser.newPage();
    await logIn(other, server.url, ADMIN_PASSWORD);
    await waitFor('the dark theme in a second browser of the same user', 10_000, async () => (await other.getByTestId('theme-switch').getAttribute('data-mode')) === 'dark');
  } finally {
    await otherBrowser.close();
  }
  await page.getByTestId('status-strip').waitFor();
  await shots('13-dark-overview', 'en');
  await page.goto(`${server.url}/runs/${runId}?tab=metrics`);
  await waitFor('charts drawn', 20_000, async () => (await page.locator('[data-testid="metric-chart"] canvas').count()) >= 5);
  await shots('14-dark-metrics', 'en');
  await page.goto(`${server.url}/runs/${runId}?tab=checkpoints`);
  await page.getByTestId('empty-state').first().waitFor();
  await shots('15-dark-checkpoints', 'en');
  await page.goto(`${server.url}/alerts/rules`);
  await page.getByTestId('rules-without-channel').waitFor();
  await shots('16-dark-rules', 'en');
  await page.goto(`${server.url}/lineage`);
  await page.getByTestId(`global-lineage-task-${taskId}`).waitFor({ timeout: 30_000 });
  await shots('17-dark-global-lineage', 'en');
  await language('zh-CN');
  await page.goto(`${server.url}/runs/${runId}`);
  await page.getByTestId('status-strip').waitFor();
  await shots('13-dark-overview', 'zh');
  await language('en-US');
  await switchTheme();
  await waitFor('the light theme again', 5_000, async () => (await page.evaluate(() => document.documentElement.dataset.theme)) === 'light');
});

test("audit: a task's update reads as what changed, before → after, in both languages", async () => {
  await api('PATCH', `/api/tasks/${taskId}`, { owner: 'night-shift', description: 'orders by id' });
  await page.goto(`${server.url}/audit?action=task.update`);
  const detail = page.getByTestId('audit-detail').first();
  await detail.waitFor();
  assert.match(await detail.innerText(), /Owner: .*→ night-shift/);
  assert.match(await detail.innerText(), /Description: .*→ orders by id/);
  await shots('21-audit-task-update', 'en');
  await language('zh-CN');
  await page.getByTestId('audit-detail').first().waitFor();
  assert.match(await page.getByTestId('audit-detail').first().innerText(), /负责人：?.*→ night-shift/);
  await shots('21-audit-task-update', 'zh');
  await language('en-US');
});

test('zh-CN: an error the server writes reads in Chinese, with the name it is about', async () => {
  await language('zh-CN');
  await page.goto(`${server.url}/tasks/new`);
  await page.locator('input#name').fill(TASK);
  await waitFor('the only cluster preselected', 10_000, async () => (await page.getByTestId('task-cluster-select').innerText()).includes(`${TAG}-flink`));
  await page.getByRole('button', { name: /^保\s?存$/ }).click();
  const notice = page.locator('.ant-message-notice').filter({ hasText: '已存在名为' });
  await notice.waitFor();
  const text = await notice.innerText();
  assert.match(text, new RegExp(`已存在名为 ${TASK} 的任务`));
  assert.doesNotMatch(text, /already exists/);
  await shots('22-server-error', 'zh');
  await language('en-US');
});
