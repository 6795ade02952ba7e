import type { OutboundGuard } from '../../outbound/outbound-guard.js';
import type { AlertNotice } from '../alert-templates.js';
import { weComMarkdown } from '../alert-templates.js';
import { DeliveryError, SEND_TIMEOUT_MS, type ChannelSender, type SendResult } from './channel-sender.js';
import { expectOk, parseJsonAnswer, postJson, redactUrl, vendorCode } from './http-post.js';

/**
 * WeCom (WeChat Work) group robot (qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…): a markdown
 * message. WeCom robots have no signature; the key in the address is the credential. An answer
 * whose `errcode` is not 0 is a failure.
 */
export class WeComSender implements ChannelSender {
  readonly type = 'wecom' as const;

  constructor(private readonly outbound: OutboundGuard) {}

  async send(notice: AlertNotice, config: Record<string, unknown>, signal: AbortSignal): Promise<SendResult> {
    const url = String(config.url);
    const body = JSON.stringify({ msgtype: 'markdown', markdown: { content: weComMarkdown(notice) } });
    const request = `POST ${redactUrl(url)} (markdown, ${Buffer.byteLength(body)} bytes)`;
    const answer = await postJson(url, body, { timeoutMs: SEND_TIMEOUT_MS, signal, requestSummary: request, outbound: this.outbound });
    expectOk(answer, request);
    const json = parseJsonAnswer(answer, request, 'WeCom');
    if (json.errcode !== 0) {
      throw new DeliveryError(`WeCom answered errcode ${vendorCode(json.errcode)}`, request, `${answer.summary}, errcode ${vendorCode(json.errcode)}`, {
        serviceAnswer: { service: 'wecom', code: vendorCode(json.errcode) },
      });
    }
    return { request, response: `${answer.summary}, errcode 0` };
  }
}
