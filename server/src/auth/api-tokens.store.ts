import type { Selectable } from 'kysely';
import type { Database } from '../db/database.js';
import { newId } from '../db/ids.js';
import type { ApiTokensTable } from '../db/tables.js';

export interface ApiTokenRecord {
  id: string;
  name: string;
  role: ApiTokensTable['role'];
  /** The one team the token acts in; null: a global token. */
  teamId: string | null;
  createdBy: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
  expiresAt: number | null;
  createdByUserId: string | null;
  createdByTokenId: string | null;
}

export interface NewApiToken {
  name: string;
  /** SHA-256 hex of the secret; the secret itself is never stored. */
  tokenHash: string;
  role: ApiTokensTable['role'];
  teamId?: string | null;
  createdBy: string;
  expiresAt?: number | null;
  createdByUserId?: string | null;
  createdByTokenId?: string | null;
}

/** API tokens for automation. Records never carry the hash back out. */
export class ApiTokensStore {
  constructor(
    private readonly database: Database,
    private readonly now: () => number = Date.now,
  ) {}

  async create(token: NewApiToken): Promise<ApiTokenRecord> {
    const now = this.now();
    const row = {
      id: newId(now),
      name: token.name,
      token_hash: token.tokenHash,
      role: token.role,
      team_id: token.teamId ?? null,
      created_by: token.createdBy,
      created_at: now,
      last_used_at: null,
      revoked_at: null,
      expires_at: token.expiresAt ?? null,
      created_by_user_id: token.createdByUserId ?? null,
      created_by_token_id: token.createdByTokenId ?? null,
    };
    await this.database.db.insertInto('api_tokens').values(row).execute();
    return toToken(row);
  }

  /** The unrevoked, unexpired token with this hash. */
  async findActiveByHash(tokenHash: string): Promise<ApiTokenRecord | undefined> {
    return this.findActive('token_hash', tokenHash);
  }

  /** The unrevoked, unexpired token with this id. */
  async findActiveById(id: string): Promise<ApiTokenRecord | undefined> {
    return this.findActive('id', id);
  }

  private async findActive(column: 'id' | 'token_hash', value: string): Promise<ApiTokenRecord | undefined> {
    const now = this.now();
    const row = await this.database.db
      .selectFrom('api_tokens')
      .selectAll()
      .where(column, '=', value)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .executeTakeFirst();
    return row && toToken(row);
  }

  /**
   * Revokes the active tokens made by this user or token, and what those made in turn; returns
   * their ids. `aboveRole`: only tokens whose role is above it (a demoted user keeps the tokens
   * their new role could still make).
   */
  async revokeMadeBy(maker: { userId: string } | { tokenId: string }, now: number, aboveRole?: ApiTokensTable['role']): Promise<string[]> {
    const above = aboveRole === undefined ? undefined : ROLES_ABOVE[aboveRole];
    let query = this.database.db.selectFrom('api_tokens').select('id').where('revoked_at', 'is', null);
    query = 'userId' in maker ? query.where('created_by_user_id', '=', maker.userId) : query.where('created_by_token_id', '=', maker.tokenId);
    if (above) query = above.length === 0 ? query.where('id', 'is', null) : query.where('role', 'in', above);
    const direct = (await query.execute()).map((r) => r.id);
    const revoked: string[] = [];
    // Breadth-first through what each revoked token made; a token revoked once is not visited again.
    let frontier = direct;
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const id of frontier) {
        if (await this.revoke(id, now)) revoked.push(id);
        const children = await this.database.db.selectFrom('api_tokens').select('id').where('created_by_token_id', '=', id).where('revoked_at', 'is', null).execute();
        next.push(...children.map((c) => c.id));
      }
      frontier = next;
    }
    return revoked;
  }

  /** Every token, revoked ones included, newest first; `teamIds`: only the tokens of these teams. */
  async list(teamIds?: readonly string[]): Promise<ApiTokenRecord[]> {
    let query = this.database.db.selectFrom('api_tokens').selectAll().orderBy('id', 'desc');
    if (teamIds) query = teamIds.length === 0 ? query.where('id', 'is', null) : query.where('team_id', 'in', [...teamIds]);
    return (await query.execute()).map(toToken);
  }

  /** The active tokens a user made (not those their tokens made). */
  async activeMadeByUser(userId: string): Promise<ApiTokenRecord[]> {
    const rows = await this.database.db.selectFrom('api_tokens').selectAll().where('created_by_user_id', '=', userId).where('revoked_at', 'is', null).execute();
    return rows.map(toToken);
  }

  /** Any token, revoked or not. */
  async findById(id: string): Promise<ApiTokenRecord | undefined> {
    const row = await this.database.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toToken(row);
  }

  /** Revokes an active token; false when there is no such active token. */
  async revoke(id: string, now: number): Promise<boolean> {
    const result = await this.database.db
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async touchLastUsed(id: string, now: number): Promise<void> {
    await this.database.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
  }
}

const ROLES_ABOVE: Record<ApiTokensTable['role'], Array<ApiTokensTable['role']>> = { viewer: ['operator', 'admin'], operator: ['admin'], admin: [] };

function toToken(row: Selectable<ApiTokensTable>): ApiTokenRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    teamId: row.team_id,
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
    lastUsedAt: row.last_used_at === null ? null : Number(row.last_used_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
    expiresAt: row.expires_at === null ? null : Number(row.expires_at),
    createdByUserId: row.created_by_user_id,
    createdByTokenId: row.created_by_token_id,
  };
}
