// How Flink reports a vertex's watermarks (GET /jobs/:jid/vertices/:vid/watermarks), read as one time.

/** The lowest current input watermark over a vertex's subtasks; null when none has one yet. */
export function lowestWatermark(values: { id: string; value?: string }[]): number | null {
  let lowest: number | null = null;
  for (const v of values) {
    if (!v.id.endsWith('currentInputWatermark')) continue;
    const n = Number(v.value);
    // Flink reports Long.MIN_VALUE until a watermark arrives.
    if (!Number.isFinite(n) || n <= 0) return null;
    lowest = lowest === null ? n : Math.min(lowest, n);
  }
  return lowest;
}
