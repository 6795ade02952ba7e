import { useEffect, useState } from 'react';
import { formatDuration } from './format-duration';

/**
 * A duration; for a run that has not ended it keeps counting from what the server computed at
 * `fetchedAt` (the client's clock when the answer came, so clock skew between the two does not show).
 */
export function LiveDuration({ durationMs, live, fetchedAt }: { durationMs: number | null; live: boolean; fetchedAt: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!live) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [live]);
  const shown = durationMs === null ? null : live ? durationMs + Math.max(0, now - fetchedAt) : durationMs;
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatDuration(shown) ?? '—'}</span>;
}
