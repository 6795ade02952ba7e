import type { SqlPreviewEvent, SqlPreviewStop } from '@weir/contract';

// A streamed preview as the editor shows it: the server's newline-delimited events read off the
// response as they arrive, and folded into what the table and its summary draw. Pure, apart from
// reading the stream.

export type PreviewPhase = 'idle' | 'running' | 'ended' | 'stopped' | 'failed';

export interface PreviewState {
  phase: PreviewPhase;
  columns: { name: string; type: string | null }[];
  rows: { kind: string; fields: unknown[] }[];
  jobId: string | null;
  /** Set by the server's last line: what ended the preview, and whether Flink listed its job as ended. */
  stoppedBy: SqlPreviewStop | null;
  jobEnded: boolean | null;
  error: unknown;
}

export const IDLE_PREVIEW: PreviewState = { phase: 'idle', columns: [], rows: [], jobId: null, stoppedBy: null, jobEnded: null, error: null };

export type PreviewAction =
  | { type: 'begin' }
  | { type: 'event'; event: SqlPreviewEvent }
  /** The user stopped it (or left): the server cancels the job, but its last line never arrives. */
  | { type: 'stopped' }
  | { type: 'failed'; error: unknown };

export function applyPreview(state: PreviewState, action: PreviewAction): PreviewState {
  switch (action.type) {
    case 'begin':
      return { ...IDLE_PREVIEW, phase: 'running' };
    case 'stopped':
      return state.phase === 'running' ? { ...state, phase: 'stopped', stoppedBy: 'CANCELLED' } : state;
    case 'failed':
      return { ...state, phase: 'failed', error: action.error };
    case 'event':
      return applyEvent(state, action.event);
  }
}

function applyEvent(state: PreviewState, event: SqlPreviewEvent): PreviewState {
  switch (event.type) {
    case 'columns':
      return { ...state, columns: event.columns };
    case 'job':
      return { ...state, jobId: event.jobId };
    case 'rows':
      return { ...state, rows: state.rows.concat(event.rows) };
    case 'end':
      return { ...state, phase: 'ended', stoppedBy: event.stoppedBy, jobId: event.jobId ?? state.jobId, jobEnded: event.jobEnded };
    default:
      // `started`, `alive`, and whatever a newer server adds: nothing to draw. `error` is thrown by readPreviewEvents.
      return state;
  }
}

/** Thrown for the stream's `error` line: the same error an HTTP answer carries. */
export class StreamedError extends Error {
  constructor(readonly error: { code: string; message: string; details?: unknown }) {
    super(error.message);
  }
}

/**
 * The events of a newline-delimited JSON stream, each as soon as its line is complete. A line that
 * is not a JSON object with a `type` is skipped (a proxy's noise must not end the preview); an
 * `error` line is thrown as a StreamedError.
 */
export async function* readPreviewEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<SqlPreviewEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffered += done ? decoder.decode() : decoder.decode(value, { stream: true });
      const lines = buffered.split('\n');
      buffered = done ? '' : lines.pop()!;
      for (const line of lines) {
        const event = parseLine(line);
        if (event?.type === 'error') throw new StreamedError(event.error?.code ? event.error : { code: 'INTERNAL', message: 'The preview failed' });
        if (event) yield event;
      }
      if (done) return;
    }
  } finally {
    reader.releaseLock();
  }
}

function parseLine(line: string): SqlPreviewEvent | null {
  if (!line.trim()) return null;
  try {
    const value = JSON.parse(line) as unknown;
    return value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string' ? (value as SqlPreviewEvent) : null;
  } catch {
    return null;
  }
}
