import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { OverviewTaskPage } from '@weir/contract';
import { useEffect, useState } from 'react';
import { taskRunsQueryKey } from '../runs/runs.queries';
import { overviewQueryKey } from './overview.queries';
import { patchRunStatus, type RunEvent } from './run-event-patch';

export type LiveState = 'connecting' | 'live' | 'reconnecting';

const REFRESH_DEBOUNCE_MS = 300;
const REFRESH_MAX_WAIT_MS = 1_500;
const REOPEN_AFTER_CLOSE_MS = 5_000;

/**
 * Refreshes after a burst of events: at most one refetch per REFRESH_DEBOUNCE_MS of quiet, and at
 * least one every REFRESH_MAX_WAIT_MS while events keep coming (a busy cluster never starves it).
 */
function debouncedRefresh(queryClient: QueryClient) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPendingAt: number | undefined;
  const run = () => {
    timer = undefined;
    firstPendingAt = undefined;
    void queryClient.invalidateQueries({ queryKey: overviewQueryKey });
    void queryClient.invalidateQueries({ queryKey: taskRunsQueryKey });
  };
  return {
    schedule() {
      const now = Date.now();
      firstPendingAt ??= now;
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, Math.max(0, Math.min(REFRESH_DEBOUNCE_MS, firstPendingAt + REFRESH_MAX_WAIT_MS - now)));
    },
    cancel() {
      if (timer) clearTimeout(timer);
    },
  };
}

/**
 * One Server-Sent Events connection to /api/events while the overview is open. Each run event
 * patches the visible row at once and schedules one debounced refresh of the overview queries, so
 * the cards and the list follow Flink without reloading. After a dropped connection everything is
 * refreshed once (events sent meanwhile are gone).
 */
export function useLiveRunEvents(): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');

  useEffect(() => {
    const refresh = debouncedRefresh(queryClient);
    let source: EventSource | undefined;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    let hadError = false;
    let disposed = false;

    const onRunEvent = (message: MessageEvent<string>) => {
      let event: RunEvent;
      try {
        event = JSON.parse(message.data) as RunEvent;
      } catch {
        return;
      }
      queryClient.setQueriesData<OverviewTaskPage>({ queryKey: [...overviewQueryKey, 'tasks'] }, (page) => patchRunStatus(page, event));
      refresh.schedule();
    };

    const open = () => {
      if (disposed) return;
      source = new EventSource('/api/events', { withCredentials: true });
      source.addEventListener('run.status', onRunEvent as EventListener);
      source.addEventListener('run.discovered', onRunEvent as EventListener);
      source.onopen = () => {
        setState('live');
        if (hadError) {
          void queryClient.invalidateQueries({ queryKey: overviewQueryKey });
          void queryClient.invalidateQueries({ queryKey: taskRunsQueryKey });
        }
        hadError = false;
      };
      source.onerror = () => {
        hadError = true;
        setState('reconnecting');
        // The browser retries by itself unless the server refused the stream (e.g. a lapsed session).
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          reopenTimer = setTimeout(open, REOPEN_AFTER_CLOSE_MS);
        }
      };
    };
    open();

    return () => {
      disposed = true;
      refresh.cancel();
      if (reopenTimer) clearTimeout(reopenTimer);
      source?.close();
    };
  }, [queryClient]);

  return state;
}
