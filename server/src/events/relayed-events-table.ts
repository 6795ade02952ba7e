// Row shape of relayed_events exactly as stored (migration 2026-12-05-002-relayed-events).

/** An event one instance recorded, for the others on MySQL/MariaDB (which have no LISTEN/NOTIFY). */
export interface RelayedEventsTable {
  id: string;
  at: number;
  /** JSON: { from: instance id, event }. */
  payload: string;
}

declare module '../db/tables.js' {
  interface Tables {
    relayed_events: RelayedEventsTable;
  }
}
