import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RunLogQuery } from '@weir/contract';
import { apiClient } from '../../api/api-client';
import { unwrap } from '../../api/api-error';

// One hook per resource of the run detail page. Live sections poll while the run is not
// terminal; a terminal run's data does not change, so it is read once.

const path = (runId: string) => ({ params: { path: { runId } } });
export const runKey = (runId: string) => ['run', runId] as const;

function refetchWhileLive(terminal: boolean | undefined, ms: number) {
  return terminal ? false : ms;
}

export function useRun(runId: string) {
  return useQuery({
    queryKey: runKey(runId),
    queryFn: async () => unwrap(await apiClient.GET('/api/runs/{runId}', path(runId))),
    refetchInterval: (q) => refetchWhileLive(q.state.data?.terminal, 5_000),
  });
}

export function useRunGraph(runId: string, terminal: boolean) {
  return useQuery({
    queryKey: [...runKey(runId), 'graph'],
    queryFn: async () => unwrap(await apiClient.GET('/api/runs/{runId}/graph', path(runId))),
    refetchInterval: refetchWhileLive(terminal, 5_000),
  });
}

/** The run's health score, reasons and checks; the checks re-score a live run every 10 s. */
export function useRunHealth(runId: string, terminal: boolean) {
  return useQuery({
    queryKey: [...runKey(runId), 'health'],
    queryFn: async () => unwrap(await apiClient.GET('/api/runs/{id}/health', { params: { path: { id: runId } } })),
    // A run that ended keeps asking until its score is the one of its end (the checks score it once, within a cycle).
    refetchInterval: (query) => (terminal && query.state.data?.endedStatus == null ? 5_000 : refetchWhileLive(terminal, 10_000)),
  });
}

export function useRunCheckpoints(runId: string, terminal: boolean) {
  return useQuery({
    queryKey: [...runKey(runId), 'checkpoints'],
    queryFn: async () => unwrap(await apiClient.GET('/api/runs/{runId}/checkpoints', path(runId))),
    refetchInterval: refetchWhileLive(terminal, 5_000),
  });
}

export function useRunExceptions(runId: string, terminal: boolean) {
  return useQuery({
    queryKey: [...runKey(runId), 'exceptions'],
    queryFn: async () => unwrap(await apiClient.GET('/api/runs/{runId}/exceptions', path(runId))),
    refetchInterval: refetchWhileLive(terminal, 10_000),
  });
}

export function useRunConfiguration(runId: string) {
  return useQuery({
    queryKey: [...runKey(runId), 'configuration'],
    queryFn: async () => unwrap(await apiClient.GET('/api/runs/{runId}/configuration', path(runId))),
  });
}

export function useRunCluster(runId: string, terminal: boolean) {
  return useQuery({
    queryKey: [...runKey(runId), 'cluster'],
    queryFn: async () => unwrap(await apiClient.GET('/api/runs/{runId}/cluster', path(runId))),
    refetchInterval: refetchWhileLive(terminal, 10_000),
  });
}

export function useRunSql(runId: string) {
  return useQuery({
    queryKey: [...runKey(runId), 'sql'],
    queryFn: async () => unwrap(await apiClient.GET('/api/runs/{runId}/sql', path(runId))),
  });
}

export function useRunLineage(runId: string) {
  return useQuery({
    queryKey: [...runKey(runId), 'lineage'],
    queryFn: async () => unwrap(await apiClient.GET('/api/runs/{runId}/lineage', path(runId))),
  });
}

/** One byte window of a log; the logs tab keeps the windows it has read (log-window.ts). */
export async function fetchLogPage(runId: string, query: Partial<RunLogQuery>) {
  return unwrap(await apiClient.GET('/api/runs/{runId}/logs', { params: { path: { runId }, query: query as RunLogQuery } }));
}

/** The logs Weir kept at the run's failures, restarts and on request; asked often while one is being made. */
export function useRunLogCaptures(runId: string) {
  return useQuery({
    queryKey: [...runKey(runId), 'log-captures'],
    queryFn: async () => unwrap(await apiClient.GET('/api/runs/{runId}/log-captures', path(runId))),
    refetchInterval: (q) => (q.state.data?.captures.some((c) => c.status === 'PENDING') ? 2_000 : 15_000),
  });
}

/** One captured file's text (a capture never changes, so it is read once). */
export function useLogCapturePart(runId: string, captureId: string | undefined, seq: number | undefined) {
  return useQuery({
    queryKey: [...runKey(runId), 'log-captures', captureId, seq],
    enabled: captureId !== undefined && seq !== undefined,
    staleTime: Infinity,
    queryFn: async () => unwrap(await apiClient.GET('/api/runs/{runId}/log-captures/{captureId}/parts/{seq}', { params: { path: { runId, captureId: captureId!, seq: seq! } } })),
  });
}

export function useCaptureLogs(runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (opts: { threadDump: boolean }) => unwrap(await apiClient.POST('/api/runs/{runId}/log-captures', { ...path(runId), body: opts })),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: [...runKey(runId), 'log-captures'] }),
  });
}

export function useRunAlerts(runId: string) {
  return useQuery({
    queryKey: [...runKey(runId), 'alerts'],
    queryFn: async () => unwrap(await apiClient.GET('/api/alerts/history', { params: { query: { runId, limit: 100 } as never } })),
    refetchInterval: 15_000,
  });
}

export function useTaskVersions(taskId: string | undefined) {
  return useQuery({
    queryKey: ['task', taskId, 'versions'],
    enabled: Boolean(taskId),
    queryFn: async () => unwrap(await apiClient.GET('/api/tasks/{id}/versions', { params: { path: { id: taskId! } } })).items,
  });
}

export function useCompareVersions(taskId: string | undefined, from: number | null, to: number | null) {
  return useQuery({
    queryKey: ['task', taskId, 'versions', 'compare', from, to],
    enabled: Boolean(taskId && from && to && from !== to),
    queryFn: async () => unwrap(await apiClient.GET('/api/tasks/{id}/versions/compare', { params: { path: { id: taskId! }, query: { from: from!, to: to! } } })),
  });
}

// ---- key metrics ----

export function useMetricsAvailable(runId: string) {
  return useQuery({
    queryKey: [...runKey(runId), 'metrics', 'available'],
    queryFn: async () => unwrap(await apiClient.GET('/api/runs/{runId}/metrics/available', path(runId))),
  });
}

export function useMetricSelection(runId: string) {
  return useQuery({
    queryKey: [...runKey(runId), 'metrics', 'selection'],
    queryFn: async () => unwrap(await apiClient.GET('/api/runs/{runId}/metrics/selection', path(runId))),
  });
}

export function useSaveMetricSelection(runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (series: string[]) => unwrap(await apiClient.PUT('/api/runs/{runId}/metrics/selection', { ...path(runId), body: { series } })),
    onSuccess: (saved) => {
      queryClient.setQueryData([...runKey(runId), 'metrics', 'selection'], saved);
      void queryClient.invalidateQueries({ queryKey: [...runKey(runId), 'metrics', 'series'] });
    },
  });
}

/** Stored points; with `liveWindowMs` the range follows now and refreshes every sampling interval. */
export function useMetricSeries(runId: string, series: string[], range: { from: number; to: number } | { liveWindowMs: number }, intervalMs: number) {
  const live = 'liveWindowMs' in range;
  return useQuery({
    queryKey: [...runKey(runId), 'metrics', 'series', series, range],
    enabled: series.length > 0,
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const to = live ? Date.now() : range.to;
      const from = live ? to - range.liveWindowMs : range.from;
      return unwrap(await apiClient.GET('/api/runs/{runId}/metrics', { params: { path: { runId }, query: { series: series.join(','), from, to } as never } }));
    },
    refetchInterval: live ? Math.max(intervalMs, 1_000) : false,
  });
}

// ---- operations (the tasks feature's routes) ----

export type RunOperation =
  | { action: 'stop'; withSavepoint: boolean; drain?: boolean }
  | { action: 'cancel' }
  | { action: 'savepoint' }
  | { action: 'restart'; from: 'none' | 'latest-checkpoint' | 'latest-savepoint' | 'savepoint'; savepointPath?: string }
  | { action: 'refresh' };

export function useRunOperation(runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (op: RunOperation) => {
      const p = path(runId);
      switch (op.action) {
        case 'stop':
          return unwrap(await apiClient.POST('/api/runs/{runId}/stop', { ...p, body: { withSavepoint: op.withSavepoint, drain: op.drain } }));
        case 'cancel':
          return unwrap(await apiClient.POST('/api/runs/{runId}/cancel', p));
        case 'savepoint':
          return unwrap(await apiClient.POST('/api/runs/{runId}/savepoint', p));
        case 'restart':
          return unwrap(await apiClient.POST('/api/runs/{runId}/restart', { ...p, body: { from: op.from, savepointPath: op.savepointPath } }));
        case 'refresh':
          return unwrap(await apiClient.POST('/api/runs/{runId}/refresh', p));
      }
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: runKey(runId) }),
  });
}
