import { UNSCORED_RUN_STATUSES, type OverviewTaskPage, type WeirEventOf } from '@weir/contract';

/** The fields of the server's run events (the contract's WeirEvent) the overview uses. */
export type RunEvent =
  | Pick<WeirEventOf<'run.status'>, 'type' | 'runId' | 'taskId' | 'to' | 'restartCount'>
  | Pick<WeirEventOf<'run.discovered'>, 'type' | 'runId' | 'taskId' | 'status'>;

/**
 * Statuses whose last health score no longer describes a running job: the ended ones and UNKNOWN,
 * as the server's overview decides (healthShown); it shows no score for them.
 */
const NOT_SCORED: ReadonlySet<string> = new Set(UNSCORED_RUN_STATUSES);

/** Shows a known row's new status at once; the refresh that follows fixes counts, order and membership. */
export function patchRunStatus(page: OverviewTaskPage | undefined, event: RunEvent): OverviewTaskPage | undefined {
  const status = event.type === 'run.status' ? event.to : event.status;
  if (!page || !status || !page.items.some((item) => item.latestRunId === event.runId)) return page;
  return {
    ...page,
    items: page.items.map((item) =>
      item.latestRunId === event.runId
        ? {
            ...item,
            status,
            lost: status === 'UNKNOWN' && item.lost,
            restartCount: event.type === 'run.status' ? event.restartCount : item.restartCount,
            health: NOT_SCORED.has(status) ? null : item.health,
          }
        : item,
    ),
  };
}
