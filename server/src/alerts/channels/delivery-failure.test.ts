import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_OUTBOUND_DENY, OutboundGuard } from '../../outbound/outbound-guard.js';
import { DeliveryError } from './channel-sender.js';
import { classifyDeliveryFailure } from './delivery-failure.js';
import { expectOk, postJson } from './http-post.js';

const TIMEOUT = { timeoutMs: 300 };
/** Weir's default rule, with loopback allowed: where these tests' receivers listen. */
const loopbackAllowed = () => new OutboundGuard({ deny: DEFAULT_OUTBOUND_DENY, allow: ['127.0.0.0/8'] });

/** What postJson throws for this address, within `timeoutMs`. */
async function failureOf(url: string, outbound = loopbackAllowed()): Promise<unknown> {
  try {
    expectOk(await postJson(url, '{}', { timeoutMs: TIMEOUT.timeoutMs, signal: AbortSignal.timeout(5000), requestSummary: `POST ${url}`, outbound }), `POST ${url}`);
  } catch (error) {
    assert.ok(error instanceof DeliveryError, `expected a DeliveryError, got ${String(error)}`);
    return error;
  }
  return assert.fail('expected the post to fail');
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

describe('a failed delivery gets its reason from the error the sender met on the network', () => {
  // One server that answers HTTP 503 to anything, one that accepts and never says a word.
  const answering = createServer((socket) => socket.once('data', () => socket.end('HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\nconnection: close\r\n\r\n')));
  const held: Socket[] = [];
  const silent = createServer((socket) => void held.push(socket));
  let answeringPort = 0;
  let silentPort = 0;
  before(async () => {
    answeringPort = await listen(answering);
    silentPort = await listen(silent);
  });
  after(() => {
    answering.close();
    for (const socket of held) socket.destroy();
    silent.close();
  });

  it('nothing listening: connection refused, with the address', async () => {
    const closed = createServer();
    const port = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failureOf(`http://127.0.0.1:${port}/hook`);
    assert.deepEqual(classifyDeliveryFailure(error, TIMEOUT), { code: 'connectionRefused', params: { address: `127.0.0.1:${port}` } });
    assert.match((error as Error).message, /ECONNREFUSED/, 'the raw text stays for the detail');
  });

  it('an answer that is not a success: the HTTP status', async () => {
    const error = await failureOf(`http://127.0.0.1:${answeringPort}/hook`);
    assert.deepEqual(classifyDeliveryFailure(error, TIMEOUT), { code: 'httpStatus', params: { status: 503 } });
  });

  it('no answer in time: a timeout of the sender\'s limit', async () => {
    const error = await failureOf(`http://127.0.0.1:${silentPort}/hook`);
    assert.deepEqual(classifyDeliveryFailure(error, TIMEOUT), { code: 'timedOut', params: { ms: 300 } });
  });

  it('https to a server that does not speak TLS: a TLS failure named by its code', async () => {
    const error = await failureOf(`https://127.0.0.1:${answeringPort}/hook`);
    const reason = classifyDeliveryFailure(error, TIMEOUT);
    assert.equal(reason.code, 'tlsFailed', JSON.stringify(reason));
    assert.match(reason.code === 'tlsFailed' ? reason.params.detail : '', /^ERR_SSL_/);
  });

  it('an address Weir\'s outbound rule forbids: refused by that rule, naming the host', async () => {
    const strict = new OutboundGuard({ deny: DEFAULT_OUTBOUND_DENY, allow: [] });
    const error = await failureOf(`http://127.0.0.1:${answeringPort}/hook`, strict);
    assert.deepEqual(classifyDeliveryFailure(error, TIMEOUT), { code: 'outboundDenied', params: { host: '127.0.0.1' } });
  });

  it('a name with no address (.invalid never resolves): name not resolved, naming the host', async () => {
    const error = await failureOf('http://weir-receiver.invalid/hook');
    assert.deepEqual(classifyDeliveryFailure(error, TIMEOUT), { code: 'nameNotResolved', params: { host: 'weir-receiver.invalid' } });
  });
});

describe('errors as the mail library reports them', () => {
  // nodemailer replaces a socket error's code with ESOCKET; the system's code is left in the message.
  const smtp = (message: string, code: string) => new DeliveryError(`${code}: ${message}`, 'SMTP x', null, { cause: Object.assign(new Error(message), { code }) });

  it('reads the system code from the message when the code was replaced', () => {
    assert.deepEqual(classifyDeliveryFailure(smtp('connect ECONNREFUSED 10.0.0.5:25', 'ESOCKET'), TIMEOUT), { code: 'connectionRefused', params: { address: '10.0.0.5:25' } });
    assert.deepEqual(classifyDeliveryFailure(smtp('getaddrinfo ENOTFOUND smtp.example', 'EDNS'), TIMEOUT), { code: 'nameNotResolved', params: { host: 'smtp.example' } });
    assert.deepEqual(classifyDeliveryFailure(smtp('Greeting never received', 'ETIMEDOUT'), TIMEOUT), { code: 'timedOut', params: { ms: 300 } });
    assert.deepEqual(classifyDeliveryFailure(smtp('certificate has expired', 'ESOCKET'), TIMEOUT), { code: 'tlsFailed', params: { detail: 'certificate has expired' } });
  });

  it('a certificate error that kept its code is named by the code', () => {
    const cause = Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    assert.deepEqual(classifyDeliveryFailure(new DeliveryError('self-signed certificate', null, null, { cause }), TIMEOUT), { code: 'tlsFailed', params: { detail: 'DEPTH_ZERO_SELF_SIGNED_CERT' } });
  });

  it('anything else is "other", keeping the sender\'s text, bounded', () => {
    assert.deepEqual(classifyDeliveryFailure(smtp('the server refused the login', 'EAUTH'), TIMEOUT), { code: 'other', params: { message: 'EAUTH: the server refused the login' } });
    assert.deepEqual(classifyDeliveryFailure(new DeliveryError('DingTalk answered errcode 310000', 'POST x', 'HTTP 200'), TIMEOUT), { code: 'other', params: { message: 'DingTalk answered errcode 310000' } });
    const long = classifyDeliveryFailure(new Error('x'.repeat(10_000)), TIMEOUT);
    assert.equal(long.code, 'other');
    assert.ok(long.code === 'other' && long.params.message.length <= 300, 'a receiver cannot fill the history with its text');
    assert.deepEqual(classifyDeliveryFailure('not an error', TIMEOUT), { code: 'other', params: { message: 'not an error' } });
  });

  it('a cause that wraps itself does not loop', () => {
    const looping = new Error('loop') as Error & { cause?: unknown };
    looping.cause = looping;
    assert.deepEqual(classifyDeliveryFailure(looping, TIMEOUT), { code: 'other', params: { message: 'loop' } });
  });
});
