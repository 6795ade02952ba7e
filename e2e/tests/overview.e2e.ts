import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { runSql, sharedTestFlink, streamingJobSql, safe, waitUntil, type TestFlink } from '../../server/src/test-support/flink.js';
import { launchBrowser, type TestBrowser } from '../support/browser.js';
import { screenshot } from '../support/screenshots.js';
import { logIn } from '../support/weir-app.js';
import { apiSession, startWeirServer, type WeirServer } from '../support/weir-server.js';

// The job overview against a real Weir watching the shared dev Flink cluster. Other engineers' jobs
// run there too: every assertion is about this file's own jobs (unique names) or about counts
// moving the right way.

const ADMIN_PASSWORD = 'e2e-admin-password';
const RUN = Date.now().toString(36);
const name = (what: string) => `e2e-overview-${RUN}-${what}`;

let server: WeirServer;
let browser: TestBrowser;
let flink: TestFlink;
let cookie = '';
const startedJobs: string[] = [];

async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${server.url}${path}`, { ...init, headers: { cookie, 'content-type': 'application/json', ...init.headers } });
  assert.ok(response.ok, `${init.method ?? 'GET'} ${path}: ${response.status} ${await response.clone().text()}`);
  return (await response.json()) as T;
}

async function startStreamingJob(jobName: string): Promise<string> {
  const [jobId] = await runSql(flink, streamingJobSql(jobName));
  assert.ok(jobId, `no job id for ${jobName}`);
  startedJobs.push(jobId);
  return jobId;
}

/** A job over a bounded source: it FINISHES by itself within seconds. */
async function runBoundedJob(jobName: string): Promise<string> {
  const t = safe(jobName);
  const [jobId] = await runSql(flink, [
    `SET 'pipeline.name' = '${jobName}'`,
    `CREATE TEMPORARY TABLE src_${t} (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '20')`,
    `CREATE TEMPORARY TABLE snk_${t} (id BIGINT) WITH ('connector' = 'blackhole')`,
    `INSERT INTO snk_${t} SELECT id FROM src_${t}`,
  ]);
  assert.ok(jobId, `no job id for ${jobName}`);
  return jobId;
}

/** A job that runs for a few seconds, then fails on a division by zero, with no restarts. */
async function startFailingJob(jobName: string): Promise<string> {
  const t = safe(jobName);
  const [jobId] = await runSql(flink, [
    `SET 'pipeline.name' = '${jobName}'`,
    `SET 'restart-strategy.type' = 'none'`,
    `CREATE TEMPORARY TABLE src_${t} (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '2', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '1000')`,
    `CREATE TEMPORARY TABLE snk_${t} (v BIGINT) WITH ('connector' = 'blackhole')`,
    `INSERT INTO snk_${t} SELECT 100 / (id - 12) FROM src_${t}`,
  ]);
  assert.ok(jobId, `no job id for ${jobName}`);
  startedJobs.push(jobId);
  return jobId;
}

const row = (page: Page, taskName: string, status?: string): Locator =>
  page.locator(`[data-testid="overview-table"] tr[data-task-name="${taskName}"]${status ? `[data-status="${status}"]` : ''}`);
const cardCount = async (page: Page, status: string): Promise<number> =>
  Number(await page.locator(`[data-testid="status-card-${status}"] [data-count]`).getAttribute('data-count'));

/** Marks the document; the mark survives only if the page is never reloaded. */
const markDocument = (page: Page) => page.evaluate(() => ((window as unknown as { weirMark: string }).weirMark = 'kept'));
const documentKept = async (page: Page) => (await page.evaluate(() => (window as unknown as { weirMark?: string }).weirMark)) === 'kept';

async function openOverview(query = ''): Promise<Page> {
  const page = await browser.newPage();
  await logIn(page, server.url, ADMIN_PASSWORD);
  await page.goto(`${server.url}/${query}`);
  await page.locator('[data-testid="status-card-total"] [data-count]').waitFor();
  await page.locator('[data-testid="live-state"][data-state="live"]').waitFor();
  return page;
}

before(async () => {
  assert.ok(process.env.WEIR_TEST_FLINK_REST, 'WEIR_TEST_FLINK_REST is not set: run through `npm test`, or point it at the dev cluster');
  flink = await sharedTestFlink();
  server = await startWeirServer({ adminPassword: ADMIN_PASSWORD, env: { WEIR_WATCH_INTERVAL_MS: '500', WEIR_FLINK_TIMEOUT_MS: '5000' } });
  const session = await apiSession(server, 'admin', ADMIN_PASSWORD);
  cookie = session.cookie;
  const { csrfToken } = session;
  await api('/api/clusters', {
    method: 'POST',
    headers: { 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'dev-flink', restUrl: flink.restUrl, gatewayUrl: flink.gatewayUrl }),
  });
  browser = await launchBrowser({ locale: 'en-US' });
});

after(async () => {
  await Promise.all(startedJobs.map((jobId) => flink.jm.cancel(jobId).catch(() => undefined)));
  await browser?.close();
  await server?.stop();
  await flink?.stop();
});

// Newest first: the shared cluster's history runs to several pages, and a new job sorted by name can land beyond the first.
const NEWEST_FIRST = '?sort=startTime&order=desc';

test('a job started now appears RUNNING on the open page, and the RUNNING card filters the list', async () => {
  const page = await openOverview(NEWEST_FIRST);
  await screenshot(page, 'overview', '01-en-loaded');
  await markDocument(page);
  const runningBefore = await cardCount(page, 'RUNNING');

  const jobName = name('stream');
  await startStreamingJob(jobName);
  // Discovered by the watcher and pushed over SSE: no reload, no navigation.
  await row(page, jobName, 'RUNNING').waitFor({ timeout: 20_000 });
  await waitUntil('the RUNNING card to count the new job', 10_000, async () => (await cardCount(page, 'RUNNING')) >= runningBefore + 1);
  assert.ok(await documentKept(page), 'the page was not reloaded');
  await screenshot(page, 'overview', '02-job-running');

  await page.locator('[data-testid="status-card-RUNNING"]').click();
  await page.waitForURL(/[?&]status=RUNNING\b/);
  await row(page, jobName).waitFor();
  await waitUntil('only RUNNING rows', 10_000, async () => {
    const statuses = await page.locator('[data-testid="overview-table"] tr[data-task-name]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    return statuses.length > 0 && statuses.every((s) => s === 'RUNNING');
  });
  // The card and the list agree on how many jobs are RUNNING.
  const total = Number((await page.locator('.ant-pagination-total-text').innerText()).match(/of ([\d,]+) jobs/)![1]!.replace(/,/g, ''));
  assert.equal(total, await cardCount(page, 'RUNNING'));
  assert.equal(await page.locator('[data-testid="status-card-RUNNING"]').getAttribute('aria-pressed'), 'true');
  await screenshot(page, 'overview', '03-running-card-filter');

  // The filter lives in the URL: a reload keeps it.
  await page.reload();
  await row(page, jobName).waitFor();
  assert.equal(await page.locator('[data-testid="status-card-RUNNING"]').getAttribute('aria-pressed'), 'true');
  // Clicking the selected card again shows every job.
  await page.locator('[data-testid="status-card-RUNNING"]').click();
  await page.waitForURL((url) => !url.searchParams.has('status'));
  await page.close();
});

test('a job made to fail turns FAILED on the open page and the FAILED count goes up, without a reload', async () => {
  const page = await openOverview(NEWEST_FIRST);
  await markDocument(page);
  const failedBefore = await cardCount(page, 'FAILED');

  const jobName = name('fails');
  await startFailingJob(jobName);
  await row(page, jobName, 'RUNNING').waitFor({ timeout: 20_000 });
  await screenshot(page, 'overview', '04-failing-job-running');
  await row(page, jobName, 'FAILED').waitFor({ timeout: 30_000 });
  await waitUntil('the FAILED card to go up', 10_000, async () => (await cardCount(page, 'FAILED')) >= failedBefore + 1);
  assert.ok(await documentKept(page), 'the page was not reloaded');
  await screenshot(page, 'overview', '05-job-failed');
  await page.close();
});

test('a row expands into the task history, and the eye opens the run detail', async () => {
  // Two runs of one job name are two runs of one (external) task. Bounded jobs finish by themselves,
  // so nothing else on the shared cluster can change their outcome.
  const jobName = name('twice');
  const first = await runBoundedJob(jobName);
  await waitUntil('the first run to finish and be recorded', 30_000, async () => {
    const page = await api<{ items: { flinkJobId: string; status: string }[] }>(`/api/overview/tasks?q=${encodeURIComponent(jobName)}`);
    return page.items[0]?.flinkJobId === first && page.items[0].status === 'FINISHED';
  });
  const second = await runBoundedJob(jobName);
  const task = await waitUntil('both runs, the second latest', 30_000, async () => {
    const list = await api<{ items: { id: string; latestRunId: string; flinkJobId: string; status: string }[] }>(`/api/overview/tasks?q=${encodeURIComponent(jobName)}`);
    const found = list.items[0];
    if (found?.flinkJobId !== second || found.status !== 'FINISHED') return undefined;
    const runs = await api<{ total: number }>(`/api/tasks/${found.id}/runs`);
    return runs.total === 2 ? found : undefined;
  });

  const page = await openOverview();
  await page.getByLabel('Search job name').fill(jobName);
  await page.waitForURL(/[?&]q=/);
  const jobRow = row(page, jobName, 'FINISHED');
  await jobRow.waitFor();
  // The row is there before the search answer arrives (the job is also on the unfiltered first page): wait for the list to narrow.
  const rows = page.locator('[data-testid="overview-table"] tr[data-task-name]');
  await waitUntil('the search to narrow the list to this job', 15_000, async () => (await rows.count()) === 1);

  await jobRow.locator('button.ant-table-row-expand-icon').click();
  const history = page.locator(`[data-testid="task-runs-${task.id}"]`);
  await history.locator('tbody tr[data-row-key]').nth(1).waitFor();
  const historyRows = await history.locator('tbody tr[data-row-key]').allInnerTexts();
  assert.equal(historyRows.length, 2);
  assert.match(historyRows[0]!, new RegExp(`${second}[\\s\\S]*Latest[\\s\\S]*FINISHED`), 'newest first, marked latest');
  assert.match(historyRows[1]!, new RegExp(`${first}[\\s\\S]*FINISHED`));
  assert.doesNotMatch(historyRows[1]!, /Latest/);
  await screenshot(page, 'overview', '06-row-expanded-history');

  await jobRow.getByTestId('run-detail-link').click();
  await page.waitForURL(`${server.url}/runs/${task.latestRunId}`);
  await screenshot(page, 'overview', '07-eye-opens-run-detail');
  await page.close();
});

test('both languages render the cards, filters and list, and a filter that matches nothing says so', async () => {
  const page = await openOverview('?status=FAILED&lifecycle=ONLINE');
  await page.getByRole('button', { name: 'Language' }).click();
  await page.getByRole('menuitem', { name: '中文' }).click();
  for (const text of ['任务总览', '总计', '批作业', '流作业', '运行中', '已取消', '异常作业', '重启中', '已完成', '未知作业', '重连', '作业名称', '生命周期', '已上线']) {
    await page.getByText(text, { exact: true }).first().waitFor();
  }
  assert.equal(await page.locator('[data-testid="status-card-FAILED"]').getAttribute('aria-pressed'), 'true', 'the filter survives the language switch');
  await screenshot(page, 'overview', '08-zh-CN');

  await page.getByLabel('搜索作业名称').fill(`no-such-job-${RUN}`);
  await page.getByText('没有符合筛选条件的作业').waitFor();
  await screenshot(page, 'overview', '09-zh-CN-no-match');

  await page.getByRole('button', { name: '语言' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await page.getByText('No jobs match these filters').waitFor();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await page.waitForURL(`${server.url}/`);
  for (const text of ['Job overview', 'Total', 'Batch', 'Streaming', 'Running', 'Canceled', 'Failed', 'Restarting', 'Finished', 'Unknown', 'Reconnecting', 'Job name', 'Online']) {
    await page.getByText(text, { exact: true }).first().waitFor();
  }
  await page.locator('[data-testid="overview-table"] tr[data-task-name]').first().waitFor();
  await screenshot(page, 'overview', '10-en-US');
  await page.close();
});
