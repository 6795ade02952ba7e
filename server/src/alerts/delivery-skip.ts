import type { DeliverySkip } from '@weir/contract';

/**
 * The English line a canceled or held-back notice keeps in `error`, from the code stored beside it:
 * what the API's older readers and exports show, and what the web app falls back to. The web app
 * says the same from the code in the reader's language (features/alerts/delivery-skip-text.ts).
 */
export function deliverySkipText(skip: DeliverySkip): string {
  switch (skip.code) {
    case 'channelDeleted':
      return 'canceled: the channel was deleted';
    case 'channelDisabled':
      return 'canceled: the channel was disabled';
    case 'channelRemoved':
      return 'canceled: the channel was removed';
    case 'ruleDeleted':
      return 'canceled: the rule was deleted';
    case 'ruleDisabled':
      return 'canceled: the rule was disabled';
    case 'ruleChanged':
      return "canceled: the rule's condition changed";
    case 'silenced':
      return `silenced: ${skip.params.reason} (until ${new Date(skip.params.untilAt).toISOString()})`;
  }
}

/** Why a channel's notice is not sent: the channel as the dispatcher found it (undefined: no row). */
export function channelSkip(channel: { deletedAt: number | null; enabled: boolean } | undefined): DeliverySkip {
  if (!channel) return { code: 'channelRemoved', params: {} };
  return { code: channel.deletedAt !== null ? 'channelDeleted' : 'channelDisabled', params: {} };
}

/** Why an incident's notice is not sent: its rule as the dispatcher found it (undefined: no row). */
export function ruleSkip(rule: { deletedAt: number | null } | undefined): DeliverySkip {
  return { code: rule?.deletedAt ? 'ruleDeleted' : 'ruleDisabled', params: {} };
}

export function silencedSkip(silence: { reason: string; endsAt: number }): DeliverySkip {
  return { code: 'silenced', params: { reason: silence.reason, untilAt: silence.endsAt } };
}
