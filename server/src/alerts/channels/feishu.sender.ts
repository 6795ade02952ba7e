import { createHmac } from 'node:crypto';
import type { OutboundGuard } from '../../outbound/outbound-guard.js';
import type { AlertNotice } from '../alert-templates.js';
import { feishuCard } from '../alert-templates.js';
import { DeliveryError, SEND_TIMEOUT_MS, type ChannelSender, type SendResult } from './channel-sender.js';
import { expectOk, parseJsonAnswer, postJson, redactUrl, vendorCode } from './http-post.js';

/**
 * Feishu/Lark's bot signature: base64(HMAC-SHA256(key = `${timestamp}\n${secret}`, message = "")),
 * with the timestamp in epoch seconds; sent as `timestamp` and `sign` in the JSON body.
 */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

/**
 * Feishu/Lark custom bot (open.feishu.cn/open-apis/bot/v2/hook/…): an interactive card. An answer
 * whose `code` is not 0 (bad signature, stale timestamp, keyword mismatch) is a failure.
 */
export class FeishuSender implements ChannelSender {
  readonly type = 'feishu' as const;

  constructor(
    private readonly outbound: OutboundGuard,
    private readonly now: () => number = Date.now,
  ) {}

  async send(notice: AlertNotice, config: Record<string, unknown>, signal: AbortSignal): Promise<SendResult> {
    const url = String(config.url);
    const secret = typeof config.secret === 'string' && config.secret !== '' ? config.secret : null;
    const message: Record<string, unknown> = {};
    if (secret) {
      const timestamp = Math.floor(this.now() / 1000);
      message.timestamp = String(timestamp);
      message.sign = feishuSign(secret, timestamp);
    }
    message.msg_type = 'interactive';
    message.card = feishuCard(notice);
    const body = JSON.stringify(message);
    const request = `POST ${redactUrl(url)} (interactive card, ${Buffer.byteLength(body)} bytes${secret ? ', signed' : ''})`;
    const answer = await postJson(url, body, { timeoutMs: SEND_TIMEOUT_MS, signal, requestSummary: request, outbound: this.outbound });
    expectOk(answer, request);
    const json = parseJsonAnswer(answer, request, 'Feishu');
    // Current bots answer {code, msg}; older ones {StatusCode, StatusMessage}.
    const code = json.code ?? json.StatusCode;
    if (code !== 0) {
      throw new DeliveryError(`Feishu answered code ${vendorCode(code)}`, request, `${answer.summary}, code ${vendorCode(code)}`, {
        serviceAnswer: { service: 'feishu', code: vendorCode(code) },
      });
    }
    return { request, response: `${answer.summary}, code 0` };
  }
}
