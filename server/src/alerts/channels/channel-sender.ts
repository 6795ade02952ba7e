import type { AlertChannelType } from '@weir/contract';
import type { AlertNotice } from '../alert-templates.js';
import type { ServiceAnswer } from './service-refusals.js';

/** What an attempt sent and what came back, for the history; never contains a secret. */
export interface SendResult {
  request: string;
  response: string;
}

/**
 * A failed attempt: `message` is the exact cause (refused, timed out, HTTP 500, errcode 310000 …);
 * `cause`, the library's error it came from, and `httpStatus`, the receiver's answer, are what
 * classifyDeliveryFailure reads to give the reason a code.
 */
export class DeliveryError extends Error {
  readonly httpStatus: number | undefined;
  /** A chat service's own refusal code (Slack's error word, DingTalk's errcode …), when it gave one. */
  readonly serviceAnswer: ServiceAnswer | undefined;

  constructor(
    message: string,
    readonly request: string | null,
    readonly response: string | null = null,
    options: { cause?: unknown; httpStatus?: number; serviceAnswer?: ServiceAnswer } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DeliveryError';
    this.httpStatus = options.httpStatus;
    this.serviceAnswer = options.serviceAnswer;
  }
}

/** Sends one notice through one channel; `config` has its secrets opened. Throws DeliveryError. */
export interface ChannelSender {
  readonly type: AlertChannelType;
  send(notice: AlertNotice, config: Record<string, unknown>, signal: AbortSignal): Promise<SendResult>;
}

export const SEND_TIMEOUT_MS = 10_000;
