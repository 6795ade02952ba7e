// Alerts against the real watcher and a real Flink 1.20: a job made to fail gives exactly one
// alert per channel (robots and e-mail, on real receivers on 127.0.0.1) within 3 s of Weir seeing
// the failure, and a resolved message once the job runs again.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import type { WeirEvent } from '../events/events.js';
import { failingJobSql, runSql, sharedTestFlink, streamingJobSql, waitUntil, type TestFlink } from '../test-support/flink.js';
import { startTestWeir, type TestWeir } from '../test-support/weir.js';
import { RobotReceiver, SmtpReceiver } from '../test-support/receivers.js';

describe('alerts on a real Flink job', () => {
  const robots = new RobotReceiver({
    webhookSecret: 'int-webhook-secret',
    dingTalk: { accessToken: 'int-dt-token', secret: 'SECint' },
    feishu: { hookId: 'int-feishu-hook-0001', secret: 'int-feishu' },
    wecom: { key: 'int-wecom' },
  });
  const smtp = new SmtpReceiver({ user: 'weir', password: 'int-mail-pass' });
  let flink: TestFlink;
  let weir: TestWeir;
  const events: Array<{ event: WeirEvent; seenAt: number }> = [];
  const jobs: string[] = [];

  before(async () => {
    await robots.start();
    await smtp.start();
    flink = await sharedTestFlink();
    weir = await startTestWeir({ config: { publicUrl: 'http://weir.test' } });
    weir.services.bus.subscribe((event) => void events.push({ event, seenAt: Date.now() }));
    await weir.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'alerts', restUrl: flink.restUrl, gatewayUrl: flink.gatewayUrl });
    const service = weir.services.alerts.service;
    const channelIds: string[] = [];
    for (const request of [
      { type: 'webhook' as const, name: 'hook', enabled: true, config: { url: robots.url('webhook'), secret: 'int-webhook-secret' } },
      { type: 'dingtalk' as const, name: 'dingtalk', enabled: true, config: { url: robots.url('dingtalk'), secret: 'SECint', atMobiles: [], atAll: false } },
      { type: 'feishu' as const, name: 'feishu', enabled: true, config: { url: robots.url('feishu'), secret: 'int-feishu' } },
      { type: 'wecom' as const, name: 'wecom', enabled: true, config: { url: robots.url('wecom') } },
      {
        type: 'email' as const,
        name: 'mail',
        enabled: true,
        config: {
          host: '127.0.0.1',
          port: smtp.port,
          security: 'starttls' as const,
          username: 'weir',
          password: 'int-mail-pass',
          from: 'weir@example.com',
          to: ['oncall@example.com'],
          verifyCertificate: true,
          caCertificate: smtp.ca,
        },
      },
    ]) {
      channelIds.push((await service.createChannel(SYSTEM_PRINCIPAL, request)).id);
    }
    await service.createRule(SYSTEM_PRINCIPAL, {
      name: 'job failed',
      enabled: true,
      condition: { kind: 'status', statuses: ['FAILED'] },
      scope: { kind: 'all' },
      channelIds,
      renotifyIntervalMs: null,
    });
  });

  after(async () => {
    for (const jobId of jobs) await flink.jm.cancel(jobId).catch(() => undefined);
    await weir?.services.alerts.stop();
    await weir?.stop();
    await robots.stop();
    await smtp.stop();
  });

  it('one alert per channel within 3 s of the failure, then one resolved message when the job runs again', async () => {
    const [failingJob] = await runSql(flink, failingJobSql('alert_fail'));
    assert.ok(failingJob);
    const failed = await waitUntil('Weir to see the job fail', 60_000, async () =>
      events.find((e) => e.event.type === 'run.status' && e.event.flinkJobId === failingJob && e.event.to === 'FAILED'),
    );
    const runId = (failed.event as { runId: string }).runId;
    const needle = `/runs/${runId}`;
    const robotsAbout = () => robots.received.filter((m) => JSON.stringify(m.body).includes(needle));
    const mailsAbout = () => smtp.received.filter((m) => m.raw.includes(needle));
    await waitUntil('an alert on every channel', 3_000, async () => robotsAbout().length >= 4 && mailsAbout().length >= 1, 20);
    const lastArrival = Math.max(...robotsAbout().map((m) => m.at), ...mailsAbout().map((m) => m.at));
    assert.ok(lastArrival - failed.seenAt < 3_000, `delivered ${lastArrival - failed.seenAt} ms after Weir saw the failure`);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    assert.deepEqual(robotsAbout().map((m) => m.kind).sort(), ['dingtalk', 'feishu', 'webhook', 'wecom'], 'exactly one per robot');
    assert.equal(mailsAbout().length, 1, 'exactly one e-mail');
    assert.equal(robots.rejected.length, 0, 'every signature checked out');
    assert.match(mailsAbout()[0]!.raw, /Subject: \[FIRING\] alert_fail: status became FAILED/);
    // The webhook names what ended the job (the query divides by zero), not Flink's "recovery is suppressed" wrapper.
    const hook = robotsAbout().find((m) => m.kind === 'webhook')!.body as { exception: unknown };
    assert.deepEqual(hook.exception, { name: 'java.lang.ArithmeticException', message: '/ by zero' });

    // The fixed job, under the same name: the same task runs again.
    const [fixedJob] = await runSql(flink, streamingJobSql('alert_fail'));
    assert.ok(fixedJob);
    jobs.push(fixedJob);
    await waitUntil('a resolved message on every channel', 60_000, async () => robotsAbout().length >= 8 && mailsAbout().length >= 2, 50);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal(robotsAbout().length, 8);
    assert.equal(mailsAbout().length, 2);
    assert.match(mailsAbout()[1]!.raw, /Subject: \[RESOLVED\] alert_fail: a new run of the job is RUNNING again/);
    const history = await weir.services.alerts.service.history({ runId });
    assert.deepEqual(history.items.map((d) => `${d.kind}:${d.status}`).sort(), [...Array(5).fill('FIRING:SENT'), ...Array(5).fill('RESOLVED:SENT')]);
  });
});
