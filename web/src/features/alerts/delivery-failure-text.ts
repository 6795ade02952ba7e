import type { DeliveryFailure } from '@weir/contract';
import type { TFunction } from 'i18next';

// Why a notice was not delivered, in the reader's language, from the code the server stores beside
// the sender's own error text. Attempts recorded before failures had codes have only their text,
// shown as it is; notices canceled or held back are said by delivery-skip-text.ts. Pure (t comes
// in), so it is tested without a DOM.

export interface DeliveryOutcome {
  error: string | null;
  errorCode?: DeliveryFailure | null;
}

export function deliveryFailureText(t: TFunction, delivery: DeliveryOutcome): string | null {
  const failure = delivery.errorCode;
  if (!failure) return delivery.error;
  switch (failure.code) {
    // A refused connection or an unknown name whose address Node did not give has its own sentence.
    case 'connectionRefused':
      return failure.params.address ? t('alerts.deliveryFailure.connectionRefused', failure.params) : t('alerts.deliveryFailure.connectionRefusedNoAddress');
    case 'nameNotResolved':
      return failure.params.host ? t('alerts.deliveryFailure.nameNotResolved', failure.params) : t('alerts.deliveryFailure.nameNotResolvedNoHost');
    case 'timedOut':
      return t('alerts.deliveryFailure.timedOut', failure.params);
    case 'tlsFailed':
      return t('alerts.deliveryFailure.tlsFailed', failure.params);
    case 'httpStatus':
      return t('alerts.deliveryFailure.httpStatus', failure.params);
    case 'outboundDenied':
      return t('alerts.deliveryFailure.outboundDenied', failure.params);
    case 'tokenInvalid':
    case 'webhookGone':
    case 'channelNotFound':
    case 'channelArchived':
    case 'signatureRejected':
    case 'keywordMissing':
    case 'ipNotAllowed':
    case 'rateLimited':
    case 'messageRejected':
      // The service by the name the channel list gives it; its own code quoted as it answered.
      return t(`alerts.deliveryFailure.${failure.code}`, {
        service: t(`alerts.channelType.${failure.params.service}`, { defaultValue: failure.params.service }),
        serviceCode: failure.params.serviceCode,
      });
    case 'other':
      return t('alerts.deliveryFailure.other', failure.params);
  }
}

/** The sender's own text, for the detail, when the sentence above was said from a code instead. */
export function senderText(delivery: DeliveryOutcome): string | null {
  return delivery.errorCode ? delivery.error : null;
}
