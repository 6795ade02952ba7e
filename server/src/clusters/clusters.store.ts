import type { Selectable, Updateable } from 'kysely';
import { DEFAULT_TEAM_ID, SECRET_MASK } from '@weir/contract';
import type { Database } from '../db/database.js';
import { newId } from '../db/ids.js';
import { numberOrNull } from '../db/queries.js';
import type { ClustersTable } from '../db/tables.js';
import type { YarnSession, YarnSessionResources, YarnSessionState, YarnTarget } from '@weir/contract';

export type ClusterHealth = ClustersTable['health'];
export type ClusterAuthType = NonNullable<ClustersTable['auth_type']>;
export type ClusterKind = 'session' | 'yarn';

export interface ClusterRecord {
  id: string;
  name: string;
  kind: ClusterKind;
  /** A session cluster's JobManager REST; a YARN target's ResourceManager REST. */
  restUrl: string;
  gatewayUrl: string | null;
  historyUrl: string | null;
  description: string | null;
  isLocal: boolean;
  /** Null: shared by every team. */
  teamId: string | null;
  health: ClusterHealth;
  flinkVersion: string | null;
  taskManagers: number | null;
  slotsTotal: number | null;
  slotsAvailable: number | null;
  jobsRunning: number | null;
  lastCheckedAt: number | null;
  lastHealthyAt: number | null;
  lastError: string | null;
  /** The API's masked marker of the stored credentials. */
  auth: { type: ClusterAuthType; secret: typeof SECRET_MASK } | null;
  /** The credentials sealed with SecretBox, for the Flink clients; never sent out. */
  authSealed: string | null;
  /** A YARN target's settings; null for a session cluster. */
  yarn: YarnTarget | null;
  /** A session Weir started on a YARN entry; null for every other entry. */
  yarnSession: YarnSession | null;
  createdAt: number;
  updatedAt: number;
}

export interface NewCluster {
  name: string;
  /** Default: a session cluster. */
  kind?: ClusterKind;
  restUrl: string;
  gatewayUrl?: string | null;
  historyUrl?: string | null;
  description?: string | null;
  isLocal?: boolean;
  /** The owning team (default: the default team); null: shared by every team. */
  teamId?: string | null;
  /** Credentials, already sealed; null or left out for none. */
  auth?: { type: ClusterAuthType; sealed: string } | null;
  /** A YARN target's settings, given with kind 'yarn' only. */
  yarn?: YarnTarget | null;
  /** A session Weir starts on a YARN entry (kind 'session'). */
  yarnSession?: YarnSession | null;
}

/** Where a YARN session stands now; `restUrl` moves the entry to the session's JobManager. */
export interface YarnSessionChanges {
  state?: YarnSessionState;
  applicationId?: string;
  restUrl?: string;
}

export type ClusterChanges = Partial<Omit<NewCluster, 'isLocal' | 'kind'>>;

/** What one health check found. Facts left out keep their stored values. */
export interface HealthFacts {
  health: ClusterHealth;
  checkedAt: number;
  error?: string | null;
  flinkVersion?: string | null;
  taskManagers?: number | null;
  slotsTotal?: number | null;
  slotsAvailable?: number | null;
  jobsRunning?: number | null;
}

/** Registered Flink clusters and their last known health. */
export class ClustersStore {
  constructor(
    private readonly database: Database,
    private readonly now: () => number = Date.now,
  ) {}

  async create(cluster: NewCluster): Promise<ClusterRecord> {
    const now = this.now();
    const row: Selectable<ClustersTable> = {
      id: newId(now),
      name: cluster.name,
      rest_url: cluster.restUrl,
      gateway_url: cluster.gatewayUrl ?? null,
      history_url: cluster.historyUrl ?? null,
      description: cluster.description ?? null,
      is_local: cluster.isLocal ? 1 : 0,
      team_id: cluster.teamId === undefined ? DEFAULT_TEAM_ID : cluster.teamId,
      created_at: now,
      updated_at: now,
      health: 'UNKNOWN',
      flink_version: null,
      task_managers: null,
      slots_total: null,
      slots_available: null,
      jobs_running: null,
      last_checked_at: null,
      last_healthy_at: null,
      last_error: null,
      auth_type: cluster.auth?.type ?? null,
      auth_secret: cluster.auth?.sealed ?? null,
      push_token_generation: 0,
      kind: cluster.kind ?? 'session',
      ...yarnColumns(cluster.yarn ?? null),
      ...sessionColumns(cluster.yarnSession ?? null),
    };
    await this.database.db.insertInto('clusters').values(row).execute();
    return toCluster(row);
  }

  async get(id: string): Promise<ClusterRecord | undefined> {
    const row = await this.database.db.selectFrom('clusters').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toCluster(row);
  }

  async getByName(name: string): Promise<ClusterRecord | undefined> {
    const row = await this.database.db.selectFrom('clusters').selectAll().where('name', '=', name).executeTakeFirst();
    return row && toCluster(row);
  }

  /** All clusters by name; with `teamIds`, those of these teams and the shared ones. */
  async list(teamIds?: readonly string[]): Promise<ClusterRecord[]> {
    let query = this.database.db.selectFrom('clusters').selectAll().orderBy('name');
    if (teamIds) query = query.where((eb) => eb.or([eb('team_id', 'is', null), ...(teamIds.length > 0 ? [eb('team_id', 'in', [...teamIds])] : [])]));
    return (await query.execute()).map(toCluster);
  }

  /** Applies the given changes; returns the cluster after them. Throws when it does not exist. */
  async update(id: string, changes: ClusterChanges): Promise<ClusterRecord> {
    const set: Updateable<ClustersTable> = { updated_at: this.now() };
    if (changes.name !== undefined) set.name = changes.name;
    if (changes.restUrl !== undefined) set.rest_url = changes.restUrl;
    if (changes.gatewayUrl !== undefined) set.gateway_url = changes.gatewayUrl;
    if (changes.historyUrl !== undefined) set.history_url = changes.historyUrl;
    if (changes.description !== undefined) set.description = changes.description;
    if (changes.teamId !== undefined) set.team_id = changes.teamId;
    if (changes.auth !== undefined) {
      set.auth_type = changes.auth?.type ?? null;
      set.auth_secret = changes.auth?.sealed ?? null;
    }
    if (changes.yarn !== undefined) Object.assign(set, yarnColumns(changes.yarn));
    await this.database.db.updateTable('clusters').set(set).where('id', '=', id).execute();
    return this.mustGet(id);
  }

  /**
   * Moves a YARN session on; with `from`, only while it still stands there (a stop and the end of a start
   * never overwrite each other). Returns the entry after, or undefined when `from` did not hold.
   */
  async updateSession(id: string, changes: YarnSessionChanges, from?: readonly YarnSessionState[]): Promise<ClusterRecord | undefined> {
    const set: Updateable<ClustersTable> = { updated_at: this.now() };
    if (changes.state !== undefined) set.session_state = changes.state;
    if (changes.applicationId !== undefined) set.session_application_id = changes.applicationId;
    if (changes.restUrl !== undefined) set.rest_url = changes.restUrl;
    let query = this.database.db.updateTable('clusters').set(set).where('id', '=', id).where('session_state', 'is not', null);
    if (from) query = query.where('session_state', 'in', [...from]);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) > 0 ? this.mustGet(id) : undefined;
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.database.db.deleteFrom('clusters').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Stores a health check's findings; a HEALTHY check also moves `lastHealthyAt`. */
  async recordHealth(id: string, facts: HealthFacts): Promise<ClusterRecord> {
    const set: Updateable<ClustersTable> = {
      health: facts.health,
      last_checked_at: facts.checkedAt,
      last_error: facts.error ?? null,
    };
    if (facts.health === 'HEALTHY') set.last_healthy_at = facts.checkedAt;
    if (facts.flinkVersion !== undefined) set.flink_version = facts.flinkVersion;
    if (facts.taskManagers !== undefined) set.task_managers = facts.taskManagers;
    if (facts.slotsTotal !== undefined) set.slots_total = facts.slotsTotal;
    if (facts.slotsAvailable !== undefined) set.slots_available = facts.slotsAvailable;
    if (facts.jobsRunning !== undefined) set.jobs_running = facts.jobsRunning;
    await this.database.db.updateTable('clusters').set(set).where('id', '=', id).execute();
    return this.mustGet(id);
  }

  private async mustGet(id: string): Promise<ClusterRecord> {
    const cluster = await this.get(id);
    if (!cluster) throw new Error(`Cluster ${id} does not exist`);
    return cluster;
  }
}

function yarnColumns(yarn: YarnTarget | null): Pick<ClustersTable, 'yarn_conf_dir' | 'yarn_queue' | 'yarn_flink_version'> {
  return { yarn_conf_dir: yarn?.hadoopConfDir ?? null, yarn_queue: yarn?.queue ?? null, yarn_flink_version: yarn?.flinkVersion ?? null };
}

function sessionColumns(session: YarnSession | null): Pick<ClustersTable, 'session_yarn_cluster_id' | 'session_application_id' | 'session_state' | 'session_resources'> {
  return {
    session_yarn_cluster_id: session?.yarnClusterId ?? null,
    session_application_id: session?.applicationId ?? null,
    session_state: session?.state ?? null,
    session_resources: session ? JSON.stringify(session.resources) : null,
  };
}

function toYarnSession(row: Selectable<ClustersTable>): YarnSession | null {
  if (!row.session_yarn_cluster_id || !row.session_state || !row.session_resources) return null;
  return {
    yarnClusterId: row.session_yarn_cluster_id,
    applicationId: row.session_application_id,
    state: row.session_state,
    resources: JSON.parse(row.session_resources) as YarnSessionResources,
  };
}

function toCluster(row: Selectable<ClustersTable>): ClusterRecord {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind === 'yarn' ? 'yarn' : 'session',
    restUrl: row.rest_url,
    gatewayUrl: row.gateway_url,
    historyUrl: row.history_url,
    description: row.description,
    isLocal: Number(row.is_local) === 1,
    teamId: row.team_id,
    health: row.health,
    flinkVersion: row.flink_version,
    taskManagers: numberOrNull(row.task_managers),
    slotsTotal: numberOrNull(row.slots_total),
    slotsAvailable: numberOrNull(row.slots_available),
    jobsRunning: numberOrNull(row.jobs_running),
    lastCheckedAt: numberOrNull(row.last_checked_at),
    lastHealthyAt: numberOrNull(row.last_healthy_at),
    lastError: row.last_error,
    auth: row.auth_type ? { type: row.auth_type, secret: SECRET_MASK } : null,
    authSealed: row.auth_secret,
    yarn:
      row.kind === 'yarn' && row.yarn_conf_dir && row.yarn_queue && row.yarn_flink_version
        ? { hadoopConfDir: row.yarn_conf_dir, queue: row.yarn_queue, flinkVersion: row.yarn_flink_version as YarnTarget['flinkVersion'] }
        : null,
    yarnSession: toYarnSession(row),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}
