// The exposition as Prometheus parses it: names, labels, one status series per task, no run or
// job ids, and hostile task names escaped inside label values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WeirExposition, type ExportRuntime } from './exposition.js';
import type { ExportSnapshot, ExportedTaskRow } from './metrics-export.store.js';

const NOW = 1_800_000_000_000;

function task(overrides: Partial<ExportedTaskRow>): ExportedTaskRow {
  return { taskName: 'orders', clusterName: 'prod', latestRunId: 'run-1', status: 'RUNNING', lost: false, restartCount: 0, healthScore: null, ...overrides };
}

function render(snapshot: Partial<ExportSnapshot>, runtime: Partial<ExportRuntime> = {}): Promise<string> {
  return new WeirExposition().render(
    { tasks: [], clusters: [], openIncidents: [], deliveries: [], ...snapshot },
    { now: NOW, checkpoints: new Map(), watcherCycles: new Map(), queryMs: 3, ...runtime },
  );
}

/** The sample lines of one metric, without HELP and TYPE. */
const samples = (text: string, name: string) => text.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));

describe('Weir exposition', () => {
  it('one status series per task with its current status, and per-task gauges only where they mean something', async () => {
    const text = await render(
      {
        tasks: [
          task({ taskName: 'orders', latestRunId: 'run-1', restartCount: 2, healthScore: 87 }),
          task({ taskName: 'billing', latestRunId: 'run-2', status: 'FAILED', healthScore: 10 }),
        ],
        clusters: [{ id: 'c1', name: 'prod', health: 'HEALTHY' }],
      },
      {
        checkpoints: new Map([
          ['run-1', { at: NOW - 42_000, durationMs: 1_500, sizeBytes: 4096 }],
          ['run-2', { at: NOW - 1_000, durationMs: 10, sizeBytes: 1 }],
        ]),
        watcherCycles: new Map([['c1', { finishedAt: NOW - 500, durationMs: 20 }]]),
      },
    );
    assert.deepEqual(samples(text, 'weir_task_status'), ['weir_task_status{task="orders",cluster="prod",status="RUNNING"} 1', 'weir_task_status{task="billing",cluster="prod",status="FAILED"} 1']);
    assert.deepEqual(samples(text, 'weir_task_restarts'), ['weir_task_restarts{task="orders",cluster="prod"} 2', 'weir_task_restarts{task="billing",cluster="prod"} 0']);
    // A failed run's score and checkpoints describe a job that no longer runs: not exported.
    assert.deepEqual(samples(text, 'weir_task_health_score'), ['weir_task_health_score{task="orders",cluster="prod"} 87']);
    assert.deepEqual(samples(text, 'weir_task_checkpoint_age_seconds'), ['weir_task_checkpoint_age_seconds{task="orders",cluster="prod"} 42']);
    assert.deepEqual(samples(text, 'weir_task_checkpoint_duration_seconds'), ['weir_task_checkpoint_duration_seconds{task="orders",cluster="prod"} 1.5']);
    assert.deepEqual(samples(text, 'weir_task_checkpoint_size_bytes'), ['weir_task_checkpoint_size_bytes{task="orders",cluster="prod"} 4096']);
    assert.deepEqual(samples(text, 'weir_cluster_jobs').sort(), ['weir_cluster_jobs{cluster="prod",status="FAILED"} 1', 'weir_cluster_jobs{cluster="prod",status="RUNNING"} 1']);
    assert.deepEqual(samples(text, 'weir_cluster_up'), ['weir_cluster_up{cluster="prod"} 1']);
    assert.deepEqual(samples(text, 'weir_watcher_lag_seconds'), ['weir_watcher_lag_seconds{cluster="prod"} 0.5']);
    assert.deepEqual(samples(text, 'weir_watcher_cycle_duration_seconds'), ['weir_watcher_cycle_duration_seconds{cluster="prod"} 0.02']);
    assert.doesNotMatch(text, /run-1|run-2/, 'no run ids in labels');
  });

  it('a task or cluster gone since the last scrape leaves no series behind', async () => {
    const exposition = new WeirExposition();
    const runtime = { now: NOW, checkpoints: new Map(), watcherCycles: new Map(), queryMs: 1 };
    await exposition.render({ tasks: [task({ taskName: 'old', clusterName: 'gone' })], clusters: [{ id: 'c0', name: 'gone', health: 'HEALTHY' }], openIncidents: [], deliveries: [] }, runtime);
    const text = await exposition.render({ tasks: [task({ taskName: 'new', status: 'CANCELED' })], clusters: [], openIncidents: [], deliveries: [] }, runtime);
    assert.deepEqual(samples(text, 'weir_task_status'), ['weir_task_status{task="new",cluster="prod",status="CANCELED"} 1']);
    assert.deepEqual(samples(text, 'weir_cluster_jobs'), ['weir_cluster_jobs{cluster="prod",status="CANCELED"} 1']);
    assert.deepEqual(samples(text, 'weir_cluster_up'), []);
  });

  it('escapes quotes, backslashes and newlines of hostile names inside label values', async () => {
    const hostile = 'x"} 1\nweir_cluster_up{cluster="evil\\';
    const text = await render({ tasks: [task({ taskName: hostile, clusterName: 'c"1' })], clusters: [{ id: 'c1', name: 'c"1', health: 'UNREACHABLE' }] });
    assert.deepEqual(samples(text, 'weir_task_status'), ['weir_task_status{task="x\\"} 1\\nweir_cluster_up{cluster=\\"evil\\\\",cluster="c\\"1",status="RUNNING"} 1']);
    assert.deepEqual(samples(text, 'weir_cluster_up'), ['weir_cluster_up{cluster="c\\"1"} 0'], 'the injected series did not appear');
    assert.deepEqual(samples(text, 'weir_cluster_health'), ['weir_cluster_health{cluster="c\\"1",health="UNREACHABLE"} 1']);
  });

  it('open incidents by condition and deliveries by channel and outcome', async () => {
    const text = await render({
      openIncidents: [{ condition: 'status', count: 3 }],
      deliveries: [
        { channel: 'oncall', channelType: 'webhook', outcome: 'SENT', count: 5 },
        { channel: 'oncall', channelType: 'webhook', outcome: 'GAVE_UP', count: 1 },
      ],
    });
    assert.deepEqual(samples(text, 'weir_alert_incidents_open'), ['weir_alert_incidents_open{condition="status"} 3']);
    assert.deepEqual(samples(text, 'weir_alert_deliveries'), [
      'weir_alert_deliveries{channel="oncall",channel_type="webhook",outcome="SENT"} 5',
      'weir_alert_deliveries{channel="oncall",channel_type="webhook",outcome="GAVE_UP"} 1',
    ]);
    assert.deepEqual(samples(text, 'weir_scrape_query_seconds'), ['weir_scrape_query_seconds 0.003']);
  });
});
