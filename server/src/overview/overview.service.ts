import {
  OVERVIEW_RUN_STATUSES,
  type OverviewCounts,
  type OverviewCountsQuery,
  type OverviewRunPage,
  type OverviewRunsQuery,
  type OverviewRunStatus,
  type OverviewTaskPage,
  type OverviewTasksQuery,
} from '@weir/contract';
import { narrowScope, type TeamScope } from '../access/principal.js';
import { NotFoundError } from '../errors/errors.js';
import type { OverviewFilter, OverviewStore } from './overview.store.js';

/** The job overview: status cards, the task list with each task's latest run, and a task's run history. */
export class OverviewService {
  constructor(
    private readonly store: OverviewStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** The status cards over the tasks of the teams in `scope` that match the filters. */
  async counts(query: OverviewCountsQuery, scope: TeamScope = 'all'): Promise<OverviewCounts> {
    const counts = await this.store.statusCounts(filterOf(query, scope));
    const byStatus = Object.fromEntries(OVERVIEW_RUN_STATUSES.map((status) => [status, 0])) as Record<OverviewRunStatus, number>;
    for (const [status, count] of Object.entries(counts.byStatus)) byStatus[statusOf(status)] += count;
    return { total: counts.total, batch: counts.batch, streaming: counts.streaming, byStatus, lost: counts.lost };
  }

  async tasks(query: OverviewTasksQuery, scope: TeamScope = 'all'): Promise<OverviewTaskPage> {
    const now = this.now();
    const page = await this.store.list({
      ...filterOf(query, scope),
      statuses: query.status,
      sortBy: query.sort,
      sortDirection: query.order,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
      now,
    });
    return {
      items: page.items.map((row) => ({ ...row, status: statusOf(row.status) })),
      total: page.total,
      page: query.page,
      pageSize: query.pageSize,
      now,
    };
  }

  async runsOfTask(taskId: string, query: OverviewRunsQuery): Promise<OverviewRunPage> {
    const task = await this.store.taskLatestRun(taskId);
    if (!task) throw new NotFoundError('Task', taskId);
    const now = this.now();
    const page = await this.store.runsOfTask(taskId, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize, now });
    return {
      items: page.items.map((run) => ({ ...run, status: statusOf(run.status), latest: run.id === task.latestRunId })),
      total: page.total,
      page: query.page,
      pageSize: query.pageSize,
      now,
    };
  }
}

function filterOf(query: OverviewCountsQuery, scope: TeamScope): OverviewFilter {
  const teamIds = narrowScope(scope, query.teamId);
  return { search: query.q || undefined, lifecycles: query.lifecycle, clusterIds: query.clusterId, ...(teamIds ? { teamIds } : {}), executionMode: query.mode, healthBands: query.health };
}

/** A status Weir does not know (a newer Flink's) shows as UNKNOWN rather than failing the page. */
function statusOf(status: string): OverviewRunStatus {
  return (OVERVIEW_RUN_STATUSES as readonly string[]).includes(status) ? (status as OverviewRunStatus) : 'UNKNOWN';
}
