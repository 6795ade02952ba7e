import assert from 'node:assert/strict';
import { gzipSync, gunzipSync } from 'node:zlib';
import { before, it } from 'node:test';
import { RunsStore } from '../runs/runs.store.js';
import { TasksStore } from '../tasks/tasks.store.js';
import { forEachDatabase } from '../test-support/databases.js';
import { LogCapturesStore, type FinishedPart } from './log-captures.store.js';

forEachDatabase('LogCapturesStore', (getDb) => {
  let store: LogCapturesStore;
  let runId: string;
  let otherRunId: string;
  let clock = 1_800_000_000_000;

  before(async () => {
    store = new LogCapturesStore(getDb(), () => clock);
    const taskId = (await new TasksStore(getDb()).create({ name: 'orders', kind: 'SQL', executionMode: 'STREAMING', clusterId: 'c' })).id;
    const runs = new RunsStore(getDb());
    runId = (await runs.upsertByJob({ taskId, clusterId: 'c', flinkJobId: 'a'.repeat(32), jobName: 'orders', status: 'FAILED', executionMode: 'STREAMING' })).run.id;
    otherRunId = (await runs.upsertByJob({ taskId, clusterId: 'c', flinkJobId: 'b'.repeat(32), jobName: 'orders', status: 'RUNNING', executionMode: 'STREAMING' })).run.id;
  });

  const text = 'java.lang.ArithmeticException: / by zero\n'.repeat(2_000);
  const part = (seq: number, over: Partial<FinishedPart> = {}): FinishedPart => {
    const content = gzipSync(text);
    return { seq, component: 'jobmanager', tmId: null, kind: 'log', selection: 'job', status: 'OK', failure: null, sourceBytes: 1_000_000, textBytes: Buffer.byteLength(text), truncated: false, content, ...over };
  };

  it('claims an event once, however many times it is heard', async () => {
    const first = await store.claim({ runId, trigger: 'FAILED', triggerKey: 'FAILED:1000', triggerAt: 1000, detail: 'ArithmeticException' });
    assert.equal(first?.status, 'PENDING');
    assert.equal(await store.claim({ runId, trigger: 'FAILED', triggerKey: 'FAILED:1000', triggerAt: 1000 }), undefined);
    // The same key on another run is another event.
    assert.ok(await store.claim({ runId: otherRunId, trigger: 'FAILED', triggerKey: 'FAILED:1000', triggerAt: 1000 }));
  });

  it('finishes a capture with its parts, compressed bytes kept exactly, once', async () => {
    const capture = (await store.claim({ runId, trigger: 'RESTARTING', triggerKey: 'RESTARTING:2000', triggerAt: 2000 }))!;
    clock += 1_500;
    const gone = part(2, { component: 'taskmanager', tmId: 'tm-1', kind: 'stdout', selection: 'tail', status: 'FAILED', failure: 'TaskManager tm-1 is gone', sourceBytes: null, textBytes: 0, content: null });
    await store.finish(capture.id, { status: 'PARTIAL', failure: null, parts: [part(1, { truncated: true }), gone], durationMs: 420, detail: 'java.lang.ArithmeticException: / by zero' });
    // A second finish (another worker, a late retry) changes nothing.
    await store.finish(capture.id, { status: 'FAILED', failure: 'late', parts: [part(3)], durationMs: 1, detail: 'late' });
    const saved = (await store.get(capture.id))!;
    assert.equal(saved.status, 'PARTIAL');
    // The event said nothing of its cause: the one read with the files fills it in.
    assert.equal(saved.detail, 'java.lang.ArithmeticException: / by zero');
    assert.equal(saved.durationMs, 420);
    assert.equal(saved.completedAt, clock);
    assert.equal(saved.truncated, true);
    assert.equal(saved.textBytes, Buffer.byteLength(text));
    assert.ok(saved.storedBytes > 0 && saved.storedBytes < saved.textBytes / 10, `stored ${saved.storedBytes} of ${saved.textBytes}`);
    assert.deepEqual(saved.parts.map((p) => [p.seq, p.status, p.failure]), [[1, 'OK', null], [2, 'FAILED', 'TaskManager tm-1 is gone']]);
    const read = (await store.partContent(capture.id, 1))!;
    assert.equal(gunzipSync(read.content!).toString('utf8'), text);
    assert.equal((await store.partContent(capture.id, 2))!.content, null);
    assert.equal(await store.partContent(capture.id, 9), undefined);
  });

  it('keeps what the event said of itself over the cause read later', async () => {
    const capture = (await store.claim({ runId: otherRunId, trigger: 'CHECKPOINT_FAILED', triggerKey: 'CHECKPOINT_FAILED:7', triggerAt: 2500, detail: 'Checkpoint expired before completing.' }))!;
    await store.finish(capture.id, { status: 'COMPLETE', failure: null, parts: [part(0)], durationMs: 5, detail: 'java.io.IOException: other' });
    assert.equal((await store.get(capture.id))!.detail, 'Checkpoint expired before completing.');
  });

  it('lists a run\'s captures newest event first and sums what they keep', async () => {
    const list = await store.listByRun(runId);
    assert.deepEqual(list.map((c) => c.triggerKey), ['RESTARTING:2000', 'FAILED:1000']);
    assert.equal(list[0]!.parts.length, 2);
    assert.equal(await store.textBytesOfRun(runId), Buffer.byteLength(text));
    assert.equal(await store.textBytesOfRun('no-such-run'), 0);
  });

  it('marks captures abandoned mid-way as failed, and retention deletes old ones with their parts', async () => {
    clock += 60_000;
    assert.equal(await store.failAbandoned(clock - 30_000, 'Weir stopped during the capture'), 2);
    const abandoned = (await store.listByRun(runId)).find((c) => c.triggerKey === 'FAILED:1000')!;
    assert.equal(abandoned.status, 'FAILED');
    assert.equal(abandoned.failure, 'Weir stopped during the capture');
    const fresh = (await store.claim({ runId, trigger: 'MANUAL', triggerKey: 'MANUAL:x', triggerAt: clock }))!;
    assert.equal(await store.deleteCreatedBefore(clock), 4);
    assert.deepEqual((await store.listByRun(runId)).map((c) => c.id), [fresh.id]);
    assert.equal(await getDb().db.selectFrom('log_capture_parts').select('seq').execute().then((r) => r.length), 0);
  });
});
