import type { AuditService } from '../audit/audit.service.js';
import type { Database } from '../db/database.js';
import type { EventBus } from '../events/events.js';
import type { Scheduler } from '../scheduler/scheduler.js';
import type { OutboundGuard } from '../outbound/outbound-guard.js';
import type { SecretBox } from '../secrets/secret-box.js';
import {
  DatabaseAlertFacts,
  EventCheckpointFacts,
  NO_METRICS,
  type CheckpointFacts,
  type MetricSource,
  type RunFacts,
  type TaskFacts,
} from './alert-facts.js';
import { AlertDispatcher, type DispatcherOptions } from './alert-dispatcher.js';
import { AlertEngine } from './alert-engine.js';
import { AlertsService } from './alerts.service.js';
import { defaultSenders, type ChannelSenders } from './channels/index.js';
import type { Logger } from '../logging/logger.js';

export interface AlertingOptions {
  database: Database;
  audit: AuditService;
  secrets: SecretBox;
  /** The gate every webhook, robot and SMTP connection passes. */
  outbound: OutboundGuard;
  /** Base of the links in alerts (`${publicUrl}/runs/<runId>`). */
  publicUrl: string;
  log?: Logger;
  /** Defaults read the tasks/runs tables; a stored-checkpoint or metric source replaces the defaults when it exists. */
  facts?: TaskFacts & RunFacts;
  checkpoints?: CheckpointFacts & { readonly knownSince?: number };
  metrics?: MetricSource;
  /** Auto-restart (job health): FAILED runs it restarts are not alerted on their own. */
  autoRestart?: { handlesFailure(runId: string): Promise<boolean> };
  senders?: ChannelSenders;
  now?: () => number;
  delivery?: Pick<DispatcherOptions, 'maxAttempts' | 'backoffBaseMs' | 'backoffMaxMs' | 'batchSize' | 'leaseMs'>;
  timeZone?: string;
}

/** How often the sender polls the outbox, and the evaluator checks scheduled conditions. */
export const DELIVERY_POLL_MS = 250;
export const EVALUATE_INTERVAL_MS = 1000;

/**
 * Alerting wired together: the service behind the routes, the rule engine on the event bus, and
 * the outbox sender. Nothing runs until start(): tools that only need the routes start nothing.
 */
export function createAlerting(options: AlertingOptions) {
  const now = options.now ?? Date.now;
  const log = options.log ?? console;
  const senders = options.senders ?? defaultSenders(options.outbound, now, options.publicUrl || null);
  const eventCheckpoints = options.checkpoints ? undefined : new KnownSinceCheckpoints(now());
  const checkpoints = options.checkpoints ?? eventCheckpoints!;
  const dispatcher = new AlertDispatcher({
    database: options.database,
    secrets: options.secrets,
    senders,
    publicUrl: options.publicUrl,
    log,
    now,
    ...options.delivery,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  const engine = new AlertEngine({
    database: options.database,
    facts: options.facts ?? new DatabaseAlertFacts(options.database),
    checkpoints,
    metrics: options.metrics ?? NO_METRICS,
    log,
    now,
    onQueued: () => dispatcher.wake(),
    ...(options.autoRestart ? { autoRestart: options.autoRestart } : {}),
  });
  const service = new AlertsService({
    database: options.database,
    audit: options.audit,
    secrets: options.secrets,
    senders,
    publicUrl: options.publicUrl,
    now,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  const unsubscribe: Array<() => void> = [];

  return {
    service,
    engine,
    dispatcher,
    /** Follows the bus and schedules the sender (every 250 ms) and the evaluator (every second). */
    start(bus: EventBus, scheduler: Scheduler): void {
      if (eventCheckpoints) unsubscribe.push(bus.subscribe((event) => eventCheckpoints.observe(event)));
      unsubscribe.push(engine.listen(bus));
      scheduler.schedule({ name: 'alert-deliveries', instance: 'each', intervalMs: DELIVERY_POLL_MS, timeoutMs: 30_000, run: () => dispatcher.poll() });
      scheduler.schedule({ name: 'alert-evaluator', instance: 'each', intervalMs: EVALUATE_INTERVAL_MS, timeoutMs: 60_000, run: () => engine.evaluate() });
    },
    /** Stops following the bus and lets sends in progress end (the scheduler's tasks stop with the scheduler). */
    async stop(): Promise<void> {
      for (const off of unsubscribe.splice(0)) off();
      await engine.idle();
      await dispatcher.stop();
    },
  };
}
export type Alerting = ReturnType<typeof createAlerting>;

/** Checkpoint facts from events, knowing nothing before Weir started. */
class KnownSinceCheckpoints extends EventCheckpointFacts {
  constructor(readonly knownSince: number) {
    super();
  }
}
