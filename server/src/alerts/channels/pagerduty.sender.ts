import type { OutboundGuard } from '../../outbound/outbound-guard.js';
import type { AlertNotice } from '../alert-templates.js';
import { pagerDutyEvent } from '../alert-templates.js';
import { DeliveryError, SEND_TIMEOUT_MS, type ChannelSender, type SendResult } from './channel-sender.js';
import { parseJsonAnswer, postJson, redactUrl } from './http-post.js';

/**
 * PagerDuty Events API v2. FIRING and STILL FIRING trigger with the dedup key `weir-<incident>`
 * (PagerDuty keeps one incident per key), RESOLVED resolves it. A test message triggers an info
 * event under a key of its own and resolves it at once, so it pages nobody for long. PagerDuty
 * answers 202 `{"status":"success"}`; 400 (invalid event) and 429 (throttled) are failures, retried
 * like any other.
 */
export class PagerDutySender implements ChannelSender {
  readonly type = 'pagerduty' as const;

  constructor(
    private readonly outbound: OutboundGuard,
    private readonly now: () => number = Date.now,
  ) {}

  async send(notice: AlertNotice, config: Record<string, unknown>, signal: AbortSignal): Promise<SendResult> {
    const url = String(config.url);
    const routingKey = String(config.routingKey ?? '');
    const severity = typeof config.severity === 'string' ? config.severity : 'critical';
    const dedupKey = notice.incidentId ? `weir-${notice.incidentId}` : `weir-test-${this.now()}`;
    const first = await this.post(url, pagerDutyEvent(notice, routingKey, severity, dedupKey), signal);
    if (notice.kind !== 'TEST') return first;
    const resolved = await this.post(url, pagerDutyEvent({ ...notice, kind: 'RESOLVED' }, routingKey, severity, dedupKey), signal);
    return { request: `${first.request}; then resolve`, response: `${first.response}; ${resolved.response}` };
  }

  private async post(url: string, event: ReturnType<typeof pagerDutyEvent>, signal: AbortSignal): Promise<SendResult> {
    const body = JSON.stringify(event);
    const request = `POST ${redactUrl(url)} (${event.event_action} ${event.dedup_key}, ${Buffer.byteLength(body)} bytes)`;
    const answer = await postJson(url, body, { timeoutMs: SEND_TIMEOUT_MS, signal, requestSummary: request, outbound: this.outbound });
    if (answer.status < 200 || answer.status >= 300) {
      throw new DeliveryError(`PagerDuty answered HTTP ${answer.status}${answer.status === 429 ? ' (throttled)' : answer.status === 400 ? ' (invalid event)' : ''}`, request, answer.summary, {
        httpStatus: answer.status,
      });
    }
    const json = parseJsonAnswer(answer, request, 'PagerDuty');
    if (json.status !== 'success') throw new DeliveryError('PagerDuty did not answer success', request, answer.summary);
    return { request, response: `${answer.summary}, success` };
  }
}
