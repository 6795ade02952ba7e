import type { HealthBand, HealthCheckName, HealthCheckResult, HealthReason } from '@weir/contract';

/** The score looks back this far. */
export const SCORE_WINDOW_MS = 30 * 60_000;

/** How much of the score each check can take: the ones that lose data or progress weigh most. */
export const CHECK_WEIGHTS: Record<HealthCheckName, number> = { checkpoint: 40, restarts: 35, backpressure: 25 };

export interface HealthScore {
  score: number;
  band: HealthBand;
  reasons: HealthReason[];
}

/**
 * The health score of one run, 0–100, from its check results (a log of state changes, oldest
 * first; the result in force at the window's start may be older than the window).
 *
 * Each check can take up to its weight: half of it while the check fails now, plus the share of
 * the last 30 minutes it spent failing, capped at the whole weight. So a check that starts failing
 * costs half its weight at once and the rest as the failure lasts; a failure that cleared keeps
 * costing, less and less, until it leaves the window. SKIPPED (not applicable) costs nothing.
 */
export function healthScore(results: readonly HealthCheckResult[], now: number, windowMs = SCORE_WINDOW_MS): HealthScore {
  const start = now - windowMs;
  const reasons: HealthReason[] = [];
  for (const check of Object.keys(CHECK_WEIGHTS) as HealthCheckName[]) {
    const timeline = results.filter((r) => r.check === check).sort((a, b) => a.at - b.at);
    if (timeline.length === 0) continue;
    let failingMs = 0;
    for (let i = 0; i < timeline.length; i++) {
      const result = timeline[i]!;
      if (result.state !== 'FAIL') continue;
      const from = Math.max(result.at, start);
      const to = Math.min(timeline[i + 1]?.at ?? now, now);
      if (to > from) failingMs += to - from;
    }
    const latest = [...timeline].reverse().find((r) => r.at <= now) ?? timeline[0]!;
    const failingNow = latest.state === 'FAIL';
    const share = failingMs / windowMs;
    const penalty = Math.round(CHECK_WEIGHTS[check] * Math.min(1, (failingNow ? 0.5 : 0) + share));
    if (penalty <= 0) continue;
    const lastFailure = [...timeline].reverse().find((r) => r.state === 'FAIL' && r.at <= now)!;
    const when = failingNow
      ? `failing now, ${percent(share)} of the last ${minutes(windowMs)}`
      : `failed ${percent(share)} of the last ${minutes(windowMs)}, passing since ${new Date(latest.at).toISOString()}`;
    const failing = { now: failingNow, share: Math.min(1, share), windowMs, passingSince: failingNow ? null : latest.at };
    reasons.push({ check, penalty, text: `${lastFailure.detail} (${when})`, ...(lastFailure.finding ? { finding: lastFailure.finding } : {}), failing });
  }
  reasons.sort((a, b) => b.penalty - a.penalty);
  const score = Math.max(0, 100 - reasons.reduce((sum, r) => sum + r.penalty, 0));
  return { score, band: bandOf(score), reasons };
}

export type EndedStatus = 'FINISHED' | 'CANCELED' | 'FAILED';

/**
 * The score a run ended with: its checks' score at its end, except that a run that ended FAILED is
 * not healthy whatever its checks said — the failure takes every point left, as a reason of its own.
 */
export function endedScore(checks: HealthScore, ended: { status: EndedStatus; at: number }): HealthScore {
  if (ended.status !== 'FAILED') return checks;
  const reasons: HealthReason[] = [{ check: 'outcome', penalty: checks.score, text: `the run ended FAILED at ${new Date(ended.at).toISOString()}`, finding: { code: 'endedFailed', params: { endedAt: ended.at } } }, ...checks.reasons];
  return { score: 0, band: bandOf(0), reasons };
}

export function bandOf(score: number): HealthBand {
  if (score >= 80) return 'healthy';
  if (score >= 50) return 'degraded';
  return 'unhealthy';
}

/** The score range of a band, for filters: [min, max] inclusive. */
export function bandRange(band: HealthBand): [number, number] {
  return band === 'healthy' ? [80, 100] : band === 'degraded' ? [50, 79] : [0, 49];
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function minutes(ms: number): string {
  return `${Math.round(ms / 60_000)} min`;
}
