import { sql, type Expression, type SqlBool } from 'kysely';
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

  async list(request: OverviewListRequest): Promise<Page<OverviewRow>> {
    const base = this.filtered(request).$if(Boolean(request.statuses?.length), (q) =>
      q.where('tasks.latest_status', 'in', request.statuses!),
    );
    const { sortBy, sortDirection: direction, now } = request;
    // A run that has not ended has run until now; an ended one (or one Weir lost) for what was recorded.
    const durationExpr = sql<number | null>`case
      when runs.start_time is null then runs.duration_ms
      when runs.end_time is not null then runs.end_time - runs.start_time
      when runs.lost = 1 or runs.status in (${sql.join([...TERMINAL_STATUSES])}) then runs.duration_ms
      else ${now} - runs.start_time end`;

    let query = base
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
        'tasks.latest_start_time',
        'runs.flink_job_id',
        'runs.end_time',
        'runs.duration_ms',
        'runs.start_time',
        'runs.restart_count',
        'runs.lost',
      ])
      .select(durationExpr.as('live_duration_ms'));

    // Columns that can be NULL sort last in both directions (engines disagree by default); the
    // task id breaks ties so pages never overlap. `name` is unique and needs no tie-breaker, which
    // lets the engine walk its index.
    const nullable = (expression: Expression<unknown>) =>
      query.orderBy(sql`case when ${expression} is null then 1 else 0 end`).orderBy(expression, direction);
    switch (sortBy) {
      case 'name':
        query = query.orderBy('tasks.name', direction);
        break;
      case 'lifecycle':
        query = query.orderBy('tasks.lifecycle', direction);
        break;
      case 'executionMode':
        query = query.orderBy('tasks.execution_mode', direction);
        break;
      case 'cluster':
        query = nullable(sql.ref('clusters.name'));
        break;
      case 'flinkJobId':
        query = query.orderBy('runs.flink_job_id', direction);
        break;
      case 'status':
        query = query.orderBy('tasks.latest_status', direction);
        break;
      case 'startTime':
        query = nullable(sql.ref('tasks.latest_start_time'));
        break;
      case 'durationMs':
        query = nullable(durationExpr);
        break;
      case 'restartCount':
        query = query.orderBy('runs.restart_count', direction);
        break;
      case 'owner':
        query = nullable(sql.ref('tasks.owner'));
        break;
    }
    if (sortBy !== 'name') query = query.orderBy('tasks.id', direction);

    const [rows, total] = await Promise.all([
      query.limit(request.limit).offset(request.offset).execute(),
      base.select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow(),
    ]);
    return {
      total: Number(total.count),
      items: rows.map((row) => ({
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
        lost: Number(row.lost) === 1,
        startTime: numberOrNull(row.start_time),
        endTime: numberOrNull(row.end_time),
        durationMs: numberOrNull(row.live_duration_ms),
        restartCount: Number(row.restart_count),
      })),
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
