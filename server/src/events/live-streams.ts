import type { Principal } from '../access/principal.js';
import { AppError } from '../errors/errors.js';
import { EventAudience } from './event-audience.js';
import type { EventBus, WeirEvent } from './events.js';

export interface LiveStreamSettings {
  /** Open streams one principal (a user over all their sessions, a token) may hold; one more is refused with 429. */
  perPrincipal: number;
  /** How often every open stream's credential is checked again (session expiry, changes another instance made). */
  recheckMs: number;
}

export const DEFAULT_LIVE_STREAM_SETTINGS: LiveStreamSettings = { perPrincipal: 5, recheckMs: 5_000 };

export interface LiveStream {
  principal: Principal;
  /** Writes an event the principal may hear (its task's or cluster's team is one of theirs). */
  send(event: WeirEvent): void;
  /** Ends the response; called at most once. */
  end(reason: string): void;
}

type Entry = LiveStream;

/**
 * Every open event stream with the credential it was opened with. A stream is a request that
 * lasts for hours, so the check at its start is not enough: it ends at once when its credential is
 * revoked (a `credentials.revoked` event on the bus), and within `recheckMs` when the credential
 * expires or changed where no event was sent. At most `perPrincipal` streams per principal: one
 * more is refused (429), not the oldest closed, because the browser reopens a closed stream on its
 * own: with one tab too many, closing the oldest would make the tabs push each other out forever.
 * A tab that goes away closes its connection, which frees its place.
 *
 * Each stream hears only events about its principal's teams (see EventAudience). Events are handed
 * out one after another in the order they came, so a team lookup never lets a later status
 * overtake an earlier one.
 */
export class LiveStreams {
  private readonly open = new Set<Entry>();
  private recheckTimer?: NodeJS.Timeout;
  private readonly unsubscribe: () => void;
  private delivering: Promise<void> = Promise.resolve();

  constructor(
    bus: EventBus,
    private readonly stillValid: (principal: Principal) => Promise<boolean>,
    private readonly settings: LiveStreamSettings = DEFAULT_LIVE_STREAM_SETTINGS,
    private readonly log: { warn(o: unknown, m: string): void } = console,
    private readonly audience: EventAudience = new EventAudience(async () => undefined),
  ) {
    this.unsubscribe = bus.subscribe((event) => this.onEvent(event));
  }

  /** Throws RATE_LIMITED when the principal already holds its share of streams. */
  assertRoomFor(principal: Principal): void {
    const held = [...this.open].filter((e) => samePrincipal(e.principal, principal)).length;
    if (held >= this.settings.perPrincipal) {
      throw new AppError('RATE_LIMITED', `At most ${this.settings.perPrincipal} live event streams per user or token are open at once; close another page of Weir`);
    }
  }

  /** Registers a stream that just opened; returns what to call when it closes on its own. */
  add(stream: LiveStream): () => void {
    this.assertRoomFor(stream.principal);
    const entry: Entry = { ...stream };
    this.open.add(entry);
    this.recheckTimer ??= setInterval(() => void this.recheck(), this.settings.recheckMs).unref();
    return () => this.remove(entry);
  }

  get size(): number {
    return this.open.size;
  }

  /** Ends every stream (server shutdown). */
  stop(): void {
    this.unsubscribe();
    for (const entry of [...this.open]) this.close(entry, 'server stopping');
  }

  private onEvent(event: WeirEvent): void {
    if (event.type !== 'credentials.revoked') {
      if (this.open.size > 0) this.delivering = this.delivering.then(() => this.deliver(event));
      return;
    }
    for (const entry of [...this.open]) {
      const p = entry.principal;
      const hit =
        event.scope === 'token'
          ? p.kind === 'token' && p.id === event.id
          : event.scope === 'session'
            ? p.kind === 'user' && p.sessionId === event.id
            : p.kind === 'user' && p.id === event.id && p.sessionId !== event.keepSessionId;
      if (hit) this.close(entry, `credential revoked (${event.scope})`);
    }
  }

  /** Sends the event to every stream whose principal may hear it, looking its team up at most once. */
  private async deliver(event: WeirEvent): Promise<void> {
    let teamId: string | null | undefined;
    let looked = false;
    for (const entry of [...this.open]) {
      if (!EventAudience.seesEveryTeam(entry.principal)) {
        if (!looked) {
          try {
            teamId = await this.audience.teamOf(event);
          } catch (err) {
            // The database did not answer: the team-bound streams miss this event rather than hear another team's.
            this.log.warn({ err, type: event.type }, 'could not find the team of an event; team members\' streams skip it');
            teamId = undefined;
          }
          looked = true;
        }
        if (!EventAudience.mayHear(entry.principal, teamId)) continue;
      }
      // Closed while the team was looked up.
      if (this.open.has(entry)) entry.send(event);
    }
  }

  private async recheck(): Promise<void> {
    for (const entry of [...this.open]) {
      let valid: boolean;
      try {
        valid = await this.stillValid(entry.principal);
      } catch (err) {
        // The database did not answer: keep the stream, check again next round.
        this.log.warn({ err }, 'could not re-check an event stream credential');
        continue;
      }
      if (!valid) this.close(entry, 'credential expired or changed');
    }
  }

  private close(entry: Entry, reason: string): void {
    if (!this.remove(entry)) return;
    entry.end(reason);
  }

  private remove(entry: Entry): boolean {
    const removed = this.open.delete(entry);
    if (this.open.size === 0 && this.recheckTimer) {
      clearInterval(this.recheckTimer);
      this.recheckTimer = undefined;
    }
    return removed;
  }
}

function samePrincipal(a: Principal, b: Principal): boolean {
  return a.kind === b.kind && a.id === b.id;
}
