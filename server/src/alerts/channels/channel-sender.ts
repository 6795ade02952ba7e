import type { AlertChannelType } from '@weir/contract';
import type { AlertNotice } from '../alert-templates.js';

/** What an attempt sent and what came back, for the history; never contains a secret. */
export interface SendResult {
  request: string;
  response: string;
}

/** A failed attempt: `message` is the exact cause (refused, timed out, HTTP 500, errcode 310000 …). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly request: string | null,
    readonly response: string | null = null,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** Sends one notice through one channel; `config` has its secrets opened. Throws DeliveryError. */
export interface ChannelSender {
  readonly type: AlertChannelType;
  send(notice: AlertNotice, config: Record<string, unknown>, signal: AbortSignal): Promise<SendResult>;
}

export const SEND_TIMEOUT_MS = 10_000;
