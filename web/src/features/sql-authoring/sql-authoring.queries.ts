import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { SqlPreviewRequest } from '@weir/contract';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { apiClient } from '../../api/api-client';
import { ApiError, unwrap } from '../../api/api-error';
import { applyPreview, IDLE_PREVIEW, readPreviewEvents, StreamedError } from './preview-stream';

// Validation and previews are asked for (a button), not kept fresh in the background: each opens a
// SQL Gateway session on the task's cluster. The catalog is read once when the editor opens (the
// server keeps a listing a short while, so reopening is cheap) and again when asked.

export function useValidateSql(taskId: string) {
  return useMutation({
    mutationFn: async (script: string) => unwrap(await apiClient.POST('/api/tasks/{id}/sql/validate', { params: { path: { id: taskId } }, body: { script } })),
  });
}

/**
 * What the script's session sees on the cluster. `asked.script` undefined lists the saved draft's
 * session; each new `asked.generation` lists afresh past the server's kept listing. The previous
 * listing stays shown (and offered by completion) while a new one loads.
 */
export function useSqlCatalog(taskId: string, asked: { script: string | undefined; generation: number }) {
  return useQuery({
    queryKey: ['sql-catalog', taskId, asked.script ?? null, asked.generation],
    queryFn: async ({ signal }) =>
      unwrap(
        await apiClient.POST('/api/tasks/{id}/sql/catalog', {
          params: { path: { id: taskId } },
          body: { script: asked.script, refresh: asked.generation > 0 },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

/**
 * A preview whose rows arrive as Flink yields them. `stop()`, another `run()` or leaving the page
 * closes the request, and the server then closes the gateway operation and cancels the job.
 */
export function useSqlPreviewStream(taskId: string) {
  const [state, dispatch] = useReducer(applyPreview, IDLE_PREVIEW);
  const running = useRef<AbortController | null>(null);

  useEffect(() => () => running.current?.abort(), []);

  const run = useCallback(
    async (body: SqlPreviewRequest) => {
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      dispatch({ type: 'begin' });
      // A run replaced by a newer one must not touch the newer one's state.
      const act = (action: Parameters<typeof dispatch>[0]) => {
        if (running.current === controller) dispatch(action);
      };
      try {
        const stream = unwrap(
          await apiClient.POST('/api/tasks/{id}/sql/preview/stream', { params: { path: { id: taskId } }, body, parseAs: 'stream', signal: controller.signal }),
        );
        if (!stream) throw new Error('The server sent no preview');
        let ended = false;
        for await (const event of readPreviewEvents(stream)) {
          if (controller.signal.aborted) break;
          act({ type: 'event', event });
          ended ||= event.type === 'end';
        }
        if (controller.signal.aborted) act({ type: 'stopped' });
        else if (!ended) throw new Error('The connection closed before the preview ended');
      } catch (err) {
        if (controller.signal.aborted) act({ type: 'stopped' });
        else act({ type: 'failed', error: err instanceof StreamedError ? new ApiError(200, err.error.code, err.error.message, err.error.details) : err });
      } finally {
        if (running.current === controller) running.current = null;
      }
    },
    [taskId],
  );

  const stop = useCallback(() => running.current?.abort(), []);
  return { state, run, stop };
}
