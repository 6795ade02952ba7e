// What a run's page promises about Flink, in Chromium against a real Weir watching the shared Flink
// cluster: a submission the cluster refused is shown as a run that never reached Flink (no job id,
// no Flink UI link, the refusal as its exception, no "the cluster no longer has" wording) and, having
// ended FAILED, scores 0 "at its end"; a job
// without checkpoints is not offered a restart from one, a stateless restart asks first, and the
// page follows the restart to the new run; while the cluster does not answer, the run page shows
// the saved copy at once with its age and "unreachable since", and the Clusters page marks the
// figures it last had as stale; a detail Flink answers oddly is named on the page until it heals.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import type { APIRequestContext, Page } from 'playwright-core';
import { cuttableProxy } from '../../server/src/test-support/cuttable-proxy.js';
import { runSql, sharedTestFlink, streamingJobSql, waitUntil, type TestFlink } from '../../server/src/test-support/flink.js';
import { FlinkProxy } from '../../server/src/test-support/flink-proxy.js';
import { launchBrowser, type TestBrowser } from '../support/browser.js';
import { screenshot } from '../support/screenshots.js';
import { waitFor } from '../support/wait.js';
import { logIn } from '../support/weir-app.js';
import { startWeirServer, type WeirServer } from '../support/weir-server.js';

const ADMIN_PASSWORD = 'e2e-admin-password';
const TAG = `truth${process.pid}`;

let flink: TestFlink;
let server: WeirServer;
let browser: TestBrowser;
let page: Page;
let clusterId: string;

async function csrf(request: APIRequestContext): Promise<string> {
  return ((await (await request.get(`${server.url}/api/auth/me`)).json()) as { csrfToken: string }).csrfToken;
}

async function api(method: 'GET' | 'POST', path: string, body?: unknown, expectOk = true) {
  const res = await page.request.fetch(`${server.url}${path}`, {
    method,
    headers: { 'x-csrf-token': await csrf(page.request), 'content-type': 'application/json' },
    data: body === undefined ? undefined : JSON.stringify(body),
    timeout: 120_000,
  });
  const json = (await res.json().catch(() => null)) as any;
  if (expectOk) assert.ok(res.ok(), `${method} ${path} answered ${res.status()}: ${JSON.stringify(json)}`);
  return json;
}

before(async () => {
  assert.ok(process.env.WEIR_TEST_FLINK_REST, 'WEIR_TEST_FLINK_REST is not set: run through `npm test`, or point it at the dev cluster');
  flink = await sharedTestFlink();
  server = await startWeirServer({ adminPassword: ADMIN_PASSWORD, env: { WEIR_WATCH_INTERVAL_MS: '500', WEIR_FLINK_TIMEOUT_MS: '5000' } });
  browser = await launchBrowser({ locale: 'en-US' });
  page = await browser.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  await logIn(page, server.url, ADMIN_PASSWORD);
  clusterId = (await api('POST', '/api/clusters', { name: `${TAG}-flink`, restUrl: flink.restUrl, gatewayUrl: flink.gatewayUrl })).id;
});

after(async () => {
  // This test's jobs on the shared cluster.
  const { jobs } = (await (await fetch(`${flink.restUrl}/jobs/overview`)).json()) as { jobs: { jid: string; name: string; state: string }[] };
  for (const job of jobs.filter((j) => j.name.startsWith(TAG) && j.state === 'RUNNING')) await flink.jm.cancel(job.jid).catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

test('a submission the cluster refused is a run that never reached Flink', async () => {
  const jar = await page.request.post(`${server.url}/api/jars`, {
    headers: { 'x-csrf-token': await csrf(page.request) },
    multipart: { jarfile: { name: 'WordCount.jar', mimeType: 'application/java-archive', buffer: fs.readFileSync(flink.examples.wordCount) } },
  });
  assert.equal(jar.status(), 201);
  const jarId = ((await jar.json()) as { id: string }).id;
  const task = await api('POST', '/api/tasks', { name: `${TAG}-refused`, kind: 'JAR', clusterId, jar: { jarId, entryClass: 'org.example.NoSuchMain' } });
  await api('POST', `/api/tasks/${task.id}/publish`, {});
  const online = await api('POST', `/api/tasks/${task.id}/online`, {}, false);
  assert.equal(online.error?.code, 'FLINK_REJECTED');
  const runId = (await api('GET', `/api/tasks/${task.id}`)).latestRunId as string;

  await page.goto(`${server.url}/runs/${runId}`);
  const explained = page.getByTestId('never-reached-flink');
  await explained.waitFor();
  assert.match(await explained.innerText(), /never reached Flink[\s\S]*NoSuchMain/);
  await screenshot(page, 'run-truth', '01-never-reached-flink');
  assert.equal(await page.getByTestId('flink-ui-link').count(), 0, 'no link into Flink for a job Flink never had');
  assert.equal(await page.getByTestId('flink-job-id').count(), 0, 'no Flink job id');
  assert.equal(await page.getByText(/no longer has/).count(), 0);

  // The restart menu offers a new submission, not a restart from a checkpoint of a job that never ran.
  await page.getByTestId('restart-menu').click();
  const fromCheckpoint = page.getByTestId('restart-latest-checkpoint');
  await fromCheckpoint.waitFor();
  assert.equal(await fromCheckpoint.getAttribute('data-disabled'), 'true');
  assert.match(await fromCheckpoint.innerText(), /The job never reached Flink/);
  assert.equal(await page.getByTestId('restart-none').getAttribute('data-disabled'), 'false');
  await page.keyboard.press('Escape');

  // A run that ended FAILED is not healthy, and its score says it is the one of its end.
  const score = page.getByTestId('run-health-score');
  await score.waitFor({ timeout: 45_000 });
  assert.equal(await score.getAttribute('data-score'), '0');
  assert.equal(await score.getAttribute('data-band'), 'unhealthy');
  assert.match(await page.getByTestId('run-health-ended').innerText(), /^Score at its end: FAILED at /);
  assert.match(await page.getByTestId('run-health-reasons').innerText(), /How it ended[\s\S]*the run ended FAILED at/);
  await screenshot(page, 'run-truth', '01b-health-at-its-end');

  // Its exception is the refusal.
  await page.getByRole('tab', { name: 'Exceptions', exact: true }).click();
  await page.getByTestId('exceptions-table').getByText(/NoSuchMain/).first().waitFor();
  assert.equal(await page.getByTestId('snapshot-banner').count(), 0);
  await screenshot(page, 'run-truth', '02-refusal-as-exception');
});

test('a job without checkpoints is not offered a restart from one; a stateless restart asks first and the page follows it', async () => {
  const sql = [
    `CREATE TEMPORARY TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '2')`,
    `CREATE TEMPORARY TABLE snk (id BIGINT) WITH ('connector' = 'blackhole')`,
    'INSERT INTO snk SELECT id FROM src',
  ].join(';\n');
  const task = await api('POST', '/api/tasks', { name: `${TAG}-nocheckpoints`, kind: 'SQL', clusterId, sql, config: { parallelism: 1, checkpointIntervalMs: null } });
  await api('POST', `/api/tasks/${task.id}/publish`, {});
  const runId = (await api('POST', `/api/tasks/${task.id}/online`, {})).newRunId as string;

  await page.goto(`${server.url}/runs/${runId}`);
  await page.locator('[data-run-status="RUNNING"]').waitFor({ timeout: 60_000 });
  await page.getByTestId('restart-menu').click();
  const fromCheckpoint = page.getByTestId('restart-latest-checkpoint');
  await fromCheckpoint.waitFor();
  assert.equal(await fromCheckpoint.getAttribute('data-disabled'), 'true', 'no checkpoint, so no restart from one (it answered 409)');
  assert.match(await fromCheckpoint.innerText(), /No checkpoint of this run completed/);
  assert.equal(await page.getByTestId('restart-latest-savepoint').getAttribute('data-disabled'), 'false', 'a running job can restart from a savepoint taken now');
  await screenshot(page, 'run-truth', '03-restart-menu');

  await page.getByTestId('restart-none').click();
  const confirm = page.getByTestId('restart-confirm');
  await confirm.waitFor();
  assert.match(await confirm.innerText(), /without state[\s\S]*still RUNNING/);
  await screenshot(page, 'run-truth', '04-restart-confirm');
  await page.getByRole('button', { name: 'Restart', exact: true }).last().click();

  await page.waitForURL((url) => url.pathname.startsWith('/runs/') && !url.pathname.endsWith(runId), { timeout: 60_000 });
  const newRunId = new URL(page.url()).pathname.split('/').pop()!;
  const latest = (await api('GET', `/api/tasks/${task.id}`)).latestRunId as string;
  assert.equal(newRunId, latest, 'the page went to the new run');
  await waitFor('the new run to run', 60_000, async () => (await page.getByTestId('run-detail').getAttribute('data-run-status')) === 'RUNNING');
  await screenshot(page, 'run-truth', '05-new-run');
});

test('while the cluster does not answer, the run page shows the saved copy at once and why, and the cluster\'s figures are marked stale', async () => {
  const proxy = await cuttableProxy(new URL(flink.restUrl));
  try {
    const cut = await api('POST', '/api/clusters', { name: `${TAG}-cut`, restUrl: proxy.url, gatewayUrl: flink.gatewayUrl });
    const sql = [
      `CREATE TEMPORARY TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '2')`,
      `CREATE TEMPORARY TABLE snk (id BIGINT) WITH ('connector' = 'blackhole')`,
      'INSERT INTO snk SELECT id FROM src',
    ].join(';\n');
    const task = await api('POST', '/api/tasks', { name: `${TAG}-outage`, kind: 'SQL', clusterId: cut.id, sql, config: { parallelism: 1, checkpointIntervalMs: null } });
    await api('POST', `/api/tasks/${task.id}/publish`, {});
    const runId = (await api('POST', `/api/tasks/${task.id}/online`, {})).newRunId as string;
    await page.goto(`${server.url}/runs/${runId}`);
    await page.locator('[data-run-status="RUNNING"]').waitFor({ timeout: 60_000 });
    await page.getByTestId('job-vertex').first().waitFor({ timeout: 20_000 });

    proxy.cut();
    await waitFor('the cluster to be marked unreachable', 30_000, async () => (await api('POST', `/api/clusters/${cut.id}/check`, {}, false))?.health === 'UNREACHABLE');

    const opened = Date.now();
    await page.goto(`${server.url}/runs/${runId}`);
    const banner = page.getByTestId('snapshot-banner').first();
    await banner.waitFor({ timeout: 10_000 });
    const shownAfterMs = Date.now() - opened;
    assert.equal(await banner.getAttribute('data-unreachable'), 'true');
    const text = await banner.innerText();
    assert.match(text, /^Saved copy from (.+) \(.+ago\), unreachable since (.+?): /);
    const [, savedAt, since] = /^Saved copy from (.+) \(.+ago\), unreachable since (.+?): /.exec(text)!;
    assert.ok(since! >= savedAt!, `unreachable since ${since}, after the copy saved at ${savedAt}`);
    assert.doesNotMatch(text, /no longer has/);
    assert.ok((text.match(/cannot be reached/g) ?? []).length <= 1, `said once: ${text}`);
    assert.ok(shownAfterMs < 3_000, `the saved copy showed after ${shownAfterMs} ms`);
    await screenshot(page, 'run-truth', '06-outage-run');

    await page.goto(`${server.url}/clusters`);
    const stale = page.locator('tr', { hasText: `${TAG}-cut` }).getByTestId('stale-figures');
    await stale.waitFor({ timeout: 10_000 });
    assert.match(await stale.innerText(), /^Figures from .+ago, when the cluster last answered$/);
    assert.ok((await page.locator('tr', { hasText: `${TAG}-cut` }).getByTestId('stale-figure').count()) >= 1, 'its figures are greyed out');
    await screenshot(page, 'run-truth', '07-outage-clusters');
    console.log(`outage: the run page showed the saved copy ${shownAfterMs} ms after opening; banner: ${text}`);
  } finally {
    await proxy.close();
  }
});

test('a detail of a job that Flink answers oddly is named on its run page, and the notice goes when Flink answers properly again', async () => {
  const name = `${TAG}-odd`;
  const [jobId] = await runSql(flink, streamingJobSql(name));
  assert.ok(jobId);
  // The job's details are not JSON through this proxy from before Weir first sees the job.
  const proxy = await FlinkProxy.start(flink.restUrl);
  try {
    proxy.corrupt(`/jobs/${jobId}`, { kind: 'truncate' });
    const odd = await api('POST', '/api/clusters', { name, restUrl: proxy.url, gatewayUrl: flink.gatewayUrl });
    // The job is on the shared cluster too, so both registrations list it: the run on the odd one is wanted.
    const runId = await waitUntil('the job to be recorded on the odd cluster', 60_000, async () => {
      const listed = await api('GET', `/api/overview/tasks?q=${encodeURIComponent(name)}`);
      for (const task of listed.items as { id: string }[]) {
        const runs = await api('GET', `/api/tasks/${task.id}/runs`);
        const run = (runs.items as { id: string; clusterId: string; flinkJobId: string }[]).find((r) => r.clusterId === odd.id && r.flinkJobId === jobId);
        if (run) return run.id;
      }
      return undefined;
    });
    await waitFor('the run to carry the warning', 60_000, async () => ((await api('GET', `/api/runs/${runId}`)).warnings as unknown[]).length > 0);

    await page.goto(`${server.url}/runs/${runId}`);
    const notice = page.getByTestId('run-warnings');
    await notice.waitFor();
    const items = page.getByTestId('run-warning');
    assert.deepEqual(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-detail'))), ['job']);
    assert.match(await items.first().innerText(), /^Job details \(status times, tasks\): cannot be read since .+ \(.*not JSON.*\)$/);
    await screenshot(page, 'run-truth', '07-odd-detail');

    proxy.heal(`/jobs/${jobId}`);
    await waitFor('the warning to be cleared', 60_000, async () => ((await api('GET', `/api/runs/${runId}`)).warnings as unknown[]).length === 0);
    await page.reload();
    await page.locator('[data-run-status="RUNNING"]').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('run-warnings').count(), 0);
  } finally {
    await flink.jm.cancel(jobId).catch(() => undefined);
    await proxy.close();
  }
});
