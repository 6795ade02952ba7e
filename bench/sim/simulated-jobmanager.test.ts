// The simulated JobManager must answer in exactly the shape a real Flink (the default 1.20.x)
// answered when flink-local recorded it, and Weir's own typed client must accept
// every answer — otherwise the watcher benchmark measures something Flink never sends.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { JobManagerClient } from '../../server/src/flink/job-manager.client.js';
import { restFixture } from './rest-fixtures.js';
import { SimulatedJobManager } from './simulated-jobmanager.js';

/**
 * The shape of a JSON value: an object by its keys and their values' shapes, an array by the
 * distinct shapes of ALL its elements (so one odd element shows), and a leaf by its JSON type
 * (string, number, boolean or null), so a number sent as a string shows too.
 */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) {
    const distinct = new Map(value.map((element) => {
      const shape = shapeOf(element);
      return [JSON.stringify(shape), shape] as const;
    }));
    return [...distinct].sort(([a], [b]) => a.localeCompare(b)).map(([, shape]) => shape);
  }
  if (value === null) return 'null';
  if (typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, shapeOf((value as Record<string, unknown>)[k])]));
  }
  return typeof value;
}

async function get(base: string, path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(base + path);
  return { status: res.status, body: await res.json() };
}

describe('SimulatedJobManager answers in the shape recorded from the default Flink', () => {
  let sim: SimulatedJobManager;
  let client: JobManagerClient;
  let running: string;
  let restarted: string;
  let failed: string;
  let canceled: string;
  let vertex: string;

  before(async () => {
    // No detail caching here: each answer reflects the job's status at once.
    sim = await SimulatedJobManager.start({ jobs: 4, refreshIntervalMs: 0 });
    client = new JobManagerClient({ baseUrl: sim.url, timeoutMs: 5_000 });
    [running, restarted, failed, canceled] = sim.jobIds() as [string, string, string, string];
    sim.setStatus(restarted, 'RESTARTING');
    sim.setStatus(restarted, 'RUNNING');
    sim.setStatus(failed, 'FAILING');
    sim.setStatus(failed, 'FAILED');
    sim.setStatus(canceled, 'CANCELLING');
    sim.setStatus(canceled, 'CANCELED');
    vertex = (await client.job(running)).vertices[0]!.id;
  });
  after(() => sim?.close());

  const cases: [string, () => string, string][] = [
    ['cluster overview', () => '/overview', 'overview-with-jobs'],
    ['dashboard config', () => '/config', 'config'],
    ['jobs overview', () => '/jobs/overview', 'jobs-overview'],
    ['job list', () => '/jobs', 'jobs'],
    ['RUNNING job details', () => `/jobs/${running}`, 'job-running'],
    ['FAILED job details', () => `/jobs/${failed}`, 'job-failed'],
    ['CANCELED job details', () => `/jobs/${canceled}`, 'job-canceled'],
    ['job status', () => `/jobs/${running}/status`, 'job-status'],
    ['exceptions of a healthy job', () => `/jobs/${running}/exceptions`, 'job-exceptions-running'],
    ['exceptions of a failed job', () => `/jobs/${failed}/exceptions`, 'job-exceptions-failed'],
    ['checkpoints', () => `/jobs/${running}/checkpoints`, 'job-checkpoints'],
    ['checkpoint config', () => `/jobs/${running}/checkpoints/config`, 'job-checkpoints-config'],
    ['job config', () => `/jobs/${running}/config`, 'job-config'],
    ['plan', () => `/jobs/${running}/plan`, 'job-plan'],
    ['metric values', () => `/jobs/${running}/metrics?get=numRestarts`, 'job-vertex-metrics-get'],
    ['metric names', () => `/jobs/${running}/metrics`, 'job-vertex-metrics'],
    ['vertex watermarks', () => `/jobs/${running}/vertices/${vertex}/watermarks`, 'job-vertex-watermarks'],
    ['vertex backpressure', () => `/jobs/${running}/vertices/${vertex}/backpressure`, 'job-vertex-backpressure'],
    ['unknown job', () => '/jobs/00000000000000000000000000000001', 'error-unknown-job'],
    ['unknown path', () => '/no/such/path', 'error-not-found'],
  ];
  for (const [what, path, fixtureName] of cases) {
    it(`${what}: same keys and value types as ${fixtureName}.json, in every array element, same HTTP status`, async () => {
      const fixture = restFixture(fixtureName);
      const answer = await get(sim.url, path());
      assert.equal(answer.status, fixture.status);
      assert.deepEqual(shapeOf(answer.body), shapeOf(fixture.body));
    });
  }

  it('exceptions of a restarted job: each history entry has the keys of a recorded task failure', async () => {
    const fixture = restFixture('job-exceptions-failed').body as { exceptionHistory: { entries: unknown[] } };
    const taskEntry = shapeOf(fixture.exceptionHistory.entries.find((e) => (e as { taskName?: string }).taskName));
    const { body } = (await get(sim.url, `/jobs/${restarted}/exceptions`)) as { body: { exceptionHistory: { entries: unknown[] } } };
    assert.equal(body.exceptionHistory.entries.length, 1);
    for (const e of body.exceptionHistory.entries) assert.deepEqual(shapeOf(e), taskEntry);
    assert.deepEqual(shapeOf({ ...body, exceptionHistory: {} }), shapeOf({ ...fixture, exceptionHistory: {} }));
  });

  it("Weir's typed client (its zod schemas) accepts every answer and reads the substituted facts", async () => {
    const o = await client.overview();
    assert.equal(o['flink-version'], (restFixture('overview').body as { 'flink-version': string })['flink-version']);
    assert.equal(o['jobs-running'], 2);
    assert.equal((await client.dashboardConfig())['refresh-interval'], 0);
    const jobs = await client.jobsOverview();
    assert.deepEqual(jobs.map((j) => j.jid), sim.jobIds());
    assert.deepEqual(jobs.map((j) => j.state), ['RUNNING', 'RUNNING', 'FAILED', 'CANCELED']);

    const details = await client.job(failed);
    assert.equal(details.jid, failed);
    assert.equal(details.state, 'FAILED');
    const changes = sim.changes.filter((c) => c.jid === failed);
    assert.deepEqual(changes.map((c) => c.status), ['FAILING', 'FAILED']);
    for (const c of changes) assert.equal(details.timestamps[c.status], c.at, `Flink's time for ${c.status} is the time the simulator changed it`);
    assert.equal(details['end-time'], changes.at(-1)!.at);
    assert.equal(details.vertices.length, 2);

    assert.equal((await client.exceptions(failed)).exceptionHistory.entries.length, 2);
    assert.equal((await client.checkpoints(running)).counts.completed, 8);
    assert.equal((await client.checkpointConfig(running))?.interval, 2000);
    assert.equal((await client.jobConfig(running)).jid, running);
    const plan = await client.plan(running);
    assert.deepEqual(plan.nodes.map((n) => n.id).sort(), (await client.job(running)).vertices.map((v) => v.id).sort());
    assert.equal(await client.numRestarts(restarted), 1);
    assert.equal(await client.numRestarts(running), 0);
    assert.deepEqual(await client.vertexWatermarks(running, vertex), []);
    assert.equal(await client.jobExists('00000000000000000000000000000001'), false);
    await assert.rejects(client.job('00000000000000000000000000000001'), /not found/);
  });
});

describe('SimulatedJobManager behaves like Flink where the watcher cares', () => {
  it('serves job details from a cache for web.refresh-interval while /jobs/overview and /status are live', async () => {
    // The simulator's clock moves only when the test moves it, so the cache's expiry is exact.
    let now = 1_800_000_000_000;
    const sim = await SimulatedJobManager.start({ jobs: 1, refreshIntervalMs: 400, now: () => now });
    try {
      const client = new JobManagerClient({ baseUrl: sim.url, timeoutMs: 5_000 });
      const [jid] = sim.jobIds() as [string];
      assert.equal((await client.job(jid)).state, 'RUNNING'); // fills the cache
      now += 1;
      sim.setStatus(jid, 'CANCELLING');
      assert.equal((await client.jobsOverview())[0]!.state, 'CANCELLING', 'overview is live');
      assert.equal(((await get(sim.url, `/jobs/${jid}/status`)).body as { status: string }).status, 'CANCELLING', 'status is live');
      now += 398; // the last moment the cached details are served
      const stale = await client.job(jid);
      assert.equal(stale.state, 'RUNNING', 'details still come from the cache');
      assert.equal(stale.timestamps.CANCELLING, 0);
      now += 1; // web.refresh-interval has passed since the cache was filled
      const fresh = await client.job(jid);
      assert.equal(fresh.state, 'CANCELLING');
      assert.equal(fresh.timestamps.CANCELLING, sim.changes.at(-1)!.at);
      assert.equal((await client.dashboardConfig())['refresh-interval'], 400);
    } finally {
      await sim.close();
    }
  });

  it('restarts and cancels jobs over time and counts requests by route', async () => {
    const sim = await SimulatedJobManager.start({ jobs: 2, refreshIntervalMs: 0 });
    try {
      const client = new JobManagerClient({ baseUrl: sim.url, timeoutMs: 5_000 });
      const [a, b] = sim.jobIds() as [string, string];
      sim.restart(a, 50);
      sim.cancel(b, 20);
      assert.equal(sim.statusOf(a), 'RESTARTING');
      assert.equal(sim.statusOf(b), 'CANCELLING');
      await new Promise((r) => setTimeout(r, 120));
      assert.equal(sim.statusOf(a), 'RUNNING');
      assert.equal(sim.statusOf(b), 'CANCELED');
      assert.deepEqual(sim.changes.map((c) => `${c.jid === a ? 'a' : 'b'}:${c.status}`), ['a:RESTARTING', 'b:CANCELLING', 'b:CANCELED', 'a:RUNNING']);
      const details = await client.job(a);
      assert.ok((details.timestamps.RUNNING ?? 0) > (details.timestamps.RESTARTING ?? 0), 'RUNNING re-entered after RESTARTING');
      sim.resetRequestCounts();
      await client.jobsOverview();
      await client.jobsOverview();
      await client.job(a);
      await client.exceptions(a);
      await client.numRestarts(a);
      assert.deepEqual(sim.requestCounts(), { '/jobs/overview': 2, '/jobs/:jid': 1, '/jobs/:jid/exceptions': 1, '/jobs/:jid/metrics': 1 });
      const jid = sim.submit({ name: 'late' });
      assert.deepEqual(sim.changes.filter((c) => c.jid === jid).map((c) => c.status), ['INITIALIZING', 'CREATED', 'RUNNING']);
      assert.equal((await client.jobsOverview()).length, 3);
    } finally {
      await sim.close();
    }
  });
});

describe('a simulated JobManager that pushes (bench --push)', () => {
  it('posts each status change to its push target with its token, in the notice Weir takes', async () => {
    const { createServer } = await import('node:http');
    const received: Array<{ authorization: string | undefined; body: Record<string, unknown> }> = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ authorization: req.headers.authorization, body: JSON.parse(body) as Record<string, unknown> });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const sim = await SimulatedJobManager.start({ jobs: 1 });
    try {
      const port = (server.address() as { port: number }).port;
      sim.pushTarget = { url: `http://127.0.0.1:${port}/push/clusters/c1`, token: 'wpush_t' };
      const jid = sim.changes[0]?.jid ?? (await new JobManagerClient({ baseUrl: sim.url, timeoutMs: 5_000 }).jobsOverview())[0]!.jid;
      sim.setStatus(jid, 'CANCELLING');
      const deadline = Date.now() + 5_000;
      while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.equal(received.length, 1);
      assert.equal(received[0]!.authorization, 'Bearer wpush_t');
      assert.deepEqual(Object.keys(received[0]!.body).sort(), ['jobId', 'status', 'timestamp']);
      assert.equal(received[0]!.body.jobId, jid);
      assert.equal(received[0]!.body.status, 'CANCELLING');
    } finally {
      await sim.close();
      server.close();
    }
  });
});
