// Weir scraped by a real Prometheus (Debian's) over HTTP with the scrape token, with real jobs on
// the real Flink: a job made to fail shows as FAILED in the status series through PromQL, and every
// expression of the Grafana dashboard evaluates without error and returns data.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { REPO_ROOT } from '../config/config.js';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import { failingJobSql, runSql, sharedTestFlink, streamingJobSql, waitUntil, type TestFlink } from '../test-support/flink.js';
import { startPrometheus, type TestPrometheus } from '../test-support/prometheus.js';
import { startTestWeir, testApp, type TestWeir } from '../test-support/weir.js';

const WEIR_PORT = 24091;
const PROMETHEUS_PORT = 24090;
/** Nothing listens here: the alert channel's deliveries fail, which gives the deliveries series rows. */
const DEAD_WEBHOOK = 'http://127.0.0.1:24092/hook';
const SCRAPE_TOKEN = 'prometheus-scrape-token-int-test';

interface Dashboard {
  panels: Array<{ title: string; targets?: Array<{ expr: string }> }>;
}

describe('metrics export scraped by a real Prometheus', () => {
  let flink: TestFlink;
  let weir: TestWeir;
  let app: FastifyInstance;
  let prometheus: TestPrometheus;
  const jobs: string[] = [];

  before(async () => {
    flink = await sharedTestFlink();
    weir = await startTestWeir({ config: { metricsExportToken: SCRAPE_TOKEN, healthCheckIntervalMs: 1_000 } });
    app = await testApp(weir);
    await app.listen({ host: '127.0.0.1', port: WEIR_PORT });
    await weir.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'metrics-export', restUrl: flink.restUrl, gatewayUrl: flink.gatewayUrl });
    const alerts = weir.services.alerts.service;
    const channel = await alerts.createChannel(SYSTEM_PRINCIPAL, { type: 'webhook', name: 'dead-hook', enabled: true, config: { url: DEAD_WEBHOOK } });
    await alerts.createRule(SYSTEM_PRINCIPAL, {
      name: 'job failed',
      enabled: true,
      condition: { kind: 'status', statuses: ['FAILED'] },
      scope: { kind: 'all' },
      channelIds: [channel.id],
      renotifyIntervalMs: null,
    });
    prometheus = await startPrometheus({ port: PROMETHEUS_PORT, target: `127.0.0.1:${WEIR_PORT}`, bearerToken: SCRAPE_TOKEN });
  });

  after(async () => {
    for (const jobId of jobs) await flink.jm.cancel(jobId).catch(() => undefined);
    await prometheus?.stop();
    await app?.close();
    await weir?.stop();
  });

  it('Prometheus scrapes Weir with the scrape token', async () => {
    const target = await waitUntil('a successful scrape of Weir', 30_000, async () => {
      const res = await fetch(`${prometheus.url}/api/v1/targets`);
      const body = (await res.json()) as { data: { activeTargets: Array<{ health: string; lastError: string; scrapeUrl: string }> } };
      return body.data.activeTargets.find((t) => t.health === 'up');
    });
    assert.equal(target.scrapeUrl, `http://127.0.0.1:${WEIR_PORT}/metrics`);
  });

  it('a job made to fail on the real Flink shows as FAILED in weir_task_status', async () => {
    const [failing] = await runSql(flink, failingJobSql('metrics_export_fail'));
    assert.ok(failing);
    const series = await waitUntil('the failed task in Prometheus', 90_000, async () => {
      const result = await prometheus.query('weir_task_status{task="metrics_export_fail", status="FAILED"} == 1');
      return result[0];
    }, 500);
    assert.equal(series.metric.cluster, 'metrics-export');
    // One status series per task: the earlier statuses (RUNNING ...) are gone from the latest scrape.
    const current = await prometheus.query('count(weir_task_status{task="metrics_export_fail"})');
    assert.equal(current[0]?.value[1], '1');
  });

  it('every expression of the Grafana dashboard evaluates without error and returns data', async () => {
    // A checkpointing job for the checkpoint, health and restart panels.
    const [streaming] = await runSql(flink, streamingJobSql('metrics_export_stream'), { 'execution.checkpointing.interval': '1s' });
    assert.ok(streaming);
    jobs.push(streaming);
    const dashboard = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'deploy/grafana/weir-dashboard.json'), 'utf8')) as Dashboard;
    const expressions = dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => ({ panel: panel.title, expr: target.expr })));
    assert.ok(expressions.length >= 12, `the dashboard has ${expressions.length} expressions`);
    for (const { panel, expr } of expressions) {
      // query() throws on an error answer, which fails the test at once; an empty answer waits for data.
      await waitUntil(`data for "${panel}": ${expr}`, 90_000, async () => (await prometheus.query(expr)).length > 0, 500);
    }
  });
});
