import { request } from 'undici';
import { SECRET_MASK } from '@weir/contract';
import { OutboundDeniedError, type OutboundGuard } from '../../outbound/outbound-guard.js';
import { DeliveryError } from './channel-sender.js';

export interface HttpAnswer {
  status: number;
  text: string;
  /**
   * "HTTP 200", for the history and the test result. Never the body: a channel's address is the
   * caller's choice and may be a private service, whose answer must not be shown back or stored.
   */
  summary: string;
}

/**
 * POSTs a JSON body and reads the answer. Connection failures and timeouts become a DeliveryError
 * carrying the exact cause ("connect ECONNREFUSED 127.0.0.1:9"); any HTTP answer is returned.
 */
export async function postJson(
  url: string,
  body: string,
  options: { headers?: Record<string, string>; timeoutMs: number; signal: AbortSignal; requestSummary: string; outbound: OutboundGuard },
): Promise<HttpAnswer> {
  try {
    const response = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Weir-Alerts/1', ...options.headers },
      body,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      signal: AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]),
      dispatcher: options.outbound.dispatcher(options.timeoutMs),
    });
    const text = await response.body.text();
    const status = response.statusCode;
    return { status, text, summary: `HTTP ${status}` };
  } catch (error) {
    if (error instanceof OutboundDeniedError) throw new DeliveryError(error.message, options.requestSummary, null, { cause: error });
    throw new DeliveryError(describeNetworkError(error, options.timeoutMs), options.requestSummary, null, { cause: error });
  }
}

/** Throws unless the status is 2xx. */
export function expectOk(answer: HttpAnswer, requestSummary: string): void {
  if (answer.status < 200 || answer.status >= 300) {
    throw new DeliveryError(`the receiver answered HTTP ${answer.status}`, requestSummary, answer.summary, { httpStatus: answer.status });
  }
}

/** Parses a robot's JSON answer; a non-JSON 2xx answer is a failure too. */
export function parseJsonAnswer(answer: HttpAnswer, requestSummary: string, vendor: string): Record<string, unknown> {
  try {
    const parsed = JSON.parse(answer.text) as unknown;
    if (parsed && typeof parsed === 'object') return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new DeliveryError(`${vendor} answered with something that is not JSON`, requestSummary, answer.summary);
}

/** The URL with query values and token-like path segments masked: safe for the history and logs. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    const path = url.pathname
      .split('/')
      .map((segment) => (segment.length >= 16 && /[0-9]/.test(segment) ? SECRET_MASK : segment))
      .join('/');
    const query = [...url.searchParams.keys()].map((key) => `${key}=${SECRET_MASK}`).join('&');
    return `${url.origin}${path}${query ? `?${query}` : ''}`;
  } catch {
    return '(invalid URL)';
  }
}

/**
 * A robot's own result code (DingTalk/WeCom errcode, Feishu code) as a number, for messages: the
 * code tells what went wrong (see the vendor's list); its text is the answer's and is not repeated.
 */
export function vendorCode(value: unknown): string {
  return typeof value === 'number' && Number.isInteger(value) ? String(value) : '(none)';
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error) {
    const name = error.name;
    const code = (error as { code?: unknown }).code;
    if (name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
      return `no answer within ${timeoutMs} ms`;
    }
    if (name === 'AbortError') return `aborted: ${String((error as { cause?: unknown }).cause ?? error.message)}`;
    const cause = (error as { cause?: unknown }).cause;
    const message = error.message || String(code ?? name);
    const withCode = typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message;
    return cause instanceof Error && cause.message && !withCode.includes(cause.message) ? `${withCode}: ${cause.message}` : withCode;
  }
  return String(error);
}
