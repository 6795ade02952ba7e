import type { Selectable } from 'kysely';
import type { Database } from '../db/database.js';
import { newId } from '../db/ids.js';
import type { AlertChannelsTable, AlertChannelTypeName } from './alert-tables.js';
import { DEFAULT_TEAM_ID } from '@weir/contract';

/** A channel as stored: `config` is the parsed JSON with secret fields still sealed. */
export interface StoredChannel {
  id: string;
  name: string;
  type: AlertChannelTypeName;
  config: Record<string, unknown>;
  enabled: boolean;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
}

export interface NewStoredChannel {
  name: string;
  type: AlertChannelTypeName;
  config: Record<string, unknown>;
  enabled: boolean;
  createdBy: string;
}

/** Alert channels. Deleting only marks them, so the alert history keeps their names. */
export class AlertChannelsStore {
  constructor(
    private readonly database: Pick<Database, 'db'>,
    private readonly now: () => number = Date.now,
  ) {}

  async create(channel: NewStoredChannel): Promise<StoredChannel> {
    const now = this.now();
    const row: Selectable<AlertChannelsTable> = {
      id: newId(now),
      name: channel.name,
      type: channel.type,
      config: JSON.stringify(channel.config),
      enabled: channel.enabled ? 1 : 0,
      team_id: DEFAULT_TEAM_ID,
      created_by: channel.createdBy,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    };
    await this.database.db.insertInto('alert_channels').values(row).execute();
    return toChannel(row);
  }

  /** A channel, deleted or not. */
  async get(id: string): Promise<StoredChannel | undefined> {
    const row = await this.database.db.selectFrom('alert_channels').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toChannel(row);
  }

  /** Channels not deleted, by name. */
  async list(): Promise<StoredChannel[]> {
    const rows = await this.database.db
      .selectFrom('alert_channels')
      .selectAll()
      .where('deleted_at', 'is', null)
      .orderBy('name')
      .orderBy('id')
      .execute();
    return rows.map(toChannel);
  }

  async findByName(name: string): Promise<StoredChannel | undefined> {
    const row = await this.database.db
      .selectFrom('alert_channels')
      .selectAll()
      .where('name', '=', name)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row && toChannel(row);
  }

  /** Replaces name, config and enabled; returns false when the channel does not exist or is deleted. */
  async replace(id: string, changes: { name: string; config: Record<string, unknown>; enabled: boolean }): Promise<boolean> {
    const result = await this.database.db
      .updateTable('alert_channels')
      .set({ name: changes.name, config: JSON.stringify(changes.config), enabled: changes.enabled ? 1 : 0, updated_at: this.now() })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async softDelete(id: string): Promise<boolean> {
    const now = this.now();
    const result = await this.database.db
      .updateTable('alert_channels')
      .set({ deleted_at: now, updated_at: now, enabled: 0 })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

function toChannel(row: Selectable<AlertChannelsTable>): StoredChannel {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    config: JSON.parse(row.config) as Record<string, unknown>,
    enabled: Number(row.enabled) === 1,
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    deletedAt: row.deleted_at === null ? null : Number(row.deleted_at),
  };
}
