// Child process of bench/watcher.bench.ts: ONE watcher — Weir's (the real
// WatcherManager and ClusterWatchers over SQLite) or the baseline poller — so
// that its CPU time and resident memory are measured alone.
import diagnostics from 'node:diagnostics_channel';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import v8 from 'node:v8';
import type { FastifyInstance } from 'fastify';
import { ClustersStore } from '../../server/src/clusters/clusters.store.js';
import { startTestWeir, testApp, type TestWeir } from '../../server/src/test-support/weir.js';
import { WatcherManager } from '../../server/src/watcher/watcher-manager.js';
import { BaselinePoller } from './baseline-poller.js';
import type { Detection } from './detection.js';
import { serve } from './ipc.js';

export interface RunnerStart {
  mode: 'weir' | 'baseline';
  clusters: string[];
  /** Weir's cycle. */
  intervalMs: number;
  /** Weir's cycle for calm clusters, and how long a cluster must be quiet to be calm (watch-cadence.ts). */
  calmIntervalMs?: number;
  calmAfterMs?: number;
  /** Baseline: the jobs it knows (it submitted them); when left out, every non-terminal job listed at start. */
  jobs?: { cluster: string; jid: string }[];
  /** Weir: serve the push route (POST /push/clusters/:id) and hand each cluster's push target back (bench --push). */
  push?: boolean;
  baseline: { refreshMs: number; concurrency: number; timeoutMs: number };
}

export interface Measurement {
  wallMs: number;
  cpuMs: number;
  requests: number;
  requestsByRoute: Record<string, number>;
  /** Weir: cluster watch cycles completed; baseline: job refreshes completed. */
  cycles: number;
  rssMb: number;
  peakRssMb: number;
  heapUsedMb: number;
  /** V8's heap (what it holds from the system for JS objects) at the end and at its largest. */
  heapTotalMb: number;
  peakHeapTotalMb: number;
  /** Memory outside V8's heap: buffers, SQLite, native modules. */
  externalMb: number;
  /** TCP sockets the watcher process holds open at the end of the window (kept-open connections and reads in flight). */
  openSockets: number;
  errors: number;
}

// Count every REST request this process makes, by route: undici (behind fetch and behind Weir's lean
// transport alike) announces each request on this channel.
const routeCounts = new Map<string, number>();
diagnostics.subscribe('undici:request:create', (message) => {
  const { request } = message as { request: { path: string } };
  const pathname = request.path.split('?')[0] ?? '';
  const route = pathname.replace(/^\/jobs\/[0-9a-f]{32}/, '/jobs/:jid').replace(/\/vertices\/[0-9a-f]{32}/, '/vertices/:vid');
  routeCounts.set(route, (routeCounts.get(route) ?? 0) + 1);
});

const quiet = { info: () => undefined, warn: () => undefined, error: (o: unknown, m: string) => console.error(m, o) };
const detections: Detection[] = [];
let weir: TestWeir | undefined;
let manager: WatcherManager | undefined;
let pushApp: FastifyInstance | undefined;
let poller: BaselinePoller | undefined;
let cycles = 0;
let errors = 0;
const cyclesByCluster = new Map<string, { cycles: number; quietCycles: number }>();
let window: { t0: number; cpu: NodeJS.CpuUsage; peakRss: number; peakHeapTotal: number; sampler: NodeJS.Timeout } | undefined;

// With --profile, the bench asks for CPU profiles of the set-up (discovery) and of the measured window.
const PROFILE_DIR = process.env.WEIR_BENCH_PROFILE_DIR;
let inspector: Session | undefined;
// With WEIR_BENCH_HEAP_SNAPSHOT_DIR set, the runner writes a V8 heap snapshot at the end of the window: what
// each watched cluster holds, by constructor, is the question the memory target asks.
const HEAP_SNAPSHOT_DIR = process.env.WEIR_BENCH_HEAP_SNAPSHOT_DIR;
async function profileStart(): Promise<void> {
  if (!PROFILE_DIR) return;
  inspector ??= new Session();
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.start');
}
async function profileStop(name: string): Promise<void> {
  if (!PROFILE_DIR || !inspector) return;
  const { profile } = await inspector.post('Profiler.stop');
  fs.mkdirSync(PROFILE_DIR, { recursive: true });
  fs.writeFileSync(path.join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
  inspector.disconnect();
}

interface Ready {
  /** With push: each JobManager's address → where it pushes and its token. */
  pushTargets?: Record<string, { url: string; token: string }>;
  setupMs: number;
  jobs: number;
  rssMb: number;
  idleRssMb: number;
}

async function setUp(opts: RunnerStart, t0: number): Promise<Ready> {
  if (opts.mode === 'weir') {
    weir = await startTestWeir({
      background: false,
      config: {
        flinkTimeoutMs: 10_000,
        watcher: { intervalMs: opts.intervalMs, calmIntervalMs: opts.calmIntervalMs, calmAfterMs: opts.calmAfterMs, reconnectAttempts: 3, reconnectWindowMs: 30_000, probeTimeoutMs: 1_000, lostAfterMs: 10_000, historyArchiveGraceMs: 30_000, historyUnreachableLimitMs: 600_000 },
      },
    });
    // What Weir holds before it watches anything (its modules, the database): the watcher's share is the rest.
    const idleRssMb = mb(process.memoryUsage().rss);
    const store = new ClustersStore(weir.database);
    const clusterIds = new Map<string, string>();
    for (const [i, url] of opts.clusters.entries()) clusterIds.set(url, (await store.create({ name: `bench-${i}`, restUrl: url })).id);
    weir.services.bus.subscribe((e) => {
      if (e.type === 'run.status') detections.push({ jid: e.flinkJobId, status: e.to, at: e.at, recordedAt: Date.now() });
    });
    manager = new WatcherManager({
      clusters: weir.services.clusters,
      flink: weir.services.flink,
      runs: weir.services.runs,
      tasks: weir.services.tasks,
      events: weir.services.bus,
      scheduler: weir.services.scheduler,
      settings: { intervalMs: opts.intervalMs, calmIntervalMs: opts.calmIntervalMs, calmAfterMs: opts.calmAfterMs, reconnectAttempts: 3, reconnectWindowMs: 30_000, probeTimeoutMs: 1_000, lostAfterMs: 10_000 },
      flinkTimeoutMs: 10_000,
      log: quiet,
      onCycle: (clusterId, report) => {
        cycles += 1;
        if (!report.reachable) errors += 1;
        const c = cyclesByCluster.get(clusterId) ?? { cycles: 0, quietCycles: 0 };
        c.cycles += 1;
        if (report.reachable && report.changed === 0) c.quietCycles += 1;
        cyclesByCluster.set(clusterId, c);
      },
    });
    manager.start();
    let pushTargets: Ready['pushTargets'];
    if (opts.push) {
      // Weir's own push route, handing pushes to this runner's watchers (not the services' idle manager).
      const watching = manager;
      weir.services.clusterPush.pushed = (clusterId) => void watching.pushed(clusterId);
      pushApp = await testApp(weir);
      await pushApp.listen({ host: '127.0.0.1', port: 0 });
      const base = `http://127.0.0.1:${(pushApp.server.address() as AddressInfo).port}`;
      pushTargets = Object.fromEntries(await Promise.all([...clusterIds].map(async ([url, id]) => [url, { url: `${base}/push/clusters/${id}`, token: await weir!.services.clusterPush.currentToken(id) }])));
    }
    // Ready once every cluster's jobs are discovered: each watcher has had a cycle with nothing new.
    await until(() => cyclesByCluster.size === opts.clusters.length && [...cyclesByCluster.values()].every((c) => c.quietCycles >= 1), 15 * 60_000);
    await profileStop(`${opts.mode}-setup`);
    const jobs = await weir.database.db.selectFrom('runs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { setupMs: Date.now() - t0, jobs: Number(jobs.n), rssMb: mb(process.memoryUsage().rss), idleRssMb, ...(pushTargets ? { pushTargets } : {}) };
  }

  poller = new BaselinePoller({
    ...opts.baseline,
    onDetect: (d) => detections.push(d),
  });
  const jobs = opts.jobs ?? (await listActiveJobs(opts.clusters));
  for (const j of jobs) poller.track(j.cluster, j.jid);
  poller.start();
  const started = Date.now();
  await poller.roundCompleted(started, Date.now() + 15 * 60_000);
  await profileStop(`${opts.mode}-setup`);
  poller.refreshes = 0;
  return { setupMs: Date.now() - t0, jobs: jobs.length, rssMb: mb(process.memoryUsage().rss), idleRssMb: 0 };
}

serve({
  async start(opts: RunnerStart): Promise<Ready & { setupPeakRssMb: number }> {
    const t0 = Date.now();
    await profileStart();
    // The largest RSS while the watcher discovers the jobs, reported apart from the steady window.
    let setupPeakRss = process.memoryUsage().rss;
    const setupSampler = setInterval(() => (setupPeakRss = Math.max(setupPeakRss, process.memoryUsage().rss)), 250);
    try {
      const ready = await setUp(opts, t0);
      return { ...ready, setupPeakRssMb: mb(Math.max(setupPeakRss, process.memoryUsage().rss)) };
    } finally {
      clearInterval(setupSampler);
    }
  },

  track(job: { cluster: string; jid: string }): void {
    poller?.track(job.cluster, job.jid);
  },

  async measureStart(): Promise<void> {
    await profileStart();
    routeCounts.clear();
    cycles = 0;
    errors = 0;
    if (poller) {
      poller.refreshes = 0;
      poller.errors = 0;
    }
    const sampler = setInterval(() => {
      if (!window) return;
      const mem = process.memoryUsage();
      window.peakRss = Math.max(window.peakRss, mem.rss);
      window.peakHeapTotal = Math.max(window.peakHeapTotal, mem.heapTotal);
    }, 250);
    const mem = process.memoryUsage();
    window = { t0: Date.now(), cpu: process.cpuUsage(), peakRss: mem.rss, peakHeapTotal: mem.heapTotal, sampler };
  },

  async measureEnd(): Promise<Measurement> {
    if (!window) throw new Error('measureStart first');
    const cpu = process.cpuUsage(window.cpu);
    const mem = process.memoryUsage();
    await profileStop(`${poller ? 'baseline' : 'weir'}-window`);
    clearInterval(window.sampler);
    if (HEAP_SNAPSHOT_DIR) {
      fs.mkdirSync(HEAP_SNAPSHOT_DIR, { recursive: true });
      const spaces = v8.getHeapSpaceStatistics().map((s) => `${s.space_name} ${mb(s.space_size)}/${mb(s.space_used_size)}`);
      fs.writeFileSync(path.join(HEAP_SNAPSHOT_DIR, `${poller ? 'baseline' : 'weir'}-heap-spaces.txt`), `${spaces.join('\n')}\n`);
      v8.writeHeapSnapshot(path.join(HEAP_SNAPSHOT_DIR, `${poller ? 'baseline' : 'weir'}-window-end.heapsnapshot`));
    }
    const requestsByRoute = Object.fromEntries([...routeCounts].sort((a, b) => b[1] - a[1]));
    const m: Measurement = {
      wallMs: Date.now() - window.t0,
      cpuMs: (cpu.user + cpu.system) / 1000,
      requests: [...routeCounts.values()].reduce((a, b) => a + b, 0),
      requestsByRoute,
      cycles: poller ? poller.refreshes : cycles,
      rssMb: mb(mem.rss),
      peakRssMb: mb(Math.max(window.peakRss, mem.rss)),
      heapUsedMb: mb(mem.heapUsed),
      heapTotalMb: mb(mem.heapTotal),
      peakHeapTotalMb: mb(Math.max(window.peakHeapTotal, mem.heapTotal)),
      externalMb: mb(mem.external),
      openSockets: process.getActiveResourcesInfo().filter((kind) => kind === 'TCPSocketWrap').length,
      errors: poller ? poller.errors : errors,
    };
    window = undefined;
    return m;
  },

  /** Baseline: waits until every job was polled again after now (at most `capMs`). */
  async drain({ capMs }: { capMs: number }): Promise<boolean> {
    if (!poller) return true;
    return poller.roundCompleted(Date.now(), Date.now() + capMs);
  },

  detections(): Detection[] {
    return detections;
  },

  async stop(): Promise<void> {
    await pushApp?.close();
    await poller?.stop();
    await weir?.stop();
  },
});

async function listActiveJobs(clusters: string[]): Promise<{ cluster: string; jid: string }[]> {
  const out: { cluster: string; jid: string }[] = [];
  for (const cluster of clusters) {
    const { jobs } = (await (await fetch(`${cluster}/jobs/overview`)).json()) as { jobs: { jid: string; state: string }[] };
    for (const j of jobs) if (!['FINISHED', 'CANCELED', 'FAILED'].includes(j.state)) out.push({ cluster, jid: j.jid });
  }
  return out;
}

async function until(ok: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function mb(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}
