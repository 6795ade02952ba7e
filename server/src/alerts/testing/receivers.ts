// Real receivers on 127.0.0.1 for the alert tests: one HTTP server speaking the generic webhook,
// DingTalk, Feishu/Lark and WeCom robot protocols (checking each signature the way the vendor
// documents it, independently of Weir's senders), and a real SMTP server with STARTTLS and AUTH.
import { execFileSync } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export type RobotKind = 'webhook' | 'dingtalk' | 'feishu' | 'wecom';

export interface ReceivedMessage {
  kind: RobotKind;
  at: number;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
  /** Whether the signature checked out (always true when the robot has no secret). */
  verified: boolean;
}

export interface RobotReceiverOptions {
  webhookSecret?: string;
  dingTalk?: { accessToken: string; secret?: string };
  feishu?: { hookId: string; secret?: string };
  wecom?: { key: string };
}

const ONE_HOUR_MS = 3600_000;

/** The four HTTP receivers in one server. Set `failNext[kind] = n` to answer HTTP 500 n times. */
export class RobotReceiver {
  readonly received: ReceivedMessage[] = [];
  /** Rejected requests (bad signature or key), kept to assert on. */
  readonly rejected: Array<{ kind: RobotKind; reason: string }> = [];
  readonly failNext: Partial<Record<RobotKind, number>> = {};
  private server: Server | undefined;
  private base = '';

  constructor(private readonly options: RobotReceiverOptions) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const answer = this.answer(req, raw);
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  url(kind: RobotKind, credentials: { token?: string } = {}): string {
    switch (kind) {
      case 'webhook':
        return `${this.base}/webhook`;
      case 'dingtalk':
        return `${this.base}/robot/send?access_token=${credentials.token ?? this.options.dingTalk?.accessToken}`;
      case 'feishu':
        return `${this.base}/open-apis/bot/v2/hook/${credentials.token ?? this.options.feishu?.hookId}`;
      case 'wecom':
        return `${this.base}/cgi-bin/webhook/send?key=${credentials.token ?? this.options.wecom?.key}`;
    }
  }

  of(kind: RobotKind): ReceivedMessage[] {
    return this.received.filter((m) => m.kind === kind);
  }

  private answer(req: IncomingMessage, raw: string): { status: number; body: unknown } {
    const url = new URL(req.url ?? '/', 'http://x');
    const kind: RobotKind | undefined = url.pathname === '/webhook'
      ? 'webhook'
      : url.pathname === '/robot/send'
        ? 'dingtalk'
        : url.pathname.startsWith('/open-apis/bot/v2/hook/')
          ? 'feishu'
          : url.pathname === '/cgi-bin/webhook/send'
            ? 'wecom'
            : undefined;
    if (!kind || req.method !== 'POST') return { status: 404, body: { error: 'not found' } };
    if ((this.failNext[kind] ?? 0) > 0) {
      this.failNext[kind]! -= 1;
      return { status: 500, body: { error: 'receiver is down' } };
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return { status: 400, body: { error: 'not JSON' } };
    }
    const check = this.verify(kind, req, url, raw, body);
    if (!check.ok) {
      this.rejected.push({ kind, reason: check.reason });
      return check.answer;
    }
    this.received.push({ kind, at: Date.now(), path: url.pathname, headers: req.headers, body, verified: true });
    return { status: 200, body: check.answer.body };
  }

  private verify(
    kind: RobotKind,
    req: IncomingMessage,
    url: URL,
    raw: string,
    body: Record<string, unknown>,
  ): { ok: true; answer: { status: number; body: unknown } } | { ok: false; reason: string; answer: { status: number; body: unknown } } {
    switch (kind) {
      case 'webhook': {
        const secret = this.options.webhookSecret;
        if (!secret) return { ok: true, answer: { status: 204, body: {} } };
        const expected = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
        const given = String(req.headers['x-weir-signature'] ?? '');
        const timestamp = Number(req.headers['x-weir-timestamp']);
        if (!safeEqual(given, expected)) return fail('bad signature', 401, { error: 'bad signature' });
        if (!(Math.abs(Date.now() - timestamp) < 5 * 60_000) || body.sentAt !== timestamp) return fail('bad timestamp', 401, { error: 'bad timestamp' });
        return { ok: true, answer: { status: 200, body: { ok: true } } };
      }
      case 'dingtalk': {
        const config = this.options.dingTalk!;
        if (url.searchParams.get('access_token') !== config.accessToken) {
          return fail('bad token', 200, { errcode: 300001, errmsg: 'token is not exist' });
        }
        if (config.secret) {
          // DingTalk: sign = urlEncode(base64(HmacSHA256(secret, timestamp + "\n" + secret))), timestamp in ms, ±1 h.
          const timestamp = url.searchParams.get('timestamp') ?? '';
          const sign = url.searchParams.get('sign') ?? '';
          const expected = createHmac('sha256', config.secret).update(`${timestamp}\n${config.secret}`).digest('base64');
          if (!(Math.abs(Date.now() - Number(timestamp)) < ONE_HOUR_MS)) return fail('stale timestamp', 200, { errcode: 310000, errmsg: 'invalid timestamp' });
          if (!safeEqual(sign, expected)) return fail('bad sign', 200, { errcode: 310000, errmsg: 'sign not match' });
        }
        if (body.msgtype !== 'markdown') return fail('not markdown', 200, { errcode: 40035, errmsg: 'missing msgtype' });
        return { ok: true, answer: { status: 200, body: { errcode: 0, errmsg: 'ok' } } };
      }
      case 'feishu': {
        const config = this.options.feishu!;
        if (!url.pathname.endsWith(`/${config.hookId}`)) return fail('bad hook', 200, { code: 19001, msg: 'param invalid: incoming webhook access token invalid' });
        if (config.secret) {
          // Feishu: sign = base64(HmacSHA256(key = timestamp + "\n" + secret, data = "")), timestamp in s, ±1 h.
          const timestamp = String(body.timestamp ?? '');
          const expected = createHmac('sha256', `${timestamp}\n${config.secret}`).update('').digest('base64');
          const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 3600;
          if (!fresh || !safeEqual(String(body.sign ?? ''), expected)) {
            return fail('bad sign', 200, { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' });
          }
        }
        if (body.msg_type !== 'interactive') return fail('not a card', 200, { code: 9499, msg: 'Bad Request' });
        return { ok: true, answer: { status: 200, body: { code: 0, data: {}, msg: 'success' } } };
      }
      case 'wecom': {
        if (url.searchParams.get('key') !== this.options.wecom?.key) return fail('bad key', 200, { errcode: 93000, errmsg: 'invalid webhook url' });
        if (body.msgtype !== 'markdown') return fail('not markdown', 200, { errcode: 40008, errmsg: 'invalid message type' });
        return { ok: true, answer: { status: 200, body: { errcode: 0, errmsg: 'ok' } } };
      }
    }
  }
}

function fail(reason: string, status: number, body: unknown) {
  return { ok: false as const, reason, answer: { status, body } };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface ReceivedMail {
  from: string;
  to: string[];
  user: string | undefined;
  secure: boolean;
  raw: string;
  at: number;
}

/**
 * A real SMTP server (smtp-server) on 127.0.0.1: STARTTLS with a certificate for 127.0.0.1 signed
 * by a throw-away CA generated with openssl, and AUTH PLAIN/LOGIN with one user.
 */
export class SmtpReceiver {
  readonly received: ReceivedMail[] = [];
  readonly ca: string;
  private readonly key: string;
  private readonly cert: string;
  private server: SMTPServer | undefined;
  port = 0;

  constructor(private readonly credentials: { user: string; password: string }, private readonly mode: { secure?: boolean } = {}) {
    const material = makeCertificate();
    this.ca = material.ca;
    this.key = material.key;
    this.cert = material.cert;
  }

  async start(): Promise<this> {
    this.server = new SMTPServer({
      secure: this.mode.secure ?? false,
      key: this.key,
      cert: this.cert,
      authMethods: ['PLAIN', 'LOGIN'],
      // Like a real submission server: no AUTH over a plain connection.
      allowInsecureAuth: false,
      logger: false,
      onAuth: (auth, _session, callback) => {
        if (auth.username === this.credentials.user && auth.password === this.credentials.password) return callback(null, { user: auth.username });
        return callback(new Error('Invalid username or password'));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            user: session.user as string | undefined,
            secure: session.secure,
            raw: Buffer.concat(chunks).toString('utf8'),
            at: Date.now(),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** A CA and a server certificate for 127.0.0.1/localhost, made with the openssl command. */
function makeCertificate(): { ca: string; key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'weir-smtp-cert-'));
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  try {
    run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=Weir Test CA']);
    run(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1']);
    const ext = join(dir, 'ext.cnf');
    execFileSync('sh', ['-c', `printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\\n' > ${ext}`]);
    run(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '2', '-extfile', 'ext.cnf']);
    return {
      ca: readFileSync(join(dir, 'ca.crt'), 'utf8'),
      key: readFileSync(join(dir, 'server.key'), 'utf8'),
      cert: readFileSync(join(dir, 'server.crt'), 'utf8'),
    };
  } catch (error) {
    throw new Error(`openssl could not make the test SMTP certificate (is openssl installed?): ${(error as Error).message}`, { cause: error });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Waits until `check` is true (polling every 20 ms) or fails after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
