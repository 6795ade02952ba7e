// The whole alerting path — event bus → rule engine → outbox → sender → real receivers — on every
// database engine, since exactly-once claims and the dedup key are the databases' work.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { after, before, it } from 'node:test';
import { SECRET_MASK, type AlertChannelRequest, type CreateAlertRuleRequest } from '@weir/contract';
import { AuditService } from '../audit/audit.service.js';
import { AuditStore } from '../audit/audit.store.js';
import { ClustersStore } from '../clusters/clusters.store.js';
import type { Principal } from '../access/principal.js';
import type { Database } from '../db/database.js';
import { EventBus, type RunRef, type RunStatus, type WeirEvent } from '../events/events.js';
import { RunsStore } from '../runs/runs.store.js';
import { Scheduler } from '../scheduler/scheduler.js';
import { SecretBox } from '../secrets/secret-box.js';
import { TasksStore } from '../tasks/tasks.store.js';
import { forEachDatabase } from '../test-support/databases.js';
import { testOutbound } from '../test-support/weir.js';
import { createAlerting, type Alerting } from './alerting.js';
import { RobotReceiver, SmtpReceiver, waitFor, type ReceivedMail, type ReceivedMessage } from '../test-support/receivers.js';
import { makePrincipal } from '../access/principal.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const admin: Principal = makePrincipal({ kind: 'user', id: 'u1', name: 'admin' }, 'admin');
const secrets = SecretBox.fromKey(randomBytes(32).toString('hex'));

const robots = new RobotReceiver({
  webhookSecret: 'wh-secret',
  dingTalk: { accessToken: 'dt-access-token-1', secret: 'SECdingtalk' },
  feishu: { hookId: 'feishu-hook-000001', secret: 'feishu-secret' },
  wecom: { key: 'wecom-key-1' },
});
const smtp = new SmtpReceiver({ user: 'weir', password: 'mail-pass-123' });
let closedPort = 0;

before(async () => {
  await robots.start();
  await smtp.start();
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});
after(async () => {
  await robots.stop();
  await smtp.stop();
});

const channelRequests = (): AlertChannelRequest[] => [
  { type: 'webhook', name: 'hook', enabled: true, config: { url: robots.url('webhook'), secret: 'wh-secret' } },
  { type: 'dingtalk', name: 'dingtalk', enabled: true, config: { url: robots.url('dingtalk'), secret: 'SECdingtalk', atMobiles: [], atAll: false } },
  { type: 'feishu', name: 'feishu', enabled: true, config: { url: robots.url('feishu'), secret: 'feishu-secret' } },
  { type: 'wecom', name: 'wecom', enabled: true, config: { url: robots.url('wecom') } },
  {
    type: 'email',
    name: 'mail',
    enabled: true,
    config: {
      host: '127.0.0.1',
      port: smtp.port,
      security: 'starttls',
      username: 'weir',
      password: 'mail-pass-123',
      from: 'weir@example.com',
      to: ['oncall@example.com'],
      verifyCertificate: true,
      caCertificate: smtp.ca,
    },
  },
];

/** Messages (robot or mail) that mention a run's page. */
function about(runId: string) {
  const needle = `/runs/${runId}`;
  const robot = (m: ReceivedMessage) => JSON.stringify(m.body).includes(needle);
  const mail = (m: ReceivedMail) => m.raw.includes(needle);
  return {
    robots: () => robots.received.filter(robot),
    mails: () => smtp.received.filter(mail),
    count: () => robots.received.filter(robot).length + smtp.received.filter(mail).length,
    titles: () => [...robots.received.filter(robot).map(titleOf), ...smtp.received.filter(mail).map((m) => /^Subject: (.*)$/m.exec(m.raw)?.[1] ?? '')],
  };
}

function titleOf(message: ReceivedMessage): string {
  const body = message.body as Record<string, any>;
  switch (message.kind) {
    case 'webhook':
      return body.title;
    case 'dingtalk':
      return body.markdown.title;
    case 'feishu':
      return body.card.header.title.content;
    case 'wecom':
      return /### <font[^>]*>(.*)<\/font>/.exec(body.markdown.content)?.[1] ?? '';
    case 'slack':
      return body.text;
    case 'teams':
      return body.attachments[0].content.body[0].text;
    case 'pagerduty':
      return body.payload?.summary ?? '';
    case 'alertmanager':
      return body.commonAnnotations.summary;
  }
}

forEachDatabase('alerting end to end', (getDb) => {
  let offset = 0;
  // A test may stop the clock (`frozenAt`): a retry queued while it stands is never due, whatever the machine's speed.
  let frozenAt: number | undefined;
  const now = () => frozenAt ?? Date.now() + offset;
  const instances: Array<{ alerting: Alerting; scheduler: Scheduler }> = [];
  let bus: EventBus;
  let main: Alerting;
  let database: Database;
  let clusterId: string;

  /** A Weir instance's alerting on `database`, following `onBus` when given. */
  function instance(onBus?: EventBus): Alerting {
    const alerting = createAlerting({
      database,
      audit: new AuditService(new AuditStore(database), quiet),
      secrets,
      outbound: testOutbound(),
      publicUrl: 'http://weir.test',
      log: quiet,
      now,
      delivery: { maxAttempts: 3, backoffBaseMs: 150 },
      timeZone: 'UTC',
    });
    const scheduler = new Scheduler(quiet);
    if (onBus) alerting.start(onBus, scheduler);
    instances.push({ alerting, scheduler });
    return alerting;
  }

  before(async () => {
    database = getDb();
    // Registered (in the default team, like everything here): a team's cluster rule covers only clusters Weir knows.
    clusterId = (await new ClustersStore(database).create({ name: `test-cluster-${randomBytes(4).toString('hex')}`, restUrl: 'http://127.0.0.1:1' })).id;
    bus = new EventBus(quiet);
    main = instance(bus);
    // The rule a new install starts with (FAILED or UNKNOWN, no channel) would open a second incident
    // for every failure here; these cases count the incidents of the rules they make. It has its own test.
    for (const rule of await main.service.listRules()) await main.service.deleteRule(admin, rule.id);
  });
  after(async () => {
    for (const { alerting, scheduler } of instances) {
      scheduler.stop();
      await alerting.stop();
    }
  });

  let taskCounter = 0;
  async function job(lifecycle: 'DEVELOP' | 'PUBLISHED' | 'ONLINE' | 'OFFLINE' = 'ONLINE'): Promise<RunRef> {
    const task = await new TasksStore(database).create({
      name: `job-${++taskCounter}-${randomBytes(3).toString('hex')}`,
      kind: 'SQL',
      executionMode: 'STREAMING',
      clusterId,
      lifecycle,
    });
    const { run } = await new RunsStore(database).upsertByJob({
      taskId: task.id,
      clusterId,
      flinkJobId: randomBytes(16).toString('hex'),
      jobName: task.name,
      status: 'RUNNING',
      executionMode: 'STREAMING',
      startTime: now(),
    });
    return { runId: run.id, taskId: task.id, taskName: task.name, clusterId, clusterName: 'test-cluster', flinkJobId: run.flinkJobId, jobName: run.jobName };
  }

  function status(ref: RunRef, to: RunStatus, at = now()): WeirEvent {
    return { type: 'run.status', from: null, to, at, restartCount: 0, ...ref };
  }

  async function channels(requests = channelRequests()): Promise<string[]> {
    const ids: string[] = [];
    for (const request of requests) {
      const created = await main.service.createChannel(admin, { ...request, name: `${request.name}-${randomBytes(3).toString('hex')}` });
      ids.push(created.id);
    }
    return ids;
  }

  async function rule(ref: RunRef, channelIds: string[], overrides: Partial<CreateAlertRuleRequest> = {}) {
    return main.service.createRule(admin, {
      name: `rule-${randomBytes(4).toString('hex')}`,
      enabled: true,
      condition: { kind: 'status', statuses: ['FAILED'] },
      scope: { kind: 'tasks', taskIds: [ref.taskId] },
      channelIds,
      renotifyIntervalMs: null,
      ...overrides,
    });
  }

  const history = async (ref: RunRef) => (await main.service.history({ runId: ref.runId, limit: 500 })).items;
  const settle = async (...alertings: Alerting[]) => {
    // Every instance: a notice may be claimed by any of them.
    for (const a of alertings.length ? alertings : instances.map((i) => i.alerting)) {
      await a.engine.idle();
      await a.dispatcher.settle();
    }
  };

  it('channel secrets are sealed at rest, masked on read, and kept when omitted on update', async () => {
    const [hookId, dingId] = await channels(channelRequests().slice(0, 2));
    const hook = await main.service.getChannel(hookId!);
    assert.equal((hook.config as { secret: string }).secret, SECRET_MASK);
    const ding = await main.service.getChannel(dingId!);
    assert.equal((ding.config as { url: string }).url, SECRET_MASK);
    const raw = await database.db.selectFrom('alert_channels').select('config').where('id', '=', dingId!).executeTakeFirstOrThrow();
    assert.ok(!raw.config.includes('SECdingtalk') && !raw.config.includes('dt-access-token-1'), 'no clear secret in the database');
    await main.service.replaceChannel(admin, dingId!, { type: 'dingtalk', name: ding.name, enabled: true, config: { url: SECRET_MASK, atMobiles: [], atAll: true } });
    const test = await main.service.testChannel(admin, dingId!);
    assert.equal(test.ok, true, test.error ?? '');
    assert.equal(robots.rejected.length, 0, 'the kept secret still signs');
    const audit = await new AuditStore(database).list({ action: 'alert.channel.test' });
    assert.ok(audit.items.length >= 1);
    assert.ok(!JSON.stringify(audit.items).includes('SECdingtalk'));
  });

  it('one failure gives exactly one alert per matching channel within 3 s, and one resolved message after it runs again', async () => {
    const ref = await job();
    const other = await job();
    const ids = await channels();
    await rule(ref, ids);
    await rule(other, ids); // matches another job only
    const seen = about(ref.runId);
    const failedAt = Date.now();
    const failure = status(ref, 'FAILED');
    bus.publish(failure);
    bus.publish(failure); // the same fact twice, and a third time from another instance
    const second = instance(bus);
    bus.publish(failure);
    await waitFor(() => seen.count() >= 5, 3000, 'one FIRING alert on each of the 5 channels');
    const deliveredIn = Math.max(...seen.robots().map((m) => m.at), ...seen.mails().map((m) => m.at)) - failedAt;
    assert.ok(deliveredIn < 3000, `delivered in ${deliveredIn} ms`);
    await settle(main, second);
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(seen.count(), 5, 'no duplicates');
    assert.deepEqual(seen.robots().map((m) => m.kind).sort(), ['dingtalk', 'feishu', 'webhook', 'wecom']);
    assert.ok(seen.titles().every((t) => t.startsWith(`[FIRING] ${ref.taskName}: status became FAILED`)), seen.titles().join('\n'));
    assert.equal(about(other.runId).count(), 0);

    bus.publish(status(ref, 'RUNNING'));
    await waitFor(() => seen.count() >= 10, 3000, 'one RESOLVED message on each channel');
    await settle(main, second);
    assert.equal(seen.count(), 10);
    assert.equal(seen.titles().filter((t) => t.startsWith(`[RESOLVED] ${ref.taskName}: the job is RUNNING again`)).length, 5);
    const rows = await history(ref);
    assert.deepEqual(rows.map((r) => `${r.kind}:${r.status}`).sort(), [...Array(5).fill('FIRING:SENT'), ...Array(5).fill('RESOLVED:SENT')]);
    const incidents = await main.service.incidentsPage({ runId: ref.runId });
    assert.equal(incidents.total, 1);
    assert.equal(incidents.items[0]?.state, 'RESOLVED');
    assert.equal(incidents.items[0]?.resolveReason, 'recovered');
    assert.equal(robots.rejected.length, 0, 'every signature checked out');
  });

  it("a failure's alert names the exception that ended the run, from the history the watcher stored before the status", async () => {
    const ref = await job();
    const [hook] = await channels(channelRequests().slice(0, 1));
    await rule(ref, [hook!]);
    // Flink 1.20's answer for a SQL job that divided by zero without a restart strategy (abridged).
    const history = {
      exceptionHistory: {
        truncated: false,
        entries: [
          {
            exceptionName: 'org.apache.flink.runtime.JobException',
            stacktrace: 'org.apache.flink.runtime.JobException: Recovery is suppressed by NoRestartBackoffTimeStrategy\n\tat org.apache.flink.runtime.executiongraph.failover.ExecutionFailureHandler.handleFailure(ExecutionFailureHandler.java:219)\nCaused by: java.lang.ArithmeticException: / by zero\n\tat StreamExecCalc$7.processElement(Unknown Source)\n',
            timestamp: now(),
            taskName: 'Source: numbers -> Calc',
          },
        ],
      },
    };
    await new RunsStore(database).saveSnapshot(ref.runId, 'exceptions', JSON.stringify(history));
    bus.publish(status(ref, 'FAILED'));
    await waitFor(() => about(ref.runId).count() >= 1, 3000, 'the FIRING alert');
    const body = about(ref.runId).robots()[0]!.body as { exception: unknown; fields: Array<{ label: string; value: string }> };
    assert.deepEqual(body.exception, { name: 'java.lang.ArithmeticException', message: '/ by zero' });
    assert.deepEqual(body.fields.find((f) => f.label === 'Exception'), { label: 'Exception', value: 'java.lang.ArithmeticException: / by zero' });

    // A run whose exception history was not stored (Flink answered oddly) still alerts, naming none.
    const unread = await job();
    await rule(unread, [hook!]);
    bus.publish(status(unread, 'FAILED'));
    await waitFor(() => about(unread.runId).count() >= 1, 3000, 'the FIRING alert without an exception');
    assert.equal((about(unread.runId).robots()[0]!.body as { exception: unknown }).exception, null);
  });

  it('a RUNNING from before a failure (another run of the task recorded late) does not resolve it; a later one does', async () => {
    const ref = await job();
    const [hook] = await channels(channelRequests().slice(0, 1));
    await rule(ref, [hook!]);
    const failedAt = now();
    bus.publish(status(ref, 'FAILED', failedAt));
    await settle(main);
    // A second run of the same task, whose history Weir reads only now: it ran before the failure.
    const late = { ...ref, runId: (await new RunsStore(database).upsertByJob({ taskId: ref.taskId, clusterId, flinkJobId: randomBytes(16).toString('hex'), jobName: ref.jobName, status: 'RUNNING', executionMode: 'STREAMING' })).run.id };
    bus.publish(status(late, 'RUNNING', failedAt - 5_000));
    bus.publish(status(ref, 'RUNNING', failedAt - 4_000));
    await settle(main);
    assert.deepEqual((await history(ref)).map((r) => r.kind), ['FIRING'], 'still firing: nothing ran after the failure');
    bus.publish(status(late, 'RUNNING', failedAt + 1_000));
    await settle(main);
    assert.deepEqual((await history(ref)).map((r) => r.kind).sort(), ['FIRING', 'RESOLVED']);
  });

  it('a channel that is down is retried with backoff, each attempt in the history; a dead one is given up', async () => {
    const ref = await job();
    const [hook] = await channels(channelRequests().slice(0, 1));
    const [dead] = await channels([{ type: 'webhook', name: 'dead', enabled: true, config: { url: `http://127.0.0.1:${closedPort}/hook`, secret: null } }]);
    await rule(ref, [hook!, dead!]);
    robots.failNext.webhook = 2;
    bus.publish(status(ref, 'FAILED'));
    await waitFor(async () => (await history(ref)).filter((r) => r.status === 'SENT' || r.status === 'GAVE_UP').length === 2, 5000, 'both notices to finish');
    const rows = (await history(ref)).sort((a, b) => a.createdAt - b.createdAt || a.attempt - b.attempt);
    const toHook = rows.filter((r) => r.channelId === hook).map((r) => [r.attempt, r.status, r.error, r.errorCode]);
    const http500 = { code: 'httpStatus', params: { status: 500 } };
    assert.deepEqual(toHook, [
      [1, 'FAILED', 'the receiver answered HTTP 500', http500],
      [2, 'FAILED', 'the receiver answered HTTP 500', http500],
      [3, 'SENT', null, null],
    ]);
    const toDead = rows.filter((r) => r.channelId === dead);
    assert.deepEqual(toDead.map((r) => [r.attempt, r.status]), [[1, 'FAILED'], [2, 'FAILED'], [3, 'GAVE_UP']]);
    assert.ok(toDead.every((r) => r.error === `connect ECONNREFUSED 127.0.0.1:${closedPort}`), toDead.map((r) => r.error).join('; '));
    // The reason as a code, for the reader's language; the text above stays for the detail.
    for (const r of toDead) assert.deepEqual(r.errorCode, { code: 'connectionRefused', params: { address: `127.0.0.1:${closedPort}` } });
    // Each retry waited at least its backoff, which doubles: a retry row is queued when the attempt
    // before it fails (createdAt) and ends after its own attempt (finishedAt), so a slow machine only
    // lengthens the wait, never shortens it.
    const waited = rows.filter((r) => r.channelId === hook && r.attempt > 1).map((r) => r.finishedAt! - r.createdAt);
    assert.ok(main.dispatcher.backoffMs(2) > main.dispatcher.backoffMs(1), 'the backoff grows');
    assert.ok(waited[0]! >= main.dispatcher.backoffMs(1) && waited[1]! >= main.dispatcher.backoffMs(2), `each retry waited its backoff (${waited.join(', ')} ms)`);
    assert.equal(about(ref.runId).count(), 1);
  });

  it('a silence holds alerts back (recorded as suppressed); when it ends, the still-firing incident is announced once', async () => {
    const ref = await job();
    const [hook] = await channels(channelRequests().slice(0, 1));
    const silenced = await rule(ref, [hook!]);
    const silence = await main.service.createSilence(admin, { ruleId: silenced.id, taskId: null, endsAt: now() + 3600_000, reason: 'deploying' });
    bus.publish(status(ref, 'FAILED'));
    await settle();
    await main.engine.evaluate();
    await settle();
    assert.equal(about(ref.runId).count(), 0);
    assert.deepEqual((await history(ref)).map((r) => [r.kind, r.status, r.error]), [['FIRING', 'SUPPRESSED', `silenced: deploying (until ${new Date(silence.endsAt).toISOString()})`]]);
    assert.deepEqual((await history(ref))[0]?.skipReason, { code: 'silenced', params: { reason: 'deploying', untilAt: silence.endsAt } }, 'the silence is named by a code the web app translates');
    await main.service.endSilence(admin, silence.id);
    await main.engine.evaluate();
    await waitFor(() => about(ref.runId).count() === 1, 3000, 'the held-back alert');
    await main.engine.evaluate();
    await settle();
    assert.equal(about(ref.runId).count(), 1);
  });

  it('auto-restart giving up opens an incident that keeps why as a code beside the English', async () => {
    const ref = await job();
    const gaveUp = await rule(ref, [], { condition: { kind: 'auto-restart-exhausted' } });
    const stop = { code: 'clusterUnreachable', params: { attempt: 2, waitedMs: 1_800_000, error: 'connect ECONNREFUSED' } } as const;
    const reason = 'attempt 2 could not be submitted: the cluster could not be reached for 30 min (connect ECONNREFUSED)';
    bus.publish({ type: 'task.auto-restart', outcome: 'exhausted', at: now(), reason, stop, attempts: 2, ...ref });
    await settle();
    const [incident] = (await main.service.incidentsPage({ ruleId: gaveUp.id })).items;
    assert.equal(incident?.summary, `automatic restarts stopped: ${reason}`, 'the channels\' English is unchanged');
    assert.deepEqual(incident?.summaryCode, { code: 'autoRestartStopped', params: { reason, stop: 'clusterUnreachable', attempt: 2, waitedMs: 1_800_000, error: 'connect ECONNREFUSED' } });
  });

  it('a deleted rule sends nothing: its retries are canceled and later failures open nothing', async () => {
    const ref = await job();
    const [dead] = await channels([{ type: 'webhook', name: 'down', enabled: true, config: { url: `http://127.0.0.1:${closedPort}/x`, secret: null } }]);
    const doomed = await rule(ref, [dead!]);
    // The clock stands while the first attempt fails, so its retry is queued and not yet due when the rule goes.
    frozenAt = Date.now() + offset;
    try {
      bus.publish(status(ref, 'FAILED'));
      await waitFor(async () => (await history(ref)).some((r) => r.status === 'FAILED'), 3000, 'the first failed attempt');
      await main.service.deleteRule(admin, doomed.id);
      await waitFor(async () => (await history(ref)).some((r) => r.status === 'CANCELED'), 3000, 'the queued retry canceled');
    } finally {
      frozenAt = undefined;
    }
    // A minute after the retry would have been due (and within the send lease), a poll finds nothing to send.
    offset += 60_000;
    try {
      await main.dispatcher.poll();
      await settle();
    } finally {
      offset = 0;
    }
    const rows = await history(ref);
    assert.deepEqual(rows.map((r) => r.status).sort(), ['CANCELED', 'FAILED']);
    assert.equal(rows.find((r) => r.status === 'CANCELED')?.error, 'canceled: the rule was deleted');
    assert.deepEqual(rows.find((r) => r.status === 'CANCELED')?.skipReason, { code: 'ruleDeleted', params: {} });
    assert.equal(rows[0]?.ruleName, doomed.name, 'the history keeps the deleted rule’s name');
    const later = await job();
    bus.publish(status({ ...later, taskId: ref.taskId }, 'FAILED'));
    await settle();
    assert.equal((await main.service.incidentsPage({ ruleId: doomed.id })).items.filter((i) => i.state === 'FIRING').length, 0);
    assert.equal((await main.service.history({ ruleId: doomed.id })).total, 2);
  });

  it('a restarted Weir sends what was queued and never resends what was sent; two instances never send one row twice', async () => {
    const sent = await job();
    const queued = await job();
    const [hook] = await channels(channelRequests().slice(0, 1));
    await rule(sent, [hook!]);
    await rule(queued, [hook!]);
    bus.publish(status(sent, 'FAILED'));
    await waitFor(() => about(sent.runId).count() === 1, 3000, 'the first alert');
    await settle();
    // An instance that queues a notice and "crashes" before sending it.
    const crashed = instance();
    await crashed.dispatcher.stop();
    await crashed.engine.handle(status(queued, 'FAILED'));
    assert.equal((await history(queued)).length, 1);
    // Two fresh instances over the same database, polling at the same time (and the first
    // instance's scheduled sender too): the queued notice goes out once.
    const [a, b] = [instance(), instance()];
    await Promise.all([a.dispatcher.poll(), b.dispatcher.poll(), a.dispatcher.poll(), b.dispatcher.poll()]);
    await waitFor(async () => (await history(queued))[0]?.status === 'SENT', 3000, 'the queued notice to be sent');
    await settle();
    assert.equal(about(queued.runId).count(), 1);
    assert.equal(about(sent.runId).count(), 1);
    assert.deepEqual((await history(queued)).map((r) => r.status), ['SENT']);
  });

  it('scopes: lifecycles and chosen tasks; DEVELOP jobs alert too when the rule says so', async () => {
    const develop = await job('DEVELOP');
    const online = await job('ONLINE');
    const [hook] = await channels(channelRequests().slice(0, 1));
    const onlineOnly = await rule(online, [hook!], { scope: { kind: 'lifecycles', lifecycles: ['ONLINE'] }, condition: { kind: 'status', statuses: ['UNKNOWN'] } });
    bus.publish(status(develop, 'UNKNOWN'));
    bus.publish(status(online, 'UNKNOWN'));
    await waitFor(() => about(online.runId).count() === 1, 3000, 'the ONLINE job’s alert');
    await settle();
    assert.equal(about(develop.runId).count(), 0);
    await main.service.updateRule(admin, onlineOnly.id, { enabled: false });
    const developRule = await rule(develop, [hook!], { condition: { kind: 'status', statuses: ['RESTARTING'] } });
    bus.publish(status(develop, 'RESTARTING'));
    await waitFor(() => about(develop.runId).count() === 1, 3000, 'the DEVELOP job’s alert');
    assert.ok(developRule.id);
  });

  it('restarts over N in a window, repeated exceptions, checkpoints, renotify and cluster incidents', async () => {
    const ref = await job();
    const [hook] = await channels(channelRequests().slice(0, 1));
    const runs = new RunsStore(database, now);
    await rule(ref, [hook!], { condition: { kind: 'restarts', count: 2, windowMs: 60_000 } });
    await rule(ref, [hook!], { condition: { kind: 'exception' } });
    await rule(ref, [hook!], { condition: { kind: 'checkpoint-failed' }, renotifyIntervalMs: 60_000 });
    for (let i = 0; i < 3; i++) {
      const at = now() + i;
      await runs.appendTransition(ref.runId, { toStatus: 'RESTARTING', at, source: 'flink' });
      await runs.appendTransition(ref.runId, { toStatus: 'RUNNING', at: at + 1, source: 'flink' });
      // As the watcher does: the run's restart count, which the rule counts, follows each restart.
      await runs.update(ref.runId, { restartCount: i + 1 });
      bus.publish(status(ref, 'RESTARTING', at));
    }
    const exception = { type: 'run.exception' as const, at: now(), exceptionName: 'java.io.IOException', message: 'Connection reset by peer 10.0.0.7:9092', failedTask: null, ...ref };
    bus.publish(exception);
    bus.publish({ ...exception, at: now() + 5, message: 'Connection reset by peer 10.0.0.8:9092' }); // the same exception again
    bus.publish({ type: 'run.checkpoint', at: now(), checkpointId: 7, outcome: 'FAILED', failure: 'Checkpoint expired before completing.', isSavepoint: false, ...ref });
    bus.publish({ type: 'run.checkpoint', at: now(), checkpointId: 8, outcome: 'FAILED', failure: 'Checkpoint expired before completing.', isSavepoint: false, ...ref });
    await settle();
    const titles = () => about(ref.runId).titles();
    await waitFor(() => titles().length === 3, 3000, 'three alerts');
    assert.deepEqual(titles().map((t) => t.replace(`${ref.taskName}: `, '')).sort(), [
      '[FIRING] 3 restarts within 1m 0s (more than 2)',
      '[FIRING] checkpoint 7 failed',
      '[FIRING] raised java.io.IOException',
    ]);
    offset += 61_000;
    await main.engine.evaluate();
    await waitFor(() => titles().length === 5, 3000, 'a re-notification and the restart incident clearing');
    assert.ok(titles().some((t) => t.startsWith('[STILL FIRING]') && t.includes('checkpoint 7 failed')), titles().join('\n'));
    assert.ok(titles().some((t) => t.startsWith('[RESOLVED]') && t.includes('0 restarts in the last 1m 0s')), titles().join('\n'));
    bus.publish({ type: 'run.checkpoint', at: now(), checkpointId: 9, outcome: 'COMPLETED', isSavepoint: false, ...ref });
    await waitFor(() => titles().some((t) => t.includes('checkpoint 9 completed')), 3000, 'the checkpoint incident resolving');
    offset = 0;

    const [clusterHook] = await channels(channelRequests().slice(0, 1));
    const clusterRule = await rule(ref, [clusterHook!], { condition: { kind: 'cluster-unreachable' } });
    const health = { type: 'cluster.health' as const, clusterId, clusterName: 'test-cluster', at: now(), error: 'connect ECONNREFUSED' };
    bus.publish({ ...health, from: 'HEALTHY', to: 'UNREACHABLE' });
    bus.publish({ ...health, from: 'HEALTHY', to: 'UNREACHABLE' });
    await settle();
    const firing = (await main.service.incidentsPage({ ruleId: clusterRule.id })).items;
    assert.equal(firing.length, 1, 'one incident for the whole cluster');
    bus.publish({ ...health, from: 'UNREACHABLE', to: 'HEALTHY' });
    await settle();
    const cluster = await main.service.history({ channelId: clusterHook! });
    assert.deepEqual(cluster.items.map((d) => `${d.kind}:${d.status}`).sort(), ['FIRING:SENT', 'RESOLVED:SENT']);
    const webhookBody = robots.of('webhook').find((m) => (m.body.incidentId as string) === firing[0]!.id)!.body;
    assert.ok((webhookBody.affectedJobs as string[]).includes(ref.taskName));
    assert.equal(webhookBody.link, 'http://weir.test/clusters');
  });

  it('a failed savepoint alerts once per task, whatever retries fail; the next completed one resolves it', async () => {
    const ref = await job();
    const [hook] = await channels(channelRequests().slice(0, 1));
    await rule(ref, [hook!], { condition: { kind: 'savepoint-failed' } });
    const savepoint = { type: 'run.savepoint' as const, at: now(), path: null, takenBy: 'savepoint-schedule', ...ref };
    bus.publish({ ...savepoint, outcome: 'FAILED', savepointId: 's1', failure: 'java.nio.file.AccessDeniedException: /savepoints' });
    bus.publish({ ...savepoint, outcome: 'FAILED', savepointId: 's2', failure: 'java.nio.file.AccessDeniedException: /savepoints' });
    await settle();
    const titles = () => about(ref.runId).titles().map((t) => t.replace(`${ref.taskName}: `, ''));
    await waitFor(() => titles().length === 1, 3000, 'one alert');
    assert.deepEqual(titles(), ['[FIRING] a savepoint taken by savepoint-schedule failed: java.nio.file.AccessDeniedException: /savepoints']);
    bus.publish({ ...savepoint, outcome: 'COMPLETED', savepointId: 's3', failure: null, path: 'file:/savepoints/savepoint-1' });
    await waitFor(() => titles().length === 2, 3000, 'the incident resolving');
    assert.ok(titles()[1]!.startsWith('[RESOLVED]') && titles()[1]!.includes('file:/savepoints/savepoint-1'), titles().join('\n'));
  });
});
