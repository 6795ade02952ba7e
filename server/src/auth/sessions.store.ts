import type { Selectable } from 'kysely';
import type { Database } from '../db/database.js';
import type { SessionsTable } from '../db/tables.js';

export interface SessionRecord {
  /** SHA-256 hex of the session token; the token itself is never stored. */
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
  lastSeenAt: number;
}

export interface NewSession {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
}

/** Login sessions, keyed by the hash of their token. */
export class SessionsStore {
  constructor(private readonly database: Database) {}

  async create(session: NewSession): Promise<SessionRecord> {
    const row = {
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
      last_seen_at: session.createdAt,
    };
    await this.database.db.insertInto('sessions').values(row).execute();
    return toSession(row);
  }

  /** The session with this id hash, unless it has expired by `now`. */
  async findValid(id: string, now: number): Promise<SessionRecord | undefined> {
    const row = await this.database.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', id)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row && toSession(row);
  }

  /** Records activity and slides the expiry. */
  async touch(id: string, now: number, expiresAt: number): Promise<boolean> {
    const result = await this.database.db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: expiresAt })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.database.db.deleteFrom('sessions').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Ends every session of a user, except `keepId` when given; returns how many ended. */
  async deleteForUser(userId: string, keepId?: string): Promise<number> {
    let query = this.database.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (keepId !== undefined) query = query.where('id', '!=', keepId);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Removes sessions expired by `now`; returns how many. */
  async deleteExpired(now: number): Promise<number> {
    const result = await this.database.db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

function toSession(row: Selectable<SessionsTable>): SessionRecord {
  return {
    id: row.id,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    lastSeenAt: Number(row.last_seen_at),
  };
}
