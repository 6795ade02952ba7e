import type { Detection } from './detection.js';

const TERMINAL = new Set(['FINISHED', 'CANCELED', 'FAILED']);

export interface BaselineOptions {
  /** Least time between two refreshes of one job (Dinky: 5 s). */
  refreshMs: number;
  /** Worker threads (Dinky: at most 20). */
  concurrency: number;
  /** Per request (Dinky: 10 s). */
  timeoutMs: number;
  fetch?: typeof globalThis.fetch;
  onDetect?: (d: Detection) => void;
}

interface Tracked {
  baseUrl: string;
  jid: string;
  status: string | null;
  dueAt: number;
  lastRefreshStartedAt: number;
  lastRefreshEndedAt: number;
}

/**
 * The reference tools' way of watching jobs, re-implemented small but faithful
 * to Dinky's devops center (JobRefreshHandler.getJobData): every job is polled
 * on its own, with 6 + 2×vertices requests per refresh, one after another on
 * one worker — GET /jobs/:jid, /jobs/:jid/config, /jobs/:jid again for the
 * vertex list, per vertex /watermarks and /backpressure, then /checkpoints,
 * /checkpoints/config and /exceptions — by a pool of `concurrency` workers, each
 * job again `refreshMs` after its last refresh ended. A job stops being polled
 * once it is seen in a terminal status. It records a status when it differs
 * from the one it saw last (it has no Flink times: whatever changed between
 * two polls is not seen). Every answer is parsed as JSON, as Dinky does; it is
 * not validated and nothing is written to a database, so its cost here is a
 * lower bound of the real one.
 */
export class BaselinePoller {
  private readonly queue: Tracked[] = [];
  private readonly all = new Map<string, Tracked>();
  private running = false;
  private readonly sleepers = new Set<() => void>();
  private readonly workers: Promise<void>[] = [];
  private readonly fetchImpl: typeof globalThis.fetch;
  refreshes = 0;
  errors = 0;

  constructor(private readonly options: BaselineOptions) {
    this.fetchImpl = options.fetch ?? globalThis.fetch;
  }

  /** Starts polling a job (Dinky knows the jobs it submitted). */
  track(baseUrl: string, jid: string): void {
    if (this.all.has(jid)) return;
    const t: Tracked = { baseUrl, jid, status: null, dueAt: Date.now(), lastRefreshStartedAt: 0, lastRefreshEndedAt: 0 };
    this.all.set(jid, t);
    this.queue.unshift(t); // due now: first in line
    this.wakeAll();
  }

  start(): void {
    this.running = true;
    for (let i = 0; i < this.options.concurrency; i++) this.workers.push(this.work());
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeAll();
    await Promise.all(this.workers);
  }

  /** Jobs still polled (seen in no terminal status yet). */
  get active(): number {
    let n = 0;
    for (const t of this.all.values()) if (!t.status || !TERMINAL.has(t.status)) n += 1;
    return n;
  }

  /** Resolves once every polled job has finished a refresh that started at or after `since` (or at `deadline`). */
  async roundCompleted(since: number, deadline: number): Promise<boolean> {
    for (;;) {
      const pending = [...this.all.values()].some((t) => !(t.status && TERMINAL.has(t.status)) && t.lastRefreshStartedAt < since);
      if (!pending) return true;
      if (Date.now() > deadline) return false;
      await sleep(100);
    }
  }

  private wakeAll(): void {
    for (const wake of [...this.sleepers]) wake();
  }

  private async work(): Promise<void> {
    while (this.running) {
      const next = this.queue[0];
      const now = Date.now();
      if (!next || next.dueAt > now) {
        // Jobs are queued in due order (each goes to the back, refreshMs after its refresh ended).
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            this.sleepers.delete(done);
            resolve();
          };
          const timer = setTimeout(done, next ? next.dueAt - now : 1000);
          this.sleepers.add(done);
        });
        continue;
      }
      this.queue.shift();
      await this.refresh(next);
      if (!(next.status && TERMINAL.has(next.status))) {
        next.dueAt = Date.now() + this.options.refreshMs;
        this.queue.push(next);
      }
    }
  }

  private async refresh(t: Tracked): Promise<void> {
    t.lastRefreshStartedAt = Date.now();
    const job = `${t.baseUrl}/jobs/${t.jid}`;
    try {
      const info = (await this.get(job)) as { state?: string };
      await this.get(`${job}/config`);
      const vertices = ((await this.get(job)) as { vertices?: { id: string }[] }).vertices ?? [];
      for (const v of vertices) {
        await this.get(`${job}/vertices/${v.id}/watermarks`);
        await this.get(`${job}/vertices/${v.id}/backpressure`);
      }
      await this.get(`${job}/checkpoints`);
      await this.get(`${job}/checkpoints/config`);
      await this.get(`${job}/exceptions`);
      this.refreshes += 1;
      const status = info.state ?? null;
      if (status && status !== t.status) {
        this.options.onDetect?.({ jid: t.jid, status, recordedAt: Date.now() });
        t.status = status;
      }
    } catch {
      this.errors += 1;
    } finally {
      t.lastRefreshEndedAt = Date.now();
    }
  }

  private async get(url: string): Promise<unknown> {
    const res = await this.fetchImpl(url, { signal: AbortSignal.timeout(this.options.timeoutMs) });
    return JSON.parse(await res.text()) as unknown;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
