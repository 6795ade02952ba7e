import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { buildNotice, emailMessage, type AlertNotice } from '../alert-templates.js';
import type { IncidentFacts } from '../alert-incidents.store.js';
import { RobotReceiver, SmtpReceiver } from '../../test-support/receivers.js';
import { DeliveryError } from './channel-sender.js';
import { classifyDeliveryFailure } from './delivery-failure.js';
import { DingTalkSender } from './dingtalk.sender.js';
import { EmailSender } from './email.sender.js';
import { FeishuSender } from './feishu.sender.js';
import { WebhookSender } from './webhook.sender.js';
import { WeComSender } from './wecom.sender.js';
import { PagerDutySender } from './pagerduty.sender.js';
import { SlackSender } from './slack.sender.js';
import { TeamsSender } from './teams.sender.js';
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
const resolvedNotice: AlertNotice = buildNotice({
  kind: 'RESOLVED',
  incident: { id: 'I1', openedAt: facts.at, resolvedAt: facts.at + 60_000, facts: { ...facts, resolution: 'the job runs again' } },
  ruleName: 'job failed',
  publicUrl: 'https://weir.example.com/',
  now: facts.at + 60_000,
});
const renotice: AlertNotice = buildNotice({
  kind: 'RENOTIFY',
  incident: { id: 'I1', openedAt: facts.at, resolvedAt: null, facts },
  ruleName: 'job failed',
  publicUrl: 'https://weir.example.com/',
  now: facts.at + 30 * 60_000,
});
const testNotice: AlertNotice = buildNotice({ kind: 'TEST', incident: null, ruleName: null, channelName: 'on-call', publicUrl: 'https://weir.example.com/', now: facts.at });
const ROUTING_KEY = 'R0123456789abcdef0123456789abcde';
const SLACK_TOKEN = 'T0001/B0001/XXXXXXXXXXXXXXXXXXXXXXXX';

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
    assert.equal(notice.link, 'https://weir.example.com/runs/R1?tab=logs&logs=captures');
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
    slack: { token: SLACK_TOKEN },
    teams: { sig: 'teams-sig-42' },
    pagerDuty: { routingKey: ROUTING_KEY },
  });
  before(() => receiver.start());
  after(() => receiver.stop());

  it('Slack: Block Kit (header, fields, a button to the run); anything but 200 "ok" is a failure named by Slack\'s code', async () => {
    const result = await new SlackSender(outbound).send(notice, { url: receiver.url('slack') }, signal());
    const got = receiver.of('slack').at(-1)!;
    const blocks = got.body.blocks as Array<{ type: string; text?: { text: string }; fields?: Array<{ text: string }>; elements?: Array<{ url: string }> }>;
    assert.deepEqual(blocks.map((b) => b.type), ['header', 'section', 'actions']);
    assert.equal(blocks[0]!.text!.text, '[FIRING] orders-etl: status became FAILED');
    assert.equal(got.body.text, '[FIRING] orders-etl: status became FAILED', 'the notification text');
    assert.ok(blocks[1]!.fields!.some((f) => f.text === '*Status*\nFAILED'));
    assert.equal(blocks[2]!.elements![0]!.url, 'https://weir.example.com/runs/R1?tab=logs&logs=captures');
    assert.equal(result.response, 'HTTP 200, ok');
    assert.ok(!result.request.includes('XXXXXXXXXXXXXXXXXXXXXXXX'), 'the webhook token must not reach the history');
    await expectDeliveryError(new SlackSender(outbound).send(notice, { url: receiver.url('slack', { token: 'T0001/B0001/wrong' }) }, signal()), /^Slack answered HTTP 403 invalid_token$/);
  });

  it('Teams: an Adaptive Card 1.4 in a message; a refused signature is a failure', async () => {
    const result = await new TeamsSender(outbound).send(notice, { url: receiver.url('teams') }, signal());
    const got = receiver.of('teams').at(-1)!;
    const card = (got.body.attachments as Array<{ content: Record<string, any> }>)[0]!.content;
    assert.equal(card.version, '1.4');
    assert.equal(card.body[0].text, '[FIRING] orders-etl: status became FAILED');
    assert.equal(card.body[0].color, 'Attention');
    assert.ok(card.body[1].facts.some((f: { title: string; value: string }) => f.title === 'Cluster' && f.value === 'prod'));
    assert.deepEqual(card.actions, [{ type: 'Action.OpenUrl', title: 'Open in Weir', url: 'https://weir.example.com/runs/R1?tab=logs&logs=captures' }]);
    assert.equal(result.response, 'HTTP 202');
    assert.ok(!result.request.includes('teams-sig-42'), 'the signature must not reach the history');
    await expectDeliveryError(new TeamsSender(outbound).send(notice, { url: receiver.url('teams', { token: 'forged' }) }, signal()), /^the receiver answered HTTP 401$/);
  });

  it('PagerDuty: one incident per Weir incident (trigger, renotify under the same dedup key, resolve); a test triggers and resolves its own key', async () => {
    const sender = new PagerDutySender(outbound, () => facts.at);
    const config = { url: receiver.url('pagerduty'), routingKey: ROUTING_KEY, severity: 'error' };
    await sender.send(notice, config, signal());
    await sender.send(renotice, config, signal());
    const result = await sender.send(resolvedNotice, config, signal());
    const [trigger, again, resolve] = receiver.of('pagerduty').slice(-3).map((m) => m.body as Record<string, any>);
    assert.deepEqual([trigger!.event_action, again!.event_action, resolve!.event_action], ['trigger', 'trigger', 'resolve']);
    assert.deepEqual([trigger!.dedup_key, again!.dedup_key, resolve!.dedup_key], ['weir-I1', 'weir-I1', 'weir-I1']);
    assert.equal(trigger!.payload.summary, '[FIRING] orders-etl: status became FAILED');
    assert.deepEqual([trigger!.payload.source, trigger!.payload.severity, trigger!.payload.component, trigger!.payload.class], ['prod', 'error', 'orders-etl', 'FAILED']);
    assert.equal(trigger!.payload.custom_details.Exception, 'java.lang.RuntimeException: boom');
    assert.deepEqual(trigger!.links, [{ href: 'https://weir.example.com/runs/R1?tab=logs&logs=captures', text: 'Open in Weir' }]);
    assert.equal(resolve!.payload, undefined, 'a resolve carries no payload');
    assert.equal(result.response, 'HTTP 202, success');
    assert.ok(!result.request.includes(ROUTING_KEY), 'the routing key must not reach the history');

    await sender.send(testNotice, config, signal());
    const [testTrigger, testResolve] = receiver.of('pagerduty').slice(-2).map((m) => m.body as Record<string, any>);
    assert.deepEqual([testTrigger!.event_action, testTrigger!.payload.severity, testResolve!.event_action], ['trigger', 'info', 'resolve']);
    assert.equal(testTrigger!.dedup_key, testResolve!.dedup_key);
    assert.notEqual(testTrigger!.dedup_key, 'weir-I1');

    await expectDeliveryError(sender.send(notice, { ...config, routingKey: 'R-not-the-configured-key-000000' }, signal()), /^PagerDuty answered HTTP 400 \(invalid event\)$/);
  });

  it('webhook in Alertmanager\'s format: firing then resolved, the same fingerprint, signed like the default format', async () => {
    const sender = new WebhookSender(outbound, () => facts.at, 'https://weir.example.com');
    const result = await sender.send(notice, { url: receiver.url('alertmanager'), format: 'alertmanager', secret: 'whsec-1' }, signal());
    await sender.send(resolvedNotice, { url: receiver.url('alertmanager'), format: 'alertmanager' }, signal());
    const [firing, resolved] = receiver.of('alertmanager').slice(-2).map((m) => m.body as Record<string, any>);
    assert.deepEqual([firing!.status, resolved!.status], ['firing', 'resolved']);
    assert.equal(firing!.externalURL, 'https://weir.example.com');
    assert.deepEqual(firing!.alerts[0].labels, { alertname: 'job failed', source: 'weir', task: 'orders-etl', cluster: 'prod', status: 'FAILED', flink_job_id: 'a1b2c3' });
    assert.equal(firing!.alerts[0].endsAt, '0001-01-01T00:00:00Z');
    assert.equal(resolved!.alerts[0].endsAt, new Date(facts.at + 60_000).toISOString());
    assert.equal(firing!.alerts[0].fingerprint, resolved!.alerts[0].fingerprint);
    assert.equal(firing!.alerts[0].generatorURL, 'https://weir.example.com/runs/R1?tab=logs&logs=captures');
    assert.match(result.request, /\(Alertmanager JSON, \d+ bytes, signed\)$/);
    const signed = receiver.of('alertmanager').at(-2)!;
    assert.match(String(signed.headers['x-weir-signature']), /^sha256=[0-9a-f]{64}$/);
  });

  it('webhook: JSON body signed with X-Weir-Signature over the exact body, timestamp in the body too', async () => {
    const result = await new WebhookSender(outbound).send(notice, { url: receiver.url('webhook'), secret: 'whsec-1' }, signal());
    const got = receiver.of('webhook').at(-1)!;
    assert.equal(got.body.kind, 'FIRING');
    assert.equal((got.body.run as { id: string }).id, 'R1');
    assert.equal(got.body.link, 'https://weir.example.com/runs/R1?tab=logs&logs=captures');
    assert.match(result.request, /^POST http:\/\/127\.0\.0\.1:\d+\/webhook \(JSON, \d+ bytes, signed\)$/);
    await expectDeliveryError(new WebhookSender(outbound).send(notice, { url: receiver.url('webhook'), secret: 'wrong' }, signal()), /^the receiver answered HTTP 401$/);
  });

  it('DingTalk: markdown, timestamp+sign query parameters; errcode in a 200 answer is a failure', async () => {
    const result = await new DingTalkSender(outbound).send(notice, { url: receiver.url('dingtalk'), secret: 'SEC0123456789abcdef', atMobiles: ['13800000000'] }, signal());
    const got = receiver.of('dingtalk').at(-1)!;
    const markdown = got.body.markdown as { title: string; text: string };
    assert.equal(got.body.msgtype, 'markdown');
    assert.match(markdown.text, /orders-etl/);
    assert.match(markdown.text, /\[Open in Weir\]\(https:\/\/weir\.example\.com\/runs\/R1\?tab=logs&logs=captures\)/);
    assert.match(markdown.text, /@13800000000/);
    assert.deepEqual(got.body.at, { atMobiles: ['13800000000'], isAtAll: false });
    assert.ok(!result.request.includes('dt-token-123'), 'the access token must not reach the history');
    assert.match(result.response, /errcode/);
    const error = await expectDeliveryError(
      new DingTalkSender(outbound).send(notice, { url: receiver.url('dingtalk'), secret: 'SECwrong' }, signal()),
      /^DingTalk answered errcode 310000$/,
    );
    assert.match(error.response ?? '', /^HTTP 200/);
    assert.deepEqual(classifyDeliveryFailure(error, { timeoutMs: 1000 }), { code: 'signatureRejected', params: { service: 'dingtalk', serviceCode: '310000' } }, "told from the errmsg DingTalk gives every security setting's refusal");
  });

  it('Feishu/Lark: interactive card with timestamp and sign in the body; code != 0 is a failure', async () => {
    await new FeishuSender(outbound).send(notice, { url: receiver.url('feishu'), secret: 'fs-secret' }, signal());
    const got = receiver.of('feishu').at(-1)!;
    const card = got.body.card as { header: { title: { content: string }; template: string } };
    assert.equal(got.body.msg_type, 'interactive');
    assert.equal(card.header.title.content, '[FIRING] orders-etl: status became FAILED');
    assert.equal(card.header.template, 'red');
    const error = await expectDeliveryError(
      new FeishuSender(outbound).send(notice, { url: receiver.url('feishu'), secret: 'nope' }, signal()),
      /^Feishu answered code 19021$/,
    );
    assert.deepEqual(classifyDeliveryFailure(error, { timeoutMs: 1000 }), { code: 'signatureRejected', params: { service: 'feishu', serviceCode: '19021' } });
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
      assert.ok(line === '' || /^(### \[FIRING\] etl |- \*\*(Rule|Job|Flink job|Status|Cluster|Time|Exception|Flink job id)\*\*: |\[Open in Weir\]\(https:\/\/weir\.example\.com\/runs\/R1\?tab=logs&logs=captures\)$)/.test(line), `a line Weir did not write: ${JSON.stringify(line)}`);
    }
    assertNoMarkupIn(valuesOf(markdown.text).join('\n').replace('[Open in Weir](https://weir.example.com/runs/R1?tab=logs&logs=captures)', ''));
    assert.ok(!markdown.title.includes('\n'));
  });

  it('WeCom markdown', async () => {
    await new WeComSender(outbound).send(hostileNotice, { url: receiver.url('wecom') }, signal());
    const content = (receiver.of('wecom').at(-1)!.body.markdown as { content: string }).content;
    for (const line of content.split('\n')) {
      assert.ok(line === '' || /^(### <font color="warning">\[FIRING\] etl .*<\/font>$|> (Rule|Job|Flink job|Status|Cluster|Time|Exception|Flink job id): <font color="comment">.*<\/font>$|\[Open in Weir\]\(https:\/\/weir\.example\.com\/runs\/R1\?tab=logs&logs=captures\)$)/.test(line), `a line Weir did not write: ${JSON.stringify(line)}`);
    }
    const values = valuesOf(content).map((v) => v.replace(/^<font color="\w+">|<\/font>$/g, '').replace(/^\[FIRING\]/, ''));
    assertNoMarkupIn(values.join('\n').replace('[Open in Weir](https://weir.example.com/runs/R1?tab=logs&logs=captures)', ''));
  });

  it('Feishu card', async () => {
    await new FeishuSender(outbound).send(hostileNotice, { url: receiver.url('feishu'), secret: 'fss' }, signal());
    const card = receiver.of('feishu').at(-1)!.body.card as { header: { title: { content: string } }; elements: Array<{ text?: { content: string }; actions?: Array<{ url: string }> }> };
    assert.ok(!card.header.title.content.includes('\n'));
    const content = card.elements[0]!.text!.content;
    for (const line of content.split('\n')) assert.match(line, /^\*\*(Rule|Job|Flink job|Status|Cluster|Time|Exception|Flink job id)\*\*: /);
    assertNoMarkupIn(valuesOf(content.replace(/^\*\*([^*]+)\*\*: /gm, '- **$1**: ')).join('\n'));
    assert.equal(card.elements[1]!.actions![0]!.url, 'https://weir.example.com/runs/R1?tab=logs&logs=captures');
  });

  it('Slack blocks', async () => {
    const receiverSlack = new RobotReceiver({ slack: { token: SLACK_TOKEN } });
    await receiverSlack.start();
    try {
      await new SlackSender(outbound).send(hostileNotice, { url: receiverSlack.url('slack') }, signal());
      const body = receiverSlack.of('slack').at(-1)!.body as { text: string; blocks: Array<{ type: string; text?: { text: string }; fields?: Array<{ text: string }>; elements?: Array<{ url: string }> }> };
      assert.ok(!body.text.includes('\n') && !body.blocks[0]!.text!.text.includes('\n'), 'one-line header and notification text');
      for (const field of body.blocks[1]!.fields!) {
        const [label, ...rest] = field.text.split('\n');
        assert.match(label!, /^\*(Rule|Job|Flink job|Status|Cluster|Time|Exception|Flink job id)\*$/);
        assert.equal(rest.length, 1, `one line per value: ${JSON.stringify(field.text)}`);
        assertNoMarkupIn(rest.join(''));
      }
      assert.deepEqual(body.blocks[2]!.elements!.map((e) => e.url), ['https://weir.example.com/runs/R1?tab=logs&logs=captures'], 'the only link');
    } finally {
      await receiverSlack.stop();
    }
  });

  it('Teams card', async () => {
    const receiverTeams = new RobotReceiver({ teams: { sig: 's' } });
    await receiverTeams.start();
    try {
      await new TeamsSender(outbound).send(hostileNotice, { url: receiverTeams.url('teams') }, signal());
      const card = (receiverTeams.of('teams').at(-1)!.body.attachments as Array<{ content: Record<string, any> }>)[0]!.content;
      assert.ok(!card.body[0].text.includes('\n'));
      assertNoMarkupIn(card.body[0].text.replace(/^\[FIRING\] /, ''));
      for (const fact of card.body[1].facts as Array<{ title: string; value: string }>) {
        assert.ok(!fact.value.includes('\n'));
        assertNoMarkupIn(fact.value);
      }
      assert.deepEqual(card.actions.map((a: { url: string }) => a.url), ['https://weir.example.com/runs/R1?tab=logs&logs=captures']);
    } finally {
      await receiverTeams.stop();
    }
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
