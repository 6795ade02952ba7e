/** A duration in the largest units that read well: "850 ms", "2 s", "3 min 5 s", "2 h 7 min". Pure (no app state), so pure modules can use it. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '–';
  if (ms >= 3_600_000) return `${Math.floor(ms / 3_600_000)} h ${Math.floor((ms % 3_600_000) / 60_000)} min`;
  if (ms >= 60_000) return `${Math.floor(ms / 60_000)} min ${Math.floor((ms % 60_000) / 1000)} s`;
  if (ms >= 1_000) return `${Number((ms / 1000).toPrecision(3))} s`;
  return `${Math.round(ms)} ms`;
}
