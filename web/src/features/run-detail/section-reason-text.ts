import type { SectionReason } from '@weir/contract';
import type { TFunction } from 'i18next';

// Why a run page section (or a log) is not live, in the reader's language, from the code the
// server sends beside its English. A server that sends no code (older than codes) has its English
// shown as it is. The values (cluster names, job ids, the cluster's last error, Flink's answers) are
// quoted. Pure (t comes in), so it is tested without a DOM.

export function sectionReasonText(t: TFunction, section: { reason: string | null; reasonCode?: SectionReason | null }): string {
  const { reasonCode } = section;
  // Trailing punctuation comes from the sentence around it.
  const params: Record<string, string | number> = { ...reasonCode?.params };
  const text = reasonCode ? t(`runDetail.source.reasons.${reasonCode.code}` as const, params) : (section.reason ?? '');
  return text.replace(/[.\s]+$/, '');
}
