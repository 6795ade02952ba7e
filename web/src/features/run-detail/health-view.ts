import type { HealthCheckName, HealthCheckResult, HealthCheckState, HealthFinding } from '@weir/contract';

export interface CheckView {
  check: HealthCheckName;
  state: HealthCheckState;
  detail: string;
  /** The same as a code, when the server sent one. */
  finding?: HealthFinding;
  /** When the check entered its current state (the results are a log of changes). */
  since: number;
}

/**
 * Each check's current state and since when, from the run's result log (oldest first, the last 30
 * minutes plus the result in force at their start). A new result with the same state (what failed
 * changed) does not restart the clock; `latest` decides the state when history is empty.
 */
export function checkViews(history: readonly HealthCheckResult[], latest: readonly HealthCheckResult[]): CheckView[] {
  return latest.map((current) => {
    const timeline = history.filter((r) => r.check === current.check).sort((a, b) => a.at - b.at);
    let since = current.at;
    for (let i = timeline.length - 1; i >= 0 && timeline[i]!.state === current.state; i -= 1) since = Math.min(since, timeline[i]!.at);
    return { check: current.check, state: current.state, detail: current.detail, ...(current.finding ? { finding: current.finding } : {}), since };
  });
}
