// The typed client against answers recorded from real clusters of every Flink version
// (flink-local/fixtures/<version>/): every schema must accept what Flink really sends, and the
// mapping must read it right.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RECORDED_FLINK_VERSIONS, recordedAnswer, type RecordedAnswer as Fixture } from '../test-support/flink-fixtures.js';
import { exceptionsOf } from '../run-detail/run-views.js';
import { JobManagerClient } from './job-manager.client.js';

/** A client whose fetch answers exactly the recorded request of the named fixture. */
function clientForVersion(version: string, name: string): { client: JobManagerClient; fixture: Fixture } {
  const fixture = recordedAnswer(version, 'rest', name);
  const fetch: typeof globalThis.fetch = async (input) => {
    const url = new URL(String(input));
    const recorded = new URL(fixture.request.url, 'http://x');
    assert.equal(url.pathname, recorded.pathname, `request path for ${name}`);
    return new Response(fixture.rawBody ?? JSON.stringify(fixture.body), { status: fixture.status, headers: { 'content-type': 'application/json' } });
  };
  return { client: new JobManagerClient({ baseUrl: 'http://jm', timeoutMs: 1000, fetch }), fixture };
}

const jobIdOf = (f: Fixture) => /\/jobs\/([0-9a-f]{32})/.exec(f.request.url)?.[1] ?? '';

for (const version of RECORDED_FLINK_VERSIONS) {
  const clientFor = (name: string) => clientForVersion(version, name);

  describe(`JobManagerClient on recorded Flink ${version} answers`, () => {
    it('probe reads version, TaskManagers and slots', async () => {
      const { client } = clientFor('overview');
      const p = await client.probe();
      assert.equal(p.flinkVersion, version);
      assert.equal(p.taskManagers, 1);
      assert.ok(p.slotsTotal >= 1);
    });

    it('jobs overview', async () => {
      const { client } = clientFor('jobs-overview');
      const jobs = await client.jobsOverview();
      assert.ok(jobs.length >= 1);
      for (const j of jobs) {
        assert.match(j.jid, /^[0-9a-f]{32}$/);
        assert.ok(j['last-modification'] > 0);
      }
    });

    for (const name of ['job-running', 'job-finished', 'job-failed', 'job-canceled']) {
      it(`job details: ${name}`, async () => {
        const { client, fixture } = clientFor(name);
        const job = await client.job(jobIdOf(fixture));
        assert.equal(job.state, name.replace('job-', '').toUpperCase());
        assert.ok(job.vertices.length >= 1);
        assert.ok(job.timestamps.INITIALIZING! > 0);
      });
    }

    it('vertexBackpressure reads the level and the worst subtask ratio', async () => {
      const bp = clientFor('job-vertex-backpressure');
      const vertex = /\/vertices\/([0-9a-f]{32})/.exec(bp.fixture.request.url)?.[1] ?? '';
      assert.deepEqual(await bp.client.vertexBackpressure(jobIdOf(bp.fixture), vertex), { level: 'ok', maxRatio: 0 });
    });

    it('exceptions of a failed job', async () => {
      const { client, fixture } = clientFor('job-exceptions-failed');
      const ex = await client.exceptions(jobIdOf(fixture));
      assert.ok(ex.exceptionHistory.entries.length >= 1);
      assert.ok(ex.exceptionHistory.entries[0]!.stacktrace.length > 0);
      // Where a task failed: `location` in 1.20, only `endpoint` in 2.x; the run page shows either.
      const taskLevel = exceptionsOf(ex).entries.flatMap((e) => [e, ...e.concurrent]).filter((e) => e.taskName);
      assert.ok(taskLevel.length >= 1);
      for (const e of taskLevel) assert.match(e.location ?? '', /:\d+$/, `${e.taskName} has a host:port`);
    });

    it('checkpoints of a checkpointing job: counts, the latest completed one with its path, and the history', async () => {
      const { client, fixture } = clientFor('job-checkpoints');
      const jid = jobIdOf(fixture);
      const recorded = fixture.body as { counts: Record<string, number>; history: Array<{ id: number; status: string }> };
      const cp = await client.checkpoints(jid);
      assert.deepEqual(cp.counts, recorded.counts);
      assert.ok(cp.counts.completed >= 2, 'the recording saw several checkpoints complete');
      // The history comes newest first; the latest completed one is the newest COMPLETED entry.
      const ids = cp.history.map((h) => h.id);
      assert.deepEqual(ids, [...ids].sort((x, y) => y - x));
      const newestCompleted = cp.history.find((h) => h.status === 'COMPLETED')!;
      assert.equal(cp.latest.completed?.id, newestCompleted.id);
      assert.equal(cp.latest.completed?.status, 'COMPLETED');
      assert.equal(cp.latest.completed?.is_savepoint, false);
      assert.equal(cp.latest.restored, null);
      assert.match((await client.latestCheckpointPath(jid)) ?? '', new RegExp(`^file:/.*/chk-${newestCompleted.id}$`));
      assert.equal(await client.restoredFrom(jid), null);
    });

    it('checkpoints of a job without checkpointing: zero counts, no latest checkpoint, no path', async () => {
      const { client, fixture } = clientFor('job-checkpoints-disabled');
      const jid = jobIdOf(fixture);
      const cp = await client.checkpoints(jid);
      assert.deepEqual(cp.counts, { restored: 0, total: 0, in_progress: 0, completed: 0, failed: 0 });
      assert.equal(cp.latest.completed, null);
      assert.deepEqual(cp.history, []);
      assert.equal(await client.latestCheckpointPath(jid), null);
    });

    it('checkpoint configuration: enabled, and disabled (Flink answers 200 with interval Long.MAX_VALUE)', async () => {
      const on = clientFor('job-checkpoints-config');
      const cfg = await on.client.checkpointConfig(jobIdOf(on.fixture));
      assert.ok(cfg && cfg.interval > 0 && cfg.interval < 1e12);
      const off = clientFor('job-checkpoints-config-disabled');
      assert.equal(await off.client.checkpointConfig(jobIdOf(off.fixture)), null);
    });

    it('job config, plan, TaskManagers and JobManager config', async () => {
      const c = clientFor('job-config');
      assert.ok((await c.client.jobConfig(jobIdOf(c.fixture))).jid);
      const p = clientFor('job-plan');
      assert.ok((await p.client.plan(jobIdOf(p.fixture))).nodes.length >= 1);
      const t = clientFor('taskmanagers');
      assert.ok((await t.client.taskManagers()).taskmanagers.length >= 1);
      const j = clientFor('jobmanager-config');
      assert.ok((await j.client.jobManagerConfig()).some((e) => e.key === 'rest.port'));
    });

    it('a finished savepoint reports its location', async () => {
      const { client, fixture } = clientFor('savepoint-status-completed');
      const [, jid, trigger] = /\/jobs\/([0-9a-f]+)\/savepoints\/([^/?]+)/.exec(fixture.request.url) ?? [];
      const s = await client.savepointStatus(jid!, trigger!);
      assert.equal(s.status, 'COMPLETED');
      assert.match(s.location ?? '', /savepoint-/);
    });

    it('an unknown job is FLINK_REJECTED with Flink\'s message, not a crash', async () => {
      const { client, fixture } = clientFor('error-unknown-job');
      await assert.rejects(client.job(jobIdOf(fixture) || '0'.repeat(32)), (err: Error & { code?: string }) => err.code === 'FLINK_REJECTED');
    });
  });

  describe('JobManagerClient additions for the run detail page', () => {
    it('TaskManager detail carries JVM heap metrics and the slots allocated to jobs', async () => {
      const { client } = clientFor('taskmanager-detail');
      const tm = await client.taskManager('tm-1');
      assert.equal(tm.id, 'tm-1');
      assert.ok((tm.metrics?.heapMax ?? 0) > 0);
      assert.ok((tm.metrics?.heapUsed ?? 0) > 0);
      assert.equal(tm.allocatedSlots?.length, 1);
    });

    it('aggregated subtask metrics are numbers per aggregate', async () => {
      const { client, fixture } = clientFor('job-vertex-subtasks-metrics-agg');
      const [, jid, vid] = /\/jobs\/([0-9a-f]+)\/vertices\/([0-9a-f]+)/.exec(fixture.request.url) ?? [];
      const values = await client.vertexSubtaskMetrics(jid!, vid!, ['numRecordsOut']);
      const recorded = (fixture.body as Array<{ sum: number }>)[0]!.sum;
      assert.ok(recorded > 0, 'the recording saw records flow');
      // One subtask: every aggregate is its count.
      assert.deepEqual(values[0], { id: 'numRecordsOut', min: recorded, max: recorded, avg: recorded, sum: recorded });
    });

    it('JobManager metrics are id/value pairs', async () => {
      const { client } = clientFor('jobmanager-metrics');
      const values = await client.jobManagerMetrics(['Status.JVM.Memory.Heap.Used']);
      assert.ok(values.length >= 1);
    });
  });

}

describe('JobManagerClient.fileRange reads a byte window of a log without keeping the rest', () => {
  const body = Array.from({ length: 1000 }, (_, i) => `line ${String(i).padStart(4, '0')}\n`).join(''); // 10 000 bytes
  function streamingClient(chunk = 97) {
    const fetch: typeof globalThis.fetch = async () => {
      const bytes = new TextEncoder().encode(body);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += chunk) controller.enqueue(bytes.slice(i, i + chunk));
          controller.close();
        },
      });
      return new Response(stream, { status: 200 });
    };
    return new JobManagerClient({ baseUrl: 'http://jm', timeoutMs: 1000, fetch });
  }

  it('a window from an offset', async () => {
    const r = await streamingClient().fileRange({ component: 'taskmanager', tmId: 'tm-1', kind: 'log' }, { offset: 20, limit: 30 });
    assert.equal(r.total, 10_000);
    assert.equal(r.offset, 20);
    assert.equal(new TextDecoder().decode(r.bytes), body.slice(20, 50));
  });

  it('the tail when no offset is given', async () => {
    const r = await streamingClient(13).fileRange({ component: 'jobmanager', kind: 'stdout' }, { limit: 25 });
    assert.equal(r.offset, 10_000 - 25);
    assert.equal(new TextDecoder().decode(r.bytes), body.slice(-25));
  });

  it('an offset past the end gives nothing and the true size', async () => {
    const r = await streamingClient().fileRange({ component: 'jobmanager', kind: 'log' }, { offset: 20_000, limit: 100 });
    assert.equal(r.bytes.length, 0);
    assert.equal(r.total, 10_000);
  });
});

describe('aggregated subtask metrics as Flink 1.20.3 sends them for a source', () => {
  it('accepts "NaN" aggregates (a source has no busy time)', async () => {
    const body = '[{"id":"busyTimeMsPerSecond","min":"NaN","max":"NaN","avg":"NaN","sum":"NaN"},{"id":"backPressuredTimeMsPerSecond","min":0.0,"max":0.0,"avg":0.0,"sum":0.0}]';
    const client = new JobManagerClient({ baseUrl: 'http://jm', timeoutMs: 1000, fetch: async () => new Response(body, { status: 200 }) });
    const values = await client.vertexSubtaskMetrics('a'.repeat(32), 'b'.repeat(32), ['busyTimeMsPerSecond', 'backPressuredTimeMsPerSecond']);
    assert.equal(values[0]!.max, 'NaN');
    assert.equal(values[1]!.max, 0);
  });
});

describe('JobManagerClient keeps user-supplied names inside the path they belong to', () => {
  /** A client that records every URL it is asked for and answers an empty log. */
  function recordingClient(): { client: JobManagerClient; urls: string[] } {
    const urls: string[] = [];
    const fetch: typeof globalThis.fetch = async (input) => {
      urls.push(String(input));
      return new Response('log line\n', { status: 200 });
    };
    return { client: new JobManagerClient({ baseUrl: 'http://jm/proxy', timeoutMs: 1000, fetch }), urls };
  }

  for (const name of ['..', '.', '../../jobs', 'a/b', 'a\\b']) {
    it(`refuses the log name ${JSON.stringify(name)} without sending anything`, async () => {
      const { client, urls } = recordingClient();
      const attempts = [
        () => client.fileRange({ component: 'jobmanager', kind: 'log', name }, { limit: 10 }),
        () => client.fileRange({ component: 'taskmanager', tmId: 'tm-1', kind: 'log', name }, { limit: 10 }),
        () => client.fileRange({ component: 'taskmanager', tmId: name, kind: 'stdout' }, { limit: 10 }),
        () => client.jobManagerLog(name),
        () => client.taskManagerLog('tm-1', name),
        () => client.taskManagerLog(name),
      ];
      for (const attempt of attempts) await assert.rejects(attempt(), (error: Error & { code?: string }) => error.code === 'VALIDATION');
      assert.deepEqual(urls, []);
    });
  }

  it('sends an ordinary log name encoded, under the component it names', async () => {
    const { client, urls } = recordingClient();
    await client.fileRange({ component: 'taskmanager', tmId: 'tm 1', kind: 'log', name: 'taskmanager.log.1' }, { limit: 10 });
    assert.deepEqual(urls, ['http://jm/proxy/taskmanagers/tm%201/logs/taskmanager.log.1']);
  });
});

describe('a checkpoint configuration Flink answers oddly', () => {
  const answering = (body: string, status = 200) => new JobManagerClient({ baseUrl: 'http://jm', timeoutMs: 1000, fetch: async () => new Response(body, { status }) });

  it('a missing field or a body that is not JSON is a NotFlinkError (an error about Flink, which callers expect), not a bare parse error', async () => {
    const withoutMode = '{"interval":1000,"timeout":600000,"min_pause":0,"max_concurrent":1}';
    for (const body of [withoutMode, '{"mode":"exactly_once","interv']) {
      await assert.rejects(answering(body).checkpointConfig('a'.repeat(32)), (err: Error) => err.name === 'NotFlinkError' && /checkpoints\/config/.test(err.message));
    }
  });

  it('404 still means "no checkpointing"', async () => {
    assert.equal(await answering('{"errors":["not found"]}', 404).checkpointConfig('a'.repeat(32)), null);
  });
});

describe('the details of a job still INITIALIZING', () => {
  it('read with its empty plan left out, not refused as a whole', async () => {
    const running = recordedAnswer(RECORDED_FLINK_VERSIONS[0]!, 'rest', 'job-running');
    const body = { ...(running.body as Record<string, unknown>), state: 'INITIALIZING', vertices: [], plan: {} };
    const client = new JobManagerClient({ baseUrl: 'http://jm', timeoutMs: 1000, fetch: async () => new Response(JSON.stringify(body), { status: 200 }) });
    const details = await client.job(jobIdOf(running));
    assert.equal(details.state, 'INITIALIZING');
    assert.equal(details.plan, undefined);
  });
});

describe('how long Flink caches a job\'s checkpoint statistics', () => {
  /** A client over a JobManager whose /jobmanager/config and /config answer as given (a status number: that error). */
  function clientWith(jobManagerConfig: unknown, dashboardConfig: unknown): JobManagerClient {
    const fetch: typeof globalThis.fetch = async (input) => {
      const answer = new URL(String(input)).pathname === '/jobmanager/config' ? jobManagerConfig : dashboardConfig;
      if (typeof answer === 'number') return new Response(JSON.stringify({ errors: ['no'] }), { status: answer });
      return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    return new JobManagerClient({ baseUrl: 'http://jm', timeoutMs: 1000, fetch });
  }
  const dashboard = (refreshMs: number) => ({ 'refresh-interval': refreshMs, 'timezone-name': 'UTC', 'timezone-offset': 0, 'flink-version': '1.20.3', 'flink-revision': 'x', features: {} });

  it('is rest.cache.checkpoint-statistics.timeout when the cluster sets it', async () => {
    const client = clientWith([{ key: 'rest.cache.checkpoint-statistics.timeout', value: '10 s' }], dashboard(3_000));
    assert.equal(await client.checkpointStatsCacheMs(), 10_000);
  });

  it('falls back to web.refresh-interval as Flink does, also when the timeout is written in a form Weir cannot read', async () => {
    assert.equal(await clientWith([{ key: 'web.refresh-interval', value: '5000' }], dashboard(5_000)).checkpointStatsCacheMs(), 5_000);
    assert.equal(await clientWith([{ key: 'rest.cache.checkpoint-statistics.timeout', value: 'soon' }], dashboard(4_000)).checkpointStatsCacheMs(), 4_000);
  });

  it('is waited out for 30 s at most, whatever the cluster (or a proxy) claims', async () => {
    assert.equal(await clientWith([{ key: 'rest.cache.checkpoint-statistics.timeout', value: '1 d' }], dashboard(3_000)).checkpointStatsCacheMs(), 30_000);
    assert.equal(await clientWith([], dashboard(86_400_000)).checkpointStatsCacheMs(), 30_000);
  });

  it('is Flink\'s default when neither answer can be read', async () => {
    assert.equal(await clientWith(500, 500).checkpointStatsCacheMs(), 3_000);
  });
});
