import type { OutboundGuard } from '../../outbound/outbound-guard.js';
import type { AlertNotice } from '../alert-templates.js';
import { teamsMessage } from '../alert-templates.js';
import { SEND_TIMEOUT_MS, type ChannelSender, type SendResult } from './channel-sender.js';
import { expectOk, postJson, redactUrl } from './http-post.js';

/** Microsoft Teams workflow webhook: an Adaptive Card; the workflow answers 202 Accepted (any 2xx is success). */
export class TeamsSender implements ChannelSender {
  readonly type = 'teams' as const;

  constructor(private readonly outbound: OutboundGuard) {}

  async send(notice: AlertNotice, config: Record<string, unknown>, signal: AbortSignal): Promise<SendResult> {
    const url = String(config.url);
    const body = JSON.stringify(teamsMessage(notice));
    const request = `POST ${redactUrl(url)} (Adaptive Card 1.4, ${Buffer.byteLength(body)} bytes)`;
    const answer = await postJson(url, body, { timeoutMs: SEND_TIMEOUT_MS, signal, requestSummary: request, outbound: this.outbound });
    expectOk(answer, request);
    return { request, response: answer.summary };
  }
}
