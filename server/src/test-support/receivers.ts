// Real receivers on 127.0.0.1 for the alert tests: one HTTP server speaking the generic webhook,
// DingTalk, Feishu/Lark and WeCom robot protocols (checking each signature the way the vendor
// documents it, independently of Weir's senders), Slack incoming webhooks, Teams workflow webhooks,
// PagerDuty's Events API v2 and an Alertmanager webhook receiver (each checking the payload as its
// vendor documents it), and a real SMTP server with STARTTLS and AUTH.
import { execFileSync } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export type RobotKind = 'webhook' | 'dingtalk' | 'feishu' | 'wecom' | 'slack' | 'teams' | 'pagerduty' | 'alertmanager';

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
  /** The `T…/B…/…` part of the incoming webhook's address. */
  slack?: { token: string };
  /** The workflow's `sig` query parameter. */
  teams?: { sig: string };
  /** The integration's 32-character routing key. */
  pagerDuty?: { routingKey: string };
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
        // Slack answers plain text ("ok", "invalid_blocks"); the others JSON.
        const text = typeof answer.body === 'string';
        res.writeHead(answer.status, { 'content-type': text ? 'text/plain' : 'application/json' });
        res.end(text ? answer.body : JSON.stringify(answer.body));
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
      case 'slack':
        return `${this.base}/services/${credentials.token ?? this.options.slack?.token}`;
      case 'teams':
        return `${this.base}/workflows/0a1b2c3d/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${credentials.token ?? this.options.teams?.sig}`;
      case 'pagerduty':
        return `${this.base}/v2/enqueue`;
      case 'alertmanager':
        return `${this.base}/alertmanager`;
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
            : url.pathname.startsWith('/services/')
              ? 'slack'
              : url.pathname.startsWith('/workflows/')
                ? 'teams'
                : url.pathname === '/v2/enqueue'
                  ? 'pagerduty'
                  : url.pathname === '/alertmanager'
                    ? 'alertmanager'
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
    return check.answer;
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
      case 'slack': {
        if (url.pathname !== `/services/${this.options.slack?.token}`) return fail('bad token', 403, 'invalid_token');
        // Block Kit: `text` or `blocks`; a header's plain_text at most 150 characters; a section's fields at most 10, each at most 2000.
        const problem = slackBlocksProblem(body);
        return problem ? fail(problem, 400, 'invalid_blocks') : { ok: true, answer: { status: 200, body: 'ok' } };
      }
      case 'teams': {
        if (url.searchParams.get('sig') !== this.options.teams?.sig) return fail('bad sig', 401, { error: { code: 'DirectApiAuthorizationRequired', message: 'signature mismatch' } });
        const problem = adaptiveCardProblem(body);
        return problem ? fail(problem, 400, { error: { code: 'InvalidRequestContent', message: problem } }) : { ok: true, answer: { status: 202, body: {} } };
      }
      case 'pagerduty': {
        const problem = pagerDutyProblem(body, this.options.pagerDuty?.routingKey);
        if (problem) return fail(problem, 400, { status: 'invalid event', message: 'Event object is invalid', errors: [problem] });
        return { ok: true, answer: { status: 202, body: { status: 'success', message: 'Event processed', dedup_key: body.dedup_key } } };
      }
      case 'alertmanager': {
        const problem = alertmanagerProblem(body);
        return problem ? fail(problem, 400, { error: problem }) : { ok: true, answer: { status: 200, body: {} } };
      }
    }
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What Slack would refuse in an incoming webhook's Block Kit message (api.slack.com/reference/block-kit). */
function slackBlocksProblem(body: Record<string, unknown>): string | null {
  if (typeof body.text !== 'string' && !Array.isArray(body.blocks)) return 'no text and no blocks';
  for (const block of (body.blocks as unknown[]) ?? []) {
    if (!isObject(block) || typeof block.type !== 'string') return 'a block without a type';
    if (block.type === 'header') {
      const text = block.text as Record<string, unknown> | undefined;
      if (text?.type !== 'plain_text' || typeof text.text !== 'string' || text.text.length > 150) return 'a header must be plain_text of at most 150 characters';
    } else if (block.type === 'section') {
      const fields = block.fields as unknown[] | undefined;
      if (!block.text && !fields) return 'a section needs text or fields';
      if (fields && (fields.length > 10 || fields.some((f) => !isObject(f) || !['mrkdwn', 'plain_text'].includes(String(f.type)) || String(f.text).length > 2000))) {
        return 'section fields: at most 10 text objects of at most 2000 characters';
      }
    } else if (block.type === 'actions') {
      const elements = block.elements as unknown[] | undefined;
      if (!elements?.every((e) => isObject(e) && e.type === 'button' && isObject(e.text) && e.text.type === 'plain_text')) return 'actions: buttons with plain_text';
    } else {
      return `unexpected block type ${block.type}`;
    }
  }
  return null;
}

/** What a Teams workflow would refuse: a message whose attachment is not an Adaptive Card 1.x (adaptivecards.io). */
function adaptiveCardProblem(body: Record<string, unknown>): string | null {
  if (body.type !== 'message' || !Array.isArray(body.attachments) || body.attachments.length === 0) return 'not a message with attachments';
  const attachment = body.attachments[0] as Record<string, unknown>;
  if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive') return `contentType ${String(attachment.contentType)}`;
  const card = attachment.content as Record<string, unknown> | undefined;
  if (!isObject(card) || card.type !== 'AdaptiveCard') return 'content is not an AdaptiveCard';
  // Teams renders schema versions up to 1.5.
  if (typeof card.version !== 'string' || !/^1\.[0-5]$/.test(card.version)) return `card version ${String(card.version)}`;
  if (!Array.isArray(card.body) || card.body.length === 0) return 'a card without a body';
  return null;
}

/** What PagerDuty's Events API v2 refuses (developer.pagerduty.com, "Send an Alert Event"). */
function pagerDutyProblem(body: Record<string, unknown>, routingKey: string | undefined): string | null {
  if (typeof body.routing_key !== 'string' || body.routing_key.length !== 32) return 'routing_key must be 32 characters';
  if (body.routing_key !== routingKey) return 'unknown routing_key';
  if (!['trigger', 'acknowledge', 'resolve'].includes(String(body.event_action))) return 'event_action must be trigger, acknowledge or resolve';
  if (body.event_action !== 'trigger') return typeof body.dedup_key === 'string' && body.dedup_key !== '' ? null : 'dedup_key is required to acknowledge or resolve';
  if (typeof body.dedup_key === 'string' && body.dedup_key.length > 255) return 'dedup_key longer than 255';
  const payload = body.payload;
  if (!isObject(payload)) return 'payload is required to trigger';
  if (typeof payload.summary !== 'string' || payload.summary === '' || payload.summary.length > 1024) return 'payload.summary: 1 to 1024 characters';
  if (typeof payload.source !== 'string' || payload.source === '') return 'payload.source is required';
  if (!['critical', 'error', 'warning', 'info'].includes(String(payload.severity))) return 'payload.severity must be critical, error, warning or info';
  if (payload.timestamp !== undefined && Number.isNaN(Date.parse(String(payload.timestamp)))) return 'payload.timestamp is not ISO 8601';
  return null;
}

/** What does not look like Alertmanager's webhook body, version 4 (prometheus.io/docs/alerting/latest/configuration/#webhook_config). */
function alertmanagerProblem(body: Record<string, unknown>): string | null {
  if (body.version !== '4') return 'version must be "4"';
  if (!['firing', 'resolved'].includes(String(body.status))) return 'status must be firing or resolved';
  for (const key of ['groupKey', 'receiver', 'externalURL']) if (typeof body[key] !== 'string') return `${key} must be a string`;
  for (const key of ['groupLabels', 'commonLabels', 'commonAnnotations']) if (!isObject(body[key])) return `${key} must be an object`;
  if (!Array.isArray(body.alerts) || body.alerts.length === 0) return 'alerts must be a non-empty list';
  for (const alert of body.alerts as unknown[]) {
    if (!isObject(alert) || !isObject(alert.labels) || !isObject(alert.annotations)) return 'an alert needs labels and annotations';
    if (typeof alert.labels.alertname !== 'string') return 'an alert needs an alertname label';
    if (Object.values(alert.labels).some((v) => typeof v !== 'string') || Object.values(alert.annotations).some((v) => typeof v !== 'string')) return 'label and annotation values are strings';
    for (const key of ['startsAt', 'endsAt']) if (Number.isNaN(Date.parse(String(alert[key])))) return `${key} is not RFC 3339`;
    if (typeof alert.fingerprint !== 'string' || typeof alert.generatorURL !== 'string') return 'an alert needs a fingerprint and a generatorURL';
  }
  return null;
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
