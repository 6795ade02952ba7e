// Post-mortem evidence on a real Flink: a job that fails at run time leaves the logs that explain it,
// bounded, kept after the cluster stops answering, removed after the retention period, and a
// capture that cannot read its files says why without touching the run.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import type { RunRecord } from '../runs/runs.store.js';
import { FlinkProxy } from '../test-support/flink-proxy.js';
import { failingJobSql, runSql, sharedTestFlink, waitUntil, type TestFlink } from '../test-support/flink.js';
import { startTestWeir, type TestWeir } from '../test-support/weir.js';
import { DEFAULT_LOG_CAPTURE_SETTINGS, LogCaptureService, type LogCaptureSettings } from './log-captures.service.js';
import { LogCapturesStore } from './log-captures.store.js';

const SETTINGS: LogCaptureSettings = { ...DEFAULT_LOG_CAPTURE_SETTINGS, captureBytes: 1_048_576, runBytes: 16 * 1_048_576 };

describe('log captures on a real Flink job', () => {
  let flink: TestFlink;
  let proxy: FlinkProxy;
  let weir: TestWeir;
  let jobId: string;
  let run: RunRecord;
  let clusterId: string;

  /** Another capture service over the same database and cluster, with its own bounds or clock. */
  const serviceWith = (settings: Partial<LogCaptureSettings>, now?: () => number) =>
    new LogCaptureService({
      store: new LogCapturesStore(weir.database),
      runs: weir.services.runs,
      clusters: weir.services.clusters,
      flink: weir.services.flink,
      audit: weir.services.audit,
      settings: { ...SETTINGS, ...settings },
      log: { info: () => undefined, warn: () => undefined, error: (o, m) => console.error(m, o) },
      ...(now ? { now } : {}),
    });

  before(async () => {
    flink = await sharedTestFlink();
    proxy = await FlinkProxy.start(flink.restUrl);
    weir = await startTestWeir({ config: { logCaptures: SETTINGS } });
    const cluster = await weir.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'captures', restUrl: proxy.url, gatewayUrl: flink.gatewayUrl });
    clusterId = cluster.id;
    [jobId] = (await runSql(flink, failingJobSql('log_capture_fail'))) as [string];
    run = await waitUntil('the watcher to record the run as FAILED', 60_000, async () => {
      const r = await weir.services.runs.getByJob(cluster.id, jobId);
      return r?.status === 'FAILED' ? r : undefined;
    });
  });
  after(async () => {
    await weir?.stop();
    await proxy?.close();
  });

  it('keeps the JobManager records naming the job and the failing TaskManager\'s lines, at the moment of failure', async () => {
    const capture = await waitUntil('the failure\'s capture to be finished', 30_000, async () => {
      const list = await weir.services.logCaptures.list(run.id);
      return list.captures.find((c) => c.trigger === 'FAILED' && c.status !== 'PENDING');
    });
    console.log(`capture of FAILED: ${capture.status}, ${capture.textBytes} bytes of text, ${capture.storedBytes} bytes stored (gzip), read in ${capture.durationMs} ms; parts: ${capture.parts.map((p) => `${p.component}${p.tm ? `:${p.tm}` : ''}/${p.kind} ${p.textBytes}→${p.storedBytes} of ${p.sourceBytes}`).join(', ')}`);
    assert.equal(capture.status, 'COMPLETE', capture.failure ?? JSON.stringify(capture.parts));
    // The list says what failed without opening the capture: the cause from Flink's exception history.
    assert.equal(capture.detail, 'java.lang.ArithmeticException: / by zero');
    assert.ok(capture.completedAt! >= run.updatedAt - 60_000);
    assert.ok(capture.storedBytes < capture.textBytes, 'stored compressed');

    const jmPart = capture.parts.find((p) => p.component === 'jobmanager')!;
    assert.equal(jmPart.selection, 'job');
    const jm = await weir.services.logCaptures.partText(run.id, capture.id, jmPart.seq, { mask: false });
    assert.match(jm.text, new RegExp(jobId));
    assert.match(jm.text, /java\.lang\.ArithmeticException/);
    assert.match(jm.text, /switched from state RUNNING to FAILING/);

    // The TaskManager the exception history names: its log has the failing task's own lines.
    const history = await flink.jm.exceptions(jobId);
    // Flink 1.20 reports a job failed for good as a JobException whose task failure is concurrent with it.
    const latest = history.exceptionHistory.entries[0]!;
    const failing = [latest, ...(latest.concurrentExceptions ?? [])].find((e) => e.taskManagerId)!;
    const tmLog = capture.parts.find((p) => p.component === 'taskmanager' && p.kind === 'log')!;
    assert.equal(tmLog.tm, failing.taskManagerId);
    assert.equal(tmLog.status, 'OK');
    const tm = await weir.services.logCaptures.partText(run.id, capture.id, tmLog.seq, { mask: false });
    const taskName = failing.taskName!.replace(/\s*\(\d+\/\d+\).*$/, '');
    const taskLines = tm.text.split('\n').filter((l) => l.includes(taskName) && /switched from RUNNING to FAILED/.test(l));
    assert.ok(taskLines.length > 0, `the failing task's lines in the TaskManager part:\n${tm.text.slice(-3000)}`);
    assert.match(tm.text, /java\.lang\.ArithmeticException: \/ by zero/);
    assert.ok(capture.parts.some((p) => p.component === 'taskmanager' && p.kind === 'stdout' && p.status === 'OK'));
  });

  it('is not fooled by the copy of the TaskManager log that Flink served a moment before the failure', async () => {
    // Flink's REST endpoint serves a TaskManager's log from a copy it keeps for web.refresh-interval.
    // Someone reading that log while this job runs (here, a loop reading it through Flink directly)
    // keeps a copy without the failure in it; the capture must still hold the failing task's lines.
    const tmId = (await flink.jm.taskManagers()).taskmanagers[0]!.id;
    let reading = true;
    let reads = 0;
    const reader = (async () => {
      while (reading) {
        await flink.jm.fileRange({ component: 'taskmanager', tmId, kind: 'log' }, { limit: 1024 }).catch(() => undefined);
        reads += 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    try {
      const [warmJobId] = (await runSql(flink, failingJobSql('log_capture_warm_cache'))) as [string];
      const warmRun = await waitUntil('the watcher to record the second run as FAILED', 60_000, async () => {
        const r = await weir.services.runs.getByJob(clusterId, warmJobId);
        return r?.status === 'FAILED' ? r : undefined;
      });
      const capture = await waitUntil('the second failure\'s capture to be finished', 30_000, async () => {
        const list = await weir.services.logCaptures.list(warmRun.id);
        return list.captures.find((c) => c.trigger === 'FAILED' && c.status !== 'PENDING');
      });
      assert.ok(reads > 1, 'the TaskManager log was read while the job ran');
      const tmLog = capture.parts.find((p) => p.component === 'taskmanager' && p.kind === 'log' && p.status === 'OK');
      assert.ok(tmLog, `a TaskManager log part: ${JSON.stringify(capture.parts)}`);
      const tm = await weir.services.logCaptures.partText(warmRun.id, capture.id, tmLog.seq, { mask: false });
      const failed = tm.text.split('\n').filter((l) => l.includes('src_log_capture_warm_cache') && /switched from RUNNING to FAILED/.test(l));
      assert.ok(failed.length > 0, `the failing task's lines in the TaskManager part:\n${tm.text.slice(-3000)}`);
    } finally {
      reading = false;
      await reader;
    }
  });

  it('cuts a capture over its bound, with a visible marker, within the bound', async () => {
    const small = serviceWith({ captureBytes: 16_384 });
    const started = Date.now();
    const capture = await small.captureNow(SYSTEM_PRINCIPAL, run.id, { threadDump: true });
    console.log(`capture now (bound 16384 bytes, with a thread dump): ${capture.textBytes} bytes of text, ${capture.storedBytes} stored, read in ${capture.durationMs} ms (${Date.now() - started} ms with the audit)`);
    assert.equal(capture.status, 'COMPLETE', capture.failure ?? '');
    assert.equal(capture.truncated, true);
    assert.ok(capture.parts.some((p) => p.kind === 'threaddump'));
    // Each part is held to its share; the marker line may take a few bytes more than a tiny share.
    assert.ok(capture.textBytes <= 16_384 + capture.parts.length * 120, `${capture.textBytes} bytes`);
    const cut = capture.parts.find((p) => p.truncated && p.component === 'taskmanager' && p.kind === 'log')!;
    const text = (await small.partText(run.id, capture.id, cut.seq, { mask: false })).text;
    assert.match(text, /^\[weir\] … \d+ bytes cut here: a capture keeps at most \d+ bytes of each file …\n/);
    assert.ok(cut.sourceBytes! > cut.textBytes);
    assert.ok((await weir.services.audit.list({})).items.some((e) => e.action === 'run.logs.capture'), 'a capture now is audited');
  });

  it('records a capture whose TaskManager is gone with the reason, and leaves the run as it was', async () => {
    const before = await weir.services.runs.get(run.id);
    const transitions = await weir.services.runs.listTransitions(run.id);
    const tmId = (await flink.jm.taskManagers()).taskmanagers[0]!.id;
    // What Flink answers for a TaskManager it no longer knows: 404.
    proxy.corrupt(`/taskmanagers/${tmId}/log`, { kind: 'status', status: 404 });
    proxy.corrupt(`/taskmanagers/${tmId}/stdout`, { kind: 'status', status: 404 });
    try {
      const capture = await weir.services.logCaptures.captureNow(SYSTEM_PRINCIPAL, run.id, { threadDump: false });
      assert.equal(capture.status, 'PARTIAL');
      const gone = capture.parts.filter((p) => p.tm === tmId);
      assert.ok(gone.length >= 2);
      for (const p of gone) {
        assert.equal(p.status, 'FAILED');
        assert.match(p.failure ?? '', /404|Internal server error/);
      }
      assert.equal(capture.parts.find((p) => p.component === 'jobmanager')?.status, 'OK');
    } finally {
      proxy.heal(`/taskmanagers/${tmId}/log`);
      proxy.heal(`/taskmanagers/${tmId}/stdout`);
    }
    // The whole cluster gone: the capture fails, with the reason; the run is untouched.
    await proxy.refuse();
    try {
      const capture = await weir.services.logCaptures.captureNow(SYSTEM_PRINCIPAL, run.id, { threadDump: false });
      assert.equal(capture.status, 'FAILED');
      assert.match(capture.failure ?? '', /No file could be read: .*(refused|reach|ECONNREFUSED|answer)/i);
      // Captures kept earlier still read, with the cluster gone.
      const failed = (await weir.services.logCaptures.list(run.id)).captures.find((c) => c.trigger === 'FAILED')!;
      const jm = await weir.services.logCaptures.partText(run.id, failed.id, 0, { mask: true });
      assert.match(jm.text, new RegExp(jobId));
    } finally {
      await proxy.restore();
    }
    const afterwards = await weir.services.runs.get(run.id);
    assert.equal(afterwards?.status, 'FAILED');
    assert.equal(afterwards?.restartCount, before?.restartCount);
    assert.deepEqual(await weir.services.runs.listTransitions(run.id), transitions);
  });

  it('removes captures older than the retention period', async () => {
    const kept = await weir.services.logCaptures.list(run.id);
    assert.ok(kept.captures.length >= 4);
    // Nothing is old enough yet …
    assert.equal((await weir.services.logCaptures.deleteExpired()).deleted, 0);
    // … and a day past the retention period, every one is.
    const later = serviceWith({ retentionMs: 7 * 86_400_000 }, () => Date.now() + 8 * 86_400_000);
    const { deleted } = await later.deleteExpired();
    assert.ok(deleted >= kept.captures.length);
    assert.deepEqual((await weir.services.logCaptures.list(run.id)).captures, []);
  });
});
