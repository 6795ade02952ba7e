// A notice a silence held back, in the alert history of a real Weir and the dev Flink cluster: a
// job made to fail opens an incident under the rule Weir creates at install, a silence on its task
// holds the notice back, and the History tab says why, in English and then in Chinese, from the
// reason's code (the unit and store tests cover the code; this checks the page says it).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { failingJobSql, type TestFlink } from '../../server/src/test-support/flink.js';
import type { TestBrowser } from '../support/browser.js';
import { screenshot } from '../support/screenshots.js';
import { waitFor } from '../support/wait.js';
import { callApi } from '../support/weir-app.js';
import { startOperatorSession } from '../support/operator-session.js';
import type { WeirServer } from '../support/weir-server.js';

const ADMIN_PASSWORD = 'e2e-admin-password';
const TAG = `hb${process.pid}`;
const FAILING_TASK = `${TAG}_divide_by_zero`;
const REASON = `${TAG} maintenance window`;

let flink: TestFlink;
let server: WeirServer;
let browser: TestBrowser;
let page: Page;
let taskId: string;
const flinkJobIds: string[] = [];

const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown) => callApi(page, server.url, method, path, body);

before(async () => {
  ({ flink, server, browser, page } = await startOperatorSession(ADMIN_PASSWORD, { width: 1280, height: 800 }));
  const cluster = await api('POST', '/api/clusters', { name: `${TAG}-flink`, restUrl: flink.restUrl, gatewayUrl: flink.gatewayUrl });
  // The install's rule (a job fails) sends to a channel of this test; a silence on the task holds its notice back.
  const channel = await api('POST', '/api/alerts/channels', { name: `${TAG}-hook`, teamId: null, type: 'webhook', config: { url: 'http://127.0.0.1:9/hook' } });
  const rules = (await api('GET', '/api/alerts/rules')) as { items: { id: string }[] };
  for (const rule of rules.items) await api('PATCH', `/api/alerts/rules/${rule.id}`, { channelIds: [channel.id] });
  // Its first two lines set the restart strategy and the pipeline's name: the task's config and name do.
  const failing = await api('POST', '/api/tasks', { name: FAILING_TASK, kind: 'SQL', clusterId: cluster.id, sql: failingJobSql(FAILING_TASK).slice(2).join(';\n'), config: { parallelism: 1, flinkOptions: { 'restart-strategy.type': 'none' } } });
  taskId = failing.id;
  await api('POST', '/api/alerts/silences', { taskId, endsAt: Date.now() + 3_600_000, reason: REASON });
  await api('POST', `/api/tasks/${taskId}/publish`, { note: 'first' });
  const runId = (await api('POST', `/api/tasks/${taskId}/online`, {})).newRunId as string;
  flinkJobIds.push(((await api('GET', `/api/runs/${runId}`)) as { run: { flinkJobId: string } }).run.flinkJobId);
});

after(async () => {
  for (const id of flinkJobIds) await flink.jm.cancel(id).catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

/** The History tab's row of this test's task, once its held-back notice is in it. */
async function heldBackRow(prefix: string): Promise<string> {
  let text = '';
  await waitFor('the held-back notice in the history', 120_000, async () => {
    await page.goto(`${server.url}/alerts/history`);
    const row = page.getByTestId('alert-history').locator('.ant-table-row').filter({ hasText: FAILING_TASK });
    await row.first().waitFor({ timeout: 10_000 }).catch(() => undefined);
    text = (await row.count()) > 0 ? await row.first().innerText() : '';
    return text.includes(prefix);
  });
  return text;
}

test("a notice a silence held back says why in the history, in English and in Chinese, quoting the silence's reason", async () => {
  const english = await heldBackRow('Held back by a silence until');
  assert.match(english, new RegExp(`Held back by a silence until .+: ${REASON}`), english);
  await screenshot(page, 'alerts-held-back', '01-history-en');

  await page.evaluate(() => window.localStorage.setItem('weir.language', 'zh-CN'));
  const chinese = await heldBackRow('被静默拦下');
  assert.match(chinese, new RegExp(`被静默拦下（至 [^）]+）：${REASON}`), chinese);
  assert.ok(!chinese.includes('Held back'), `no English reason left: ${chinese}`);
  await screenshot(page, 'alerts-held-back', '02-history-zh');
});
