import { formatDuration } from './format-duration';
import { useServerNow } from './use-server-now';

/**
 * A run's duration. One that has not ended counts on as Weir's now − its start (the rule the server
 * applies), from the page's one clock, so the overview row, its history and the run page agree.
 */
export function LiveDuration({ durationMs, startTime, live }: { durationMs: number | null; startTime: number | null; live: boolean }) {
  return live && startTime !== null ? <TickingDuration startTime={startTime} /> : <Shown ms={durationMs} />;
}

function TickingDuration({ startTime }: { startTime: number }) {
  const now = useServerNow();
  return <Shown ms={Math.max(0, now - startTime)} />;
}

function Shown({ ms }: { ms: number | null }) {
  return <span data-testid="duration" style={{ fontVariantNumeric: 'tabular-nums' }}>{formatDuration(ms) ?? '—'}</span>;
}
