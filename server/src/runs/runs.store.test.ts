import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { isUniqueViolation } from '../db/errors.js';
import { TasksStore, type TaskRecord } from '../tasks/tasks.store.js';
import { forEachDatabase } from '../test-support/databases.js';
import { LeaseLostError } from '../errors/errors.js';
import { LeasesStore } from '../instances/leases.store.js';
import { countRestartsSince, RunsStore, type RunObservation, type WriteGuard } from './runs.store.js';

const T0 = 1_700_000_000_000; // in the past, so a run that has not started (sorted by creation time) is newest

forEachDatabase('RunsStore', (getDb) => {
  let tasks: TasksStore;
  let runs: RunsStore;
  let task: TaskRecord;
  const job = (n: number, overrides: Partial<RunObservation> = {}): RunObservation => ({
    taskId: task.id,
    clusterId: 'cluster-a',
    flinkJobId: n.toString(16).padStart(32, '0'),
    jobName: 'orders',
    status: 'RUNNING',
    executionMode: 'STREAMING',
    startTime: T0 + n * 60_000,
    ...overrides,
  });

  /** The latest run's facts as the task row holds them (what the overview sorts on). */
  const latestFacts = async () => {
    const row = await getDb()
      .db.selectFrom('tasks')
      .select(['latest_status', 'latest_start_time', 'latest_flink_job_id', 'latest_end_time', 'latest_duration_ms', 'latest_restart_count', 'latest_lost'])
      .where('id', '=', task.id)
      .executeTakeFirstOrThrow();
    const n = (v: number | string | null) => (v === null ? null : Number(v));
    return { ...row, latest_start_time: n(row.latest_start_time), latest_end_time: n(row.latest_end_time), latest_duration_ms: n(row.latest_duration_ms), latest_restart_count: n(row.latest_restart_count), latest_lost: n(row.latest_lost) };
  };

  before(async () => {
    tasks = new TasksStore(getDb());
    runs = new RunsStore(getDb());
    task = await tasks.create({ name: 'orders', kind: 'SQL', executionMode: 'STREAMING', clusterId: 'cluster-a' });
  });

  it('inserts a new job once and reports later sightings as not new', async () => {
    const first = await runs.upsertByJob(job(1, { status: 'CREATED' }));
    assert.equal(first.created, true);
    const again = await runs.upsertByJob(job(1, { status: 'RUNNING', durationMs: 5000 }));
    assert.equal(again.created, false);
    assert.equal(again.run.id, first.run.id);
    assert.equal(again.run.status, 'RUNNING');
    assert.equal(again.run.durationMs, 5000);
    assert.deepEqual(await runs.getByJob('cluster-a', job(1).flinkJobId), again.run);
  });

  it('makes exactly one racing upsert the creator', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => runs.upsertByJob(job(2))));
    assert.equal(results.filter((r) => r.created).length, 1);
    assert.equal(new Set(results.map((r) => r.run.id)).size, 1);
  });

  it('refuses a second run with the same cluster and Flink job id', async () => {
    const existing = await runs.getByJob('cluster-a', job(2).flinkJobId);
    assert.ok(existing);
    await assert.rejects(
      getDb().db.insertInto('runs').values({
        id: 'other', task_id: task.id, cluster_id: 'cluster-a', flink_job_id: existing.flinkJobId, job_name: 'x',
        status: 'RUNNING', execution_mode: 'STREAMING', version_id: null, start_time: null, end_time: null,
        duration_ms: null, last_modification: null, lost_evidence: null, unreachable_since: null, created_at: 0, updated_at: 0,
      }).execute(),
      isUniqueViolation,
    );
  });

  it('keeps the task latest_* on the newest run, not on older runs discovered later', async () => {
    let current = await tasks.get(task.id);
    const newest = await runs.getByJob('cluster-a', job(2).flinkJobId);
    assert.equal(current?.latestRunId, newest?.id);
    await runs.upsertByJob(job(0, { status: 'FINISHED' })); // an older job found afterwards
    current = await tasks.get(task.id);
    assert.equal(current?.latestRunId, newest?.id);
    assert.equal(current?.latestStatus, 'RUNNING');
    assert.equal(current?.latestStartTime, T0 + 2 * 60_000);
  });

  it('updates status, times and restarts, and mirrors them on the task only for its latest run', async () => {
    const latest = await runs.getByJob('cluster-a', job(2).flinkJobId);
    const older = await runs.getByJob('cluster-a', job(1).flinkJobId);
    assert.ok(latest && older);
    const updated = await runs.update(latest.id, { status: 'RESTARTING', restartCount: 3, lost: true, lostEvidence: '{"probe":404}' });
    assert.equal(updated?.restartCount, 3);
    assert.equal(updated?.lost, true);
    assert.equal((await tasks.get(task.id))?.latestStatus, 'RESTARTING');
    assert.deepEqual(await latestFacts(), {
      latest_status: 'RESTARTING', latest_start_time: T0 + 2 * 60_000, latest_flink_job_id: latest.flinkJobId,
      latest_end_time: null, latest_duration_ms: null, latest_restart_count: 3, latest_lost: 1,
    });
    await runs.update(latest.id, { status: 'FAILED', endTime: T0 + 150_000, durationMs: 30_000, lost: false });
    assert.deepEqual(await latestFacts(), {
      latest_status: 'FAILED', latest_start_time: T0 + 2 * 60_000, latest_flink_job_id: latest.flinkJobId,
      latest_end_time: T0 + 150_000, latest_duration_ms: 30_000, latest_restart_count: 3, latest_lost: 0,
    });
    await runs.update(latest.id, { status: 'RESTARTING', endTime: null, durationMs: null, lost: true });
    await runs.update(older.id, { status: 'CANCELED', endTime: T0 + 90_000, restartCount: 8 });
    assert.equal((await tasks.get(task.id))?.latestStatus, 'RESTARTING');
    assert.equal((await latestFacts()).latest_restart_count, 3, "an older run's restarts are not the task's");
    assert.equal(await runs.update('missing', { status: 'FAILED' }), undefined);
  });

  it('appends transitions with increasing seq and ignores an exact repeat', async () => {
    const run = await runs.getByJob('cluster-a', job(2).flinkJobId);
    assert.ok(run);
    const unreachable = { text: 'JobManager unreachable', code: { code: 'jobManagerUnreachable', params: { restUrl: 'http://jm:8081', reason: 'ECONNREFUSED' } } } as const;
    const a = await runs.appendTransition(run.id, { toStatus: 'CREATED', at: T0, source: 'flink' });
    const b = await runs.appendTransition(run.id, { toStatus: 'RUNNING', at: T0 + 10, source: 'flink' });
    const repeat = await runs.appendTransition(run.id, { toStatus: 'RUNNING', at: T0 + 10, source: 'flink' });
    const c = await runs.appendTransition(run.id, { toStatus: 'RECONNECTING', at: T0 + 20, source: 'weir', note: unreachable });
    assert.deepEqual([a.appended, b.appended, repeat.appended, c.appended], [true, true, false, true]);
    assert.equal(repeat.transition.id, b.transition.id);
    const history = await runs.listTransitions(run.id);
    assert.deepEqual(history.map((t) => [t.seq, t.fromStatus, t.toStatus]), [
      [1, null, 'CREATED'],
      [2, 'CREATED', 'RUNNING'],
      [3, 'RUNNING', 'RECONNECTING'],
    ]);
    assert.equal(history[2]?.note, 'JobManager unreachable');
    assert.deepEqual(history[2]?.noteCode, unreachable.code, 'the note keeps its code, for the reader\'s language');
    assert.equal(history[0]?.noteCode, null);

    // An entry written before notes had codes (or with a code this Weir no longer knows) keeps its English.
    await getDb().db.updateTable('run_transitions').set({ note_code: '{"code":"retired","params":{}}' }).where('id', '=', c.transition.id).execute();
    const older = (await runs.listTransitions(run.id))[2];
    assert.deepEqual([older?.note, older?.noteCode], ['JobManager unreachable', null]);
  });

  it('assigns distinct seqs to concurrent appends', async () => {
    const run = await runs.getByJob('cluster-a', job(1).flinkJobId);
    assert.ok(run);
    await Promise.all(Array.from({ length: 6 }, (_, i) => runs.appendTransition(run.id, { toStatus: `S${i}`, at: T0 + i, source: 'flink' })));
    const seqs = (await runs.listTransitions(run.id)).map((t) => t.seq);
    assert.deepEqual(seqs, [1, 2, 3, 4, 5, 6]);
  });

  it('lists the non-terminal runs of one cluster', async () => {
    await runs.upsertByJob(job(3, { clusterId: 'cluster-b' }));
    const open = await runs.listNonTerminalByCluster('cluster-a');
    assert.deepEqual(open.map((r) => r.flinkJobId), [job(2).flinkJobId]);
  });

  it('lists a task runs newest first, paged, with a numeric total', async () => {
    await runs.upsertByJob(job(9, { startTime: null, status: 'INITIALIZING' })); // not started: sorts by creation
    const page = await runs.listByTask(task.id, { limit: 2 });
    assert.equal(page.total, 5);
    assert.equal(typeof page.total, 'number');
    assert.deepEqual(page.items.map((r) => r.flinkJobId), [job(9).flinkJobId, job(3).flinkJobId]);
    const rest = await runs.listByTask(task.id, { limit: 10, offset: 2 });
    assert.deepEqual(rest.items.map((r) => r.flinkJobId), [job(2).flinkJobId, job(1).flinkJobId, job(0).flinkJobId]);
  });

  it('copies every overview fact onto the task when a run becomes its latest, by insert or by makeLatest', async () => {
    // job(9) has not started, so it sorts by creation time (now): it was adopted as the latest run.
    assert.deepEqual(await latestFacts(), {
      latest_status: 'INITIALIZING', latest_start_time: null, latest_flink_job_id: job(9).flinkJobId,
      latest_end_time: null, latest_duration_ms: null, latest_restart_count: 0, latest_lost: 0,
    });
    const restarting = await runs.getByJob('cluster-a', job(2).flinkJobId);
    assert.ok(restarting);
    assert.equal(await runs.makeLatest(restarting.id), true);
    assert.deepEqual(await latestFacts(), {
      latest_status: 'RESTARTING', latest_start_time: T0 + 2 * 60_000, latest_flink_job_id: job(2).flinkJobId,
      latest_end_time: null, latest_duration_ms: null, latest_restart_count: 3, latest_lost: 1,
    });
  });

  it('upserts snapshots per kind, large bodies included', async () => {
    const run = await runs.getByJob('cluster-a', job(2).flinkJobId);
    assert.ok(run);
    const plan = JSON.stringify({ nodes: Array.from({ length: 5000 }, (_, i) => ({ id: `v${i}`, description: '算子 operator' })) });
    assert.ok(plan.length > 70_000);
    await runs.saveSnapshot(run.id, 'plan', plan, T0);
    await runs.saveSnapshot(run.id, 'job', '{"state":"RUNNING"}', T0);
    await runs.saveSnapshot(run.id, 'job', '{"state":"FAILED"}', T0 + 1);
    const snapshots = await runs.getSnapshots(run.id);
    assert.deepEqual(snapshots.map((s) => s.kind), ['job', 'plan']);
    assert.equal(snapshots[0]?.body, '{"state":"FAILED"}');
    assert.equal(snapshots[0]?.capturedAt, T0 + 1);
    assert.equal((await runs.getSnapshots(run.id)).find((s) => s.kind === 'plan')?.body, plan);
  });

  it('reads a saved snapshot back as the answer it copies, and one that is not that answer as no snapshot', async () => {
    const run = (await runs.upsertByJob(job(44))).run;
    const checkpoints = { counts: { restored: 0, total: 1, in_progress: 0, completed: 1, failed: 0 }, latest: { completed: null, savepoint: null, failed: null, restored: null }, history: [] };
    await runs.saveSnapshot(run.id, 'checkpoints', JSON.stringify(checkpoints), T0);
    const read = await runs.getSnapshot(run.id, 'checkpoints');
    assert.equal(read?.capturedAt, T0);
    assert.equal(read?.data.counts.completed, 1);
    // A body that is not Flink's shape for its kind (cut short, or from a proxy that answered something else)
    // is not handed on as if it were: the page says there is no saved copy rather than show a wrong one.
    await runs.saveSnapshot(run.id, 'checkpoints', '{"counts":"garbled"}', T0 + 1);
    assert.equal(await runs.getSnapshot(run.id, 'checkpoints'), undefined);
    await runs.saveSnapshot(run.id, 'job', '{"jid": "x", "name": "cut', T0 + 1);
    assert.equal(await runs.getSnapshot(run.id, 'job'), undefined);
    assert.equal(await runs.getSnapshot(run.id, 'plan'), undefined, 'none saved');
  });

  it("reads one kind of snapshot of many runs in one go, decoded, leaving out runs without one or whose copy is not that answer", async () => {
    const [a, b, c, d] = await Promise.all([41, 42, 43, 45].map(async (n) => (await runs.upsertByJob(job(n))).run));
    const checkpoints = (completed: number) => JSON.stringify({ counts: { restored: 0, total: completed, in_progress: 0, completed, failed: 0 }, latest: { completed: null, savepoint: null, failed: null, restored: null }, history: [] });
    await runs.saveSnapshot(a!.id, 'checkpoints', checkpoints(1), T0);
    await runs.saveSnapshot(b!.id, 'checkpoints', checkpoints(2), T0 + 1);
    await runs.saveSnapshot(b!.id, 'job', '{"state":"RUNNING"}', T0);
    await runs.saveSnapshot(d!.id, 'checkpoints', '{"counts":"garbled"}', T0);
    const read = await runs.getSnapshotsOf([a!.id, b!.id, c!.id, d!.id], 'checkpoints');
    assert.deepEqual([...read.keys()].sort(), [a!.id, b!.id].sort());
    assert.equal(read.get(b!.id)?.data.counts.completed, 2, 'the kind asked for, not another');
    assert.equal(read.get(b!.id)?.capturedAt, T0 + 1);
    assert.equal((await runs.getSnapshotsOf([], 'checkpoints')).size, 0);
  });

  it('sets the failed probe count of many runs at once, and of no others', async () => {
    const a = await runs.upsertByJob(job(40));
    const b = await runs.upsertByJob(job(41));
    const c = await runs.upsertByJob(job(42));
    await runs.setFailedProbes([a.run.id, b.run.id], 7);
    await runs.setFailedProbes([], 9);
    assert.deepEqual(
      await Promise.all([a, b, c].map(async (r) => (await runs.get(r.run.id))?.failedProbes)),
      [7, 7, 0],
    );
  });

  it('keeps one warning per detail of a run\'s job, replaced by a newer one, gone when cleared', async () => {
    const run = await runs.getByJob('cluster-a', job(2).flinkJobId);
    assert.ok(run);
    await runs.recordWarning(run.id, { detail: 'checkpoint_config', message: 'answered in an unexpected shape: mode expected string', at: T0 });
    await runs.recordWarning(run.id, { detail: 'job', message: 'answered with HTTP 500', at: T0 + 1 });
    await runs.recordWarning(run.id, { detail: 'job', message: 'not JSON: {"jid', at: T0 + 2 });
    assert.deepEqual(await runs.listWarnings(run.id), [
      { detail: 'checkpoint_config', message: 'answered in an unexpected shape: mode expected string', at: T0 },
      { detail: 'job', message: 'not JSON: {"jid', at: T0 + 2 },
    ]);
    await runs.clearWarning(run.id, 'job');
    assert.deepEqual((await runs.listWarnings(run.id)).map((w) => w.detail), ['checkpoint_config']);
  });

  it('deleting the task removes its runs and their history', async () => {
    const other = await tasks.create({ name: 'temp', kind: 'SQL', executionMode: 'BATCH', clusterId: 'cluster-a' });
    const { run } = await runs.upsertByJob(job(20, { taskId: other.id }));
    await runs.appendTransition(run.id, { toStatus: 'RUNNING', at: T0, source: 'flink' });
    await runs.saveSnapshot(run.id, 'job', '{}');
    await tasks.delete(other.id);
    assert.equal(await runs.get(run.id), undefined);
    assert.deepEqual(await runs.listTransitions(run.id), []);
  });

  it('records an observation in one go: new changes only, facts that follow from them, the snapshot', async () => {
    const observed = await tasks.create({ name: 'observed', kind: 'SQL', executionMode: 'STREAMING', clusterId: 'cluster-a' });
    const { run } = await runs.upsertByJob(job(21, { taskId: observed.id, status: 'RUNNING' }));
    await runs.appendTransition(run.id, { toStatus: 'RUNNING', at: T0, source: 'flink' });
    const seen: string[][] = [];
    const result = await runs.recordObservation(
      run.id,
      [
        { toStatus: 'RUNNING', at: T0, source: 'flink' }, // already recorded: not again
        { toStatus: 'RESTARTING', at: T0 + 5, source: 'flink' },
        { toStatus: 'RUNNING', at: T0 + 9, source: 'flink', note: { text: 'from the details', code: { code: 'fromHistoryArchive', params: {} } } },
      ],
      (appended) => {
        seen.push(appended.map((t) => t.toStatus));
        return { status: 'RUNNING', restartCount: appended.filter((t) => t.toStatus === 'RESTARTING').length, durationMs: 9 };
      },
      { kind: 'job', body: '{"state":"RUNNING"}', capturedAt: T0 + 10 },
    );
    assert.deepEqual(seen, [['RESTARTING', 'RUNNING']], 'the facts are computed from the new changes only');
    assert.deepEqual(result.appended.map((t) => [t.seq, t.fromStatus, t.toStatus]), [[2, 'RUNNING', 'RESTARTING'], [3, 'RESTARTING', 'RUNNING']]);
    assert.equal(result.run?.restartCount, 1);
    assert.deepEqual((await runs.listTransitions(run.id)).map((t) => [t.toStatus, t.at, t.note]), [['RUNNING', T0, null], ['RESTARTING', T0 + 5, null], ['RUNNING', T0 + 9, 'from the details']]);
    assert.equal((await runs.getSnapshots(run.id)).find((s) => s.kind === 'job')?.body, '{"state":"RUNNING"}');
    const latest = await getDb().db.selectFrom('tasks').select(['latest_restart_count', 'latest_status']).where('id', '=', observed.id).executeTakeFirstOrThrow();
    assert.deepEqual([Number(latest.latest_restart_count), latest.latest_status], [1, 'RUNNING'], "the task row carries its latest run's facts");

    const again = await runs.recordObservation(run.id, [{ toStatus: 'RUNNING', at: T0 + 9, source: 'flink' }], () => ({ durationMs: 12 }));
    assert.deepEqual(again.appended, [], 'a repeated observation appends nothing');
    assert.equal(again.run?.durationMs, 12);
    await assert.rejects(runs.recordObservation('no-such-run', [], () => ({})), /does not exist/);
  });

  it("a watcher that lost its cluster's lease writes nothing: discoveries, snapshots, warnings and probe counts are fenced like statuses", async () => {
    const leases = new LeasesStore(getDb());
    const fence = (await leases.acquire('cluster-a', 'paused', T0, 6_000))!;
    const guard = (trx: Parameters<WriteGuard>[0]) => leases.assertHeld(trx, { clusterId: 'cluster-a', owner: 'paused', fence });
    const { run } = await runs.upsertByJob(job(30), guard);
    await runs.saveSnapshot(run.id, 'job', '{"state":"RUNNING"}', T0, guard);
    await runs.recordWarning(run.id, { detail: 'exceptions', message: 'odd answer', at: T0 }, guard);
    assert.equal((await runs.getSnapshots(run.id)).find((s) => s.kind === 'job')?.body, '{"state":"RUNNING"}', 'written while the lease is held');

    assert.equal(await leases.acquire('cluster-a', 'other', T0 + 6_000, 6_000), fence + 1, 'another instance took the cluster over');
    const refused = (err: unknown) => err instanceof LeaseLostError;
    await assert.rejects(runs.upsertByJob(job(31), guard), refused);
    await assert.rejects(runs.saveSnapshot(run.id, 'job', '{"state":"STALE"}', T0 + 7_000, guard), refused);
    await assert.rejects(runs.recordWarning(run.id, { detail: 'job', message: 'stale', at: T0 + 7_000 }, guard), refused);
    await assert.rejects(runs.clearWarning(run.id, 'exceptions', guard), refused);
    await assert.rejects(runs.setFailedProbes([run.id], 9, guard), refused);

    assert.equal(await runs.getByJob('cluster-a', job(31).flinkJobId), undefined, 'no run discovered');
    assert.equal((await runs.getSnapshots(run.id)).find((s) => s.kind === 'job')?.body, '{"state":"RUNNING"}', 'the snapshot kept');
    assert.deepEqual((await runs.listWarnings(run.id)).map((w) => w.message), ['odd answer'], 'warnings untouched');
    assert.equal(Number((await getDb().db.selectFrom('runs').select('failed_probes').where('id', '=', run.id).executeTakeFirstOrThrow()).failed_probes), 0);
    await leases.release('other');
  });

  it('counts the restarts a run shows within a window by when each became known, also those Weir saw no RESTARTING for', async () => {
    let now = T0 + 10 * 60_000;
    const timed = new RunsStore(getDb(), () => now);
    const { run } = await timed.upsertByJob(job(40));
    // Flink's counter said 2 at once (two restarts during an outage, no RESTARTING transition seen).
    await timed.update(run.id, { restartCount: 2 });
    now += 60_000;
    await timed.update(run.id, { restartCount: 2, status: 'RUNNING' });
    now += 60_000;
    await timed.update(run.id, { restartCount: 3 });
    assert.equal(await countRestartsSince(getDb().db, run.id, T0), 3, 'all three since before the first');
    assert.equal(await countRestartsSince(getDb().db, run.id, T0 + 10 * 60_000 + 1), 1, 'only the third after the first two became known');
    assert.equal(await countRestartsSince(getDb().db, run.id, now + 1), 0);
    assert.equal(await countRestartsSince(getDb().db, 'no-such-run', T0), 0);
  });
  it("keeps where a YARN run runs (its application and own JobManager), and YARN's word in its history; a session run has neither", async () => {
    const { run: session } = await runs.upsertByJob(job(40));
    assert.equal(session.yarnApplicationId, null);
    assert.equal(session.jobManagerUrl, null);
    const { run } = await runs.upsertByJob(job(41, { status: 'INITIALIZING' }));
    const placed = await runs.update(run.id, { yarnApplicationId: 'application_1733560000000_0007' });
    assert.equal(placed?.yarnApplicationId, 'application_1733560000000_0007');
    assert.equal(placed?.jobManagerUrl, null, 'known once YARN reports the application RUNNING');
    await runs.update(run.id, { jobManagerUrl: 'http://nm-host:41234' });
    const stored = await runs.get(run.id);
    assert.equal(stored?.yarnApplicationId, 'application_1733560000000_0007');
    assert.equal(stored?.jobManagerUrl, 'http://nm-host:41234');
    await runs.appendTransition(run.id, { toStatus: 'CANCELED', at: T0, source: 'yarn' });
    assert.deepEqual((await runs.listTransitions(run.id)).map((t) => [t.toStatus, t.source]), [['CANCELED', 'yarn']]);
  });
});
