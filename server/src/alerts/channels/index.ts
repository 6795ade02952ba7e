import type { AlertChannelType } from '@weir/contract';
import type { OutboundGuard } from '../../outbound/outbound-guard.js';
import type { ChannelSender } from './channel-sender.js';
import { DingTalkSender } from './dingtalk.sender.js';
import { EmailSender } from './email.sender.js';
import { FeishuSender } from './feishu.sender.js';
import { PagerDutySender } from './pagerduty.sender.js';
import { SlackSender } from './slack.sender.js';
import { TeamsSender } from './teams.sender.js';
import { WebhookSender } from './webhook.sender.js';
import { WeComSender } from './wecom.sender.js';

export { DeliveryError, type ChannelSender, type SendResult } from './channel-sender.js';
export { classifyDeliveryFailure } from './delivery-failure.js';

export type ChannelSenders = Record<AlertChannelType, ChannelSender>;

/** One sender per channel type, each connecting only through `outbound`. */
export function defaultSenders(outbound: OutboundGuard, now: () => number = Date.now, publicUrl: string | null = null): ChannelSenders {
  return {
    webhook: new WebhookSender(outbound, now, publicUrl),
    dingtalk: new DingTalkSender(outbound, now),
    feishu: new FeishuSender(outbound, now),
    wecom: new WeComSender(outbound),
    email: new EmailSender(outbound),
    slack: new SlackSender(outbound),
    teams: new TeamsSender(outbound),
    pagerduty: new PagerDutySender(outbound, now),
  };
}
