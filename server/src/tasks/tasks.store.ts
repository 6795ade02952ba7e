import { sql, type Selectable, type Updateable } from 'kysely';
import type { Database } from '../db/database.js';
import { newId } from '../db/ids.js';
import { containsIgnoringCase, nullsLast, numberOrNull, paged, type Page, type PageRequest } from '../db/queries.js';
import type { TasksTable } from '../db/tables.js';
import { DEFAULT_TEAM_ID } from '@weir/contract';

export type TaskKind = TasksTable['kind'];
export type TaskLifecycle = TasksTable['lifecycle'];
export type ExecutionMode = TasksTable['execution_mode'];

export interface TaskRecord {
  id: string;
  name: string;
  kind: TaskKind;
  lifecycle: TaskLifecycle;
  executionMode: ExecutionMode;
  clusterId: string;
  /** The team that owns the task. */
  teamId: string;
  owner: string | null;
  description: string | null;
  /** The SQL script, or the jar spec as JSON. */
  draftContent: string;
  /** JSON. */
  draftConfig: string;
  currentVersionId: string | null;
  latestRunId: string | null;
  latestStatus: string | null;
  latestStartTime: number | null;
  createdAt: number;
  updatedAt: number;
}

/** One overview row: the task without its draft, plus the facts of its latest run. */
export interface TaskOverviewRow extends Omit<TaskRecord, 'draftContent' | 'draftConfig'> {
  latestFlinkJobId: string | null;
  latestEndTime: number | null;
  latestDurationMs: number | null;
  latestRestartCount: number | null;
}

export interface NewTask {
  name: string;
  kind: TaskKind;
  executionMode: ExecutionMode;
  clusterId: string;
  /** Default: the default team. */
  teamId?: string;
  lifecycle?: TaskLifecycle;
  owner?: string | null;
  description?: string | null;
  draftContent?: string;
  draftConfig?: string;
}

export type TaskChanges = Partial<
  Pick<
    TaskRecord,
    | 'name'
    | 'lifecycle'
    | 'executionMode'
    | 'clusterId'
    | 'teamId'
    | 'owner'
    | 'description'
    | 'draftContent'
    | 'draftConfig'
    | 'currentVersionId'
  >
>;

const SORT_COLUMNS = {
  name: 'tasks.name',
  lifecycle: 'tasks.lifecycle',
  executionMode: 'tasks.execution_mode',
  clusterId: 'tasks.cluster_id',
  owner: 'tasks.owner',
  latestStatus: 'tasks.latest_status',
  latestStartTime: 'tasks.latest_start_time',
  latestDurationMs: 'tasks.latest_duration_ms',
  latestRestartCount: 'tasks.latest_restart_count',
  latestFlinkJobId: 'tasks.latest_flink_job_id',
  createdAt: 'tasks.created_at',
  updatedAt: 'tasks.updated_at',
} as const;

export type TaskSortKey = keyof typeof SORT_COLUMNS;

export interface TaskFilter {
  /** Case-insensitive substring of the name. */
  nameContains?: string;
  /** Status of the latest run; `null` in the list matches tasks that never ran. */
  latestStatuses?: (string | null)[];
  lifecycles?: TaskLifecycle[];
  clusterIds?: string[];
  /** Only tasks of these teams (the caller's visible teams, narrowed by a filter). */
  teamIds?: readonly string[];
  executionMode?: ExecutionMode;
  kinds?: TaskKind[];
}

export interface TaskListRequest extends TaskFilter, PageRequest {
  sortBy?: TaskSortKey;
  sortDirection?: 'asc' | 'desc';
}

export interface TaskStatusCounts {
  total: number;
  streaming: number;
  batch: number;
  /** Tasks per status of their latest run; tasks that never ran are under `NONE`. */
  byLatestStatus: Record<string, number>;
}

/** Tasks (SQL, jar, or discovered external jobs) and their denormalised latest-run facts. */
export class TasksStore {
  constructor(
    private readonly database: Database,
    private readonly now: () => number = Date.now,
  ) {}

  async create(task: NewTask): Promise<TaskRecord> {
    const now = this.now();
    const row: Selectable<TasksTable> = {
      id: newId(now),
      name: task.name,
      kind: task.kind,
      lifecycle: task.lifecycle ?? 'DEVELOP',
      execution_mode: task.executionMode,
      cluster_id: task.clusterId,
      team_id: task.teamId ?? DEFAULT_TEAM_ID,
      owner: task.owner ?? null,
      description: task.description ?? null,
      draft_content: task.draftContent ?? '',
      draft_config: task.draftConfig ?? '{}',
      current_version_id: null,
      latest_run_id: null,
      latest_status: null,
      latest_start_time: null,
      latest_flink_job_id: null,
      latest_end_time: null,
      latest_duration_ms: null,
      latest_restart_count: null,
      latest_lost: null,
      created_at: now,
      updated_at: now,
    };
    await this.database.db.insertInto('tasks').values(row).execute();
    return toTask(row);
  }

  async get(id: string): Promise<TaskRecord | undefined> {
    const row = await this.database.db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toTask(row);
  }

  async getByName(name: string): Promise<TaskRecord | undefined> {
    const row = await this.database.db.selectFrom('tasks').selectAll().where('name', '=', name).executeTakeFirst();
    return row && toTask(row);
  }

  /** The EXTERNAL task (a job discovered on a cluster, not submitted by Weir) with this name. */
  async findExternalByName(name: string): Promise<TaskRecord | undefined> {
    const row = await this.database.db
      .selectFrom('tasks')
      .selectAll()
      .where('name', '=', name)
      .where('kind', '=', 'EXTERNAL')
      .executeTakeFirst();
    return row && toTask(row);
  }

  /**
   * The task a job found on a cluster but not submitted by Weir belongs to: the EXTERNAL task
   * named after the job, else the one named after the job on this cluster (a task of Weir's own
   * may already bear the job's name), created when there is none. Two instances (or watch cycles)
   * racing to create it end with the same one.
   */
  async externalTaskFor(jobName: string, cluster: { id: string; name: string; teamId?: string | null }): Promise<TaskRecord> {
    for (const name of [jobName, `${jobName} @${cluster.name}`]) {
      const external = await this.findExternalByName(name);
      if (external) return external;
      if (!(await this.getByName(name))) {
        try {
          return await this.create({
            name,
            kind: 'EXTERNAL',
            lifecycle: 'ONLINE',
            executionMode: 'STREAMING',
            clusterId: cluster.id,
            // A job found on a team's cluster is that team's; on a shared cluster, the default team's.
            ...(cluster.teamId ? { teamId: cluster.teamId } : {}),
            description: `Discovered on cluster ${cluster.name}; not submitted by Weir`,
          });
        } catch {
          const raced = await this.findExternalByName(name);
          if (raced) return raced;
        }
      }
    }
    throw new Error(`cannot name an external task for job ${jobName}`);
  }

  /** Applies the given changes; returns the task after them, or undefined when it does not exist. */
  async update(id: string, changes: TaskChanges): Promise<TaskRecord | undefined> {
    const set: Updateable<TasksTable> = { updated_at: this.now() };
    if (changes.name !== undefined) set.name = changes.name;
    if (changes.lifecycle !== undefined) set.lifecycle = changes.lifecycle;
    if (changes.executionMode !== undefined) set.execution_mode = changes.executionMode;
    if (changes.clusterId !== undefined) set.cluster_id = changes.clusterId;
    if (changes.teamId !== undefined) set.team_id = changes.teamId;
    if (changes.owner !== undefined) set.owner = changes.owner;
    if (changes.description !== undefined) set.description = changes.description;
    if (changes.draftContent !== undefined) set.draft_content = changes.draftContent;
    if (changes.draftConfig !== undefined) set.draft_config = changes.draftConfig;
    if (changes.currentVersionId !== undefined) set.current_version_id = changes.currentVersionId;
    await this.database.db.updateTable('tasks').set(set).where('id', '=', id).execute();
    return this.get(id);
  }

  /** Deletes the task with its versions, runs and their history (foreign keys cascade). */
  async delete(id: string): Promise<boolean> {
    const result = await this.database.db.deleteFrom('tasks').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** The overview list: filtered, sorted (ties broken by id), one page, with the matching total. */
  async list(request: TaskListRequest = {}): Promise<Page<TaskOverviewRow>> {
    const { limit, offset } = paged(request);
    const filtered = this.filtered(request);
    const column = SORT_COLUMNS[request.sortBy ?? 'name'];
    const direction = request.sortDirection ?? 'asc';

    const [rows, total] = await Promise.all([
      // The latest run's facts are on the task row (RunsStore keeps them in step): no join with runs.
      filtered
        .select([
          'tasks.id',
          'tasks.name',
          'tasks.kind',
          'tasks.lifecycle',
          'tasks.execution_mode',
          'tasks.cluster_id',
          'tasks.team_id',
          'tasks.owner',
          'tasks.description',
          'tasks.current_version_id',
          'tasks.latest_run_id',
          'tasks.latest_status',
          'tasks.latest_start_time',
          'tasks.created_at',
          'tasks.updated_at',
          'tasks.latest_flink_job_id',
          'tasks.latest_end_time',
          'tasks.latest_duration_ms',
          'tasks.latest_restart_count',
          'tasks.latest_lost',
        ])
        .orderBy(nullsLast(column))
        .orderBy(sql.ref(column), direction)
        .orderBy('tasks.id', direction)
        .limit(limit)
        .offset(offset)
        .execute(),
      filtered.select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow(),
    ]);

    return {
      items: rows.map((row) => ({
        ...toTaskSummary(row),
        latestFlinkJobId: row.latest_flink_job_id,
        latestEndTime: numberOrNull(row.latest_end_time),
        latestDurationMs: numberOrNull(row.latest_duration_ms),
        latestRestartCount: numberOrNull(row.latest_restart_count),
      })),
      total: Number(total.count),
    };
  }

  /** The status cards: counts over the tasks matching `filter`, by latest-run status and by mode. */
  async statusCounts(filter: TaskFilter = {}): Promise<TaskStatusCounts> {
    const rows = await this.filtered(filter)
      .select((eb) => ['tasks.latest_status', 'tasks.execution_mode', eb.fn.countAll().as('count')])
      .groupBy(['tasks.latest_status', 'tasks.execution_mode'])
      .execute();
    const counts: TaskStatusCounts = { total: 0, streaming: 0, batch: 0, byLatestStatus: {} };
    for (const row of rows) {
      const count = Number(row.count);
      const status = row.latest_status ?? 'NONE';
      counts.total += count;
      if (row.execution_mode === 'STREAMING') counts.streaming += count;
      else counts.batch += count;
      counts.byLatestStatus[status] = (counts.byLatestStatus[status] ?? 0) + count;
    }
    return counts;
  }

  private filtered(filter: TaskFilter) {
    let query = this.database.db.selectFrom('tasks');
    if (filter.nameContains) query = query.where(containsIgnoringCase('tasks.name', filter.nameContains));
    if (filter.lifecycles?.length) query = query.where('tasks.lifecycle', 'in', filter.lifecycles);
    if (filter.clusterIds?.length) query = query.where('tasks.cluster_id', 'in', filter.clusterIds);
    if (filter.teamIds) query = filter.teamIds.length === 0 ? query.where('tasks.id', 'is', null) : query.where('tasks.team_id', 'in', [...filter.teamIds]);
    if (filter.kinds?.length) query = query.where('tasks.kind', 'in', filter.kinds);
    if (filter.executionMode) query = query.where('tasks.execution_mode', '=', filter.executionMode);
    if (filter.latestStatuses?.length) {
      const statuses = filter.latestStatuses.filter((s): s is string => s !== null);
      const withNone = filter.latestStatuses.includes(null);
      query = query.where((eb) =>
        eb.or([
          ...(statuses.length ? [eb('tasks.latest_status', 'in', statuses)] : []),
          ...(withNone ? [eb('tasks.latest_status', 'is', null)] : []),
        ]),
      );
    }
    return query;
  }
}

type TaskSummaryRow = Omit<Selectable<TasksTable>, 'draft_content' | 'draft_config'>;

function toTaskSummary(row: TaskSummaryRow): Omit<TaskRecord, 'draftContent' | 'draftConfig'> {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    lifecycle: row.lifecycle,
    executionMode: row.execution_mode,
    clusterId: row.cluster_id,
    teamId: row.team_id,
    owner: row.owner,
    description: row.description,
    currentVersionId: row.current_version_id,
    latestRunId: row.latest_run_id,
    latestStatus: row.latest_status,
    latestStartTime: numberOrNull(row.latest_start_time),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function toTask(row: Selectable<TasksTable>): TaskRecord {
  return { ...toTaskSummary(row), draftContent: row.draft_content, draftConfig: row.draft_config };
}
