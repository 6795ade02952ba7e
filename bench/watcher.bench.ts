// Benchmark: what watching Flink jobs costs, and how late a status change is
// recorded, against the number of jobs — Weir's watcher (one /jobs/overview per
// cluster per cycle, details only on change) next to the reference tools' way
// (every job polled on its own, 6 + 2×vertices requests per refresh).
//
//   npx tsx bench/watcher.bench.ts [--quick] [--only real,1k,10k,10k-down,1k-app,10k-app] [--watchers weir,baseline]
//        [--app-clusters <n>] [--calm-interval <ms>] [--calm-after <ms>] [--push]
//        [--window <s>] [--settle <s>] [--refresh-interval <ms>] [--flips-per-1000-jobs <per s>] [--profile]
//        [--heap-snapshot] [--node-flags '<V8 flags added to the watcher's>']
//
// Settings: a real cluster (WEIR_BENCH_FLINK_REST, or a local one the script starts) with
// as many tiny streaming jobs as its free slots allow; then simulated JobManagers (answers
// built from recorded Flink 1.20.3 answers) with 1,000 jobs on 10 clusters and 10,000 jobs
// on 100 clusters, and the latter with 10 % of the clusters unreachable (they accept connections
// and never answer, from before the window on: what probing them costs); and application-mode
// fleets, one job per JobManager: 1,000 and 10,000 (--app-clusters) simulated JobManagers behind one
// server, each at a loopback address of its own. Each watcher runs in a child process of its own (CPU and RSS are its
// alone); the simulators run in another. During the measured window job statuses change
// at a steady rate; detection latency is the time from a change (Flink's time for it) to
// the moment the watcher recorded it. Prints figures; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureFlinkDistribution, startLocalFlink } from '@weir/flink-local';
import { JobManagerClient } from '../server/src/flink/job-manager.client.js';
import { SERVER_LOADER_URL, SERVER_V8_FLAGS } from '../server/src/test-support/server-launch.js';
import type { ChurnOptions, SimReport, SimStart } from './sim/sim-process.js';
import { matchDetections, type Change, type Detection, type DetectionSummary } from './watcher/detection.js';
import { ChildScript } from './watcher/ipc.js';
import type { Measurement, RunnerStart } from './watcher/runner.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RUNNER = path.join(HERE, 'watcher/runner.ts');
const SIM = path.join(HERE, 'sim/sim-process.ts');
const PROFILE_DIR = path.resolve(HERE, '../test-results/profiles');
const HEAP_DIR = path.resolve(HERE, '../test-results/heap');

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = flag('quick');
const only = new Set((option('only') ?? 'real,1k,10k,10k-down,1k-app,10k-app').split(','));
const appClusters = Number(option('app-clusters') ?? 10_000);
const watchers = (option('watchers') ?? 'weir,baseline').split(',') as ('weir' | 'baseline')[];
const windowMs = Number(option('window') ?? (quick ? 15 : 45)) * 1000;
const settleMs = Number(option('settle') ?? (quick ? 5 : 10)) * 1000;
const refreshIntervalMs = Number(option('refresh-interval') ?? 1000);
const flipsPer1000 = Number(option('flips-per-1000-jobs') ?? 2);
const profile = flag('profile');
// --heap-snapshot: the watcher writes a V8 heap snapshot at the end of each window (test-results/heap/…).
const heapSnapshot = flag('heap-snapshot');
// --node-flags '--flag …' adds V8 flags to the watcher's (what a memory or GC setting would change, measured before adopting it).
const NODE_FLAGS = [...SERVER_V8_FLAGS, ...(option('node-flags')?.split(/\s+/).filter(Boolean) ?? [])];
const WEIR_INTERVAL_MS = 1000;
// Weir's calm cadence (server/src/watcher/watch-cadence.ts): a cluster quiet for CALM_AFTER_MS is read every CALM_INTERVAL_MS.
const CALM_INTERVAL_MS = Number(option('calm-interval') ?? WEIR_INTERVAL_MS);
const CALM_AFTER_MS = Number(option('calm-after') ?? 30_000);
// --push: every simulated JobManager pushes its status changes to Weir's push route, as Flink 2.x with
// Weir's listener does (docs/watcher-scale.md, "Push"); Weir's watcher then reads a calm cluster at its next cycle.
const PUSH = flag('push');
const RESTART_DELAY_MS = 1000;
const BASELINE = { refreshMs: 5000, concurrency: 20, timeoutMs: 10_000 };

interface Row {
  setting: string;
  watcher: string;
  jobs: number;
  clusters: number;
  setupMs: number;
  /** The watcher process's RSS before it watched anything (Weir's modules and database), Weir only. */
  idleRssMb?: number;
  /** The largest RSS while the watcher discovered the jobs (before the window). */
  setupPeakRssMb?: number;
  m: Measurement;
  /** Cycles in the window: Weir's rounds over all clusters; the baseline's rounds over all its jobs. */
  rounds: number;
  d: DetectionSummary;
  simRequests?: Record<string, number>;
}

const rows: Row[] = [];

async function main(): Promise<void> {
  console.log(`watcher benchmark: window ${windowMs / 1000} s, Weir cycle ${WEIR_INTERVAL_MS} ms, baseline refresh ${BASELINE.refreshMs} ms × ${BASELINE.concurrency} workers,`);
  console.log(`simulated web.refresh-interval ${refreshIntervalMs} ms, ${flipsPer1000} status-change scenarios per s per 1,000 jobs (85% restart, 10% cancel, 5% fail); ${os.cpus().length} cores`);
  console.log(`watcher processes run with Weir's V8 flags: ${NODE_FLAGS.join(' ') || '(none)'}; ${settleMs / 1000} s settle after discovery`);
  if (PUSH) console.log('simulated JobManagers push each status change to Weir (--push); the baseline gets no pushes');
  if (CALM_INTERVAL_MS > WEIR_INTERVAL_MS) {
    console.log(`Weir reads a cluster quiet for ${CALM_AFTER_MS / 1000} s every ${CALM_INTERVAL_MS / 1000} s (the settle lasts at least that long, so the window sees calm clusters)`);
  }
  const started = Date.now();
  if (only.has('real')) await realCluster();
  if (only.has('1k')) await simulated('1,000 jobs / 10 clusters (sim)', 10, 100);
  if (only.has('10k')) await simulated('10,000 jobs / 100 clusters (sim)', 100, 100);
  if (only.has('10k-down')) await simulated('10,000 jobs / 100 clusters, 10 unreachable (sim)', 100, 100, 10);
  if (only.has('1k-app')) await simulated('1,000 single-job clusters (sim)', 1000, 1, 0, true);
  if (only.has('10k-app')) await simulated(`${appClusters.toLocaleString('en-US')} single-job clusters (sim)`, appClusters, 1, 0, true);
  printTable();
  for (const line of died) console.log(line);
  console.log(`\ntotal ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

// ---------------------------------------------------------------- simulated clusters

/** Watchers that died during a setting, said after the table. */
const died: string[] = [];

async function simulated(setting: string, clusters: number, jobsPerCluster: number, unreachable = 0, fleet = false): Promise<void> {
  const jobs = clusters * jobsPerCluster;
  for (const watcher of watchers) {
    const sim = new ChildScript(SIM);
    const runner = startRunner(watcher, setting);
    try {
      const urls = await sim.call<string[]>('start', { clusters, jobsPerCluster, vertices: 2, refreshIntervalMs, fleet } satisfies SimStart);
      log(`${setting}, ${watcher}: ${clusters} simulated JobManagers up; starting the watcher`);
      const ready = await runner.call<{ setupMs: number; jobs: number; rssMb: number; idleRssMb: number; setupPeakRssMb: number; pushTargets?: Record<string, { url: string; token: string }> }>('start', {
        mode: watcher,
        clusters: urls,
        push: PUSH && watcher === 'weir',
        intervalMs: WEIR_INTERVAL_MS,
        calmIntervalMs: CALM_INTERVAL_MS,
        calmAfterMs: CALM_AFTER_MS,
        baseline: BASELINE,
      } satisfies RunnerStart);
      // Discovering every job leaves garbage V8 collects over the next seconds: the window measures the
      // steady state, with calm reading on once clusters had time to become calm.
      const settle = watcher === 'weir' && CALM_INTERVAL_MS > WEIR_INTERVAL_MS ? Math.max(settleMs, CALM_AFTER_MS + CALM_INTERVAL_MS) : settleMs;
      if (ready.pushTargets) log(`${setting}, ${watcher}: ${await sim.call<number>('pushTo', ready.pushTargets)} simulated JobManagers push their status changes to Weir`);
      log(`${setting}, ${watcher}: ready after ${(ready.setupMs / 1000).toFixed(1)} s (${ready.jobs} jobs known, RSS ${ready.rssMb} MB, peak ${ready.setupPeakRssMb}); settling ${settle / 1000} s, then measuring ${windowMs / 1000} s`);
      await sleep(settle);
      if (unreachable) {
        await sim.call('hang', { clusters: unreachable });
        // The first request to each waits the full Flink timeout (10 s) before the watcher knows; then it
        // probes, and 30 s later (the runner's reconnect window) writes their runs UNKNOWN: the window
        // measures the steady state after that, what probing costs.
        log(`${setting}, ${watcher}: ${unreachable} JobManagers stopped answering; measuring once their runs are UNKNOWN and the watcher only probes them`);
        await sleep(45_000);
      }
      await sim.call('resetRequests');
      await runner.call('measureStart');
      const t0 = Date.now();
      await sim.call('churnStart', {
        flipsPerSecond: (jobs / 1000) * flipsPer1000,
        restartDelayMs: RESTART_DELAY_MS,
        cancelShare: 0.1,
        failShare: 0.05,
        seed: 42,
      } satisfies ChurnOptions);
      await sleep(windowMs);
      await sim.call('churnStop');
      const t1 = Date.now();
      const m = await runner.call<Measurement>('measureEnd');
      const { requests: simRequests } = await sim.call<SimReport>('report');
      await drain(runner, watcher);
      const detections = await runner.call<Detection[]>('detections');
      const { changes } = await sim.call<SimReport>('report');
      // Changes of the scenarios started in the window (a restart's RUNNING may come just after it).
      const inWindow = changes.filter((c) => c.at >= t0 && c.at <= t1 + RESTART_DELAY_MS + 500);
      const d = matchDetections(inWindow, detections);
      if (watcher === 'weir' && d.missed) explainMissed(inWindow, detections, changes);
      rows.push({ setting, watcher, jobs, clusters, setupMs: ready.setupMs, idleRssMb: ready.idleRssMb || undefined, setupPeakRssMb: ready.setupPeakRssMb, m, rounds: roundsOf(watcher, m, jobs), d, simRequests });
      printRow(rows.at(-1)!);
      await runner.call('stop');
    } catch (err) {
      // A watcher that dies (the per-job baseline runs out of file descriptors at 10,000 JobManagers)
      // is a figure too: said beside the table, and the other settings are still measured.
      const reason = (err as Error).message.split('\n')[0];
      died.push(`${setting}, ${watcher}: died before its figures were taken (${reason}; its own output is above)`);
      log(died.at(-1)!);
    } finally {
      await runner.close();
      await sim.close();
    }
  }
}

async function drain(runner: ChildScript, watcher: 'weir' | 'baseline'): Promise<void> {
  // Weir: a restart's RUNNING comes RESTART_DELAY_MS after the window; Flink's cached details
  // may hide it for one more refresh interval; then a cycle records it.
  if (watcher === 'weir') await sleep(RESTART_DELAY_MS + refreshIntervalMs + 3 * Math.max(WEIR_INTERVAL_MS, CALM_INTERVAL_MS));
  else {
    await sleep(RESTART_DELAY_MS + 500);
    await runner.call('drain', { capMs: 120_000 });
  }
}

function roundsOf(watcher: 'weir' | 'baseline', m: Measurement, activeJobs: number): number {
  return watcher === 'weir' ? m.wallMs / WEIR_INTERVAL_MS : m.cycles / Math.max(1, activeJobs);
}

function startRunner(watcher: 'weir' | 'baseline', setting: string): ChildScript {
  if (profile) {
    // The runner profiles its set-up and its measured window separately (node:inspector).
    process.env.WEIR_BENCH_PROFILE_DIR = path.join(PROFILE_DIR, `${setting.replace(/[^a-z0-9]+/gi, '_').replace(/_$/, '')}-${Date.now()}`);
    log(`CPU profiles of the ${watcher} process go to ${process.env.WEIR_BENCH_PROFILE_DIR}`);
  }
  if (heapSnapshot) {
    process.env.WEIR_BENCH_HEAP_SNAPSHOT_DIR = path.join(HEAP_DIR, `${setting.replace(/[^a-z0-9]+/gi, '_').replace(/_$/, '')}-${Date.now()}`);
    log(`a heap snapshot of the ${watcher} process at the end of its window goes to ${process.env.WEIR_BENCH_HEAP_SNAPSHOT_DIR}`);
  }
  // Both watchers run as `npm start` runs Weir's server: with its V8 flags and its loader.
  return new ChildScript(RUNNER, { execArgv: NODE_FLAGS, loader: SERVER_LOADER_URL });
}

// ---------------------------------------------------------------- the real dev cluster

/** The cluster named by WEIR_BENCH_FLINK_REST, or a local one started for the benchmark and stopped after it. */
async function realCluster(): Promise<void> {
  const given = process.env.WEIR_BENCH_FLINK_REST;
  if (given) return measureRealCluster(given);
  log('starting a local Flink 1.20.3 for the real-cluster setting (REST 38081, no SQL Gateway)');
  const own = await startLocalFlink({
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'weir-bench-flink-')),
    restPort: 38081,
    rpcPort: 36123,
    gateway: false,
    slotsPerTaskManager: 8,
  });
  try {
    await measureRealCluster(own.restUrl);
  } finally {
    await own.stop();
  }
}

async function measureRealCluster(restUrl: string): Promise<void> {
  const setting = `real Flink 1.20.3 (${restUrl})`;
  const jm = new JobManagerClient({ baseUrl: restUrl, timeoutMs: 30_000 });
  const overview = await jm.overview().catch((err: Error) => {
    console.log(`${setting}: not measured, the JobManager does not answer: ${err.message}`);
    return undefined;
  });
  if (!overview) return;
  // Leave a slot for other engineers' tests on the shared cluster; one more is needed while a job is replaced.
  const jobs = Math.min(Number(option('real-jobs') ?? 6), overview['slots-available'] - 2);
  if (jobs < 1) {
    console.log(`${setting}: not measured, only ${overview['slots-available']} free slots`);
    return;
  }
  const jar = await jm.uploadJar('TopSpeedWindowing.jar', new Uint8Array(fs.readFileSync((await ensureFlinkDistribution()).examples.topSpeedWindowing)));
  const ours: string[] = [];
  const submit = async () => {
    const jid = await jm.runJar(jar, { parallelism: 1 });
    ours.push(jid);
    return jid;
  };
  const statusOf = async (jid: string) => ((await (await fetch(`${restUrl}/jobs/${jid}/status`)).json()) as { status: string }).status;
  const waitFor = async (jid: string, wanted: string[], timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!wanted.includes(await statusOf(jid))) {
      if (Date.now() > deadline) throw new Error(`job ${jid} did not reach ${wanted.join('/')}`);
      await sleep(100);
    }
  };
  try {
    log(`${setting}: submitting ${jobs} TopSpeedWindowing jobs (parallelism 1, 2 vertices)`);
    for (let i = 0; i < jobs; i++) await waitFor(await submit(), ['RUNNING']);
    for (const watcher of watchers) {
      const runner = startRunner(watcher, 'real');
      try {
        const live = [];
        for (const jid of ours) if ((await statusOf(jid)) === 'RUNNING') live.push(jid);
        const ready = await runner.call<{ setupMs: number; jobs: number; rssMb: number; idleRssMb: number; setupPeakRssMb: number }>('start', {
          mode: watcher,
          clusters: [restUrl],
          intervalMs: WEIR_INTERVAL_MS,
          jobs: live.map((jid) => ({ cluster: restUrl, jid })),
          baseline: BASELINE,
        } satisfies RunnerStart);
        log(`${setting}, ${watcher}: ready after ${(ready.setupMs / 1000).toFixed(1)} s (${ready.jobs} jobs known); measuring ${windowMs / 1000} s`);
        await runner.call('measureStart');
        const t0 = Date.now();
        // Churn: every few seconds one of our jobs is cancelled and replaced by a new one.
        const everyMs = quick ? 3000 : 4000;
        let churned = 0;
        while (Date.now() + everyMs < t0 + windowMs) {
          const cycleStart = Date.now();
          const victim = live.shift()!;
          await jm.cancel(victim);
          await waitFor(victim, ['CANCELED']);
          const jid = await submit();
          live.push(jid);
          if (watcher === 'baseline') await runner.call('track', { cluster: restUrl, jid });
          await waitFor(jid, ['RUNNING']);
          churned += 1;
          await sleep(Math.max(0, everyMs - (Date.now() - cycleStart)));
        }
        await sleep(Math.max(0, t0 + windowMs - Date.now()));
        const t1 = Date.now();
        const m = await runner.call<Measurement>('measureEnd');
        await sleep(3000); // Flink's detail cache (web.refresh-interval) on the dev cluster is up to 3 s
        if (watcher === 'baseline') await runner.call('drain', { capMs: 60_000 });
        else await sleep(3 * WEIR_INTERVAL_MS);
        const detections = await runner.call<Detection[]>('detections');
        const changes = await flinkChanges(jm, ours, t0, t1);
        const d = matchDetections(changes, detections);
        rows.push({ setting, watcher, jobs, clusters: 1, setupMs: ready.setupMs, m, rounds: roundsOf(watcher, m, jobs), d });
        log(`${setting}, ${watcher}: ${churned} jobs replaced, ${changes.length} status changes`);
        printRow(rows.at(-1)!);
        await runner.call('stop');
      } finally {
        await runner.close();
      }
    }
  } finally {
    for (const jid of ours) {
      if (!['CANCELED', 'FINISHED', 'FAILED'].includes(await statusOf(jid).catch(() => 'CANCELED'))) await jm.cancel(jid).catch(() => undefined);
    }
    await fetch(`${restUrl}/jars/${encodeURIComponent(jar)}`, { method: 'DELETE' }).catch(() => undefined);
  }
}

/** Every status our jobs entered in [t0, t1], with Flink's own time for it (each status is entered once by these jobs). */
async function flinkChanges(jm: JobManagerClient, jids: string[], t0: number, t1: number): Promise<Change[]> {
  const changes: Change[] = [];
  for (const jid of jids) {
    const details = await jm.job(jid);
    for (const [status, at] of Object.entries(details.timestamps)) if (at >= t0 && at <= t1) changes.push({ jid, status, at });
  }
  return changes;
}

/** Weir should record every change; when it did not, show what it recorded for a few of those jobs. */
function explainMissed(inWindow: Change[], detections: Detection[], all: Change[]): void {
  const recorded = new Set(detections.map((d) => `${d.jid}|${d.status}|${d.at}`));
  const missed = inWindow.filter((c) => !recorded.has(`${c.jid}|${c.status}|${c.at}`));
  for (const c of missed.slice(0, 3)) {
    const t = (at: number) => `${((at - c.at) / 1000).toFixed(2)}s`;
    console.log(`    missed ${c.status} of ${c.jid.slice(0, 8)}: changes ${all.filter((x) => x.jid === c.jid).map((x) => `${x.status}@${t(x.at)}`).join(' ')}; recorded ${detections.filter((d) => d.jid === c.jid).map((d) => `${d.status}@${t(d.at ?? 0)} (at +${t(d.recordedAt)})`).join(' ')}`);
  }
}

// ---------------------------------------------------------------- output

function printRow(r: Row): void {
  const cyc = r.m.cpuMs / r.rounds;
  console.log(
    `  → ${r.watcher}: ${fmt(r.m.requests / r.rounds)} requests/cycle (${fmt(r.m.requests / (r.m.wallMs / 1000))}/s), ` +
      `CPU ${fmt(cyc)} ms/cycle = ${pct(r.m.cpuMs / r.m.wallMs)} of a core, RSS ${r.m.rssMb} MB (peak ${r.m.peakRssMb}), ` +
      `detection p50 ${sec(r.d.p50)} p99 ${sec(r.d.p99)} max ${sec(r.d.max)}, ${r.d.detected}/${r.d.changes} changes recorded` +
      (r.watcher === 'baseline' ? `, one round over all jobs took ${sec(r.m.wallMs / r.rounds)}` : '') +
      (r.m.errors ? `, ${r.m.errors} failed ${r.watcher === 'weir' ? 'cycles' : 'refreshes'}` : ''),
  );
  console.log(
    `    memory: V8 heap ${r.m.heapUsedMb} MB used of ${r.m.heapTotalMb} (largest ${r.m.peakHeapTotalMb}), outside the heap ${r.m.externalMb} MB, ${r.m.openSockets} open sockets` +
      (r.idleRssMb ? `; RSS before watching anything ${r.idleRssMb} MB` : '') +
      (r.setupPeakRssMb ? `, at most ${r.setupPeakRssMb} MB while discovering the jobs` : ''),
  );
  const perClusterKb = r.idleRssMb ? ((r.m.rssMb - r.idleRssMb) * 1024) / r.clusters : undefined;
  console.log(
    `    per request: ${fmt((r.m.cpuMs * 1000) / Math.max(1, r.m.requests))} µs of CPU (all of the watcher's CPU over its requests); ` +
      `per cluster: ${fmt(r.m.requests / (r.m.wallMs / 1000) / r.clusters)} requests/s` +
      (perClusterKb !== undefined ? `, ${fmt(perClusterKb)} KB of RSS above the idle process` : ''),
  );
  console.log(`    requests by route: ${Object.entries(r.m.requestsByRoute).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  if (r.simRequests) {
    const served = Object.values(r.simRequests).reduce((a, b) => a + b, 0);
    console.log(`    the simulated JobManagers served ${served} requests in the window`);
  }
}

function printTable(): void {
  if (!rows.length) return;
  const header = ['setting', 'watcher', 'jobs', 'clusters', 'req/cycle', 'req/s', 'CPU ms/cycle', 'CPU % core', 'RSS MB (peak)', 'p50', 'p99', 'recorded', 'cycle', 'CPU µs/req', 'KB/cluster'];
  const body = rows.map((r) => [
    r.setting,
    r.watcher,
    String(r.jobs),
    String(r.clusters),
    fmt(r.m.requests / r.rounds),
    fmt(r.m.requests / (r.m.wallMs / 1000)),
    fmt(r.m.cpuMs / r.rounds),
    pct(r.m.cpuMs / r.m.wallMs),
    `${r.m.rssMb} (${r.m.peakRssMb})`,
    sec(r.d.p50),
    sec(r.d.p99),
    `${r.d.detected}/${r.d.changes}`,
    r.watcher === 'weir' ? `${WEIR_INTERVAL_MS / 1000} s${CALM_INTERVAL_MS > WEIR_INTERVAL_MS ? `, calm ${CALM_INTERVAL_MS / 1000} s` : ''}` : sec(r.m.wallMs / r.rounds),
    fmt((r.m.cpuMs * 1000) / Math.max(1, r.m.requests)),
    r.idleRssMb ? fmt(((r.m.rssMb - r.idleRssMb) * 1024) / r.clusters) : '–',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log('\n' + line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const b of body) console.log(line(b));
  console.log('\ncycle: Weir watches every cluster once per cycle; the baseline\'s cycle is one refresh of every job (due every 5 s, later when it falls behind).');
  console.log('CPU µs/req: the watcher\'s CPU over its requests; KB/cluster: RSS above the process before it watched anything, per cluster.');
  console.log('p50/p99: from a status change (Flink\'s time) to the watcher recording it; a change never recorded counts as infinitely late (∞).');
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return '∞';
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1);
}
function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
function sec(ms: number): string {
  if (Number.isNaN(ms)) return '–';
  if (!Number.isFinite(ms)) return '∞';
  return `${(ms / 1000).toFixed(2)} s`;
}
function log(msg: string): void {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);
}
function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

await main();
