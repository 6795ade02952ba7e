/** A status change a job went through, with the time Flink reports for it. */
export interface Change {
  jid: string;
  status: string;
  at: number;
}

/**
 * A status a watcher recorded. `at` is the Flink time it recorded with the
 * status when it has one (Weir does); a poller that only sees the current
 * status (the baseline) leaves it out.
 */
export interface Detection {
  jid: string;
  status: string;
  at?: number;
  recordedAt: number;
}

export interface DetectionSummary {
  changes: number;
  detected: number;
  missed: number;
  /** Detection latencies in ms, ascending. */
  latencies: number[];
  p50: number;
  p99: number;
  max: number;
}

/**
 * Pairs every change with the detection that recorded it and returns the time
 * from the change to its recording. A detection that carries Flink's time
 * matches the change with that exact time; one without it matches the earliest
 * change of that job to that status it could have seen (at or after the
 * change, before the job entered the same status again). A change nobody
 * recorded is missed: it counts as infinitely late in the percentiles.
 */
export function matchDetections(changes: readonly Change[], detections: readonly Detection[]): DetectionSummary {
  const byKey = new Map<string, Detection[]>();
  for (const d of [...detections].sort((a, b) => a.recordedAt - b.recordedAt)) {
    const key = `${d.jid}|${d.status}`;
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(d);
  }
  const sorted = [...changes].sort((a, b) => a.at - b.at);
  const nextSameStatus = new Map<Change, number>();
  const lastSeen = new Map<string, Change>();
  for (const c of [...sorted].reverse()) {
    const key = `${c.jid}|${c.status}`;
    nextSameStatus.set(c, lastSeen.get(key)?.at ?? Number.POSITIVE_INFINITY);
    lastSeen.set(key, c);
  }
  const used = new Set<Detection>();
  const latencies: number[] = [];
  let missed = 0;
  for (const c of sorted) {
    const candidates = byKey.get(`${c.jid}|${c.status}`) ?? [];
    const until = nextSameStatus.get(c)!;
    const d = candidates.find((x) => !used.has(x) && (x.at !== undefined ? x.at === c.at : x.recordedAt >= c.at && x.recordedAt < until));
    if (!d) {
      missed += 1;
      continue;
    }
    used.add(d);
    latencies.push(Math.max(0, d.recordedAt - c.at));
  }
  latencies.sort((a, b) => a - b);
  const withMissed = (q: number) => percentile(latencies, changes.length, q);
  return {
    changes: changes.length,
    detected: latencies.length,
    missed,
    latencies,
    p50: withMissed(0.5),
    p99: withMissed(0.99),
    max: missed ? Number.POSITIVE_INFINITY : (latencies.at(-1) ?? 0),
  };
}

/** The q-quantile (nearest rank) of `total` values of which `sorted` are known and the rest are infinite. */
export function percentile(sorted: readonly number[], total: number, q: number): number {
  if (total === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(q * total));
  return rank <= sorted.length ? sorted[rank - 1]! : Number.POSITIVE_INFINITY;
}
