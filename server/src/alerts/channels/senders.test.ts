import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { buildNotice, emailMessage, type AlertNotice } from '../alert-templates.js';
import type { IncidentFacts } from '../alert-incidents.store.js';
import { RobotReceiver, SmtpReceiver } from '../testing/receivers.js';
import { DeliveryError } from './channel-sender.js';
import { DingTalkSender } from './dingtalk.sender.js';
import { EmailSender } from './email.sender.js';
import { FeishuSender } from './feishu.sender.js';
import { WebhookSender } from './webhook.sender.js';
import { WeComSender } from './wecom.sender.js';
import { testOutbound } from '../../test-support/weir.js';

const outbound = testOutbound();

const facts: IncidentFacts = {
  summary: 'status became FAILED',
  at: Date.UTC(2026, 10, 25, 8, 0, 0),
  taskId: 'T1',
  taskName: 'orders-etl',
  runId: 'R1',
  jobName: 'insert-into-orders',
  flinkJobId: 'a1b2c3',
  clusterId: 'C1',
  clusterName: 'prod',
  status: 'FAILED',
  exception: { name: 'java.lang.RuntimeException', message: 'boom\n\tat Foo.bar(Foo.java:1)' },
};
const notice: AlertNotice = buildNotice({
  kind: 'FIRING',
  incident: { id: 'I1', openedAt: facts.at, resolvedAt: null, facts },
  ruleName: 'job failed',
  publicUrl: 'https://weir.example.com/',
  timeZone: 'Asia/Shanghai',
  now: facts.at + 500,
});
const signal = () => AbortSignal.timeout(5000);

async function expectDeliveryError(promise: Promise<unknown>, pattern: RegExp): Promise<DeliveryError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof DeliveryError, `expected a DeliveryError, got ${String(error)}`);
    assert.match(error.message, pattern);
    return error;
  }
  assert.fail('expected the send to fail');
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('alert templates', () => {
  it('carry name, status, cluster, ISO and local time, exception summary and the run link', () => {
    const text = notice.fields.map((f) => `${f.label}: ${f.value}`).join('\n');
    assert.equal(notice.title, '[FIRING] orders-etl: status became FAILED');
    assert.match(text, /Job: orders-etl/);
    assert.match(text, /Status: FAILED/);
    assert.match(text, /Cluster: prod/);
    assert.match(text, /Time: 2026-11-25T08:00:00\.000Z \(25\/11\/2026, 16:00:00 GMT\+8\)/);
    assert.match(text, /Exception: java\.lang\.RuntimeException: boom$/m);
    assert.equal(notice.link, 'https://weir.example.com/runs/R1');
  });

  it('say how it resolved and how long it lasted', () => {
    const resolved = buildNotice({
      kind: 'RESOLVED',
      incident: { id: 'I1', openedAt: facts.at, resolvedAt: facts.at + 90_000, facts: { ...facts, resolution: 'the job is RUNNING again' } },
      ruleName: 'job failed',
      publicUrl: 'http://w',
      now: facts.at + 90_000,
    });
    assert.equal(resolved.title, '[RESOLVED] orders-etl: the job is RUNNING again');
    assert.ok(resolved.fields.some((f) => f.label === 'Lasted' && f.value === '1m 30s'));
  });
});

describe('channel senders against real receivers on 127.0.0.1', () => {
  const receiver = new RobotReceiver({
    webhookSecret: 'whsec-1',
    dingTalk: { accessToken: 'dt-token-123', secret: 'SEC0123456789abcdef' },
    feishu: { hookId: 'fs-hook-1234567890', secret: 'fs-secret' },
    wecom: { key: 'wc-key-0001' },
  });
  before(() => receiver.start());
  after(() => receiver.stop());

  it('webhook: JSON body signed with X-Weir-Signature over the exact body, timestamp in the body too', async () => {
    const result = await new WebhookSender(outbound).send(notice, { url: receiver.url('webhook'), secret: 'whsec-1' }, signal());
    const got = receiver.of('webhook').at(-1)!;
    assert.equal(got.body.kind, 'FIRING');
    assert.equal((got.body.run as { id: string }).id, 'R1');
    assert.equal(got.body.link, 'https://weir.example.com/runs/R1');
    assert.match(result.request, /^POST http:\/\/127\.0\.0\.1:\d+\/webhook \(JSON, \d+ bytes, signed\)$/);
    await expectDeliveryError(new WebhookSender(outbound).send(notice, { url: receiver.url('webhook'), secret: 'wrong' }, signal()), /^the receiver answered HTTP 401$/);
  });

  it('DingTalk: markdown, timestamp+sign query parameters; errcode in a 200 answer is a failure', async () => {
    const result = await new DingTalkSender(outbound).send(notice, { url: receiver.url('dingtalk'), secret: 'SEC0123456789abcdef', atMobiles: ['13800000000'] }, signal());
    const got = receiver.of('dingtalk').at(-1)!;
    const markdown = got.body.markdown as { title: string; text: string };
    assert.equal(got.body.msgtype, 'markdown');
    assert.match(markdown.text, /orders-etl/);
    assert.match(markdown.text, /\[Open in Weir\]\(https:\/\/weir\.example\.com\/runs\/R1\)/);
    assert.match(markdown.text, /@13800000000/);
    assert.deepEqual(got.body.at, { atMobiles: ['13800000000'], isAtAll: false });
    assert.ok(!result.request.includes('dt-token-123'), 'the access token must not reach the history');
    assert.match(result.response, /errcode/);
    const error = await expectDeliveryError(
      new DingTalkSender(outbound).send(notice, { url: receiver.url('dingtalk'), secret: 'SECwrong' }, signal()),
      /^DingTalk answered errcode 310000$/,
    );
    assert.match(error.response ?? '', /^HTTP 200/);
  });

  it('Feishu/Lark: interactive card with timestamp and sign in the body; code != 0 is a failure', async () => {
    await new FeishuSender(outbound).send(notice, { url: receiver.url('feishu'), secret: 'fs-secret' }, signal());
    const got = receiver.of('feishu').at(-1)!;
    const card = got.body.card as { header: { title: { content: string }; template: string } };
    assert.equal(got.body.msg_type, 'interactive');
    assert.equal(card.header.title.content, '[FIRING] orders-etl: status became FAILED');
    assert.equal(card.header.template, 'red');
    await expectDeliveryError(
      new FeishuSender(outbound).send(notice, { url: receiver.url('feishu'), secret: 'nope' }, signal()),
      /^Feishu answered code 19021$/,
    );
  });

  it('WeCom: markdown; errcode != 0 is a failure', async () => {
    await new WeComSender(outbound).send(notice, { url: receiver.url('wecom') }, signal());
    const got = receiver.of('wecom').at(-1)!;
    assert.match((got.body.markdown as { content: string }).content, /<font color="warning">\[FIRING\] orders-etl/);
    await expectDeliveryError(new WeComSender(outbound).send(notice, { url: receiver.url('wecom', { token: 'bad' }) }, signal()), /^WeCom answered errcode 93000$/);
  });

  it('reports a refused connection and an HTTP 500 exactly', async () => {
    const port = await closedPort();
    await expectDeliveryError(new WebhookSender(outbound).send(notice, { url: `http://127.0.0.1:${port}/hook`, secret: null }, signal()), new RegExp(`ECONNREFUSED 127\\.0\\.0\\.1:${port}`));
    receiver.failNext.wecom = 1;
    await expectDeliveryError(new WeComSender(outbound).send(notice, { url: receiver.url('wecom') }, signal()), /^the receiver answered HTTP 500$/);
  });
});

/** Names an attacker controls: a job name anyone who may submit to a cluster chooses, exception text, rule and cluster names. */
const HOSTILE = '[x](http://evil) ![i](http://evil/i.png) <a href="http://evil">a</a> & `tick` *b* # h > q @all\n\n### [RESOLVED] all good\n> fake line';
const hostileFacts: IncidentFacts = {
  ...facts,
  taskName: `etl ${HOSTILE}`,
  jobName: `job ${HOSTILE}`,
  clusterName: `prod ${HOSTILE}`,
  exception: { name: 'java.lang.RuntimeException', message: `boom ${HOSTILE}` },
};
const hostileNotice = buildNotice({
  kind: 'FIRING',
  incident: { id: 'I2', openedAt: facts.at, resolvedAt: null, facts: hostileFacts },
  ruleName: `rule ${HOSTILE}`,
  publicUrl: 'https://weir.example.com/',
  now: facts.at + 500,
});

describe('hostile names cannot add links, images, mentions, HTML or fake lines to any channel', () => {
  const receiver = new RobotReceiver({ webhookSecret: 'whsec-1', dingTalk: { accessToken: 'dt', secret: 'dts' }, feishu: { hookId: 'fs-hook-1234567890', secret: 'fss' }, wecom: { key: 'wc' } });
  before(() => receiver.start());
  after(() => receiver.stop());
  const valuesOf = (text: string) => text.split('\n').map((line) => line.replace(/^(### |- \*\*[^*]+\*\*: |> [^:]+: )/, ''));

  it('DingTalk markdown', async () => {
    await new DingTalkSender(outbound).send(hostileNotice, { url: receiver.url('dingtalk'), secret: 'dts' }, signal());
    const markdown = receiver.of('dingtalk').at(-1)!.body.markdown as { title: string; text: string };
    for (const line of markdown.text.split('\n')) {
      assert.ok(line === '' || /^(### \[FIRING\] etl |- \*\*(Rule|Job|Flink job|Status|Cluster|Time|Exception|Flink job id)\*\*: |\[Open in Weir\]\(https:\/\/weir\.example\.com\/runs\/R1\)$)/.test(line), `a line Weir did not write: ${JSON.stringify(line)}`);
    }
    assertNoMarkupIn(valuesOf(markdown.text).join('\n').replace('[Open in Weir](https://weir.example.com/runs/R1)', ''));
    assert.ok(!markdown.title.includes('\n'));
  });

  it('WeCom markdown', async () => {
    await new WeComSender(outbound).send(hostileNotice, { url: receiver.url('wecom') }, signal());
    const content = (receiver.of('wecom').at(-1)!.body.markdown as { content: string }).content;
    for (const line of content.split('\n')) {
      assert.ok(line === '' || /^(### <font color="warning">\[FIRING\] etl .*<\/font>$|> (Rule|Job|Flink job|Status|Cluster|Time|Exception|Flink job id): <font color="comment">.*<\/font>$|\[Open in Weir\]\(https:\/\/weir\.example\.com\/runs\/R1\)$)/.test(line), `a line Weir did not write: ${JSON.stringify(line)}`);
    }
    const values = valuesOf(content).map((v) => v.replace(/^<font color="\w+">|<\/font>$/g, '').replace(/^\[FIRING\]/, ''));
    assertNoMarkupIn(values.join('\n').replace('[Open in Weir](https://weir.example.com/runs/R1)', ''));
  });

  it('Feishu card', async () => {
    await new FeishuSender(outbound).send(hostileNotice, { url: receiver.url('feishu'), secret: 'fss' }, signal());
    const card = receiver.of('feishu').at(-1)!.body.card as { header: { title: { content: string } }; elements: Array<{ text?: { content: string }; actions?: Array<{ url: string }> }> };
    assert.ok(!card.header.title.content.includes('\n'));
    const content = card.elements[0]!.text!.content;
    for (const line of content.split('\n')) assert.match(line, /^\*\*(Rule|Job|Flink job|Status|Cluster|Time|Exception|Flink job id)\*\*: /);
    assertNoMarkupIn(valuesOf(content.replace(/^\*\*([^*]+)\*\*: /gm, '- **$1**: ')).join('\n'));
    assert.equal(card.elements[1]!.actions![0]!.url, 'https://weir.example.com/runs/R1');
  });

  it('webhook JSON carries the names exactly, as data', async () => {
    await new WebhookSender(outbound).send(hostileNotice, { url: receiver.url('webhook'), secret: 'whsec-1' }, signal());
    const body = receiver.of('webhook').at(-1)!.body as { task: { name: string }; cluster: { name: string }; rule: string };
    assert.equal(body.task.name, hostileFacts.taskName);
    assert.equal(body.cluster.name, hostileFacts.clusterName);
    assert.equal(body.rule, `rule ${HOSTILE}`);
  });

  it('e-mail: HTML escaped, the plain-text part one line per field', () => {
    const message = emailMessage(hostileNotice);
    assert.ok(!message.subject.includes('\n'));
    assert.ok(!/<a href="http:\/\/evil/.test(message.html));
    assert.equal((message.html.match(/<a /g) ?? []).length, 1, 'only the "Open in Weir" link');
    assert.ok(!/<(?!\/?(div|h3|table|tr|th|td|p|a)\b)/.test(message.html), message.html);
    for (const line of message.text.split('\n')) {
      assert.ok(line === '' || /^(\[FIRING\] etl |(Rule|Job|Flink job|Status|Cluster|Time|Exception|Flink job id|Open in Weir): |-- $|Sent by Weir$)/.test(line), `a line Weir did not write: ${JSON.stringify(line)}`);
    }
  });
});

/** The values part of a rendered message holds no markup that a chat client would act on. */
function assertNoMarkupIn(values: string): void {
  for (const markup of ['](', '![', '[x', '<a', '<', '>', '`', '*b*', '&', '@all', 'http://evil', '#']) {
    assert.ok(!values.includes(markup), `${JSON.stringify(markup)} reached the message: ${values}`);
  }
}

describe('e-mail sender against a real SMTP server (STARTTLS, AUTH)', () => {
  const smtp = new SmtpReceiver({ user: 'alerts', password: 's3cret-pass' });
  const tlsSmtp = new SmtpReceiver({ user: 'alerts', password: 's3cret-pass' }, { secure: true });
  before(async () => {
    await smtp.start();
    await tlsSmtp.start();
  });
  after(async () => {
    await smtp.stop();
    await tlsSmtp.stop();
  });
  const config = (overrides: Record<string, unknown> = {}) => ({
    host: '127.0.0.1',
    port: smtp.port,
    security: 'starttls',
    username: 'alerts',
    password: 's3cret-pass',
    from: 'weir@example.com',
    to: ['oncall@example.com', 'lead@example.com'],
    verifyCertificate: true,
    caCertificate: smtp.ca,
    ...overrides,
  });

  it('upgrades with STARTTLS, verifies the certificate against the given CA, authenticates and delivers', async () => {
    const result = await new EmailSender(outbound).send(notice, config(), signal());
    const mail = smtp.received.at(-1)!;
    assert.equal(mail.secure, true);
    assert.equal(mail.user, 'alerts');
    assert.deepEqual(mail.to, ['oncall@example.com', 'lead@example.com']);
    assert.match(mail.raw, /Subject: \[FIRING\] orders-etl: status became FAILED/);
    assert.match(mail.raw, /X-Weir-Incident: I1/);
    assert.equal(result.response, 'SMTP 250');
  });

  it('works with implicit TLS too', async () => {
    await new EmailSender(outbound).send(notice, config({ port: tlsSmtp.port, security: 'tls', caCertificate: tlsSmtp.ca }), signal());
    assert.equal(tlsSmtp.received.at(-1)?.secure, true);
  });

  it('fails with the server’s answer on a wrong password, and on an untrusted certificate', async () => {
    await expectDeliveryError(new EmailSender(outbound).send(notice, config({ password: 'wrong' }), signal()), /^EAUTH: the server refused the login \(SMTP 535\)$/);
    await expectDeliveryError(new EmailSender(outbound).send(notice, config({ caCertificate: null }), signal()), /certificate/i);
  });
});
