// SQL lineage in Chromium against a real Weir and the shared dev Flink: two FlinkSQL tasks that share
// a table (A enriches datagen `orders` into `orders_enriched`, B archives `orders_enriched` into a
// blackhole), both published, A online. A's run shows its table and column lineage; the global
// lineage page shows A writing `orders_enriched` and B reading it. Screenshots go to
// test-results/screenshots/lineage-*.png.
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { APIRequestContext, Page } from 'playwright-core';
import { launchBrowser, type TestBrowser } from '../support/browser.js';
import { screenshot } from '../support/screenshots.js';
import { logIn } from '../support/weir-app.js';
import { startWeirServer, type WeirServer } from '../support/weir-server.js';

const ADMIN_PASSWORD = 'e2e-admin-password';
const TAG = `e2e${process.pid}`;
const REST = process.env.WEIR_TEST_FLINK_REST;
const GATEWAY = process.env.WEIR_TEST_FLINK_GATEWAY;
const OUT = `file://${path.join(os.tmpdir(), `weir-e2e-lineage-${process.pid}`, 'orders_enriched')}`;

const ENRICHED = `CREATE TEMPORARY TABLE orders_enriched (id BIGINT, amount_cents BIGINT, customer STRING) WITH ('connector' = 'filesystem', 'path' = '${OUT}', 'format' = 'json')`;
const SQL_A = [
  "CREATE TEMPORARY TABLE orders (id BIGINT, amount DECIMAL(10, 2), customer STRING) WITH ('connector' = 'datagen', 'rows-per-second' = '5')",
  ENRICHED,
  'INSERT INTO orders_enriched SELECT id, CAST(amount * 100 AS BIGINT) AS amount_cents, UPPER(customer) AS customer FROM orders',
].join(';\n');
const SQL_B = [
  ENRICHED,
  "CREATE TEMPORARY TABLE big_orders (id BIGINT, amount_cents BIGINT) WITH ('connector' = 'blackhole')",
  'INSERT INTO big_orders SELECT id, amount_cents FROM orders_enriched WHERE amount_cents > 1000',
].join(';\n');

let server: WeirServer;
let browser: TestBrowser;
let page: Page;
let taskA: { id: string; name: string };
let taskB: { id: string; name: string };
let runId: string;

async function api(request: APIRequestContext, method: 'GET' | 'POST' | 'PATCH', urlPath: string, body?: unknown) {
  const me = await request.get(`${server.url}/api/auth/me`);
  const csrf = ((await me.json()) as { csrfToken: string }).csrfToken;
  const res = await request.fetch(`${server.url}${urlPath}`, { method, headers: { 'x-csrf-token': csrf, 'content-type': 'application/json' }, data: body === undefined ? undefined : JSON.stringify(body), timeout: 120_000 });
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  assert.ok(res.ok(), `${method} ${urlPath} answered ${res.status()}: ${JSON.stringify(json)}`);
  return json as any;
}

/** Full-page shots of a scrolled page put the sticky header mid-page; shoot from the top. */
async function shot(step: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'lineage', step);
}

before(async () => {
  assert.ok(REST && GATEWAY, 'WEIR_TEST_FLINK_REST and WEIR_TEST_FLINK_GATEWAY are not set: run this through `npm test`, which starts the test Flink cluster');
  server = await startWeirServer({ adminPassword: ADMIN_PASSWORD, env: { WEIR_WATCH_INTERVAL_MS: '500' } });
  browser = await launchBrowser({ locale: 'en-US' });
  page = await browser.newPage();
  await logIn(page, server.url, ADMIN_PASSWORD);
});

after(async () => {
  // The shared cluster runs other tests' jobs too: cancel only this file's, if a step failed midway.
  if (REST) {
    const jobs = ((await (await fetch(`${REST}/jobs/overview`)).json()) as { jobs: { jid: string; name: string; state: string }[] }).jobs;
    for (const job of jobs.filter((j) => j.name.startsWith(TAG) && !['FINISHED', 'CANCELED', 'FAILED'].includes(j.state))) {
      await fetch(`${REST}/jobs/${job.jid}?mode=cancel`, { method: 'PATCH' });
    }
  }
  await browser?.close();
  await server?.stop();
});

test('the global lineage page shows a designed empty state before any SQL task is published', async () => {
  await page.goto(`${server.url}/lineage`);
  await page.getByTestId('global-lineage-empty').waitFor();
  await page.getByText('No lineage yet').waitFor();
  assert.equal(await page.getByRole('menu').getByText('Lineage', { exact: true }).count(), 1, 'Lineage is in the navigation');
  await shot('01-empty');
});

test('two published tasks sharing a table: the run shows its column lineage, /lineage shows writer and reader', async () => {
  const cluster = await api(page.request, 'POST', '/api/clusters', { name: 'lineage-flink', restUrl: REST, gatewayUrl: GATEWAY });
  taskA = await api(page.request, 'POST', '/api/tasks', { name: `${TAG}-enrich-orders`, kind: 'SQL', clusterId: cluster.id, sql: SQL_A, config: { parallelism: 1, checkpointIntervalMs: 2000 } });
  taskB = await api(page.request, 'POST', '/api/tasks', { name: `${TAG}-archive-orders`, kind: 'SQL', clusterId: cluster.id, sql: SQL_B, config: { parallelism: 1 } });
  await api(page.request, 'POST', `/api/tasks/${taskA.id}/publish`, {});
  await api(page.request, 'POST', `/api/tasks/${taskB.id}/publish`, {});
  const online = await api(page.request, 'POST', `/api/tasks/${taskA.id}/online`, {});
  runId = online.newRunId;
  assert.ok(runId, `online started a run: ${JSON.stringify(online)}`);

  // A's run → SQL lineage tab: both tables with their connectors, and column edges with their transformation.
  await page.goto(`${server.url}/runs/${runId}?tab=lineage`);
  const graph = page.getByTestId('lineage-graph');
  await graph.getByTestId('lineage-node-orders').waitFor();
  await graph.getByTestId('lineage-node-orders_enriched').waitFor();
  assert.match(await graph.getByTestId('lineage-node-orders').innerText(), /datagen/);
  assert.match(await graph.getByTestId('lineage-node-orders_enriched').innerText(), /filesystem/);
  for (const column of ['orders.id', 'orders.amount', 'orders.customer', 'orders_enriched.id', 'orders_enriched.amount_cents', 'orders_enriched.customer']) {
    await graph.getByTestId(`lineage-column-${column}`).waitFor();
  }
  const amountEdge = graph.getByTestId('rf__edge-col:orders|amount->orders_enriched|amount_cents');
  await amountEdge.waitFor({ state: 'attached' });
  assert.equal(await graph.locator('[data-testid^="rf__edge-col:"]').count(), 3, 'one column edge per sink column');
  // A computed column's edge is labelled with its transformation (cut to fit) without hovering; a straight copy is not.
  await graph.getByText('UPPER(customer)').waitFor();
  await graph.getByText('CAST(amount * 100…').waitFor();
  assert.equal(await graph.locator('.react-flow__edge-textwrapper').count(), 2, 'the two computed columns carry a label, the copied id none');
  assert.equal(await amountEdge.getAttribute('aria-label'), 'CAST(amount * 100 AS BIGINT)');
  // Clicking an edge pins its whole transformation as the label; on a straight copy, what it is.
  await amountEdge.locator('path').last().dispatchEvent('click');
  await graph.getByText('CAST(amount * 100 AS BIGINT)').waitFor();
  const idEdge = graph.getByTestId('rf__edge-col:orders|id->orders_enriched|id');
  await idEdge.locator('path').last().dispatchEvent('click');
  await graph.getByText('copied as is').waitFor();
  await page.locator('[data-run-status="RUNNING"]').waitFor({ timeout: 90_000 });
  await shot('02-run-column-lineage');

  // The global page, from the navigation: pick orders_enriched in the search.
  await page.getByRole('menu').getByText('Lineage', { exact: true }).click();
  await page.waitForURL(`${server.url}/lineage`);
  const whole = page.getByTestId('global-lineage-graph');
  await whole.getByTestId(`global-lineage-task-${taskA.id}`).waitFor();
  assert.equal(await page.getByTestId('global-lineage-counts').innerText(), '3 tables · 2 tasks');
  await shot('03-global-whole');

  await page.getByTestId('global-lineage-search').click();
  await page.keyboard.type('enriched');
  await page.locator('.ant-select-item-option', { hasText: 'orders_enriched' }).click();
  await page.waitForURL(/[?&]table=orders_enriched/);
  const focused = page.getByTestId('global-lineage-table-orders_enriched');
  await page.locator('[data-testid="global-lineage-table-orders_enriched"][data-focused]').waitFor();
  assert.ok(await focused.isVisible());
  const taskNodeA = page.getByTestId(`global-lineage-task-${taskA.id}`);
  const taskNodeB = page.getByTestId(`global-lineage-task-${taskB.id}`);
  assert.equal(await taskNodeA.getAttribute('data-role'), 'writer');
  assert.equal(await taskNodeB.getAttribute('data-role'), 'reader');
  assert.match(await taskNodeA.innerText(), new RegExp(`${taskA.name}[\\s\\S]*writes it`));
  assert.match(await taskNodeB.innerText(), new RegExp(`${taskB.name}[\\s\\S]*reads it`));
  await page.getByTestId(`rf__edge-writes:${taskA.id}->orders_enriched`).waitFor({ state: 'attached' });
  await page.getByTestId(`rf__edge-reads:orders_enriched->${taskB.id}`).waitFor({ state: 'attached' });
  assert.equal(await page.getByTestId('global-lineage-writers').innerText(), taskA.name);
  assert.equal(await page.getByTestId('global-lineage-readers').innerText(), taskB.name);
  // Writers sit left of the table, readers right of it.
  const x = async (l: typeof focused) => (await l.boundingBox())!.x;
  assert.ok((await x(taskNodeA)) < (await x(focused)) && (await x(focused)) < (await x(taskNodeB)), 'writer → table → reader, left to right');
  await shot('04-global-orders-enriched');

  // The selection survives a reload (it is in the URL); clicking another table re-centres on it.
  await page.reload();
  await page.locator('[data-testid="global-lineage-table-orders_enriched"][data-focused]').waitFor();
  await page.getByTestId('global-lineage-table-orders').click();
  await page.waitForURL(/[?&]table=orders(&|$)/);
  // Until orders' own lineage has come, the page shows orders_enriched's, dimmed and busy (CI once read B there).
  await page.locator('[data-testid="global-lineage-body"][aria-busy="false"]').waitFor();
  await page.locator('[data-testid="global-lineage-table-orders"][data-focused]').waitFor();
  assert.equal(await page.getByTestId(`global-lineage-task-${taskA.id}`).getAttribute('data-role'), 'reader');
  assert.equal(await page.getByTestId(`global-lineage-task-${taskB.id}`).count(), 0, 'B is two hops away from orders');
  await page.getByTestId('global-lineage-depth').getByText('2', { exact: true }).click();
  await page.waitForURL(/depth=2/);
  await page.getByTestId(`global-lineage-task-${taskB.id}`).waitFor();
  await shot('05-global-orders-depth-2');

  // Clicking a task opens it.
  await page.getByTestId(`global-lineage-task-${taskB.id}`).click();
  await page.waitForURL(`${server.url}/tasks/${taskB.id}`);

  const cancelled = await api(page.request, 'POST', `/api/runs/${runId}/cancel`, {});
  assert.ok(cancelled, 'the job was cancelled');
  await page.goto(`${server.url}/runs/${runId}`);
  await page.locator('[data-run-status="CANCELED"]').waitFor({ timeout: 60_000 });
});
