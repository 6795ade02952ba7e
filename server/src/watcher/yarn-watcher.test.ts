import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Cluster } from '@weir/contract';
import { FlinkUnreachableError } from '../errors/errors.js';
import type { EventBus } from '../events/events.js';
import type { FlinkClients } from '../flink/flink-clients.js';
import type { JobManagerClient } from '../flink/job-manager.client.js';
import { quietLogger } from '../logging/logger.js';
import type { NewRunTransition, RunChanges, RunRecord, RunsStore } from '../runs/runs.store.js';
import type { TasksStore } from '../tasks/tasks.store.js';
import type { YarnNodeManagerClient } from '../yarn/yarn-nm.client.js';
import type { YarnApplication, YarnResourceManagerClient } from '../yarn/yarn-rm.client.js';
import { YarnWatcher } from './yarn-watcher.js';

const cluster = { id: 'yarn-1', name: 'yarn', kind: 'yarn', restUrl: 'http://rm.test:8088', health: 'HEALTHY', teamId: null, isLocal: false } as unknown as Cluster;

const app = (id: string, extra: Partial<YarnApplication> = {}): YarnApplication => ({
  id, name: id, user: 'etl', queue: 'default', state: 'RUNNING', finalStatus: 'UNDEFINED', type: 'Apache Flink', tags: [],
  diagnostics: '', trackingUrl: null, jobManagerUrl: null, startedAt: 1, finishedAt: null, ...extra,
});

describe('the YARN watcher and applications started outside Weir', () => {
  it('reads each external JobManager it can, skips the rest, and ends an external run in YARN\'s words without shutting down or killing anything', async () => {
    const live = [
      app('application_1_0001', { jobManagerUrl: 'http://nm.test:41001' }), // its JobManager does not answer
      app('application_1_0002', { trackingUrl: 'http://rm.test:8088/proxy/application_1_0002/' }), // no JobManager address yet
      app('application_1_0003', { state: 'ACCEPTED' }),
      app('application_1_0004', { type: 'SPARK', jobManagerUrl: 'http://nm.test:41004' }),
      app('application_1_0005', { jobManagerUrl: 'http://nm.test:41005' }), // answers, with no job yet
    ];
    const killedOutside = app('application_1_0009', { state: 'KILLED', finalStatus: 'KILLED', diagnostics: 'killed by its operator', finishedAt: 5_000 });
    const run = { id: 'run-9', taskId: 'task-9', clusterId: cluster.id, flinkJobId: 'a'.repeat(32), jobName: 'outside', status: 'RUNNING', lost: false, restartCount: 0,
      yarnApplicationId: killedOutside.id, jobManagerUrl: 'http://nm.test:41009' } as unknown as RunRecord;
    const asked: string[] = [];
    const rm = {
      applications: async (filter: { tags?: string[] }) => { asked.push(`list tags=${filter.tags?.join(',') ?? ''}`); return live; },
      application: async (id: string) => { asked.push(`get ${id}`); return id === killedOutside.id ? killedOutside : null; },
      kill: async () => assert.fail('Weir killed an application it did not start'),
    } as unknown as YarnResourceManagerClient;
    const recorded: Array<{ transitions: NewRunTransition[]; changes: RunChanges }> = [];
    const runs = {
      listNonTerminalByCluster: async () => [run],
      get: async () => ({ ...run, ...(recorded.at(-1)?.changes ?? {}) }),
      getByJob: async () => undefined,
      update: async () => undefined,
      setFailedProbes: async () => undefined,
      recordObservation: async (_id: string, transitions: NewRunTransition[], changesFor: () => RunChanges) => {
        recorded.push({ transitions, changes: changesFor() });
        return { appended: transitions, run };
      },
    } as unknown as RunsStore;
    const read: string[] = [];
    const flink = {
      runJobManager: (url: string) => ({
        jobsOverview: async () => {
          read.push(url);
          if (url.endsWith('41001')) throw new FlinkUnreachableError(`${url} does not answer`);
          return [];
        },
        dashboardConfig: async () => {
          if (url.endsWith('41001')) throw new FlinkUnreachableError(`${url} does not answer`);
          return { 'refresh-interval': 3_000 };
        },
        shutDownCluster: async () => assert.fail('Weir shut down an application it did not start'),
      }) as unknown as JobManagerClient,
      forgetRunJobManager: () => undefined,
    } as unknown as FlinkClients;
    const published: unknown[] = [];
    const watcher = new YarnWatcher(cluster, rm, {
      runs,
      tasks: { get: async () => ({ id: 'task-9', name: 'outside', kind: 'EXTERNAL' }) } as unknown as TasksStore,
      events: { publish: (e: unknown) => published.push(e) } as unknown as EventBus,
      flink,
      settings: { intervalMs: 1_000, reconnectAttempts: 3, reconnectWindowMs: 10_000 },
      log: quietLogger,
      stagingDirectory: '',
    });

    const report = await watcher.cycle();
    assert.equal(report.reachable, true);
    assert.deepEqual(asked, ['list tags=', `get ${killedOutside.id}`], 'one list of every live Flink application, one look at the ended one');
    assert.deepEqual(read, ['http://nm.test:41001', 'http://nm.test:41005'], 'only the Flink applications with a JobManager address are read');
    assert.equal(recorded.length, 1);
    assert.deepEqual(recorded[0]!.transitions.map((t) => [t.toStatus, t.source]), [['CANCELED', 'yarn']]);
    assert.equal(recorded[0]!.changes.status, 'CANCELED');
    assert.equal((published[0] as { type: string }).type, 'run.status');

    // Nothing to follow any more: the next cycle asks the ResourceManager once, and still nothing is stopped.
    live.length = 0;
    (runs as unknown as { listNonTerminalByCluster: () => Promise<RunRecord[]> }).listNonTerminalByCluster = async () => [];
    asked.length = 0;
    assert.equal((await watcher.cycle()).requests, 1);
    assert.deepEqual(asked, ['list tags=']);
  });
});

describe("the YARN watcher and a SQL run's failure inside its application", () => {
  const failed = (id: string) => app(id, { state: 'FAILED', finalStatus: 'FAILED', tags: ['weir'], diagnostics: 'AM Container exited with exitCode: 2', finishedAt: 5_000 });
  const runOf = (id: string, applicationId: string, taskId: string) =>
    ({ id, taskId, clusterId: cluster.id, flinkJobId: id.padEnd(32, '0'), jobName: id, status: 'INITIALIZING', lost: false, restartCount: 0, yarnApplicationId: applicationId, jobManagerUrl: null }) as unknown as RunRecord;

  function watcherOver(runsNow: RunRecord[], tails: Record<string, string | 'hang'>) {
    const apps = new Map(runsNow.map((r) => [r.yarnApplicationId!, failed(r.yarnApplicationId!)]));
    const rm = {
      applications: async () => [],
      application: async (id: string) => apps.get(id) ?? null,
      applicationMasters: async (id: string) => [{ containerId: `container_1_${id.slice(-4)}_01_000001`, nodeHttpAddress: `nm-${id}:8042` }],
    } as unknown as YarnResourceManagerClient;
    const ended = new Map<string, NewRunTransition>();
    const runs = {
      listNonTerminalByCluster: async () => runsNow.filter((r) => !ended.has(r.id)),
      get: async (id: string) => {
        const run = runsNow.find((r) => r.id === id)!;
        return ended.has(id) ? { ...run, status: ended.get(id)!.toStatus } : run;
      },
      recordObservation: async (id: string, transitions: NewRunTransition[]) => {
        ended.set(id, transitions[0]!);
        return { appended: transitions, run: runsNow.find((r) => r.id === id) };
      },
    } as unknown as RunsStore;
    const nodeManagerAt = (node: string) => {
      const applicationId = node.replace(/^nm-|:8042$/g, '');
      const tail = tails[applicationId];
      return {
        baseUrl: `http://${node}`,
        logFiles: async () => (tail === 'hang' ? new Promise(() => {}) : [{ fileName: 'jobmanager.err', bytes: 100 }, { fileName: 'jobmanager.log', bytes: 100 }]),
        tail: async (_c: string, fileName: string) => ({ text: fileName === 'jobmanager.err' ? (tail ?? '') : 'nothing here', total: 100 }),
      } as unknown as YarnNodeManagerClient;
    };
    const tasks = { get: async (id: string) => ({ id, name: id, kind: id.startsWith('sql') ? 'SQL' : 'JAR' }) } as unknown as TasksStore;
    const watcher = new YarnWatcher(cluster, rm, {
      runs, tasks, events: { publish: () => undefined } as unknown as EventBus,
      flink: { forgetRunJobManager: () => undefined } as unknown as FlinkClients,
      settings: { intervalMs: 1_000, reconnectAttempts: 3, reconnectWindowMs: 10_000 },
      log: quietLogger, stagingDirectory: '', nodeManagerAt, sqlFailureReadMs: 2_000,
    });
    return { watcher, ended };
  }

  it("ends the run with the runner's reason before YARN's words, once its JobManager's files are read", async () => {
    const sql = runOf('run-sql', 'application_1_0001', 'sql-task');
    const { watcher, ended } = watcherOver([sql], { application_1_0001: "WEIR_SQL_RUNNER_FAILED: statement 2 of 2 (the job statement) failed: Object 'nope' not found\n" });
    await watcher.cycle();
    await waitFor(async () => { await watcher.cycle(); return ended.has(sql.id); });
    const last = ended.get(sql.id)!;
    assert.equal(last.toStatus, 'FAILED');
    assert.equal(last.note?.code.code, 'sqlStatementFailedOnYarn');
    assert.match(last.note!.text, /^Statement 2 of 2 failed: Object 'nope' not found — YARN reports application application_1_0001 FAILED .*exitCode: 2$/);
  });

  it('a NodeManager that never answers delays no other run, and its run ends in YARN\'s words once the read gives up', async () => {
    const hung = runOf('run-sql-hung', 'application_1_0002', 'sql-hung');
    const jar = runOf('run-jar', 'application_1_0003', 'jar-task');
    const { watcher, ended } = watcherOver([hung, jar], { application_1_0002: 'hang' });
    const startedAt = Date.now();
    await watcher.cycle();
    assert.ok(Date.now() - startedAt < 1_500, 'the cycle did not wait out the read (2 s) of the hung NodeManager');
    assert.equal(ended.get(jar.id)?.note?.code.code, 'endedOnYarn', 'a jar run ends in YARN\'s words in the same cycle, no files read');
    assert.equal(ended.has(hung.id), false, 'the SQL run waits for its read');
    await waitFor(async () => { await watcher.cycle(); return ended.has(hung.id); });
    assert.equal(ended.get(hung.id)!.toStatus, 'FAILED');
    assert.equal(ended.get(hung.id)!.note?.code.code, 'endedOnYarn', "YARN's words alone");
  });
});

async function waitFor(done: () => Promise<boolean>): Promise<void> {
  for (const deadline = Date.now() + 5_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 20))) if (await done()) return;
  assert.fail('not done within 5 s');
}
describe("the YARN watcher and Weir's YARN sessions on its entry", () => {
  it('ends a RUNNING session YARN killed (its run first, in YARN\'s words), fails a start left behind that YARN never got, settles stops left behind (STOPPED once ended, RUNNING while YARN runs it), leaves a start or stop in progress here alone, and kills the application of an ended session', async () => {
    const session = (id: string, state: string, applicationId: string | null) => ({ id, name: id, createdAt: 1_000, yarnSession: { yarnClusterId: cluster.id, applicationId, state, resources: { slotsPerTaskManager: 1, jobManagerMemoryMb: 1024, taskManagerMemoryMb: 1024 } } });
    const sessions = [
      session('S-KILLED', 'RUNNING', 'application_1_0007'), session('S-HERE', 'STARTING', null), session('S-LEFT', 'STARTING', null), session('S-OVER', 'FAILED', null),
      // Left STOPPING by a Weir that stopped mid-stop: its application ended, or YARN still runs it; and one this process is stopping now.
      session('S-STOP-ENDED', 'STOPPING', 'application_1_0009'), session('S-STOP-LIVE', 'STOPPING', 'application_1_0010'), session('S-STOP-HERE', 'STOPPING', 'application_1_0011'),
    ];
    const stopEnded = app('application_1_0009', { state: 'FINISHED', finalStatus: 'SUCCEEDED', finishedAt: 4_000, tags: ['weir', 'weir-session', 'weir-session-s-stop-ended'] });
    const stopLive = app('application_1_0010', { tags: ['weir', 'weir-session', 'weir-session-s-stop-live'], jobManagerUrl: 'http://nm.test:41010' });
    const stopHere = app('application_1_0011', { state: 'FINISHED', finalStatus: 'SUCCEEDED', finishedAt: 4_000, tags: ['weir', 'weir-session', 'weir-session-s-stop-here'] });
    const killed = app('application_1_0007', { state: 'KILLED', finalStatus: 'KILLED', diagnostics: 'Application application_1_0007 was killed by user dr.who', finishedAt: 5_000, tags: ['weir', 'weir-session', 'weir-session-s-killed'] });
    const leftover = app('application_1_0008', { tags: ['weir', 'weir-session', 'weir-session-s-over'], jobManagerUrl: 'http://nm.test:41008' });
    const run = { id: 'run-7', taskId: 'task-7', clusterId: 'S-KILLED', flinkJobId: 'b'.repeat(32), jobName: 'top-speed', status: 'RECONNECTING', lost: false, restartCount: 0, yarnApplicationId: null } as unknown as RunRecord;
    const steps: string[] = [];
    const rm = {
      applications: async (filter: { tags?: string[] }) => (filter.tags ? [] : [leftover, stopLive]),
      application: async (id: string) => [killed, stopEnded, stopHere].find((a) => a.id === id) ?? null,
      kill: async (id: string) => { steps.push(`kill ${id}`); },
    } as unknown as YarnResourceManagerClient;
    const recorded: NewRunTransition[][] = [];
    const runs = {
      listNonTerminalByCluster: async (clusterId: string) => (clusterId === 'S-KILLED' ? [run] : []),
      get: async () => run,
      getByJob: async () => undefined,
      getByYarnApplication: async () => undefined,
      recordObservation: async (id: string, transitions: NewRunTransition[]) => {
        steps.push(`run ${id} ${transitions.map((t) => `${t.toStatus}/${t.source}`).join()}`);
        recorded.push(transitions);
        return { appended: transitions, run };
      },
    } as unknown as RunsStore;
    const published: Array<{ clusterId: string; to: string }> = [];
    const watcher = new YarnWatcher(cluster, rm, {
      runs,
      tasks: { get: async () => ({ id: 'task-7', name: 'top-speed', kind: 'JAR' }) } as unknown as TasksStore,
      events: { publish: (e: { clusterId: string; to: string }) => published.push(e) } as unknown as EventBus,
      flink: { forgetRunJobManager: () => undefined } as unknown as FlinkClients,
      settings: { intervalMs: 1_000, reconnectAttempts: 3, reconnectWindowMs: 10_000 },
      log: quietLogger,
      stagingDirectory: '',
      onlyInstance: true,
      sessions: {
        on: async () => sessions as never,
        startingHere: (s) => s.id === 'S-HERE',
        stoppingHere: (id) => id === 'S-STOP-HERE',
        settleInterruptedStop: async (id, outcome) => { steps.push(`session ${id} STOPPING -> ${outcome}`); return true; },
        adopt: async () => assert.fail('nothing to adopt'),
        end: async (id, from, error) => { steps.push(`session ${id} ${from} -> FAILED: ${error}`); return true; },
      },
    });

    await watcher.cycle();
    assert.deepEqual(steps, [
      'run run-7 CANCELED/yarn',
      'session S-KILLED RUNNING -> FAILED: YARN ended the session without Weir: application application_1_0007 KILLED (final status KILLED): Application application_1_0007 was killed by user dr.who',
      'session S-LEFT STARTING -> FAILED: Weir stopped before the YARN session reached YARN',
      'session S-STOP-ENDED STOPPING -> STOPPED',
      'session S-STOP-LIVE STOPPING -> RUNNING',
      'kill application_1_0008',
    ]);
    assert.match(recorded[0]![0]!.note?.text ?? '', /^YARN reports application application_1_0007 KILLED \(final status KILLED\)/);
    assert.deepEqual(published.map((e) => [e.clusterId, e.to]), [['S-KILLED', 'CANCELED']], "the run's event names its session, not the YARN entry");
  });
});

describe('the YARN watcher and a run a stop or cancel here is still ending', () => {
  it("keeps the run's application up while the operation reads there, and shuts it down at the first cycle after", async () => {
    const flinkJobId = 'c'.repeat(32);
    const live = [app('application_1_0020', { tags: ['weir', `weir-job-${flinkJobId}`], jobManagerUrl: 'http://nm.test:41020' })];
    const run = { id: 'run-20', taskId: 'task-20', clusterId: cluster.id, flinkJobId, jobName: 'stopped', status: 'FINISHED', lost: false, restartCount: 0, yarnApplicationId: 'application_1_0020', jobManagerUrl: 'http://nm.test:41020' } as unknown as RunRecord;
    const shutDown: string[] = [];
    let ending = true;
    const watcher = new YarnWatcher(cluster, {
      applications: async () => live,
      application: async () => null,
      kill: async () => assert.fail('the JobManager answers: no kill'),
    } as unknown as YarnResourceManagerClient, {
      runs: {
        listNonTerminalByCluster: async () => [],
        getByJob: async (_cluster: string, jobId: string) => (jobId === flinkJobId ? run : undefined),
        getByYarnApplication: async () => undefined,
      } as unknown as RunsStore,
      tasks: {} as TasksStore,
      events: { publish: () => undefined } as unknown as EventBus,
      flink: {
        runJobManager: (url: string) => ({ shutDownCluster: async () => { shutDown.push(url); } }),
        forgetRunJobManager: () => undefined,
      } as unknown as FlinkClients,
      settings: { intervalMs: 1_000, reconnectAttempts: 3, reconnectWindowMs: 10_000 },
      log: quietLogger,
      stagingDirectory: '',
      onlyInstance: true,
      endingHere: (runId) => ending && runId === run.id,
    });

    await watcher.cycle();
    assert.deepEqual(shutDown, [], 'a stop with savepoint still reading its savepoint and the end there keeps its JobManager');
    ending = false;
    await watcher.cycle();
    assert.deepEqual(shutDown, ['http://nm.test:41020'], 'ended by Flink\'s own shutdown once the operation is over');
  });
});
