import type { Selectable } from 'kysely';
import type { Database } from '../db/database.js';
import { newId } from '../db/ids.js';
import type { ApiTokensTable } from '../db/tables.js';

export interface ApiTokenRecord {
  id: string;
  name: string;
  role: ApiTokensTable['role'];
  createdBy: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface NewApiToken {
  name: string;
  /** SHA-256 hex of the secret; the secret itself is never stored. */
  tokenHash: string;
  role: ApiTokensTable['role'];
  createdBy: string;
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
      created_by: token.createdBy,
      created_at: now,
      last_used_at: null,
      revoked_at: null,
    };
    await this.database.db.insertInto('api_tokens').values(row).execute();
    return toToken(row);
  }

  /** The unrevoked token with this hash. */
  async findActiveByHash(tokenHash: string): Promise<ApiTokenRecord | undefined> {
    const row = await this.database.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row && toToken(row);
  }

  /** The unrevoked token with this id. */
  async findActiveById(id: string): Promise<ApiTokenRecord | undefined> {
    const row = await this.database.db.selectFrom('api_tokens').selectAll().where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return row && toToken(row);
  }

  /** Every token, revoked ones included, newest first. */
  async list(): Promise<ApiTokenRecord[]> {
    const rows = await this.database.db.selectFrom('api_tokens').selectAll().orderBy('id', 'desc').execute();
    return rows.map(toToken);
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

function toToken(row: Selectable<ApiTokensTable>): ApiTokenRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
    lastUsedAt: row.last_used_at === null ? null : Number(row.last_used_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}
