import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { runDurationMs, UNSCORED_RUN_STATUSES, type HealthBand, type HealthReason } from '@weir/contract';
import type { Database } from '../db/database.js';
import { containsIgnoringCase, numberOrNull, type Page } from '../db/queries.js';
import type { Tables, TasksTable } from '../db/tables.js';
import { bandOf, bandRange } from '../health/health-score.js';
import '../health/health-tables.js';
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
  | 'owner'
  | 'health';

export interface OverviewFilter {
  /** Case-insensitive substring of the task name. */
  nameContains?: string;
  /** What the overview's search box finds: see {@link searchMatches}. */
  search?: string;
  lifecycles?: TasksTable['lifecycle'][];
  clusterIds?: string[];
  /** Only tasks of these teams (the caller's visible teams, narrowed by a filter). */
  teamIds?: readonly string[];
  executionMode?: TasksTable['execution_mode'];
  /** Health band of the latest run's score; a run without a score (not live, or not scored yet) matches none. */
  healthBands?: HealthBand[];
}

/** The latest run's health score as the overview shows it. */
export interface OverviewHealthRow {
  score: number;
  band: HealthBand;
  reasons: HealthReason[];
  evaluatedAt: number;
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
  teamId: string;
  teamName: string;
  owner: string | null;
  latestRunId: string;
  flinkJobId: string;
  status: string;
  lost: boolean;
  startTime: number | null;
  endTime: number | null;
  durationMs: number | null;
  restartCount: number;
  /** Null unless the latest run is live (see healthShown()) and has been scored. */
  health: OverviewHealthRow | null;
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
 * The overview's read model: tasks that have run at least once, each with its latest run. Filters,
 * counts, sorts and rows read only `tasks`, whose latest_* columns RunsStore keeps equal to the
 * latest run's in the transaction that changes it; runs are never joined (a sort on a run column
 * joined runs for all 10,000 tasks: p95 54–166 ms). The latest run's health score comes from
 * run_health by primary key.
 */
export class OverviewStore {
  constructor(private readonly database: Database) {}

  async statusCounts(filter: OverviewFilter): Promise<OverviewStatusCounts> {
    const [groups, lost] = await Promise.all([
      this.filtered(filter)
        .select((eb) => ['tasks.latest_status', 'tasks.execution_mode', eb.fn.countAll().as('count')])
        .groupBy(['tasks.latest_status', 'tasks.execution_mode'])
        .execute(),
      // Lost runs are UNKNOWN ones; the status index narrows the count to those.
      this.filtered(filter)
        .where('tasks.latest_status', '=', 'UNKNOWN')
        .where('tasks.latest_lost', '=', 1)
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
   * One page in two steps: first the ids of the page, sorted over every matching task (all from
   * `tasks`, so no engine is tempted to scan runs); then the page's rows with everything shown.
   */
  async list(request: OverviewListRequest): Promise<Page<OverviewRow>> {
    const base = this.filtered(request).$if(Boolean(request.statuses?.length), (q) =>
      q.where('tasks.latest_status', 'in', request.statuses!),
    );
    const { sortBy, sortDirection: direction, now } = request;
    // The same rule as durationOf(): a run that has not ended has run until now. For those that
    // is `now - start`, one `now` for the whole query, so among them this sorts by start time
    // (latest start = shortest), and they sort correctly among the recorded durations of ended runs.
    const duration = sql`case
      when tasks.latest_start_time is null then tasks.latest_duration_ms
      when tasks.latest_end_time is not null then tasks.latest_end_time - tasks.latest_start_time
      when tasks.latest_lost = 1 or tasks.latest_status in (${sql.join([...TERMINAL_STATUSES])}) then tasks.latest_duration_ms
      else ${now} - tasks.latest_start_time end`;

    let ids = base
      .$if(sortBy === 'cluster', (q) => q.leftJoin('clusters as c', 'c.id', 'tasks.cluster_id'))
      .$if(sortBy === 'health', (q) => q.leftJoin('run_health as h', 'h.run_id', 'tasks.latest_run_id'))
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
        ids = ids.orderBy('tasks.latest_flink_job_id', direction);
        break;
      case 'restartCount':
        ids = ids.orderBy('tasks.latest_restart_count', direction);
        break;
      case 'durationMs':
        ids = nullable(duration);
        break;
      case 'health':
        // Not shown, not sorted: a score where healthShown() fails counts as none.
        ids = nullable(sql`case when tasks.latest_lost = 1 or tasks.latest_status in (${sql.join(NOT_LIVE)}) then null else h.score end`);
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
          .leftJoin('clusters', 'clusters.id', 'tasks.cluster_id')
          .leftJoin('teams', 'teams.id', 'tasks.team_id')
          .leftJoin('run_health', 'run_health.run_id', 'tasks.latest_run_id')
          .select([
            'tasks.id',
            'tasks.name',
            'tasks.kind',
            'tasks.lifecycle',
            'tasks.execution_mode',
            'tasks.cluster_id',
            'clusters.name as cluster_name',
            'tasks.team_id',
            'teams.name as team_name',
            'tasks.owner',
            'tasks.latest_run_id',
            'tasks.latest_status',
            'tasks.latest_flink_job_id',
            'tasks.latest_start_time',
            'tasks.latest_end_time',
            'tasks.latest_duration_ms',
            'tasks.latest_restart_count',
            'tasks.latest_lost',
            'run_health.score as health_score',
            'run_health.reasons as health_reasons',
            'run_health.evaluated_at as health_evaluated_at',
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
        const status = row.latest_status ?? 'UNKNOWN';
        const startTime = numberOrNull(row.latest_start_time);
        const endTime = numberOrNull(row.latest_end_time);
        const lost = Number(row.latest_lost) === 1;
        const score = numberOrNull(row.health_score);
        return [
          {
            id: row.id,
            name: row.name,
            kind: row.kind,
            lifecycle: row.lifecycle,
            executionMode: row.execution_mode,
            clusterId: row.cluster_id,
            clusterName: row.cluster_name,
            teamId: row.team_id,
            teamName: row.team_name ?? row.team_id,
            owner: row.owner,
            latestRunId: row.latest_run_id!,
            flinkJobId: row.latest_flink_job_id ?? '',
            status,
            lost,
            startTime,
            endTime,
            durationMs: durationOf(status, lost, startTime, endTime, numberOrNull(row.latest_duration_ms), now),
            restartCount: Number(row.latest_restart_count ?? 0),
            health:
              score !== null && healthShown(status, lost)
                ? { score, band: bandOf(score), reasons: JSON.parse(row.health_reasons ?? '[]') as HealthReason[], evaluatedAt: Number(row.health_evaluated_at) }
                : null,
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
    const search = filter.search;
    if (search) query = query.where((eb) => eb.or(searchMatches(eb, search)));
    if (filter.lifecycles?.length) query = query.where('tasks.lifecycle', 'in', filter.lifecycles);
    if (filter.clusterIds?.length) query = query.where('tasks.cluster_id', 'in', filter.clusterIds);
    if (filter.teamIds) query = filter.teamIds.length === 0 ? query.where('tasks.id', 'is', null) : query.where('tasks.team_id', 'in', [...filter.teamIds]);
    if (filter.executionMode) query = query.where('tasks.execution_mode', '=', filter.executionMode);
    if (filter.healthBands?.length) {
      // A semi-join on the scores in range (run_health is small: live runs only) rather than a
      // lookup per task, which PostgreSQL costs high enough to JIT-compile (0.4 s) for each query.
      const bands = filter.healthBands;
      query = query
        .where('tasks.latest_status', 'not in', NOT_LIVE)
        .where((eb) => eb.or([eb('tasks.latest_lost', 'is', null), eb('tasks.latest_lost', '!=', 1)]))
        .where('tasks.latest_run_id', 'in', (eb) =>
          eb
            .selectFrom('run_health')
            .select('run_health.run_id')
            .where((w) => w.or(bands.map((band) => w.between('run_health.score', ...bandRange(band))))),
        );
    }
    return query;
  }
}

// A Flink job id is 32 hex digits; four are enough to tell a prefix from most words. A run id is
// a Weir id (ids.ts): 26 characters of Crockford base32.
const JOB_ID_PREFIX = /^[0-9a-f]{4,32}$/i;
const RUN_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/i;

/**
 * The search box finds a task by a piece of its name (any case), by the Flink id of any of its jobs
 * or the start of it (what the list shows, and what an operator copies from an alert, a log or
 * Flink's dashboard, also for last week's job), and by the id of any of its runs (what a run page's
 * address and an alert carry). The name is read in the scan the name search made anyway; a run id
 * is one primary-key lookup; a job id's first digits are one range read of the runs' job-id index.
 */
function searchMatches(eb: ExpressionBuilder<Tables, 'tasks'>, search: string): Expression<SqlBool>[] {
  const matches = [containsIgnoringCase('tasks.name', search) as Expression<SqlBool>];
  if (JOB_ID_PREFIX.test(search)) {
    // The latest job's id in any case too: the range below reads lowercase ids, as Flink writes
    // them, and a proxy that reports one in capitals would otherwise hide the task.
    matches.push(sql<SqlBool>`lower(${sql.ref('tasks.latest_flink_job_id')}) like ${`${search.toLowerCase()}%`}`);
    const [from, before] = jobIdPrefixRange(search);
    matches.push(eb('tasks.id', 'in', eb.selectFrom('runs').select('runs.task_id').where('runs.flink_job_id', '>=', from).where('runs.flink_job_id', '<', before)));
  }
  if (RUN_ID.test(search)) {
    matches.push(eb('tasks.id', 'in', eb.selectFrom('runs').select('runs.task_id').where('runs.id', '=', search.toUpperCase())));
  }
  return matches;
}

/**
 * The job ids that start with `prefix`, as a range an index can read: Flink writes a job id as
 * lowercase hex, and every hex digit sorts before 'g' under the byte order and the linguistic
 * collations of all three databases, where a LIKE would read the whole index (PostgreSQL uses one
 * for LIKE only under the C collation).
 */
function jobIdPrefixRange(prefix: string): [from: string, before: string] {
  const lower = prefix.toLowerCase();
  return [lower, `${lower}g`];
}

/** Statuses whose last score no longer describes a running job (Weir's checks skip these runs too). */
const NOT_LIVE: readonly string[] = UNSCORED_RUN_STATUSES;

/** Whether a latest run's score is shown: it is live, not ended, unknown or lost. */
export function healthShown(status: string, lost: boolean): boolean {
  return !lost && !NOT_LIVE.includes(status);
}

/** runDurationMs (the one rule, shared with the web app) with the overview's arguments; the list's SQL sorts by the same rule. */
export function durationOf(status: string, lost: boolean, startTime: number | null, endTime: number | null, recorded: number | null, now: number): number | null {
  return runDurationMs({ status, lost, startTime, endTime, recordedMs: recorded }, now);
}
