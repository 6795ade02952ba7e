import type { HealthCheckResult, HealthFinding, HealthReason } from '@weir/contract';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../components/date-time-format';

// The health score's reasons and the checks' findings in the reader's language, from the codes the
// server sends beside its English. A reason or result kept before the server sent codes has only its
// English, which is shown as it is. Pure (t and the language come in), so it is tested without a DOM.

/** A duration as the checks round it: 850 ms, 45 s, 12 min, 3 h. */
export function durationText(t: TFunction, ms: number): string {
  if (ms < 1000) return t('overview.health.duration.ms', { n: Math.round(ms) });
  if (ms < 120_000) return t('overview.health.duration.s', { n: Math.round(ms / 1000) });
  if (ms < 2 * 3600_000) return t('overview.health.duration.min', { n: Math.round(ms / 60_000) });
  return t('overview.health.duration.h', { n: Math.round(ms / 3600_000) });
}

/** The values of a finding as shown: `…Ms` durations and `…At` times in the reader's language. */
function shown(t: TFunction, language: string, params: HealthFinding['params']): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'number' && name.endsWith('Ms')) out[name] = durationText(t, value);
    else if (typeof value === 'number' && name.endsWith('At')) out[name] = formatDateTime(value, language);
    else out[name] = value;
  }
  return out;
}

export function findingText(t: TFunction, language: string, finding: HealthFinding): string {
  return t(`overview.health.findings.${finding.code}`, shown(t, language, finding.params));
}

/** What a check found: from its code, or its English when it has none. */
export function checkDetailText(t: TFunction, language: string, result: Pick<HealthCheckResult, 'detail' | 'finding'>): string {
  return result.finding ? findingText(t, language, result.finding) : result.detail;
}

/** One reason of the score: what failed, and for a check how long it failed in the score's window. */
export function reasonText(t: TFunction, language: string, reason: HealthReason): string {
  if (!reason.finding) return reason.text;
  const finding = findingText(t, language, reason.finding);
  if (!reason.failing) return finding;
  const { now, share, windowMs, passingSince } = reason.failing;
  const values = { share: `${Math.round(share * 100)}%`, window: durationText(t, windowMs), since: formatDateTime(passingSince, language) };
  const span = now ? t('overview.health.failingNow', values) : t('overview.health.failedEarlier', values);
  return t('overview.health.withSpan', { finding, span });
}
