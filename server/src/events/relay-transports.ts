import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { newId } from '../db/ids.js';
import './relayed-events-table.js';
import type { Logger } from '../logging/logger.js';

/** How relayed events travel between instances on one database. */
export interface RelayTransport {
  send(payload: string): Promise<void>;
  listen(onMessage: (payload: string) => void): Promise<void>;
  close(): Promise<void>;
}

const CHANNEL = 'weir_events';
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
const MAX_NOTIFY_BYTES = 7_900;

/** PostgreSQL: LISTEN/NOTIFY; MySQL/MariaDB: a table read by time; SQLite: none (one instance per file). */
export function relayTransportFor(database: Database, log: Logger): RelayTransport | undefined {
  if (database.dialect === 'postgres' && database.listen) return new NotifyTransport(database, log);
  if (database.dialect === 'mysql') return new TableTransport(database, log);
  return undefined;
}

class NotifyTransport implements RelayTransport {
  private stopListening: (() => Promise<void>) | undefined;

  constructor(
    private readonly database: Database,
    private readonly log: Logger,
  ) {}

  async send(payload: string): Promise<void> {
    if (Buffer.byteLength(payload) > MAX_NOTIFY_BYTES) return this.log.warn({ bytes: Buffer.byteLength(payload) }, 'an event too large to relay was not relayed');
    await sql`select pg_notify(${CHANNEL}, ${payload})`.execute(this.database.db);
  }

  async listen(onMessage: (payload: string) => void): Promise<void> {
    this.stopListening = await this.database.listen!(CHANNEL, onMessage);
  }

  async close(): Promise<void> {
    await this.stopListening?.();
  }
}

/** How often the table is read, and how far back each read looks (rows commit out of time order). */
const POLL_MS = 250;
const LOOK_BACK_MS = 3_000;
const KEEP_MS = 60_000;

/**
 * MySQL/MariaDB have no LISTEN: events go into `relayed_events` and every instance reads the rows of
 * the last few seconds four times a second, skipping those it has seen; rows older than a minute go.
 */
class TableTransport implements RelayTransport {
  private timer: NodeJS.Timeout | undefined;
  private readonly seen = new Map<string, number>();
  private lastCleanup = 0;
  private reading = false;

  constructor(
    private readonly database: Database,
    private readonly log: Logger,
  ) {}

  async send(payload: string): Promise<void> {
    const at = Date.now();
    const id = newId(at);
    this.seen.set(id, at); // our own: never delivered back
    await this.database.db.insertInto('relayed_events').values({ id, at, payload }).execute();
  }

  async listen(onMessage: (payload: string) => void): Promise<void> {
    const startedAt = Date.now();
    const read = async () => {
      if (this.reading) return;
      this.reading = true;
      try {
        const now = Date.now();
        const rows = await this.database.db.selectFrom('relayed_events').select(['id', 'at', 'payload']).where('at', '>=', Math.max(startedAt, now - LOOK_BACK_MS)).orderBy('id').execute();
        for (const row of rows) {
          if (this.seen.has(row.id)) continue;
          this.seen.set(row.id, Number(row.at));
          onMessage(row.payload);
        }
        for (const [id, at] of this.seen) if (at < now - 2 * LOOK_BACK_MS) this.seen.delete(id);
        if (now - this.lastCleanup > 10_000) {
          this.lastCleanup = now;
          await this.database.db.deleteFrom('relayed_events').where('at', '<', now - KEEP_MS).execute();
        }
      } catch (err) {
        this.log.warn({ err }, 'could not read relayed events');
      } finally {
        this.reading = false;
      }
    };
    this.timer = setInterval(() => void read(), POLL_MS);
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
  }
}
