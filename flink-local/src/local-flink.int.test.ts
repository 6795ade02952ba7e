// Integration test: a real Flink session cluster + SQL Gateway on non-default ports, of the version
// under test (WEIR_TEST_FLINK_VERSION, set by `npm test` per integration phase; default 1.20.x).
// Needs java and mvn (fails loudly without them; never skips).
// Run: node --import tsx --test flink-local/src/local-flink.int.test.ts
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DEFAULT_FLINK_VERSION, ensureFlinkDistribution, startLocalFlink, type LocalFlinkCluster } from './index.js';
import { call, GatewaySession, uploadJar, waitForJobState } from './rest-helpers.js';
import { isProcessAlive } from './process-alive.js';

const VERSION = process.env.WEIR_TEST_FLINK_VERSION || DEFAULT_FLINK_VERSION;
const PORTS = { restPort: 18181, rpcPort: 16223, gatewayPort: 18183 };
const dataDir = mkdtempSync(join(tmpdir(), 'weir-flink-it-'));
let cluster: LocalFlinkCluster;
let pidsWhileRunning: Record<string, number | undefined> = {};
const t0 = Date.now();

function rssMiB(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : undefined;
}

/** The -Xmx a process was started with, in MiB (Flink writes bytes, the gateway "512m"). */
function maxHeapMiB(pid: number): number | undefined {
  const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  const m = args.map((a) => /^-Xmx(\d+)([kmg]?)$/i.exec(a)).find((x) => x);
  if (!m) return undefined;
  const unit = { '': 1 / (1024 * 1024), k: 1 / 1024, m: 1, g: 1024 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.round(Number(m[1]) * unit);
}

before(async () => {
  const dist = await ensureFlinkDistribution({ version: VERSION, log: (l) => console.log(l) });
  cluster = await startLocalFlink({ ...PORTS, dataDir, distribution: dist, log: (l) => console.log(l) });
  pidsWhileRunning = cluster.pids();
  console.log(`cluster started in ${cluster.startupMs} ms; pids ${JSON.stringify(pidsWhileRunning)}`);
});

after(async () => {
  await cluster?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`integration test total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
});

test('REST /overview and the SQL Gateway report the version that was assembled, with one TaskManager', async () => {
  const r = await call('GET', `${cluster.restUrl}/overview`);
  assert.equal(r.status, 200);
  assert.equal(r.body['flink-version'], cluster.distribution.version);
  assert.equal(r.body.taskmanagers, 1);
  assert.equal(r.body['slots-total'], 4);
  const tms = await call('GET', `${cluster.restUrl}/taskmanagers`);
  assert.equal(tms.body.taskmanagers[0].id, 'tm-1');
  const info = await call('GET', `${cluster.gatewayUrl}/v3/info`);
  assert.deepEqual(info.body, { productName: 'Apache Flink', version: cluster.distribution.version });
});

test('a FlinkSQL job submitted through the SQL Gateway runs and is cancelled', async () => {
  const s = await GatewaySession.open(cluster.gatewayUrl!);
  await s.run(`CREATE TABLE src (id BIGINT, name STRING) WITH ('connector'='datagen', 'rows-per-second'='5')`);
  await s.run(`CREATE TABLE snk (id BIGINT, name STRING) WITH ('connector'='blackhole')`);
  const insert = await s.run(`INSERT INTO snk SELECT * FROM src`);
  assert.match(insert.jobId ?? '', /^[0-9a-f]{32}$/);
  const jid = insert.jobId!;
  await waitForJobState(cluster.restUrl, jid, ['RUNNING']);
  const cancel = await call('PATCH', `${cluster.restUrl}/jobs/${jid}?mode=cancel`);
  assert.equal(cancel.status, 202);
  await waitForJobState(cluster.restUrl, jid, ['CANCELED']);
  await s.close();
});

test('the WordCount example jar uploaded over REST runs to FINISHED', async () => {
  const up = await uploadJar(cluster.restUrl, cluster.distribution.examples.wordCount);
  assert.equal(up.status, 'success');
  const run = await call('POST', `${cluster.restUrl}/jars/${encodeURIComponent(up.jarId)}/run`, {});
  assert.equal(run.status, 200, JSON.stringify(run.body));
  await waitForJobState(cluster.restUrl, run.body.jobid, ['FINISHED']);
  // WordCount prints to stdout; the TM's stdout endpoint must serve it (log.file → .out wiring).
  const stdout = await call('GET', `${cluster.restUrl}/taskmanagers/tm-1/stdout`);
  assert.equal(stdout.status, 200);
  assert.match(String(stdout.body), /\(to,\d+\)/);
});

test('JM, TM and gateway run inside the memory they were given (heap flag and VmRSS)', () => {
  // startLocalFlink's defaults: Flink's memory model sizes the JM (1024m) and TM (1728m) processes
  // and derives their -Xmx from that; the gateway has a plain -Xmx512m. Without those flags a JVM
  // takes a quarter of the machine's memory as its heap.
  const given = { jobmanager: 1024, 'tm-1': 1728, gateway: 512 } as const;
  const figures: Record<string, { heapMiB: number; rssMiB: number }> = {};
  for (const [name, limitMiB] of Object.entries(given)) {
    const pid = pidsWhileRunning[name];
    assert.ok(pid && isProcessAlive(pid), `${name} is running`);
    const heapMiB = maxHeapMiB(pid);
    const rss = rssMiB(pid);
    assert.ok(heapMiB !== undefined, `${name} was started with -Xmx`);
    assert.ok(rss !== undefined, `${name} has a VmRSS`);
    figures[name] = { heapMiB, rssMiB: rss };
    if (name === 'gateway') assert.equal(heapMiB, 512);
    else assert.ok(heapMiB > 64 && heapMiB < limitMiB, `${name}: heap ${heapMiB} MiB lies inside its ${limitMiB} MiB process`);
    // Flink's process size bounds heap, metaspace and overhead together; the gateway's heap is most of it.
    const rssLimit = name === 'gateway' ? 2 * limitMiB : limitMiB;
    assert.ok(rss > 50 && rss < rssLimit, `${name}: RSS ${rss} MiB within ${rssLimit} MiB`);
  }
  console.log(`heap and RSS MiB after jobs: ${JSON.stringify(figures)}`);
});

test('a port already in use makes startLocalFlink reject naming the port', async () => {
  const blocker: Server = createServer();
  await new Promise<void>((res) => blocker.listen(18291, '127.0.0.1', res));
  const other = mkdtempSync(join(tmpdir(), 'weir-flink-it-busy-'));
  try {
    await assert.rejects(
      startLocalFlink({ dataDir: other, distribution: cluster.distribution, restPort: 18291, rpcPort: 16293, gatewayPort: 18293 }),
      (err: Error) => /18291/.test(err.message) && /in use/.test(err.message),
    );
    // And the running cluster's own ports count as busy too.
    await assert.rejects(
      startLocalFlink({ dataDir: other, distribution: cluster.distribution, restPort: 18292, rpcPort: PORTS.rpcPort, gatewayPort: 18293 }),
      new RegExp(String(PORTS.rpcPort)),
    );
  } finally {
    blocker.close();
    rmSync(other, { recursive: true, force: true });
  }
});

test('a process that dies during start makes startLocalFlink reject with its log tail', async () => {
  const other = mkdtempSync(join(tmpdir(), 'weir-flink-it-dies-'));
  try {
    await assert.rejects(
      startLocalFlink({
        dataDir: other,
        distribution: cluster.distribution,
        restPort: 18391,
        rpcPort: 16391,
        gateway: false,
        // 192.0.2.1 (TEST-NET-1) is not a local address: the JobManager cannot bind its REST endpoint.
        extraConfig: { 'rest.bind-address': '192.0.2.1' },
        startTimeoutMs: 60_000,
      }),
      (err: Error) => /jobmanager \(pid \d+\) exited during start/.test(err.message) && /last lines of .*jobmanager\.log/.test(err.message),
    );
  } finally {
    rmSync(other, { recursive: true, force: true });
  }
});

test('stop() leaves no process of the cluster behind', async () => {
  const pids = Object.values(cluster.pids()).filter((p): p is number => p !== undefined);
  assert.equal(pids.length, 3);
  await cluster.stop();
  for (const pid of pids) assert.equal(isProcessAlive(pid), false, `pid ${pid} still alive`);
  assert.deepEqual(Object.values(cluster.pids()).filter(Boolean), []);
});
