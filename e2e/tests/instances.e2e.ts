import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { SYSTEM_PRINCIPAL } from '../../server/src/access/principal.js';
import { createTestDatabase } from '../../server/src/test-support/databases.js';
import { runSql, sharedTestFlink, streamingJobSql, waitUntil, type TestFlink } from '../../server/src/test-support/flink.js';
import { startTestWeir } from '../../server/src/test-support/weir.js';
import { startWeirProcess, watcherSeenBy, type WeirProcess } from '../../server/src/test-support/weir-process.js';
import { launchBrowser, type TestBrowser } from '../support/browser.js';
import { REPO_ROOT } from '../support/repo.js';
import { screenshot } from '../support/screenshots.js';
import { logIn } from '../support/weir-app.js';

// Two Weir processes on one PostgreSQL database behind (say) a load balancer: the overview open on
// the instance that does not watch the cluster shows, live, a job the other instance discovered.

const SECRET_KEY = randomBytes(32).toString('hex');
const ADMIN_PASSWORD = 'process-admin-password';
const JOB = `e2e-instances-${Date.now().toString(36)}`;

let flink: TestFlink;
let browser: TestBrowser;
let drop: () => Promise<void>;
let clusterId: string;
const processes: WeirProcess[] = [];
const jobs: string[] = [];

before(async () => {
  flink = await sharedTestFlink();
  const database = await createTestDatabase('postgres');
  drop = database.drop;
  const registrar = await startTestWeir({ databaseUrl: database.url, background: false, config: { secretKey: SECRET_KEY } });
  clusterId = (await registrar.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'shared-flink', restUrl: flink.restUrl, gatewayUrl: flink.gatewayUrl })).id;
  await registrar.stop();
  const env = { WEIR_WEB_DIR: path.join(REPO_ROOT, 'web', 'dist'), WEIR_WATCH_INTERVAL_MS: '500' };
  // A first, so it holds the only cluster; B joins with nothing to watch.
  processes.push(await startWeirProcess('weir-a', { databaseUrl: database.url, secretKey: SECRET_KEY, env }));
  await waitUntil('A to watch the cluster', 30_000, async () => (await watcherSeenBy(processes[0]!, clusterId)) === 'weir-a');
  processes.push(await startWeirProcess('weir-b', { databaseUrl: database.url, secretKey: SECRET_KEY, env }));
  browser = await launchBrowser({ locale: 'en-US' });
});

after(async () => {
  for (const jobId of jobs) await flink.jm.cancel(jobId).catch(() => undefined);
  await browser?.close();
  for (const p of processes) p.process.kill('SIGKILL');
  await Promise.all(processes.map((p) => p.exited));
  await drop?.();
});

test('a page on the instance that does not watch the cluster shows a job the other one discovered, without a reload', async () => {
  const [, b] = processes as [WeirProcess, WeirProcess];
  assert.equal(await watcherSeenBy(b, clusterId), 'weir-a', 'B does not watch the cluster');
  const page = await browser.newPage();
  await logIn(page, b.url, ADMIN_PASSWORD);
  await page.goto(`${b.url}/?sort=startTime&order=desc`);
  await page.locator('[data-testid="live-state"][data-state="live"]').waitFor();
  await page.evaluate(() => ((window as unknown as { weirMark: string }).weirMark = 'kept'));

  const [jobId] = await runSql(flink, streamingJobSql(JOB));
  jobs.push(jobId!);
  // Live pages do not poll: the row can only come from A's events, relayed to B's stream.
  await page.locator(`[data-testid="overview-table"] tr[data-task-name="${JOB}"][data-status="RUNNING"]`).waitFor({ timeout: 20_000 });
  assert.equal(await page.evaluate(() => (window as unknown as { weirMark?: string }).weirMark), 'kept', 'the page was not reloaded');
  assert.equal(await watcherSeenBy(b, clusterId), 'weir-a', 'still watched by A alone');
  await screenshot(page, 'instances', '01-job-from-the-other-instance');
});

test('the Clusters page says which instance watches each cluster, and shows the takeover when that instance dies', async () => {
  const [a, b] = processes as [WeirProcess, WeirProcess];
  const page = await browser.newPage();
  await logIn(page, b.url, ADMIN_PASSWORD);
  await page.goto(`${b.url}/clusters`);
  const instances = page.locator('[data-testid="weir-instances"]');
  await instances.waitFor();
  assert.deepEqual((await instances.getAttribute('data-alive'))?.split(' ').sort(), ['weir-a', 'weir-b'], 'both instances listed as alive');
  assert.match((await instances.textContent()) ?? '', /weir-b \(this one\)/);
  await page.locator(`tr[data-row-key="${clusterId}"] [data-testid="watched-by"][data-instance="weir-a"]`).waitFor();
  await screenshot(page, 'instances', '02-clusters-watched-by');

  a.process.kill('SIGKILL');
  await a.exited;
  // The page refreshes every 5 s; B takes the cluster over once A's lease ran out.
  await page.locator(`tr[data-row-key="${clusterId}"] [data-testid="watched-by"][data-instance="weir-b"]`).waitFor({ timeout: 30_000 });
  await page.locator('[data-testid="weir-instances"][data-alive="weir-b"]').waitFor({ timeout: 30_000 });
  assert.match((await page.locator(`tr[data-row-key="${clusterId}"] [data-testid="watched-by"]`).textContent()) ?? '', /this instance/);
  await screenshot(page, 'instances', '03-clusters-after-takeover');
});
