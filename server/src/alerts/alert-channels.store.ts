import type { Selectable } from 'kysely';
import type { Database } from '../db/database.js';
import { newId } from '../db/ids.js';
import type { AlertChannelsTable, AlertChannelTypeName } from './alert-tables.js';
import { ownedByOrShared } from './team-filter.js';

/** A channel as stored: `config` is the parsed JSON with secret fields still sealed. */
export interface StoredChannel {
  id: string;
  name: string;
  type: AlertChannelTypeName;
  config: Record<string, unknown>;
  enabled: boolean;
  /** Null: shared, usable by every team's rules. */
  teamId: string | null;
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
  teamId: string | null;
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
      team_id: channel.teamId,
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

  /** Channels not deleted, by name; with `teamIds`, those of these teams and the shared ones. */
  async list(teamIds?: readonly string[]): Promise<StoredChannel[]> {
    const rows = await this.database.db
      .selectFrom('alert_channels')
      .selectAll()
      .where('deleted_at', 'is', null)
      .$if(teamIds !== undefined, (q) => q.where((eb) => ownedByOrShared(eb, 'team_id', teamIds!)))
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
    teamId: row.team_id,
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    deletedAt: row.deleted_at === null ? null : Number(row.deleted_at),
  };
}
