// The HistoryServer fallback against a real Flink HistoryServer: when the JobManager no longer
// lists a job Weir was watching, the archive decides whether it ended (recorded as archived) or
// is lost (neither knows it). A cluster of its own, because the JobManager is restarted.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import { JobManagerClient } from '../flink/job-manager.client.js';
import type { RunRecord } from '../runs/runs.store.js';
import { FlinkProxy } from '../test-support/flink-proxy.js';
import { ownTestFlink, runSql, streamingJobSql, waitUntil, type TestFlink } from '../test-support/flink.js';
import { startTestWeir, type TestWeir } from '../test-support/weir.js';

async function waitForRun(weir: TestWeir, clusterId: string, jobId: string, what: string, done: (run: RunRecord) => boolean): Promise<RunRecord> {
  return waitUntil(`job ${jobId} ${what}`, 60_000, async () => {
    const run = await weir.services.runs.getByJob(clusterId, jobId);
    return run && done(run) ? run : undefined;
  });
}

describe('a job the JobManager forgot, with a HistoryServer registered', () => {
  let flink: TestFlink;
  let history: JobManagerClient;
  let historyUrl: string;
  /** Between Weir and the HistoryServer, so a test can make it answer oddly about one job. */
  let historyProxy: FlinkProxy;
  let weir: TestWeir;
  let clusterId: string;
  let endedJob: string;
  let killedJob: string;

  before(async () => {
    flink = await ownTestFlink({ restPort: 21181, rpcPort: 21182, gatewayPort: 21183, historyServerPort: 21184 });
    historyUrl = flink.cluster!.historyUrl!;
    history = new JobManagerClient({ baseUrl: historyUrl, timeoutMs: 10_000 });
    historyProxy = await FlinkProxy.start(historyUrl);
    weir = await startTestWeir();
    clusterId = (await weir.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'archiving', restUrl: flink.restUrl, gatewayUrl: flink.gatewayUrl, historyUrl: historyProxy.url })).id;
    [endedJob] = (await runSql(flink, streamingJobSql('history_ended'))) as [string];
    [killedJob] = (await runSql(flink, streamingJobSql('history_killed'))) as [string];
    await waitForRun(weir, clusterId, endedJob, 'recorded RUNNING', (r) => r.status === 'RUNNING');
    await waitForRun(weir, clusterId, killedJob, 'recorded RUNNING', (r) => r.status === 'RUNNING');

    // Weir is down while one job ends (stop with a savepoint: FINISHED, archived) and the
    // JobManager restarts without high availability, forgetting both jobs; the other one dies
    // with it and is never archived.
    await weir.stop();
    // A savepoint needs every task running, which comes after the job's RUNNING.
    await waitUntil('every task of the job to run', 60_000, async () => (await flink.jm.job(endedJob)).vertices.every((v) => v.status === 'RUNNING'));
    const trigger = await flink.jm.stopWithSavepoint(endedJob);
    const savepoint = await waitUntil('the stop with a savepoint to complete', 60_000, async () => {
      const status = await flink.jm.savepointStatus(endedJob, trigger);
      return status.status === 'IN_PROGRESS' ? undefined : status;
    });
    assert.equal(savepoint.status, 'COMPLETED', `stop with a savepoint: ${savepoint.failure ?? ''}`);
    await waitUntil('the stopped job to be FINISHED', 60_000, async () => (await flink.jm.job(endedJob)).state === 'FINISHED');
    await waitUntil('the HistoryServer to serve the archive of the ended job', 60_000, async () => (await history.job(endedJob)).state === 'FINISHED');
    await flink.cluster!.killJobManager();
    await flink.cluster!.startJobManager();
    const listed = (await flink.jm.jobsOverview()).map((j) => j.jid);
    assert.ok(!listed.includes(endedJob) && !listed.includes(killedJob), 'the restarted JobManager knows neither job');
    // The HistoryServer cannot answer about the killed job until the last test heals it.
    historyProxy.corrupt(`/jobs/${killedJob}`, { kind: 'status', status: 503 });
    weir = await startTestWeir({ dataDir: weir.dataDir });
  });
  after(async () => {
    await weir?.stop();
    await historyProxy?.close();
    await flink?.stop();
  });

  it('records a job that ended and was forgotten as what the HistoryServer says', async () => {
    const run = await waitForRun(weir, clusterId, endedJob, 'recorded from the archive', (r) => r.status !== 'RUNNING');
    const archived = await history.job(endedJob);
    assert.equal(run.status, 'FINISHED');
    assert.equal(run.lost, false);
    assert.equal(run.endTime, archived['end-time'], "the archive's end time, not the time Weir noticed");
    const transitions = await weir.services.runs.listTransitions(run.id);
    assert.deepEqual(transitions.map((t) => t.toStatus).slice(0, 3), ['INITIALIZING', 'CREATED', 'RUNNING']);
    const last = transitions.at(-1)!;
    assert.deepEqual([last.toStatus, last.source], ['FINISHED', 'flink']);
    assert.match(last.note ?? '', /HistoryServer archive/);
    assert.ok(!transitions.some((t) => t.toStatus === 'UNKNOWN'), `never marked unknown: ${transitions.map((t) => t.toStatus).join(' → ')}`);
    // The detail page's final snapshot comes from the archive, as the JobManager cannot answer any more.
    const kinds = (await weir.services.runs.getSnapshots(run.id)).map((s) => s.kind);
    for (const kind of ['exceptions', 'checkpoints', 'config', 'plan']) assert.ok(kinds.includes(kind as never), `snapshot ${kind} saved from the archive`);
  });

  it('does not mark a job lost while the HistoryServer cannot say whether it has it', async () => {
    // Lost is final: a HistoryServer that answers oddly (here 503 about this job) is asked again each
    // cycle. Wait until Weir has asked it for longer than it would believe a "no archive" answer.
    const asked = () => historyProxy.answered.filter((a) => a.path === `/jobs/${killedJob}` && a.status === 503);
    await waitUntil('Weir to ask the HistoryServer about the killed job for longer than the archive grace', 60_000, async () => {
      const times = asked().map((a) => a.at);
      return times.length >= 2 && times.at(-1)! - times[0]! > 2_000 + 1_000 ? times : undefined;
    });
    const run = await weir.services.runs.getByJob(clusterId, killedJob);
    assert.equal(run?.lost, false, 'not lost while the HistoryServer cannot be asked');
    assert.equal(run?.status, 'RUNNING');
  });

  it('marks a job that neither the JobManager nor the HistoryServer knows as lost, naming both', async () => {
    historyProxy.heal(`/jobs/${killedJob}`);
    await assert.rejects(history.job(killedJob), 'a job killed with its JobManager was never archived');
    const run = await waitForRun(weir, clusterId, killedJob, 'marked lost', (r) => r.lost);
    assert.equal(run.status, 'UNKNOWN');
    const evidence = JSON.parse(run.lostEvidence ?? '{}') as Record<string, unknown>;
    assert.equal(evidence.lastKnownStatus, 'RUNNING');
    assert.equal(evidence.jobManager, flink.restUrl);
    assert.equal(evidence.historyServer, `${historyProxy.url} does not have it either`);
  });
});
