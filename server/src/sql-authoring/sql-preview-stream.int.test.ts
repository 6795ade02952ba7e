import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { SqlPreviewEvent } from '@weir/contract';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import { FlinkProxy } from '../test-support/flink-proxy.js';
import { sharedTestFlink, waitUntil, type TestFlink } from '../test-support/flink.js';
import { startTestWeir, testApp, type TestWeir } from '../test-support/weir.js';

/*
 * A streamed preview on the real SQL Gateway, over real HTTP: rows of an unbounded query reach the
 * client page by page while its Flink job still runs, and closing the request (Stop) closes the
 * gateway operation and ends the job. The gateway sits behind a recording proxy, so the test sees
 * which operation Weir read and that Weir closed that one.
 */

let flink: TestFlink;
let weir: TestWeir;
let app: FastifyInstance;
let gatewayProxy: FlinkProxy;
let baseUrl: string;
let taskId: string;
let operator: { authorization: string };
let viewer: { authorization: string };

const TASK = `preview-stream-${process.pid}`;
// Five rows a second: the time limit (120 s at most) comes long before the row limit, so only Stop ends the preview.
const SCRIPT = "CREATE TEMPORARY TABLE ticks (id BIGINT, note STRING) WITH ('connector' = 'datagen', 'rows-per-second' = '5');";

before(async () => {
  flink = await sharedTestFlink();
  gatewayProxy = await FlinkProxy.start(flink.gatewayUrl);
  weir = await startTestWeir({ background: false });
  app = await testApp(weir);
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  operator = { authorization: `Bearer ${(await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'ops', 'operator')).secret}` };
  viewer = { authorization: `Bearer ${(await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'look', 'viewer')).secret}` };
  const cluster = await weir.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'proxied-gateway', restUrl: flink.restUrl, gatewayUrl: gatewayProxy.url });
  const created = await app.inject({ method: 'POST', url: '/api/tasks', headers: operator, payload: { name: TASK, kind: 'SQL', clusterId: cluster.id, sql: SCRIPT } });
  assert.equal(created.statusCode, 201, created.body);
  taskId = created.json().id;
});

after(async () => {
  await app?.close();
  await weir?.stop();
  await gatewayProxy?.close();
});

/** A preview request whose events are collected as their lines arrive; `stop()` closes the request as the browser's Stop does. */
function openPreview(body: object, as = operator) {
  const controller = new AbortController();
  const events: SqlPreviewEvent[] = [];
  const answer = fetch(`${baseUrl}/api/tasks/${taskId}/sql/preview/stream`, {
    method: 'POST',
    headers: { ...as, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: controller.signal,
  });
  const done = (async () => {
    const res = await answer;
    if (res.status !== 200) return { status: res.status, body: await res.json() };
    assert.match(res.headers.get('content-type') ?? '', /^application\/x-ndjson/);
    const decoder = new TextDecoder();
    let buffered = '';
    try {
      for await (const chunk of res.body!) {
        buffered += decoder.decode(chunk, { stream: true });
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const line of lines) if (line) events.push(JSON.parse(line) as SqlPreviewEvent);
      }
    } catch (err) {
      if (!controller.signal.aborted) throw err;
    }
    return { status: 200, body: null };
  })();
  return { events, done, stop: () => controller.abort() };
}

const rowsIn = (events: SqlPreviewEvent[]) => events.flatMap((e) => (e.type === 'rows' ? e.rows : []));

/** This task's preview jobs that Flink lists as not ended (the cluster is shared with other tests). */
async function runningPreviewJobs(): Promise<string[]> {
  const jobs = await flink.jm.jobsOverview();
  return jobs.filter((j) => j.name.startsWith(`weir-preview-${TASK}`) && !['FINISHED', 'CANCELED', 'FAILED'].includes(j.state)).map((j) => j.jid);
}

async function jobState(jobId: string): Promise<string | undefined> {
  return (await flink.jm.jobsOverview()).find((j) => j.jid === jobId)?.state;
}

it('streams the rows of an unbounded query while its job runs, and Stop closes the gateway operation and ends the job', async () => {
  const preview = openPreview({ query: 'SELECT id, note FROM ticks', maxRows: 1000, timeoutSeconds: 120 });

  // Rows arrive in several pages, each as the gateway yields it, while Flink still runs the job.
  await waitUntil('a second page of rows', 90_000, async () => preview.events.filter((e) => e.type === 'rows').length >= 2);
  const job = preview.events.find((e) => e.type === 'job');
  assert.ok(job && job.type === 'job', 'the job is named before its rows');
  assert.equal(await jobState(job.jobId), 'RUNNING');
  assert.equal(preview.events.some((e) => e.type === 'end'), false, 'the preview has not ended');
  assert.deepEqual(
    preview.events.find((e) => e.type === 'columns'),
    { type: 'columns', columns: [{ name: 'id', type: 'BIGINT' }, { name: 'note', type: 'VARCHAR' }] },
  );
  assert.ok(rowsIn(preview.events).length < 1000);
  assert.equal(rowsIn(preview.events)[0]!.kind, 'INSERT');

  // The operation Weir reads from, as the proxy saw it.
  const resultPath = gatewayProxy.answered.map((a) => a.path).find((p) => /\/operations\/[^/]+\/result\//.test(p));
  assert.ok(resultPath, 'Weir read the result through the gateway');
  const operationPath = resultPath.replace(/\/result\/.*$/, '');

  preview.stop();
  await preview.done;
  await waitUntil('Weir to close the gateway operation', 30_000, async () => gatewayProxy.answered.some((a) => a.path === `${operationPath}/close` && a.status === 200));
  await waitUntil('the preview job to end in Flink', 30_000, async () => ['CANCELED', 'FINISHED'].includes((await jobState(job.jobId)) ?? ''));
  // The session is gone with the operation: Flink no longer knows either.
  const status = await fetch(`${flink.gatewayUrl}${operationPath}/status`);
  assert.notEqual(status.status, 200);

  const entry = await waitUntil('the audited preview', 30_000, async () => {
    const audit = await weir.services.audit.list({ action: 'task.preview', targetId: taskId });
    return audit.items.find((e) => e.detail?.includes(job.jobId));
  });
  assert.match(entry.detail!, /"stoppedBy":"CANCELLED"/);
  assert.match(entry.detail!, /"jobEnded":true/);
});

it('ends a stream at its row limit with the rows counted, and no job left running', async () => {
  const preview = openPreview({ query: 'SELECT id FROM ticks', maxRows: 3, timeoutSeconds: 60 });
  await preview.done;
  const end = preview.events.at(-1);
  assert.ok(end?.type === 'end', JSON.stringify(preview.events));
  assert.equal(end.stoppedBy, 'ROW_LIMIT');
  assert.equal(end.rowCount, 3);
  assert.equal(rowsIn(preview.events).length, 3);
  assert.equal(end.jobEnded, true);
  assert.ok(end.jobId && ['CANCELED', 'FINISHED'].includes((await jobState(end.jobId)) ?? ''));
});

it("answers a viewer with 403, and reports Flink's error in the query at its line and column as the stream's last line", async () => {
  const refused = openPreview({ query: 'SELECT id FROM ticks' }, viewer);
  assert.equal((await refused.done).status, 403);

  const wrong = openPreview({ query: 'SELECT\n  nope FROM ticks' });
  await wrong.done;
  const last = wrong.events.at(-1);
  assert.ok(last?.type === 'error', JSON.stringify(wrong.events));
  assert.equal(last.error.code, 'VALIDATION');
  assert.deepEqual({ line: (last.error.details as any).line, column: (last.error.details as any).column }, { line: 2, column: 3 });
});

it("refuses a user's third preview at once with 429, each preview being a job on the cluster, and gives the place back when one ends", async () => {
  const first = openPreview({ query: 'SELECT id FROM ticks', maxRows: 1000, timeoutSeconds: 120 });
  const second = openPreview({ query: 'SELECT note FROM ticks', maxRows: 1000, timeoutSeconds: 120 });
  try {
    await waitUntil('both previews to run their jobs', 90_000, async () => [first, second].every((p) => p.events.some((e) => e.type === 'job')));
    const third = openPreview({ query: 'SELECT id FROM ticks', maxRows: 3 });
    const refused = await third.done;
    assert.equal(refused.status, 429);
    assert.deepEqual((refused.body as { error: { code: string; message: string } }).error, {
      code: 'RATE_LIMITED',
      message: 'At most 2 previews per user or token run at once; stop one, or wait for it to end',
    });
    assert.deepEqual(third.events, []);
    assert.equal((await runningPreviewJobs()).length, 2, 'the refused preview started no job');

    first.stop();
    await first.done;
    // The place comes back once the first preview's job has ended, so the next one runs.
    const next = await waitUntil('a third preview to be let in', 60_000, async () => {
      const attempt = openPreview({ query: 'SELECT id FROM ticks', maxRows: 3, timeoutSeconds: 60 });
      return (await attempt.done).status === 429 ? false : attempt;
    });
    const end = next.events.at(-1);
    assert.ok(end?.type === 'end' && end.stoppedBy === 'ROW_LIMIT', JSON.stringify(next.events));
  } finally {
    first.stop();
    second.stop();
    await Promise.allSettled([first.done, second.done]);
  }
});
