import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/database.js';
import { containsIgnoringCase, numberOrNull, type Page } from '../db/queries.js';
import type { TasksTable } from '../db/tables.js';
import { TERMINAL_STATUSES } from '../runs/runs.store.js';

export type OverviewSortColumn =
  | 'name'
  | 'lifecycle'
  | 'executionMode'
  | 'cluster'
  | 'flinkJobId'
  | 'status'
  | 'startTime'
  | 'durationMs'
  | 'restartCount'
  | 'owner';

export interface OverviewFilter {
  /** Case-insensitive substring of the task name. */
  nameContains?: string;
  lifecycles?: TasksTable['lifecycle'][];
  clusterIds?: string[];
  executionMode?: TasksTable['execution_mode'];
}

export interface OverviewListRequest extends OverviewFilter {
  /** Status of the latest run. */
  statuses?: string[];
  sortBy: OverviewSortColumn;
  sortDirection: 'asc' | 'desc';
  limit: number;
  offset: number;
  /** The read time: the duration of a run that has not ended is `now - start`. */
  now: number;
}

export interface OverviewRow {
  id: string;
  name: string;
  kind: TasksTable['kind'];
  lifecycle: TasksTable['lifecycle'];
  executionMode: TasksTable['execution_mode'];
  clusterId: string;
  clusterName: string | null;
  owner: string | null;
  latestRunId: string;
  flinkJobId: string;
  status: string;
  lost: boolean;
  startTime: number | null;
  endTime: number | null;
  durationMs: number | null;
  restartCount: number;
}

export interface OverviewStatusCounts {
  total: number;
  streaming: number;
  batch: number;
  byStatus: Record<string, number>;
  lost: number;
}

export interface OverviewRunRow {
  id: string;
  taskId: string;
  clusterId: string;
  clusterName: string | null;
  flinkJobId: string;
  jobName: string;
  status: string;
  lost: boolean;
  startTime: number | null;
  endTime: number | null;
  durationMs: number | null;
  restartCount: number;
}

/**
 * The overview's read model: tasks that have run at least once, each with its latest run. Filters
 * and counts read only `tasks` (whose latest_* columns RunsStore keeps in step); the runs table is
 * joined by primary key for the rows of one page, or for every matching task when sorting on a run
 * column.
 */
export class OverviewStore {
  constructor(private readonly database: Database) {}

  async statusCounts(filter: OverviewFilter): Promise<OverviewStatusCounts> {
    const [groups, lost] = await Promise.all([
      this.filtered(filter)
        .select((eb) => ['tasks.latest_status', 'tasks.execution_mode', eb.fn.countAll().as('count')])
        .groupBy(['tasks.latest_status', 'tasks.execution_mode'])
        .execute(),
      // Lost runs are UNKNOWN ones; the status index narrows the join to those.
      this.filtered(filter)
        .innerJoin('runs', 'runs.id', 'tasks.latest_run_id')
        .where('tasks.latest_status', '=', 'UNKNOWN')
        .where('runs.lost', '=', 1)
        .select((eb) => eb.fn.countAll().as('count'))
        .executeTakeFirstOrThrow(),
    ]);
    const counts: OverviewStatusCounts = { total: 0, streaming: 0, batch: 0, byStatus: {}, lost: Number(lost.count) };
    for (const group of groups) {
      const count = Number(group.count);
      const status = group.latest_status ?? 'UNKNOWN';
      counts.total += count;
      if (group.execution_mode === 'BATCH') counts.batch += count;
      else counts.streaming += count;
      counts.byStatus[status] = (counts.byStatus[status] ?? 0) + count;
    }
    return counts;
  }

  /**
   * One page in two steps: first the ids of the page, sorted over every matching task with as little
   * as the sort needs (task columns need no join; a run column reads only the latest run, by primary
   * key, so no engine is tempted to scan all runs); then the page's rows with everything shown.
   */
  async list(request: OverviewListRequest): Promise<Page<OverviewRow>> {
    const base = this.filtered(request).$if(Boolean(request.statuses?.length), (q) =>
      q.where('tasks.latest_status', 'in', request.statuses!),
    );
    const { sortBy, sortDirection: direction, now } = request;
    // A run column for every matching task: PostgreSQL would hash-join by scanning all runs, so it
    // gets one primary-key lookup per task; SQLite and MySQL already join that way, and faster.
    const byLookup = this.database.dialect === 'postgres';
    const latestRun = (expression: RawBuilder<unknown>) =>
      byLookup ? sql`(select ${expression} from runs r where r.id = tasks.latest_run_id)` : expression;
    // The same rule as durationOf(): a run that has not ended has run until now.
    const duration = latestRun(sql`case
      when r.start_time is null then r.duration_ms
      when r.end_time is not null then r.end_time - r.start_time
      when r.lost = 1 or r.status in (${sql.join([...TERMINAL_STATUSES])}) then r.duration_ms
      else ${now} - r.start_time end`);

    const runSort = !byLookup && ['flinkJobId', 'restartCount', 'durationMs'].includes(sortBy);
    let ids = (runSort ? base.innerJoin('runs as r', 'r.id', 'tasks.latest_run_id') : base)
      .$if(sortBy === 'cluster', (q) => q.leftJoin('clusters as c', 'c.id', 'tasks.cluster_id'))
      .select('tasks.id');
    // NULLs sort last in both directions (engines disagree by default); the task id breaks ties so
    // pages never overlap. `name` is unique and needs no tie-breaker, which lets the engine walk its index.
    const nullable = (expression: Expression<unknown>) =>
      ids.orderBy(sql`case when ${expression} is null then 1 else 0 end`).orderBy(expression, direction);
    switch (sortBy) {
      case 'name':
        ids = ids.orderBy('tasks.name', direction);
        break;
      case 'lifecycle':
        ids = ids.orderBy('tasks.lifecycle', direction);
        break;
      case 'executionMode':
        ids = ids.orderBy('tasks.execution_mode', direction);
        break;
      case 'status':
        ids = ids.orderBy('tasks.latest_status', direction);
        break;
      case 'startTime':
        ids = nullable(sql.ref('tasks.latest_start_time'));
        break;
      case 'owner':
        ids = nullable(sql.ref('tasks.owner'));
        break;
      case 'cluster':
        ids = nullable(sql.ref('c.name'));
        break;
      case 'flinkJobId':
        ids = ids.orderBy(latestRun(sql.ref('r.flink_job_id')), direction);
        break;
      case 'restartCount':
        ids = ids.orderBy(latestRun(sql.ref('r.restart_count')), direction);
        break;
      case 'durationMs':
        ids = nullable(duration);
        break;
    }
    if (sortBy !== 'name') ids = ids.orderBy('tasks.id', direction);

    const [pageIds, total] = await Promise.all([
      ids.limit(request.limit).offset(request.offset).execute(),
      base.select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow(),
    ]);
    const order = pageIds.map((row) => row.id);
    const rows = order.length
      ? await this.database.db
          .selectFrom('tasks')
          .innerJoin('runs', 'runs.id', 'tasks.latest_run_id')
          .leftJoin('clusters', 'clusters.id', 'tasks.cluster_id')
          .select([
            'tasks.id',
            'tasks.name',
            'tasks.kind',
            'tasks.lifecycle',
            'tasks.execution_mode',
            'tasks.cluster_id',
            'clusters.name as cluster_name',
            'tasks.owner',
            'tasks.latest_run_id',
            'tasks.latest_status',
            'runs.flink_job_id',
            'runs.status',
            'runs.start_time',
            'runs.end_time',
            'runs.duration_ms',
            'runs.restart_count',
            'runs.lost',
          ])
          .where('tasks.id', 'in', order)
          .execute()
      : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return {
      total: Number(total.count),
      items: order.flatMap((id) => {
        const row = byId.get(id);
        if (!row) return []; // deleted between the two reads
        const startTime = numberOrNull(row.start_time);
        const endTime = numberOrNull(row.end_time);
        const lost = Number(row.lost) === 1;
        return [
          {
            id: row.id,
            name: row.name,
            kind: row.kind,
            lifecycle: row.lifecycle,
            executionMode: row.execution_mode,
            clusterId: row.cluster_id,
            clusterName: row.cluster_name,
            owner: row.owner,
            latestRunId: row.latest_run_id!,
            flinkJobId: row.flink_job_id,
            status: row.latest_status ?? 'UNKNOWN',
            lost,
            startTime,
            endTime,
            durationMs: durationOf(row.status, lost, startTime, endTime, numberOrNull(row.duration_ms), now),
            restartCount: Number(row.restart_count),
          },
        ];
      }),
    };
  }

  /** The task's latest run id, or undefined when the task does not exist. */
  async taskLatestRun(taskId: string): Promise<{ latestRunId: string | null } | undefined> {
    const row = await this.database.db
      .selectFrom('tasks')
      .select('latest_run_id')
      .where('id', '=', taskId)
      .executeTakeFirst();
    return row && { latestRunId: row.latest_run_id };
  }

  /** A task's runs, newest first (by start time, else creation time), one page. */
  async runsOfTask(taskId: string, page: { limit: number; offset: number; now: number }): Promise<Page<OverviewRunRow>> {
    const { db } = this.database;
    const [rows, total] = await Promise.all([
      db
        .selectFrom('runs')
        .leftJoin('clusters', 'clusters.id', 'runs.cluster_id')
        .select([
          'runs.id',
          'runs.task_id',
          'runs.cluster_id',
          'clusters.name as cluster_name',
          'runs.flink_job_id',
          'runs.job_name',
          'runs.status',
          'runs.lost',
          'runs.start_time',
          'runs.end_time',
          'runs.duration_ms',
          'runs.restart_count',
        ])
        .where('runs.task_id', '=', taskId)
        .orderBy((eb) => eb.fn.coalesce('runs.start_time', 'runs.created_at'), 'desc')
        .orderBy('runs.id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      db
        .selectFrom('runs')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('runs.task_id', '=', taskId)
        .executeTakeFirstOrThrow(),
    ]);
    return {
      total: Number(total.count),
      items: rows.map((row) => {
        const startTime = numberOrNull(row.start_time);
        const endTime = numberOrNull(row.end_time);
        return {
          id: row.id,
          taskId: row.task_id,
          clusterId: row.cluster_id,
          clusterName: row.cluster_name,
          flinkJobId: row.flink_job_id,
          jobName: row.job_name,
          status: row.status,
          lost: Number(row.lost) === 1,
          startTime,
          endTime,
          durationMs: durationOf(row.status, Number(row.lost) === 1, startTime, endTime, numberOrNull(row.duration_ms), page.now),
          restartCount: Number(row.restart_count),
        };
      }),
    };
  }

  /** Tasks that have run, narrowed by the filters every overview query shares. */
  private filtered(filter: OverviewFilter) {
    let query = this.database.db.selectFrom('tasks').where('tasks.latest_run_id', 'is not', null);
    if (filter.nameContains) query = query.where(containsIgnoringCase('tasks.name', filter.nameContains) as Expression<SqlBool>);
    if (filter.lifecycles?.length) query = query.where('tasks.lifecycle', 'in', filter.lifecycles);
    if (filter.clusterIds?.length) query = query.where('tasks.cluster_id', 'in', filter.clusterIds);
    if (filter.executionMode) query = query.where('tasks.execution_mode', '=', filter.executionMode);
    return query;
  }
}

/** The same rule as the list's SQL: a run that has not ended has run until `now`. */
export function durationOf(status: string, lost: boolean, startTime: number | null, endTime: number | null, recorded: number | null, now: number): number | null {
  if (startTime === null) return recorded;
  if (endTime !== null) return endTime - startTime;
  if (lost || (TERMINAL_STATUSES as readonly string[]).includes(status)) return recorded;
  return now - startTime;
}
