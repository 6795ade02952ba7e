import type { LogCapture } from '@weir/contract';

/** How long after an exception the capture it caused may start (the watcher sees the status within seconds; a restart loop, later). */
const AFTER_MS = 10 * 60_000;
/** Flink's exception time and the status time the capture is named after come from different clocks of the same JobManager. */
const BEFORE_MS = 5_000;

/**
 * The capture that holds the logs around an exception: the first one made for an event at or
 * just after it (a manual capture counts only when no automatic one does). Undefined when none did.
 */
export function captureNear(exceptionAt: number, captures: readonly LogCapture[]): LogCapture | undefined {
  const near = captures
    .filter((c) => c.status !== 'FAILED' && c.triggerAt >= exceptionAt - BEFORE_MS && c.triggerAt <= exceptionAt + AFTER_MS)
    .sort((a, b) => Number(a.trigger === 'MANUAL') - Number(b.trigger === 'MANUAL') || a.triggerAt - b.triggerAt);
  return near[0];
}

/** How a captured file is named in the viewer's picker. */
export function partLabel(part: LogCapture['parts'][number]): string {
  const where = part.component === 'jobmanager' ? 'JobManager' : `TaskManager ${part.tm ?? ''}`.trim();
  return `${where} · ${part.kind}`;
}
