// Every page of Weir in Chinese at 1280 px, in Chromium against a real Weir and Flink, with real data:
// a FlinkSQL job running with checkpoints, one that failed on its first row, an alert channel and
// a team. Each page's visible text (code, logs and data the app marks translate="no" left out) must
// hold no English word but names, ids, paths, numbers with units and the names this test created;
// the test names each page and its words when one does. The run page's Flink job id stays whole.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEFAULT_ALERT_RULE_NAME } from '../../contract/src/alerts.schemas.js';
import { failingJobSql, safe, type TestFlink } from '../../server/src/test-support/flink.js';
import type { TestBrowser } from '../support/browser.js';
import { englishWords } from '../support/english-words.js';
import { screenshot, SCREENSHOT_DIR } from '../support/screenshots.js';
import { scriptEditor } from '../support/sql-editor.js';
import { visibleUiText } from '../support/ui-text.js';
import { waitFor } from '../support/wait.js';
import { ADMIN_USERNAME, callApi } from '../support/weir-app.js';
import { startOperatorSession } from '../support/operator-session.js';
import type { WeirServer } from '../support/weir-server.js';

const ADMIN_PASSWORD = 'e2e-admin-password';
const TAG = `zh${process.pid}`;
const TASK = `${TAG}_orders_totals`;
const FAILING_TASK = `${TAG}_divide_by_zero`;
const CLUSTER = `${TAG}-flink`;
const TEAM = `${TAG}-team`;
const CHANNEL = `${TAG}-hook`;
const SQL = [
  `CREATE TEMPORARY TABLE ${TAG}_orders (id BIGINT, amount DOUBLE) WITH ('connector' = 'datagen', 'rows-per-second' = '20')`,
  `CREATE TEMPORARY TABLE ${TAG}_totals (id BIGINT, amount DOUBLE) WITH ('connector' = 'blackhole')`,
  `INSERT INTO ${TAG}_totals SELECT id, amount FROM ${TAG}_orders`,
].join(';\n');
/**
 * Names the pages show as they are: what this test created, the two Weir gives at install (its
 * first account's display name and its first team), which their owners rename as they like, and
 * the actor name of Weir's own work in the audit log.
 */
const NAMES = [TASK, FAILING_TASK, CLUSTER, TEAM, CHANNEL, `${TAG}_orders`, `${TAG}_totals`, `src_${safe(FAILING_TASK)}`, `snk_${safe(FAILING_TASK)}`, ADMIN_USERNAME, 'Administrator', 'default', 'system'];
/**
 * English Weir still shows on a Chinese page would be named here, so that it stays visible while
 * any other English fails the test; none is left (issue 21). A failed delivery is said from its
 * reason's code, so the refused connection to this test's channel reads in Chinese; the sender's own
 * text ("connect ECONNREFUSED …") shows only on hover and in the row's detail.
 */
const NOT_TRANSLATED_YET: string[] = [];

let flink: TestFlink;
let server: WeirServer;
let browser: TestBrowser;
let page: Page;
let taskId: string;
let runId: string;
let failedRunId: string;
const flinkJobIds: string[] = [];
/** The alert rules' names, the one Weir creates at install among them: names, which their owners choose. */
const ruleNames: string[] = [];
/** Per page, the English words it showed. */
const english = new Map<string, string[]>();

const api = (method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) => callApi(page, server.url, method, path, body);

/** Waits until the page has stopped loading: no spinner or skeleton left in it. */
async function settled(): Promise<void> {
  await waitFor('the page to finish loading', 30_000, async () => (await page.locator('.ant-spin-spinning, .ant-skeleton-active, .ant-table-placeholder .ant-spin').count()) === 0);
}

/**
 * Every task's name: names, as their owners (or Flink's job names, for jobs Weir found running) gave
 * them; other tests' jobs on the shared Flink show among them.
 */
async function taskNames(): Promise<string[]> {
  const page = (await api('GET', '/api/tasks?pageSize=500')) as { items: { name: string }[] };
  return page.items.map((t) => t.name);
}

/**
 * Opens a page, waits for what shows its data, reads its text, and keeps the English words found
 * (reported all together at the end, so one run names every page that needs work).
 */
async function check(name: string, path: string, ready: () => Promise<unknown>): Promise<void> {
  await page.goto(`${server.url}${path}`);
  // CI-like runs timed out once on the overview's row with nothing in the journal: say what the page showed instead.
  await ready().catch(async (err: Error) => {
    await page.screenshot({ path: `${SCREENSHOT_DIR}/zh-cn-pages-${name}-not-ready.png`, fullPage: true }).catch(() => undefined);
    const shown = await page.locator('body').innerText().catch(() => '?');
    throw new Error(`${err.message}\n${name} (${page.url()}) showed: ${shown.replace(/\s+/g, ' ').slice(0, 1500)}`);
  });
  await settled();
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'zh-cn-pages', name);
  const words = englishWords(await visibleUiText(page), { data: [...NAMES, ...ruleNames, ...(await taskNames()), ...NOT_TRANSLATED_YET, ...flinkJobIds, runId, failedRunId, taskId] });
  if (words.length > 0) english.set(`${name} (${path})`, words.map((w) => `${w.word} — in "${w.line}"`));
}

before(async () => {
  ({ flink, server, browser, page } = await startOperatorSession(ADMIN_PASSWORD, { width: 1280, height: 800 }));

  const cluster = await api('POST', '/api/clusters', { name: CLUSTER, restUrl: flink.restUrl, gatewayUrl: flink.gatewayUrl });
  const task = await api('POST', '/api/tasks', { name: TASK, kind: 'SQL', clusterId: cluster.id, sql: SQL, config: { parallelism: 1, checkpointIntervalMs: 2000 } });
  taskId = task.id;
  await api('POST', `/api/tasks/${task.id}/publish`, { note: '首次发布' });
  runId = (await api('POST', `/api/tasks/${task.id}/online`, {})).newRunId;
  flinkJobIds.push((await api('GET', `/api/runs/${runId}`)).run.flinkJobId);
  // The install's rule (a job fails) sends to a channel that cannot be reached, so the alert pages
  // show an incident and a failed delivery; the running task is silenced for an hour.
  await api('POST', '/api/teams', { name: TEAM });
  const channel = await api('POST', '/api/alerts/channels', { name: CHANNEL, teamId: null, type: 'webhook', config: { url: 'http://127.0.0.1:9/hook' } });
  const rules = (await api('GET', '/api/alerts/rules')) as { items: { id: string; name: string }[] };
  for (const rule of rules.items) await api('PATCH', `/api/alerts/rules/${rule.id}`, { channelIds: [channel.id] });
  // Names people gave pass as data; the install's rule has Weir's own name, which a Chinese page says in Chinese.
  ruleNames.push(...rules.items.map((r) => r.name).filter((name) => name !== DEFAULT_ALERT_RULE_NAME));
  await api('POST', '/api/alerts/silences', { taskId, endsAt: Date.now() + 3_600_000, reason: '夜间维护' });
  // Its first two lines set the restart strategy and the pipeline's name: the task's config and name do.
  const failing = await api('POST', '/api/tasks', { name: FAILING_TASK, kind: 'SQL', clusterId: cluster.id, sql: failingJobSql(FAILING_TASK).slice(2).join(';\n'), config: { parallelism: 1, flinkOptions: { 'restart-strategy.type': 'none' } } });
  await api('POST', `/api/tasks/${failing.id}/publish`, { note: '首次发布' });
  failedRunId = (await api('POST', `/api/tasks/${failing.id}/online`, {})).newRunId;
  assert.ok(runId && failedRunId, 'both tasks started a run');


  await page.evaluate(() => window.localStorage.setItem('weir.language', 'zh-CN'));
  await page.reload();
});

after(async () => {
  for (const id of flinkJobIds) await flink.jm.cancel(id).catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

test('the run page in Chinese: every tab without English, the Flink job id on one line', async () => {
  const runPath = `/runs/${runId}`;
  await page.goto(`${server.url}${runPath}`);
  await page.locator('[data-run-status="RUNNING"]').waitFor({ timeout: 90_000 });
  const { run } = (await api('GET', `/api/runs/${runId}`)) as { run: { flinkJobId: string } };

  // The id is one token: one line high at 1280 px, inside its column (not over the next one), and
  // whole in the page to find and select, on hover and when copied.
  const jobId = page.getByTestId('flink-job-id');
  await jobId.waitFor();
  const lineHeight = await jobId.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || 22);
  const box = await jobId.boundingBox();
  const cell = await jobId.locator('xpath=ancestor::*[contains(@class,"ant-descriptions-item-content")][1]').boundingBox();
  assert.ok(box && cell, 'the job id and its column are shown');
  assert.ok(box.height <= lineHeight * 1.5, `the job id is not broken over lines at 1280 px (${box.height} px high, a line is ${lineHeight} px)`);
  assert.ok(box.x + box.width <= cell.x + cell.width + 1, `the job id stays in its column (ends at ${box.x + box.width} px, the column at ${cell.x + cell.width} px)`);
  assert.equal(await jobId.evaluate((el) => el.textContent?.trim()), run.flinkJobId, 'the whole id is in the page');
  await jobId.hover();
  await page.getByRole('tooltip').filter({ hasText: run.flinkJobId }).first().waitFor();
  assert.equal(await jobId.locator('.ant-typography-copy').count(), 1, 'a copy button');

  await check('run-overview', runPath, () => page.getByTestId('run-health-score').waitFor({ timeout: 60_000 }));
  await check('run-metrics', `${runPath}?tab=metrics`, () => waitFor('charts drawn', 40_000, async () => (await page.locator('[data-testid="metric-chart"] canvas').count()) >= 3));
  await check('run-cluster', `${runPath}?tab=cluster`, () => page.getByTestId('taskmanagers-table').getByText('tm-1').waitFor());
  await check('run-checkpoints', `${runPath}?tab=checkpoints`, () => waitFor('a completed checkpoint', 40_000, async () => Number(await page.getByTestId('checkpoints-completed').innerText()) >= 1));
  await check('run-exceptions', `${runPath}?tab=exceptions`, () => page.getByTestId('run-detail').waitFor());
  await check('run-logs', `${runPath}?tab=logs`, () => waitFor('log lines', 30_000, async () => /INFO\s/.test(await page.getByTestId('log-text').innerText())));
  await check('run-configuration', `${runPath}?tab=configuration`, () => page.getByTestId('task-settings').waitFor());
  await check('run-sql', `${runPath}?tab=sql`, () => page.getByTestId('sql-code').waitFor());
  await check('run-lineage', `${runPath}?tab=lineage`, () => page.locator('.react-flow__node').first().waitFor());
  await check('run-versions', `${runPath}?tab=versions`, () => page.getByRole('tabpanel').locator('.ant-table-row').first().waitFor());
  await check('run-alerts', `${runPath}?tab=alerts`, () => page.getByRole('tabpanel').waitFor());

  // The job that failed: its status history, its exception and its health.
  const failedPath = `/runs/${failedRunId}`;
  await check('failed-run-overview', failedPath, () => page.locator('[data-run-status="FAILED"]').waitFor({ timeout: 90_000 }));
  await check('failed-run-exceptions', `${failedPath}?tab=exceptions`, () => page.getByTestId('exceptions-table').locator('.ant-table-row').first().waitFor({ timeout: 30_000 }));
});

test('every other page in Chinese, with data in it, shows no English', async () => {
  await check('overview', '/', () => page.locator(`tr[data-task-name="${TASK}"]`).waitFor());
  await check('tasks', '/tasks', () => page.getByRole('link', { name: TASK }).waitFor());
  await check('task-editor', `/tasks/${taskId}`, async () => {
    await scriptEditor(page);
    await page.getByTestId(`task-runs-${taskId}`).getByTestId('run-detail-link').first().waitFor();
  });
  await check('task-new', '/tasks/new', () => waitFor('the only cluster preselected', 10_000, async () => (await page.getByTestId('task-cluster-select').innerText()).includes(CLUSTER)));
  await check('clusters', '/clusters', () => page.getByText(CLUSTER).first().waitFor());
  await check('lineage', '/lineage', () => page.getByTestId(`global-lineage-task-${taskId}`).waitFor({ timeout: 30_000 }));
  for (const tab of ['history', 'rules', 'channels', 'silences']) {
    await check(`alerts-${tab}`, `/alerts/${tab}`, () => page.getByRole('tab', { selected: true }).waitFor());
  }
  // The failed job's incident, its summary said in Chinese from the code the server keeps beside its English.
  await check('alerts-incidents', '/alerts/incidents', () => page.getByText('状态变为 FAILED').first().waitFor({ timeout: 30_000 }));
  await check('audit', '/audit', () => page.locator('.ant-table-row').first().waitFor());
  await check('audit-silence', '/audit?action=alert.silence.create', async () => {
    // The silence's end reads as a time in the reader's format, not as epoch milliseconds.
    const detail = page.getByTestId('audit-detail').first();
    await detail.getByTestId('date-time').waitFor();
    const text = await detail.innerText();
    assert.doesNotMatch(text, /\d{13}/);
    assert.ok(text.includes(`任务: ${TASK}`) || text.includes(`任务：${TASK}`), `the silenced task named beside its id: ${text}`);
  });
  await check('users', '/users', () => page.locator('.ant-table-row').first().waitFor());
  await check('teams', '/teams', () => page.getByText(TEAM).first().waitFor());
  await check('tokens', '/tokens', () => page.getByRole('main').waitFor());
});

test('no page showed English', () => {
  const report = [...english].map(([where, words]) => `${where}:\n    ${words.join('\n    ')}`).join('\n');
  assert.equal(english.size, 0, `English on zh-CN pages (screenshots in test-results/screenshots/zh-cn-pages-*):\n${report}`);
});
