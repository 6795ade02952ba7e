import type { Database } from '../db/database.js';
import { EventBus, type WeirEvent } from './events.js';
import { relayTransportFor, type RelayTransport } from './relay-transports.js';
import type { Logger } from '../logging/logger.js';

/**
 * What other instances must hear: what open pages show (see events.routes.ts), and revocations,
 * which end a credential's streams on whichever instance holds them.
 */
const RELAYED = new Set<WeirEvent['type']>(['run.discovered', 'run.status', 'cluster.health', 'credentials.revoked']);

/** What one instance sends the others: an event pages care about, or a push's wake-up for a cluster's watcher. */
type RelayMessage = { from: string; event: WeirEvent } | { from: string; wake: string };

/**
 * Carries the events pages care about between Weir instances on one database, so a browser on
 * instance B sees a status instance A recorded. `pages` is the bus the event streams listen to:
 * this instance's events and the other instances'. Remote events never reach the main bus, so
 * alerts, health and auto-restart act once, on the instance that recorded the change.
 *
 * It also carries wake-ups: a push from Flink that reached an instance which does not watch the
 * cluster is handed on to the one that does (see cluster-push/). A wake-up is a cluster id only,
 * never a status: the watcher that gets it reads Flink and records what Flink answers.
 */
export class EventRelay {
  readonly pages: EventBus;
  private readonly unsubscribe: () => void;
  private readonly wakeUpListeners = new Set<(clusterId: string) => void>();

  constructor(
    private readonly bus: EventBus,
    private readonly transport: RelayTransport | undefined,
    private readonly instanceId: string,
    private readonly log: Logger,
  ) {
    this.pages = new EventBus(log);
    // Local events reach this instance's pages whether or not background work runs.
    this.unsubscribe = this.bus.subscribe((event) => {
      if (!RELAYED.has(event.type)) return;
      this.pages.publish(event);
      if (this.relaying) this.send({ from: this.instanceId, event }).catch((err) => this.log.warn({ err, type: event.type }, 'could not relay an event to the other instances'));
    });
  }

  /**
   * Hands a cluster's wake-up to the other instances (every one hears it; only the one watching the
   * cluster acts on it). False when there is nobody to hand it to: no transport (SQLite: one
   * instance), or the relay is not running. A wake-up lost on the way costs latency, never a
   * change: polling still reads the cluster.
   */
  wakeUp(clusterId: string): boolean {
    if (!this.relaying) return false;
    this.send({ from: this.instanceId, wake: clusterId }).catch((err) => this.log.warn({ err, clusterId }, 'could not relay a push to the other instances'));
    return true;
  }

  /** Called with the cluster id of each wake-up another instance relayed. */
  onWakeUp(listener: (clusterId: string) => void): () => void {
    this.wakeUpListeners.add(listener);
    return () => this.wakeUpListeners.delete(listener);
  }

  private send(message: RelayMessage): Promise<void> {
    return this.transport!.send(JSON.stringify(message));
  }

  private relaying = false;

  static forDatabase(bus: EventBus, database: Database, instanceId: string, log: Logger): EventRelay {
    return new EventRelay(bus, relayTransportFor(database, log), instanceId, log);
  }

  /** Starts sending this instance's events to the others and hearing theirs. */
  async start(): Promise<void> {
    if (!this.transport || this.relaying) return;
    await this.transport.listen((payload) => this.receive(payload));
    this.relaying = true;
  }

  async stop(): Promise<void> {
    this.relaying = false;
    this.unsubscribe();
    await this.transport?.close();
  }

  private receive(payload: string): void {
    let message: { from?: unknown; event?: Partial<WeirEvent>; wake?: unknown };
    try {
      message = JSON.parse(payload) as typeof message;
    } catch {
      return this.log.warn({ length: payload.length }, 'ignored a relayed event that is not JSON');
    }
    if (message.from === this.instanceId) return;
    if (message.wake !== undefined) {
      if (typeof message.wake !== 'string' || message.wake.length === 0) return;
      for (const listener of this.wakeUpListeners) {
        try {
          listener(message.wake);
        } catch (err) {
          this.log.warn({ err, clusterId: message.wake }, 'a relayed push could not wake the watcher');
        }
      }
      return;
    }
    const event = message.event;
    if (!event || typeof event.type !== 'string' || !RELAYED.has(event.type)) return;
    this.pages.publish(event as WeirEvent);
  }
}
