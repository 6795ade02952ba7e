import type { DeliverySkip } from '@weir/contract';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../components/date-time-format';
import { deliveryFailureText, type DeliveryOutcome } from './delivery-failure-text';

// Why a notice was canceled or held back by a silence, in the reader's language, from the code the
// server stores beside its English line. Notices recorded before these codes have only that line,
// shown as it is. Pure (t and the language come in), so it is tested without a DOM.

export function deliverySkipText(t: TFunction, language: string, skip: DeliverySkip): string {
  if (skip.code === 'silenced') {
    // The silence's reason is its author's own words, quoted as written.
    return t('alerts.deliverySkip.silenced', { reason: skip.params.reason, until: formatDateTime(skip.params.untilAt, language) });
  }
  return t(`alerts.deliverySkip.${skip.code}` as const);
}

/** A history row's reason for not being delivered: skipped, failed, or (before codes) its text. */
export function deliveryReasonText(t: TFunction, language: string, delivery: DeliveryOutcome & { skipReason?: DeliverySkip | null }): string | null {
  return delivery.skipReason ? deliverySkipText(t, language, delivery.skipReason) : deliveryFailureText(t, delivery);
}
