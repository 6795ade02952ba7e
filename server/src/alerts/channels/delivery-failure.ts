import type { DeliveryFailure } from '@weir/contract';
import { OutboundDeniedError } from '../../outbound/outbound-guard.js';
import { DeliveryError } from './channel-sender.js';
import { serviceRefusal } from './service-refusals.js';

// Why a notice could not be delivered, as a code the web app says in the reader's language. Decided
// here, from the error a sender threw, in one place for every channel: senders keep throwing what
// they know (undici's, Node's and nodemailer's errors, wrapped in a DeliveryError as its cause).
// Pure: the same error always gives the same reason.

/** Values quoted into a sentence are kept short: they come from the receiver's side. */
const MAX_PARAM = 300;
/** How deep to follow `cause`: undici and fetch wrap the system error once or twice. */
const MAX_CAUSES = 5;

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const UNRESOLVED_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL', 'EDNS']);
/** OpenSSL's verification codes, Node's TLS codes, and nodemailer's failed STARTTLS. */
const TLS_CODE = /^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|HOSTNAME_MISMATCH$|ETLS$)/;
/**
 * nodemailer replaces a socket error's code with its own (ESOCKET), so the system code survives
 * only in the message ("connect ECONNREFUSED 127.0.0.1:25", "certificate has expired").
 */
const REFUSED_TEXT = /\bECONNREFUSED\b(?:\s+(\S+))?/;
const UNRESOLVED_TEXT = /\b(?:ENOTFOUND|EAI_AGAIN)\b(?:\s+(\S+))?/;
const TIMEOUT_TEXT = /\bETIMEDOUT\b/;
const TLS_TEXT = /certificate|\bTLS\b|\bSSL\b/i;

interface ErrorFacts {
  name: string;
  code: string | undefined;
  message: string;
  address: string | undefined;
  port: number | string | undefined;
  hostname: string | undefined;
}

/**
 * The reason for a failed attempt. `timeoutMs` is the sender's time limit, which a timeout error
 * does not carry itself.
 */
export function classifyDeliveryFailure(error: unknown, context: { timeoutMs: number }): DeliveryFailure {
  // A chat service's own code names the cause better than the HTTP status it came with.
  const refused = error instanceof DeliveryError && error.serviceAnswer ? serviceRefusal(error.serviceAnswer) : undefined;
  if (refused) return refused;
  if (error instanceof DeliveryError && error.httpStatus !== undefined) return { code: 'httpStatus', params: { status: error.httpStatus } };
  const chain = causesOf(error);
  for (const link of chain) {
    if (link instanceof OutboundDeniedError) return { code: 'outboundDenied', params: { host: bounded(hostOf(link)) } };
  }
  const facts = chain.map(factsOf);
  // A code names the failure exactly; the messages are read only when no error in the chain has one.
  for (const fact of facts) {
    const byCode = fromCode(fact, context);
    if (byCode) return byCode;
  }
  // The innermost message is the library's own, before a sender prefixed it.
  for (const fact of [...facts].reverse()) {
    const byText = fromText(fact, context);
    if (byText) return byText;
  }
  return { code: 'other', params: { message: bounded(facts[0]?.message ?? String(error)) } };
}

function fromCode(fact: ErrorFacts, context: { timeoutMs: number }): DeliveryFailure | undefined {
  const { code } = fact;
  if (fact.name === 'TimeoutError' || (code !== undefined && TIMEOUT_CODES.has(code))) return { code: 'timedOut', params: { ms: context.timeoutMs } };
  if (code === undefined) return undefined;
  if (code === 'ECONNREFUSED') {
    const address = fact.address !== undefined ? (fact.port !== undefined ? `${fact.address}:${fact.port}` : fact.address) : REFUSED_TEXT.exec(fact.message)?.[1];
    return { code: 'connectionRefused', params: { address: bounded(address ?? '') } };
  }
  if (UNRESOLVED_CODES.has(code)) return { code: 'nameNotResolved', params: { host: bounded(fact.hostname ?? UNRESOLVED_TEXT.exec(fact.message)?.[1] ?? '') } };
  if (TLS_CODE.test(code)) return { code: 'tlsFailed', params: { detail: bounded(code === 'ETLS' ? fact.message : code) } };
  return undefined;
}

function fromText(fact: ErrorFacts, context: { timeoutMs: number }): DeliveryFailure | undefined {
  const refused = REFUSED_TEXT.exec(fact.message);
  if (refused) return { code: 'connectionRefused', params: { address: bounded(refused[1] ?? '') } };
  const unresolved = UNRESOLVED_TEXT.exec(fact.message);
  if (unresolved) return { code: 'nameNotResolved', params: { host: bounded(unresolved[1] ?? '') } };
  if (TIMEOUT_TEXT.test(fact.message)) return { code: 'timedOut', params: { ms: context.timeoutMs } };
  if (TLS_TEXT.test(fact.message)) return { code: 'tlsFailed', params: { detail: bounded(fact.message) } };
  return undefined;
}

/** The error and the errors it wraps, outermost first. */
function causesOf(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && chain.length < MAX_CAUSES && !chain.includes(current)) {
    chain.push(current);
    current = current instanceof Error ? current.cause : undefined;
  }
  return chain;
}

function factsOf(error: unknown): ErrorFacts {
  if (!(error instanceof Error)) return { name: '', code: undefined, message: String(error), address: undefined, port: undefined, hostname: undefined };
  const fields = error as Error & { code?: unknown; address?: unknown; port?: unknown; hostname?: unknown };
  return {
    name: error.name,
    code: typeof fields.code === 'string' ? fields.code : undefined,
    message: error.message,
    address: typeof fields.address === 'string' ? fields.address : undefined,
    port: typeof fields.port === 'number' || typeof fields.port === 'string' ? fields.port : undefined,
    hostname: typeof fields.hostname === 'string' ? fields.hostname : undefined,
  };
}

function hostOf(error: OutboundDeniedError): string {
  const details = error.details as { host?: unknown } | undefined;
  return typeof details?.host === 'string' ? details.host : '';
}

function bounded(text: string): string {
  return text.length > MAX_PARAM ? `${text.slice(0, MAX_PARAM - 1)}…` : text;
}
