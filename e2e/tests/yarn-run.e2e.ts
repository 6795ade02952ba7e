// A run on YARN, as an operator sees it: a jar task on a YARN target (the browser phase's real local YARN, or
// one of the test's own) deployed as a YARN application, its run page showing the application YARN reports
// and its JobManager, and the Logs tab reading its TaskManager's and JobManager's logs, which live in YARN containers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ensureFlinkYarnDistribution } from '@weir/flink-local';
import { useLocalYarn, type TestYarn } from '../../server/src/test-support/local-yarn.js';
import { launchBrowser, type TestBrowser } from '../support/browser.js';
import { screenshot } from '../support/screenshots.js';
import { waitFor } from '../support/wait.js';
import { callApi, logIn } from '../support/weir-app.js';
import { startWeirServer, type WeirServer } from '../support/weir-server.js';

const ADMIN_PASSWORD = 'e2e-admin-password';
const log = (line: string) => console.log(`[e2e-yarn-run] ${line}`);

let yarn: TestYarn;
let server: WeirServer;
let browser: TestBrowser;
let page: Page;

const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown) => callApi(page, server.url, method, path, body);

before(async () => {
  yarn = await useLocalYarn('e2e-yarn-run', log);
  server = await startWeirServer({ adminPassword: ADMIN_PASSWORD, env: { WEIR_FLINK_TIMEOUT_MS: '10000' } });
  browser = await launchBrowser({ locale: 'en-US' });
  page = await browser.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  await logIn(page, server.url, ADMIN_PASSWORD);
});

after(async () => {
  // Whatever this test started on YARN goes, also when an assertion failed half-way.
  const apps = (await (await fetch(`${yarn.rmUrl}/ws/v1/cluster/apps?states=NEW,NEW_SAVING,SUBMITTED,ACCEPTED,RUNNING`)).json().catch(() => null)) as { apps?: { app?: { id: string }[] } } | null;
  for (const app of apps?.apps?.app ?? []) {
    await fetch(`${yarn.rmUrl}/ws/v1/cluster/apps/${app.id}/state`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ state: 'KILLED' }) }).catch(() => undefined);
  }
  await browser?.close();
  await server?.stop();
  await yarn?.release();
});

test("a jar task on a YARN target runs as a YARN application, and its run page shows the application and its JobManager's log", { timeout: 15 * 60_000 }, async () => {
  const flinkYarn = await ensureFlinkYarnDistribution({ log });
  const cluster = await api('POST', '/api/clusters', { name: 'yarn-e2e', kind: 'yarn', restUrl: yarn.rmUrl, yarn: { hadoopConfDir: yarn.confDir, queue: 'default', flinkVersion: '1.20.1' } });
  const csrf = ((await (await page.request.get(`${server.url}/api/auth/me`)).json()) as { csrfToken: string }).csrfToken;
  const jarPath = flinkYarn.flink.examples.topSpeedWindowing;
  const uploaded = await page.request.post(`${server.url}/api/jars`, {
    headers: { 'x-csrf-token': csrf },
    multipart: { jarfile: { name: basename(jarPath), mimeType: 'application/java-archive', buffer: readFileSync(jarPath) } },
    timeout: 120_000,
  });
  assert.equal(uploaded.status(), 201, await uploaded.text());
  const jar = (await uploaded.json()) as { id: string };
  const task = await api('POST', '/api/tasks', { name: 'yarn-top-speed', kind: 'JAR', clusterId: cluster.id, jar: { jarId: jar.id }, config: { savepointStrategy: 'none' } });
  await api('POST', `/api/tasks/${task.id}/publish`, { note: 'first' });
  const runId = (await api('POST', `/api/tasks/${task.id}/online`, {})).newRunId as string;

  // Deploying takes YARN tens of seconds: the run page is open meanwhile and follows it to RUNNING.
  await page.goto(`${server.url}/runs/${runId}`);
  await waitFor('the run RUNNING on its YARN application', 8 * 60_000, async () => {
    const { run } = (await api('GET', `/api/runs/${runId}`)) as { run: { status: string; yarnApplicationId: string | null } };
    return run.status === 'RUNNING' && run.yarnApplicationId !== null;
  });
  const { run } = (await api('GET', `/api/runs/${runId}`)) as { run: { yarnApplicationId: string; jobManagerUrl: string; flinkJobId: string } };
  const shown = page.getByTestId('yarn-application-id');
  await waitFor('the application id on the page', 60_000, async () => (await shown.count()) > 0 && (await shown.innerText()) === run.yarnApplicationId);
  const yarnApp = (await (await fetch(`${yarn.rmUrl}/ws/v1/cluster/apps/${run.yarnApplicationId}`)).json()) as { app: { state: string; applicationTags: string } };
  assert.equal(yarnApp.app.state, 'RUNNING', 'the page names an application YARN runs');
  assert.match(yarnApp.app.applicationTags, /\bweir\b/);
  await screenshot(page, 'yarn-run', '01-overview');

  await page.getByRole('tab', { name: 'Logs', exact: true }).click();
  await page.waitForURL(/tab=/);
  // The TaskManager's container starts after the job is RUNNING: the tab, following, shows its log once it has one.
  try {
    await waitFor("the TaskManager container's log", 3 * 60_000, async () => /INFO\s/.test(await page.getByTestId('log-text').innerText().catch(() => '')));
  } finally {
    await screenshot(page, 'yarn-run', '02-logs-taskmanager');
  }
  await page.getByText('JobManager', { exact: true }).click();
  await waitFor("the application's JobManager log, naming the job", 60_000, async () =>
    (await page.getByTestId('log-text').innerText().catch(() => '')).includes(`(${run.flinkJobId})`));
  await screenshot(page, 'yarn-run', '03-logs-jobmanager');
  log(`run ${runId}: application ${run.yarnApplicationId}, JobManager ${run.jobManagerUrl}`);
});

test('a YARN session is started from the Clusters page with the size the operator chose, and stopped there', { timeout: 10 * 60_000 }, async () => {
  const yarnEntry = ((await api('GET', '/api/clusters')) as { items: { id: string; name: string; kind: string }[] }).items.find((c) => c.kind === 'yarn')
    ?? (await api('POST', '/api/clusters', { name: 'yarn-e2e-sessions', kind: 'yarn', restUrl: yarn.rmUrl, yarn: { hadoopConfDir: yarn.confDir, queue: 'default', flinkVersion: '1.20.1' } }));
  await page.goto(`${server.url}/clusters`);
  const yarnRow = page.getByRole('row').filter({ hasText: yarnEntry.name }).filter({ has: page.getByTestId('start-yarn-session') });
  await yarnRow.getByTestId('start-yarn-session').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('session-name').fill('e2e-session');
  // Out of bounds first: the form says so and nothing is asked of YARN.
  await dialog.getByTestId('session-slotsPerTaskManager').fill('65');
  await dialog.getByRole('button', { name: 'Start a YARN session' }).click();
  await waitFor('the slots bound said', 10_000, async () => (await dialog.getByText('A whole number from 1 to 64').count()) > 0);
  await dialog.getByTestId('session-slotsPerTaskManager').fill('3');
  await screenshot(page, 'yarn-run', '04-start-session');
  await dialog.getByRole('button', { name: 'Start a YARN session' }).click();

  const sessionRow = page.getByRole('row').filter({ hasText: 'e2e-session' });
  await waitFor('the session entry listed, STARTING or RUNNING', 60_000, async () => (await sessionRow.getByTestId('yarn-session-state').count()) > 0);
  await waitFor('the session RUNNING on YARN', 6 * 60_000, async () => (await sessionRow.getByTestId('yarn-session-state').getAttribute('data-state').catch(() => null)) === 'RUNNING');
  type Listed = { name: string; restUrl: string; yarnSession: { applicationId: string; resources: { slotsPerTaskManager: number } } | null };
  const session = ((await api('GET', '/api/clusters')) as { items: Listed[] }).items.find((c) => c.name === 'e2e-session')!;
  assert.equal(session.yarnSession?.resources.slotsPerTaskManager, 3);
  // The size reached Flink, not only Weir's record: the session's JobManager gives each TaskManager 3 slots.
  const config = (await (await fetch(`${session.restUrl}/jobmanager/config`)).json()) as { key: string; value: string }[];
  assert.equal(config.find((entry) => entry.key === 'taskmanager.numberOfTaskSlots')?.value, '3');

  await sessionRow.getByTestId('stop-yarn-session').click();
  await screenshot(page, 'yarn-run', '05-stop-session');
  await page.getByTestId('confirm-stop-session').click();
  await waitFor('the session STOPPED', 3 * 60_000, async () => (await sessionRow.getByTestId('yarn-session-state').getAttribute('data-state').catch(() => null)) === 'STOPPED');
  const app = (await (await fetch(`${yarn.rmUrl}/ws/v1/cluster/apps/${session.yarnSession!.applicationId}`)).json()) as { app: { state: string } };
  assert.ok(['FINISHED', 'KILLED'].includes(app.app.state), `the session's application ended on YARN (${app.app.state})`);
});
