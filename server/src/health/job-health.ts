import type { AuditService } from '../audit/audit.service.js';
import type { ClustersService } from '../clusters/clusters.service.js';
import type { FlinkClients } from '../flink/flink-clients.js';
import type { Database } from '../db/database.js';
import type { EventBus } from '../events/events.js';
import type { RunsStore } from '../runs/runs.store.js';
import type { Scheduler } from '../scheduler/scheduler.js';
import type { TasksStore } from '../tasks/tasks.store.js';
import { AutoRestarter, operationsResubmitter, type RestartOperation, type Resubmitter } from './auto-restart.js';
import { HealthChecker } from './health-checks.js';
import { HealthStore } from './health.store.js';
import { JobHealthService } from './job-health.service.js';
import type { Logger } from '../logging/logger.js';

export interface JobHealthOptions {
  database: Database;
  runs: RunsStore;
  tasks: TasksStore;
  clusters: ClustersService;
  flink: FlinkClients;
  checkpoints: { lastCompletedCheckpointAt(runId: string): Promise<number | null> };
  audit: AuditService;
  log: Logger;
  /** How often the health checks run (each RUNNING job: one back-pressure read per non-sink vertex). */
  checkIntervalMs: number;
  /** How often due auto-restart attempts are looked for. */
  restartPollMs?: number;
  resubmitter?: Resubmitter;
  now?: () => number;
  /** Several instances: the clusters this one watches, whose runs it checks. */
  watches?: (clusterId: string) => boolean;
}

/**
 * Job health wired together: the service behind the routes, the checks and the auto-restarter.
 * Nothing runs until start().
 */
export function createJobHealth(options: JobHealthOptions) {
  const store = new HealthStore(options.database, options.now);
  const service = new JobHealthService({ store, runs: options.runs, tasks: options.tasks, audit: options.audit, now: options.now });
  let checker: HealthChecker | undefined;
  let restarter: AutoRestarter | undefined;
  const unsubscribe: Array<() => void> = [];
  const pending: { resubmitter?: Resubmitter } = { resubmitter: options.resubmitter };

  return {
    store,
    service,
    get restarter(): AutoRestarter | undefined {
      return restarter;
    },
    get checker(): HealthChecker | undefined {
      return checker;
    },
    /** Resubmits through this (the operations service, or a test's own). */
    useResubmitter(resubmitter: Resubmitter): void {
      pending.resubmitter = resubmitter;
      restarter?.useResubmitter(resubmitter);
    },
    /** Auto-restart resubmits through the operations service's restart. */
    useOperations(operations: RestartOperation): void {
      this.useResubmitter(operationsResubmitter(operations));
    },
    /** The alert engine asks this before alerting on a FAILED run Weir is about to restart itself. */
    handlesFailure: (runId: string): Promise<boolean> => restarter?.handles(runId) ?? Promise.resolve(false),
    start(bus: EventBus, scheduler: Scheduler): void {
      checker = new HealthChecker({ store, runs: options.runs, clusters: options.clusters, flink: options.flink, checkpoints: options.checkpoints, bus, log: options.log, now: options.now, ...(options.watches ? { watches: options.watches } : {}) });
      restarter = new AutoRestarter({ store, runs: options.runs, bus, audit: options.audit, log: options.log, resubmitter: pending.resubmitter, now: options.now });
      unsubscribe.push(restarter.listen(bus));
      scheduler.schedule({ name: 'health-checks', instance: 'each', intervalMs: options.checkIntervalMs, timeoutMs: Math.max(options.checkIntervalMs * 3, 30_000), run: (signal) => checker!.evaluate(signal).then(() => undefined) });
      scheduler.schedule({ name: 'auto-restart', instance: 'each', intervalMs: options.restartPollMs ?? 1000, timeoutMs: 120_000, run: () => restarter!.tick() });
    },
    async stop(): Promise<void> {
      for (const off of unsubscribe.splice(0)) off();
      await restarter?.idle();
    },
  };
}
export type JobHealth = ReturnType<typeof createJobHealth>;
