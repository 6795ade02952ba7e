import type { Database } from '../db/database.js';
import { EventBus, type WeirEvent } from './events.js';
import { relayTransportFor, type RelayTransport } from './relay-transports.js';
import type { Logger } from '../logging/logger.js';

/**
 * What other instances must hear: what open pages show (see events.routes.ts), and revocations,
 * which end a credential's streams on whichever instance holds them.
 */
const RELAYED = new Set<WeirEvent['type']>(['run.discovered', 'run.status', 'cluster.health', 'credentials.revoked']);

/**
 * Carries the events pages care about between Weir instances on one database, so a browser on
 * instance B sees a status instance A recorded. `pages` is the bus the event streams listen to:
 * this instance's events and the other instances'. Remote events never reach the main bus, so
 * alerts, health and auto-restart act once, on the instance that recorded the change.
 */
export class EventRelay {
  readonly pages: EventBus;
  private readonly unsubscribe: () => void;

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
      if (this.relaying) this.transport!.send(JSON.stringify({ from: this.instanceId, event })).catch((err) => this.log.warn({ err, type: event.type }, 'could not relay an event to the other instances'));
    });
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
    let message: { from?: unknown; event?: Partial<WeirEvent> };
    try {
      message = JSON.parse(payload) as typeof message;
    } catch {
      return this.log.warn({ length: payload.length }, 'ignored a relayed event that is not JSON');
    }
    const event = message.event;
    if (message.from === this.instanceId || !event || typeof event.type !== 'string' || !RELAYED.has(event.type)) return;
    this.pages.publish(event as WeirEvent);
  }
}
