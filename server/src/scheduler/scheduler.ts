import type { Logger } from '../logging/logger.js';

/**
 * Where a task runs when several Weir instances share one database:
 * - `each`: on every instance. Either the work is this instance's own (its lease ticks, its
 *   event streams) or it divides itself: per-cluster work skips the clusters another instance
 *   watches, and queue work claims its rows (alert deliveries, automatic restarts).
 * - `one`: on a single instance at a time, the holder of the one-instance lease (see
 *   instances/cluster-leases.ts): work over the whole database that must not be done twice or
 *   needs no second hand (expired sessions, orphaned savepoints, metric retention).
 * With one instance (SQLite, or leases off) every task runs there.
 */
export type TaskInstances = 'each' | 'one';

export interface ScheduledTask {
  /** Names the task in logs. */
  name: string;
  instance: TaskInstances;
  /** Time between the end of one run and the start of the next. */
  intervalMs: number;
  /** When given, asked after each run for the next delay instead of intervalMs (backoff). */
  nextDelayMs?: () => number;
  /** A run taking longer is logged as stuck and the next one may start. */
  timeoutMs: number;
  run(signal: AbortSignal): Promise<void>;
}

/**
 * Runs background work (cluster health checks, the job watcher, samplers) at a
 * declared frequency with a timeout. Runs of one task never overlap, and a
 * failing run is logged, not fatal: the next run tries again.
 */
export class Scheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The runs in progress, by the controller that aborts each. */
  private readonly running = new Map<AbortController, Promise<unknown>>();
  private stopped = false;
  private readonly cancelled = new Set<string>();
  /** Whether this instance holds the one-instance lease; none means it is the only instance. */
  private holdsOneInstanceLease: (() => boolean) | undefined;

  constructor(private readonly log: Logger) {}

  /** Several instances: `one` tasks run only while `holds()` says this instance has the lease. */
  shareWith(holds: () => boolean): void {
    this.holdsOneInstanceLease = holds;
  }

  /** Whether a task may run here now. */
  private mayRun(task: ScheduledTask): boolean {
    return task.instance === 'each' || !this.holdsOneInstanceLease || this.holdsOneInstanceLease();
  }

  schedule(task: ScheduledTask, opts: { runNow?: boolean } = {}): void {
    if (this.timers.has(task.name)) throw new Error(`task ${task.name} is already scheduled`);
    this.cancelled.delete(task.name);
    const loop = async () => {
      if (this.stopped || this.cancelled.has(task.name)) return;
      if (!this.mayRun(task)) {
        // Asked again soon, so the instance that gains the lease starts the work within a second.
        this.timers.set(task.name, setTimeout(loop, Math.min(task.intervalMs, 1_000)));
        return;
      }
      const controller = new AbortController();
      const timeout = setTimeout(() => {
        this.log.warn({ task: task.name, timeoutMs: task.timeoutMs }, 'scheduled task timed out');
        controller.abort(new Error(`timed out after ${task.timeoutMs} ms`));
      }, task.timeoutMs);
      try {
        const run = task.run(controller.signal);
        this.running.set(controller, run);
        await run;
      } catch (err) {
        if (!controller.signal.aborted) this.log.error({ err, task: task.name }, 'scheduled task failed');
      } finally {
        clearTimeout(timeout);
        this.running.delete(controller);
      }
      if (!this.stopped && !this.cancelled.has(task.name)) this.timers.set(task.name, setTimeout(loop, task.nextDelayMs?.() ?? task.intervalMs));
    };
    this.timers.set(task.name, setTimeout(loop, opts.runNow === false ? task.intervalMs : 0));
  }

  /** Stops one task; a run in progress is aborted. */
  cancel(name: string): void {
    const timer = this.timers.get(name);
    if (timer) clearTimeout(timer);
    this.timers.delete(name);
    this.cancelled.add(name);
  }

  /**
   * Stops every task and waits (at most `graceMs`) for the runs in progress to end, so whoever
   * closes the database next does not pull it from under a watcher cycle that ignores the abort.
   */
  async stop(graceMs = 5_000): Promise<void> {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    for (const c of this.running.keys()) c.abort(new Error('scheduler stopped'));
    this.timers.clear();
    if (this.running.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([Promise.allSettled([...this.running.values()]), grace]);
    clearTimeout(timer);
  }
}
