import { createHmac } from 'node:crypto';
import type { OutboundGuard } from '../../outbound/outbound-guard.js';
import type { AlertNotice } from '../alert-templates.js';
import { dingTalkMarkdown } from '../alert-templates.js';
import { DeliveryError, SEND_TIMEOUT_MS, type ChannelSender, type SendResult } from './channel-sender.js';
import { expectOk, parseJsonAnswer, postJson, redactUrl, vendorCode } from './http-post.js';

/**
 * DingTalk's robot signature: base64(HMAC-SHA256(key = secret, message = `${timestamp}\n${secret}`)),
 * with the timestamp in epoch milliseconds; sent URL-encoded as the `sign` query parameter.
 */
export function dingTalkSign(secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
}

/**
 * DingTalk custom robot (oapi.dingtalk.com/robot/send?access_token=…): a markdown message. A 200
 * answer with `errcode` other than 0 (bad signature, rate limit, keyword mismatch) is a failure.
 */
export class DingTalkSender implements ChannelSender {
  readonly type = 'dingtalk' as const;

  constructor(
    private readonly outbound: OutboundGuard,
    private readonly now: () => number = Date.now,
  ) {}

  async send(notice: AlertNotice, config: Record<string, unknown>, signal: AbortSignal): Promise<SendResult> {
    const secret = typeof config.secret === 'string' && config.secret !== '' ? config.secret : null;
    const atMobiles = Array.isArray(config.atMobiles) ? (config.atMobiles as string[]) : [];
    const url = new URL(String(config.url));
    if (secret) {
      const timestamp = this.now();
      url.searchParams.set('timestamp', String(timestamp));
      url.searchParams.set('sign', dingTalkSign(secret, timestamp));
    }
    const body = JSON.stringify({
      msgtype: 'markdown',
      markdown: dingTalkMarkdown(notice, atMobiles),
      at: { atMobiles, isAtAll: config.atAll === true },
    });
    const request = `POST ${redactUrl(url.toString())} (markdown, ${Buffer.byteLength(body)} bytes${secret ? ', signed' : ''})`;
    const answer = await postJson(url.toString(), body, { timeoutMs: SEND_TIMEOUT_MS, signal, requestSummary: request, outbound: this.outbound });
    expectOk(answer, request);
    const json = parseJsonAnswer(answer, request, 'DingTalk');
    if (json.errcode !== 0) {
      throw new DeliveryError(`DingTalk answered errcode ${vendorCode(json.errcode)}`, request, `${answer.summary}, errcode ${vendorCode(json.errcode)}`, {
        // 310000 is every security setting's refusal; its errmsg tells which.
        serviceAnswer: { service: 'dingtalk', code: vendorCode(json.errcode), message: typeof json.errmsg === 'string' ? json.errmsg : undefined },
      });
    }
    return { request, response: `${answer.summary}, errcode 0` };
  }
}
