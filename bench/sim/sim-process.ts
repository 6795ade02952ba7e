// Child process of bench/watcher.bench.ts: hosts the simulated JobManagers, so
// that their CPU is not counted as the watcher's, and changes job statuses at a
// steady rate while the benchmark measures.
import { serve } from '../watcher/ipc.js';
import { SimulatedFleet } from './sim-fleet.js';
import { SimulatedJobManager, type StatusChange } from './simulated-jobmanager.js';

export interface SimStart {
  clusters: number;
  jobsPerCluster: number;
  vertices: number;
  refreshIntervalMs: number;
  /** All JobManagers behind one server, each at a loopback address of its own (application-mode fleets). */
  fleet?: boolean;
}

export interface ChurnOptions {
  /** Status-change scenarios started per second over all clusters. */
  flipsPerSecond: number;
  /** RESTARTING lasts this long before RUNNING again (fixed-delay restart strategy). */
  restartDelayMs: number;
  /** Shares of the scenarios; the rest are restarts. */
  cancelShare: number;
  failShare: number;
  seed: number;
}

export interface SimReport {
  changes: StatusChange[];
  requests: Record<string, number>;
}

const sims: SimulatedJobManager[] = [];
let churn: NodeJS.Timeout | undefined;

serve({
  async start(opts: SimStart): Promise<string[]> {
    if (opts.fleet) {
      const fleet = await SimulatedFleet.start(opts.clusters, { jobs: opts.jobsPerCluster, vertices: opts.vertices, refreshIntervalMs: opts.refreshIntervalMs });
      sims.push(...fleet.jobManagers);
      return sims.map((s) => s.url);
    }
    for (let i = 0; i < opts.clusters; i++) {
      sims.push(await SimulatedJobManager.start({ jobs: opts.jobsPerCluster, vertices: opts.vertices, refreshIntervalMs: opts.refreshIntervalMs, namePrefix: `c${i}-job` }));
    }
    return sims.map((s) => s.url);
  },

  /** From now on each JobManager pushes its status changes to Weir (bench --push); keyed by the JobManager's address. */
  pushTo(targets: Record<string, { url: string; token: string }>): number {
    let pushing = 0;
    for (const s of sims) {
      s.pushTarget = targets[s.url];
      if (s.pushTarget) pushing += 1;
    }
    return pushing;
  },

  /** Makes the last `clusters` JobManagers unreachable (they hang); returns their addresses. */
  hang(opts: { clusters: number }): string[] {
    const cut = sims.slice(sims.length - opts.clusters);
    for (const s of cut) s.hang();
    return cut.map((s) => s.url);
  },

  churnStart(opts: ChurnOptions): void {
    const random = mulberry32(opts.seed);
    // Changes only where a watcher can see them.
    const reachable = sims.filter((s) => s.reachable);
    let owed = 0;
    let last = Date.now();
    churn = setInterval(() => {
      const now = Date.now();
      owed += ((now - last) / 1000) * opts.flipsPerSecond;
      last = now;
      for (; owed >= 1; owed -= 1) {
        const sim = reachable[Math.floor(random() * reachable.length)]!;
        const ids = sim.jobIds();
        // A RUNNING job, picked at random (a few tries: most jobs are RUNNING).
        for (let attempt = 0; attempt < 20; attempt++) {
          const jid = ids[Math.floor(random() * ids.length)]!;
          if (sim.statusOf(jid) !== 'RUNNING') continue;
          const r = random();
          if (r < opts.cancelShare) sim.cancel(jid);
          else if (r < opts.cancelShare + opts.failShare) sim.fail(jid);
          else sim.restart(jid, opts.restartDelayMs);
          break;
        }
      }
    }, 20);
  },

  churnStop(): void {
    if (churn) clearInterval(churn);
    churn = undefined;
  },

  resetRequests(): void {
    for (const s of sims) s.resetRequestCounts();
  },

  report(): SimReport {
    const requests: Record<string, number> = {};
    for (const s of sims) for (const [route, n] of Object.entries(s.requestCounts())) requests[route] = (requests[route] ?? 0) + n;
    return { changes: sims.flatMap((s) => s.changes), requests };
  },
});

/** A small seeded PRNG, so two runs flip the same sequence of jobs. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
