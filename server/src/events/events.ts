import type { WeirEvent } from '@weir/contract';

/** Every status a run can have: Flink's own, plus Weir's RECONNECTING and UNKNOWN (defined once, in the contract). */
export type { RunStatus } from '@weir/contract';
/** The events and the run they are about are defined once, in the contract, with the browser's stream. */
export type { RunRef, WeirEvent, WeirEventType } from '@weir/contract';

type Listener = (event: WeirEvent) => void | Promise<void>;

/**
 * In-process publish/subscribe. Listeners run after the publisher's write is
 * committed; a failing listener is logged and does not affect the others.
 */
export class EventBus {
  private readonly listeners = new Set<Listener>();
  constructor(private readonly log: { error: (o: unknown, m: string) => void } = console) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: WeirEvent): void {
    for (const l of this.listeners) {
      try {
        const r = l(event);
        if (r && typeof (r as Promise<void>).catch === 'function') {
          (r as Promise<void>).catch((err) => this.log.error({ err, type: event.type }, 'event listener failed'));
        }
      } catch (err) {
        this.log.error({ err, type: event.type }, 'event listener failed');
      }
    }
  }
}
