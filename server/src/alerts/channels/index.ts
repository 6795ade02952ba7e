import type { AlertChannelType } from '@weir/contract';
import type { ChannelSender } from './channel-sender.js';
import { DingTalkSender } from './dingtalk.sender.js';
import { EmailSender } from './email.sender.js';
import { FeishuSender } from './feishu.sender.js';
import { WebhookSender } from './webhook.sender.js';
import { WeComSender } from './wecom.sender.js';

export { DeliveryError, type ChannelSender, type SendResult } from './channel-sender.js';

export type ChannelSenders = Record<AlertChannelType, ChannelSender>;

/** One sender per channel type. */
export function defaultSenders(now: () => number = Date.now): ChannelSenders {
  return {
    webhook: new WebhookSender(now),
    dingtalk: new DingTalkSender(now),
    feishu: new FeishuSender(now),
    wecom: new WeComSender(),
    email: new EmailSender(),
  };
}
