// A run's statuses over time as one strip: each status a segment as wide as it lasted, so a run that
// restarted every minute for an hour looks different at a glance from one that ran for an hour and
// failed. Pure, so it is tested without a DOM; status-strip.tsx draws it.

export interface StripSegment {
  status: string;
  from: number;
  to: number;
  /** Share of the strip, 0..1; a segment too short to see still gets MIN_SHARE. */
  share: number;
}

/** The narrowest a segment is drawn (a 200 ms RESTARTING in a day's run would otherwise vanish). */
export const MIN_SHARE = 0.006;

/**
 * Segments from the transitions (in order, each the status from its time until the next), up to
 * `end`: the run's end, or now for a run still going. Transitions at or after `end` and repeats of
 * the same status are folded; widths are scaled so the minimum-width ones still add up to 1.
 */
export function statusSegments(transitions: ReadonlyArray<{ toStatus: string; at: number }>, end: number): StripSegment[] {
  const ordered = [...transitions].sort((a, b) => a.at - b.at).filter((t) => t.at <= end);
  const segments: Array<Omit<StripSegment, 'share'>> = [];
  for (const [i, t] of ordered.entries()) {
    const to = Math.max(t.at, ordered[i + 1]?.at ?? end);
    const last = segments.at(-1);
    if (last && last.status === t.toStatus) last.to = to;
    else segments.push({ status: t.toStatus, from: t.at, to });
  }
  const total = segments.reduce((sum, s) => sum + (s.to - s.from), 0);
  if (segments.length === 0) return [];
  if (total <= 0) return segments.map((s) => ({ ...s, share: 1 / segments.length }));
  const raw = segments.map((s) => (s.to - s.from) / total);
  const small = raw.filter((r) => r < MIN_SHARE).length;
  const bigTotal = raw.filter((r) => r >= MIN_SHARE).reduce((a, b) => a + b, 0);
  const scale = bigTotal > 0 ? (1 - small * MIN_SHARE) / bigTotal : 0;
  return segments.map((s, i) => ({ ...s, share: raw[i]! < MIN_SHARE ? MIN_SHARE : raw[i]! * scale }));
}
