import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { launchBrowser, type TestBrowser } from '../support/browser.js';
import { screenshot } from '../support/screenshots.js';
import { replaceScript, scriptEditor, scriptText } from '../support/sql-editor.js';
import { waitFor } from '../support/wait.js';
import { logIn } from '../support/weir-app.js';
import { apiSession, startWeirServer, type WeirServer } from '../support/weir-server.js';

/*
 * Writing a FlinkSQL task in the browser against the real SQL Gateway: completion offers a column
 * of a table the script creates, and a table of the catalog listed when the editor opened (no
 * Refresh); Validate shows Flink's plan and underlines a wrong column where Flink points, the
 * catalog browser lists the table the script's session created, and a preview shows its rows
 * while the query still runs, and leaves no job running in Flink's job list.
 */

const ADMIN_PASSWORD = 'e2e-admin-password';
const RUN = Date.now().toString(36);
const TASK = `e2e-authoring-${RUN}`;
const REST = process.env.WEIR_TEST_FLINK_REST;
const GATEWAY = process.env.WEIR_TEST_FLINK_GATEWAY;

let server: WeirServer;
let browser: TestBrowser;
let taskId: string;
let page: Page;

const SCRIPT = [
  "CREATE TEMPORARY TABLE orders (id BIGINT, amount DOUBLE, note STRING) WITH ('connector' = 'datagen', 'rows-per-second' = '200');",
  "CREATE TEMPORARY TABLE totals (id BIGINT, amount DOUBLE) WITH ('connector' = 'blackhole');",
  'INSERT INTO totals SELECT id, amount FROM orders;',
].join('\n');

before(async () => {
  assert.ok(REST && GATEWAY, 'WEIR_TEST_FLINK_REST and WEIR_TEST_FLINK_GATEWAY are not set: run this through `npm test`, which starts the test Flink cluster');
  server = await startWeirServer({ adminPassword: ADMIN_PASSWORD });
  browser = await launchBrowser({ locale: 'en-US' });
  const { cookie, csrfToken } = await apiSession(server, 'admin', ADMIN_PASSWORD);
  const api = async <T>(path: string, body: object): Promise<T> => {
    const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    assert.ok(res.ok, `${path} answered ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  };
  const cluster = await api<{ id: string }>('/api/clusters', { name: `${TASK}-cluster`, restUrl: REST, gatewayUrl: GATEWAY });
  taskId = (await api<{ id: string }>('/api/tasks', { name: TASK, kind: 'SQL', clusterId: cluster.id, sql: SCRIPT })).id;
  page = await browser.newPage();
  await logIn(page, server.url, ADMIN_PASSWORD);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Preview jobs of this test's task that Flink does not list as ended. */
async function runningPreviewJobs(): Promise<string[]> {
  const { jobs } = (await (await fetch(`${REST}/jobs/overview`)).json()) as { jobs: { jid: string; name: string; state: string }[] };
  return jobs.filter((j) => j.name.startsWith(`weir-preview-${TASK}`) && !['FINISHED', 'CANCELED', 'FAILED'].includes(j.state)).map((j) => `${j.name} ${j.state}`);
}

async function openTask(page: Page): Promise<void> {
  await page.goto(`${server.url}/tasks/${taskId}`);
  await scriptEditor(page);
  await waitFor('the editor to show the saved script', 10_000, async () => (await scriptText(page)) === SCRIPT);
}

async function shot(page: Page, step: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'sql-authoring', step);
}

test('the catalog lists the table the script creates, and completion offers its column', async () => {
  await openTask(page);

  // The editor lists the catalog as it opens, and Refresh ignores a click while that listing runs
  // (the button shows it loading): wait for the first listing to end, so the click is a refresh.
  const refresh = page.getByTestId('sql-catalog-refresh');
  await waitFor("the editor's first catalog listing to end", 90_000, async () => !((await refresh.getAttribute('class')) ?? '').includes('ant-btn-loading'));
  // Listing runs the script's DDL and describes its tables on the gateway: seconds on a busy machine.
  const relisted = page.waitForResponse((res) => res.url().endsWith(`/api/tasks/${taskId}/sql/catalog`) && res.request().postDataJSON()?.refresh === true, { timeout: 90_000 });
  await refresh.click();
  assert.equal((await relisted).status(), 200);
  const orders = page.getByTestId('catalog-table-orders');
  await orders.click();
  await page.getByTestId('catalog-column-orders-amount').waitFor();
  await page.getByTestId('sql-catalog').getByText('Options', { exact: true }).first().click();
  await page.getByTestId('sql-catalog').getByText("'connector' = 'datagen'").waitFor();
  await shot(page, 'catalog');

  // A new statement at the end: after "SELECT am" the editor offers the column `amount` of orders.
  const editor = await scriptEditor(page);
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('INSERT INTO totals SELECT id, am');
  await page.keyboard.press('Control+Space');
  const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: 'amount' }).first();
  await suggestion.waitFor();
  assert.match(await suggestion.innerText(), /amount/);
  await shot(page, 'completion');
  await page.keyboard.press('Escape');

  // The catalog's insert button puts the table's name at the caret.
  await page.keyboard.type('ount FROM ');
  const completeChecked = syntaxAnswer(page, (script) => script.endsWith('INSERT INTO totals SELECT id, amount FROM orders'));
  await page.getByRole('button', { name: 'Insert orders into the script' }).click();
  await waitFor('the inserted table name', 5_000, async () => (await scriptText(page)).endsWith('INSERT INTO totals SELECT id, amount FROM orders'));

  // Live diagnostics from the Flink SQL grammar, before any Validate: a clause left unfinished is underlined.
  // A check of the half-typed "… FROM " may have underlined it a moment ago; the answer about the
  // finished statement takes that away, and the editor draws the change on its next frame.
  const squiggle = page.locator('[data-testid="monaco-sql-editor"] .squiggly-error');
  assert.deepEqual((await completeChecked).problems, [], 'the server reads the finished statement without a problem');
  await waitFor('no underline under the finished statement', 5_000, async () => (await squiggle.count()) === 0);
  await page.keyboard.type(' WHERE AND');
  await squiggle.first().waitFor({ state: 'attached' });
  await shot(page, 'syntax-error');

  // … and what Flink accepts is not, though the grammar alone rejects it: the editor reads the
  // script as lineage does (SUBSTRING … FROM … FOR, CHAR_LENGTH, an OVER window named without AS).
  const valid = [
    "CREATE TEMPORARY TABLE src (id BIGINT, name STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen');",
    "CREATE TEMPORARY TABLE snk (id BIGINT, prefix STRING, len INT, total BIGINT) WITH ('connector' = 'blackhole');",
    'INSERT INTO snk SELECT id, SUBSTRING(name FROM 1 FOR 3), CHAR_LENGTH(name), SUM(id) OVER w FROM src',
    'WINDOW w AS (PARTITION BY name ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW);',
  ].join('\n');
  const checked = syntaxAnswer(page, (script) => script === valid);
  await replaceScript(page, valid);
  assert.deepEqual((await checked).problems, [], 'the server reads the script without a problem');
  // The underline of " WHERE AND" stays until that answer is applied and drawn; then nothing valid is underlined.
  await waitFor('the underline of the old text to go', 5_000, async () => (await squiggle.count()) === 0);
});

/** The server's syntax answer about the first script `which` accepts, once it has reached the page. */
async function syntaxAnswer(page: Page, which: (script: string) => boolean): Promise<{ problems: unknown[] }> {
  const res = await page.waitForResponse((r) => r.url().endsWith('/api/sql/syntax') && which(String(r.request().postDataJSON()?.script ?? '')));
  return (await res.json()) as { problems: unknown[] };
}

test('completion offers a table of the catalog listed when the editor opened, without Refresh', async () => {
  // Listing runs the draft's DDL and describes its tables on the gateway: seconds on a busy machine.
  const listed = page.waitForResponse((res) => res.url().endsWith(`/api/tasks/${taskId}/sql/catalog`), { timeout: 90_000 });
  await openTask(page);
  const answer = await listed;
  assert.equal(answer.status(), 200);
  assert.deepEqual(answer.request().postDataJSON(), { refresh: false }, 'the saved draft\'s catalog, asked for by the editor itself');

  // A script that creates no table: `orders` can only come from the catalog listed for the saved draft.
  await replaceScript(page, 'SELECT * FROM ');
  const editor = await scriptEditor(page);
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('ord');
  await page.keyboard.press('Control+Space');
  const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: 'orders' }).first();
  await suggestion.waitFor();
  assert.match(await suggestion.innerText(), /orders/);
  await shot(page, 'completion-from-catalog');
  await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('sql-catalog-refresh').count(), 1);
  await page.getByRole('tab', { name: 'Catalog' }).click();
  await page.getByTestId('catalog-table-orders').waitFor();
});

test('Validate shows Flink\'s plan, and underlines a wrong column with Flink\'s error', async () => {
  await openTask(page);

  await page.getByTestId('sql-validate').click();
  const plan = page.getByTestId('sql-validation-plan');
  await plan.waitFor({ timeout: 60_000 });
  assert.match(await plan.innerText(), /== Optimized Execution Plan ==/);
  assert.match(await plan.innerText(), /Sink\(table=\[default_catalog\.default_database\.totals\]/);
  await shot(page, 'validate-plan');

  await replaceScript(page, SCRIPT.replace('SELECT id, amount FROM', 'SELECT id, amout FROM'));
  await page.getByTestId('sql-validate').click();
  const error = page.getByTestId('sql-validation-error');
  await error.waitFor({ timeout: 60_000 });
  assert.match(await error.innerText(), /line 3, column 31.*Column 'amout' not found/s);
  // Flink's range (line 3, columns 31 to 35) is underlined in the editor.
  const squiggle = page.locator('[data-testid="monaco-sql-editor"] .squiggly-error');
  await squiggle.first().waitFor({ state: 'attached' });
  const boxes = (await Promise.all((await squiggle.all()).map((s) => s.boundingBox()))).filter((b) => b && b.width > 0);
  assert.ok(boxes.length > 0, 'an underline is drawn');
  await page.mouse.move(boxes[0]!.x + boxes[0]!.width / 2, boxes[0]!.y + boxes[0]!.height / 2);
  await page.locator('.monaco-hover', { hasText: "Column 'amout' not found" }).first().waitFor();
  await shot(page, 'validate-error');
});

test('a preview shows rows, and leaves no job running on the cluster', async () => {
  await openTask(page);

  await page.getByRole('tab', { name: 'Preview' }).click();
  await page.getByLabel('Query to preview').fill('SELECT id, amount FROM orders');
  await page.getByLabel('Row limit').fill('25');
  await page.getByTestId('sql-preview-run').click();
  const summary = page.getByTestId('sql-preview-summary');
  await summary.waitFor({ timeout: 90_000 });
  assert.match(await summary.innerText(), /^25 rows · ended by the row limit · job [0-9a-f]{32} cancelled/);
  assert.equal(await page.locator('[data-testid="sql-preview-rows"] tbody tr.ant-table-row').count(), 20, 'the first page of the 25 rows');
  assert.deepEqual(await runningPreviewJobs(), []);
  await shot(page, 'preview');

  // Rows reach the table while the query still runs (a few a second: neither limit is near), then Stop ends it and its job.
  await page.getByLabel('Query to preview').fill('SELECT id, amount FROM orders WHERE MOD(id, 50) = 0');
  await page.getByLabel('Row limit').fill('1000');
  await page.getByLabel('Time limit (s)').fill('120');
  await page.getByTestId('sql-preview-run').click();
  const progress = page.getByTestId('sql-preview-progress');
  const shownRows = page.locator('[data-testid="sql-preview-rows"] tbody tr.ant-table-row');
  await waitFor('streamed rows in the table while the preview runs', 60_000, async () => (await shownRows.count()) >= 2);
  assert.match(await progress.innerText(), /^\d+ rows so far · job [0-9a-f]{32}/);
  assert.ok((await runningPreviewJobs()).some((j) => j.endsWith('RUNNING')), 'the job still runs while its rows are shown');
  await waitFor('more rows to arrive', 60_000, async () => Number(/^(\d+) rows/.exec(await progress.innerText())?.[1]) > 2);
  await shot(page, 'preview-streaming');
  await page.getByTestId('sql-preview-stop').click();
  assert.match(await summary.innerText(), /^\d+ rows · ended by Stop · job [0-9a-f]{32}/);
  await waitFor('the stopped preview job to leave Flink\'s running jobs', 30_000, async () => (await runningPreviewJobs()).length === 0);
  await page.getByTestId('sql-preview-run').waitFor();
});
