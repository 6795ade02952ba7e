import type { OutboundGuard } from '../../outbound/outbound-guard.js';
import type { AlertNotice } from '../alert-templates.js';
import { slackMessage } from '../alert-templates.js';
import { DeliveryError, SEND_TIMEOUT_MS, type ChannelSender, type SendResult } from './channel-sender.js';
import { SECRET_MASK } from '@weir/contract';
import { postJson, redactUrl } from './http-post.js';

/**
 * Slack incoming webhook (hooks.slack.com/services/…): Block Kit. Slack answers 200 `ok`; any other
 * answer (400 `invalid_blocks`, 403 `invalid_token`, 404 `no_service`, 410 `channel_is_archived`) is
 * a failure, named by its status and Slack's short error code.
 */
export class SlackSender implements ChannelSender {
  readonly type = 'slack' as const;

  constructor(private readonly outbound: OutboundGuard) {}

  async send(notice: AlertNotice, config: Record<string, unknown>, signal: AbortSignal): Promise<SendResult> {
    const url = String(config.url);
    const body = JSON.stringify(slackMessage(notice));
    const request = `POST ${slackAddressForHistory(url)} (Block Kit, ${Buffer.byteLength(body)} bytes)`;
    const answer = await postJson(url, body, { timeoutMs: SEND_TIMEOUT_MS, signal, requestSummary: request, outbound: this.outbound });
    if (answer.status !== 200 || answer.text.trim() !== 'ok') {
      const code = slackErrorCode(answer.text);
      throw new DeliveryError(`Slack answered HTTP ${answer.status}${code ? ` ${code}` : ''}`, request, `${answer.summary}${code ? `, ${code}` : ''}`,
        // A 200 whose body is not "ok" is Slack's refusal, not an HTTP failure.
        { ...(answer.status === 200 ? {} : { httpStatus: answer.status }), ...(code ? { serviceAnswer: { service: 'slack', code } } : {}) },
      );
    }
    return { request, response: `${answer.summary}, ok` };
  }
}

/** Slack's errors are short snake_case codes; anything else in the body is not repeated. */
function slackErrorCode(text: string): string | null {
  const code = text.trim();
  return /^[a-z_]{2,60}$/.test(code) ? code : null;
}

/** The whole path of an incoming webhook is its token (`/services/T…/B…/…`), whatever its characters. */
function slackAddressForHistory(url: string): string {
  try {
    return `${new URL(url).origin}/services/${SECRET_MASK}`;
  } catch {
    return redactUrl(url);
  }
}
