import { createHmac } from 'node:crypto';
import type { OutboundGuard } from '../../outbound/outbound-guard.js';
import type { AlertNotice } from '../alert-templates.js';
import { alertmanagerPayload, webhookPayload } from '../alert-templates.js';
import { SEND_TIMEOUT_MS, type ChannelSender, type SendResult } from './channel-sender.js';
import { expectOk, postJson, redactUrl } from './http-post.js';

export const WEBHOOK_SIGNATURE_HEADER = 'x-weir-signature';
export const WEBHOOK_TIMESTAMP_HEADER = 'x-weir-timestamp';

/** `sha256=<hex HMAC-SHA256 of the exact body bytes, keyed with the secret>`. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/**
 * Generic webhook: POSTs the notice as JSON, Weir's own or Alertmanager's webhook body. With a secret it adds `X-Weir-Timestamp` (epoch ms)
 * and `X-Weir-Signature`; the body repeats the timestamp as `sentAt`, so the signature covers it
 * and a receiver can refuse replays. Any 2xx answer is success.
 */
export class WebhookSender implements ChannelSender {
  readonly type = 'webhook' as const;

  constructor(
    private readonly outbound: OutboundGuard,
    private readonly now: () => number = Date.now,
    /** Weir's address, as Alertmanager's `externalURL`. */
    private readonly externalUrl: string | null = null,
  ) {}

  async send(notice: AlertNotice, config: Record<string, unknown>, signal: AbortSignal): Promise<SendResult> {
    const url = String(config.url);
    const secret = typeof config.secret === 'string' && config.secret !== '' ? config.secret : null;
    const sentAt = this.now();
    const alertmanager = config.format === 'alertmanager';
    const body = JSON.stringify(alertmanager ? alertmanagerPayload(notice, this.externalUrl) : webhookPayload(notice, sentAt));
    const headers: Record<string, string> = {};
    if (secret) {
      headers[WEBHOOK_TIMESTAMP_HEADER] = String(sentAt);
      headers[WEBHOOK_SIGNATURE_HEADER] = webhookSignature(secret, body);
    }
    const request = `POST ${redactUrl(url)} (${alertmanager ? 'Alertmanager JSON' : 'JSON'}, ${Buffer.byteLength(body)} bytes${secret ? ', signed' : ''})`;
    const answer = await postJson(url, body, { headers, timeoutMs: SEND_TIMEOUT_MS, signal, requestSummary: request, outbound: this.outbound });
    expectOk(answer, request);
    return { request, response: answer.summary };
  }
}
