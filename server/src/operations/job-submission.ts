import { randomBytes } from 'node:crypto';
import type { Cluster, SavepointStrategy } from '@weir/contract';
import type { Principal } from '../access/principal.js';
import type { ClustersService } from '../clusters/clusters.service.js';
import type { FlinkClients } from '../flink/flink-clients.js';
import { ConflictError, FlinkRejectedError, InputError } from '../errors/errors.js';
import type { EventBus } from '../events/events.js';
import type { SqlErrorDetails, SqlGatewayClient } from '../flink/sql-gateway.client.js';
import type { RunRecord, RunsStore } from '../runs/runs.store.js';
import type { SavepointsStore } from '../runs/savepoints.store.js';
import { knownMissing } from '../flink/state-paths.js';
import type { JarFilesStore } from '../tasks/jar-files.store.js';
import { FIXED_JOB_ID, jobConfiguration, savepointDirectoryOf } from '../tasks/job-configuration.js';
import { planSubmission, rejectionInScript, ScriptPlanError, type GatewayStatement } from '../tasks/gateway-statements.js';
import type { TaskVersionRecord, TaskVersionsStore } from '../tasks/task-versions.store.js';
import { decodeJar, parseVersionConfig, type VersionConfig } from '../tasks/task-config.js';
import type { TaskRecord } from '../tasks/tasks.store.js';
import type { WatcherManager } from '../watcher/watcher-manager.js';

/** The state a new job starts from. */
export interface Restore {
  path: string;
  /** What it is, for messages: "savepoint", "latest checkpoint" … */
  source: string;
}

/**
 * How a published version becomes a Flink job: SQL through the SQL Gateway, a jar through the
 * JobManager, under a job id Weir chooses and records (as an INITIALIZING run) before submitting,
 * so the watcher never mistakes the job for an external one; and which state it starts from.
 */
export class JobSubmission {
  constructor(
    private readonly deps: {
      runs: RunsStore;
      savepoints: SavepointsStore;
      versions: TaskVersionsStore;
      clusters: ClustersService;
      flink: FlinkClients;
      jars: JarFilesStore;
      watchers: WatcherManager;
      bus: EventBus;
      now: () => number;
    },
  ) {}

  private now(): number {
    return this.deps.now();
  }

  /** Records the run, then submits the version under the job id chosen for it. */
  async submit(actor: Principal, task: TaskRecord, version: TaskVersionRecord, restore: Restore | null): Promise<RunRecord> {
    const cluster = await this.deps.clusters.get(task.clusterId);
    const config = parseVersionConfig(version);
    const jobId = randomBytes(16).toString('hex');
    const { run } = await this.deps.runs.upsertByJob({
      taskId: task.id,
      clusterId: cluster.id,
      flinkJobId: jobId,
      jobName: task.name,
      status: 'INITIALIZING',
      executionMode: config.executionMode,
      versionId: version.id,
    });
    await this.deps.runs.makeLatest(run.id);
    const submittedAt = this.now();
    await this.deps.runs.appendTransition(run.id, {
      toStatus: 'INITIALIZING',
      at: submittedAt,
      source: 'weir',
      note: {
        text: `Submitted by ${actor.name}: version ${version.version}${restore ? `, restoring ${restore.path}` : ''}`,
        code: restore
          ? { code: 'submittedRestoring', params: { actor: actor.name, version: version.version, path: restore.path } }
          : { code: 'submitted', params: { actor: actor.name, version: version.version } },
      },
    });
    try {
      if (task.kind === 'SQL') await this.submitSql(cluster, task, version.content, config, jobId, restore);
      else await this.submitJar(cluster, version.content, config, jobId, restore);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const at = Math.max(this.now(), submittedAt + 1);
      // A job id Flink never had must not be shown or read as a Flink job: the run says why it never got there.
      const reached = await this.deps.flink.jobManager(cluster).jobExists(jobId).catch(() => null);
      const note = { text: `Submission failed: ${message}`, code: { code: 'submissionFailed', params: { message } } } as const;
      await this.deps.runs.appendTransition(run.id, { toStatus: 'FAILED', at, source: 'weir', note });
      await this.deps.runs.update(run.id, { status: 'FAILED', endTime: at, ...(reached === false ? { submissionError: message } : {}) });
      this.deps.bus.publish({
        type: 'run.status',
        from: 'INITIALIZING',
        to: 'FAILED',
        at,
        restartCount: 0,
        note: note.text,
        noteCode: note.code,
        runId: run.id,
        taskId: task.id,
        taskName: task.name,
        clusterId: cluster.id,
        clusterName: cluster.name,
        flinkJobId: jobId,
        jobName: task.name,
      });
      throw err;
    }
    // Let the watcher record the job's first statuses now rather than at its next cycle.
    await this.deps.watchers.refreshNow(cluster.id).catch(() => undefined);
    return (await this.deps.runs.get(run.id)) ?? run;
  }

  private async submitSql(cluster: Cluster, task: TaskRecord, script: string, config: VersionConfig, jobId: string, restore: Restore | null): Promise<void> {
    let plan;
    try {
      plan = planSubmission(script);
    } catch (err) {
      if (!(err instanceof ScriptPlanError)) throw err;
      const { message, line, column, statementIndex } = err.problem;
      throw new InputError(`The script cannot be submitted: ${message} (line ${line}, column ${column})`, { message, line, column, statementIndex });
    }
    const gateway = this.deps.flink.sqlGateway(cluster);
    const session = await gateway.openSession(`weir-${task.name}`, jobConfiguration(config, { 'pipeline.name': task.name }));
    try {
      for (const statement of plan.setup) await this.execute(gateway, session, statement);
      const jobConfig: Record<string, string> = { [FIXED_JOB_ID]: jobId };
      if (restore) jobConfig['execution.savepoint.path'] = restore.path;
      const result = await this.execute(gateway, session, plan.job, jobConfig);
      if (result.jobId !== jobId) {
        throw new FlinkRejectedError(`The SQL Gateway started job ${result.jobId ?? '(none)'} instead of ${jobId}; is ${FIXED_JOB_ID} supported by this Flink version?`);
      }
    } finally {
      await gateway.closeSession(session).catch(() => undefined);
    }
  }

  /** One statement; a rejection comes back with its position in the task's script. */
  private async execute(gateway: SqlGatewayClient, session: string, statement: GatewayStatement, executionConfig?: Record<string, string>) {
    try {
      return await gateway.execute(session, statement.text, { executionConfig });
    } catch (err) {
      if (!(err instanceof FlinkRejectedError)) throw err;
      const details = err.details as Partial<SqlErrorDetails> | undefined;
      const at = rejectionInScript(details?.message ?? err.message, details?.position, statement);
      throw new FlinkRejectedError(`Flink rejected statement ${at.statementIndex + 1} (line ${at.line}, column ${at.column}): ${at.message}`, at);
    }
  }

  private async submitJar(cluster: Cluster, content: string, config: VersionConfig, jobId: string, restore: Restore | null): Promise<void> {
    const spec = decodeJar(content);
    if (!spec) throw new InputError('The version has no jar');
    const jar = await this.deps.jars.read(spec.jarId);
    if (!jar) throw new ConflictError(`Jar ${spec.jarId} is no longer stored in Weir; upload it again and publish a new version`);
    const jm = this.deps.flink.jobManager(cluster);
    const uploaded = await jm.uploadJar(jar.file.fileName, jar.content);
    try {
      await jm.runJar(uploaded, {
        jobId,
        entryClass: spec.entryClass ?? undefined,
        args: spec.args,
        parallelism: config.parallelism,
        savepointPath: restore?.path,
        flinkConfiguration: jobConfiguration(config, {}),
      });
    } finally {
      // The job holds its own copy; the upload would otherwise pile up on the JobManager.
      await jm.deleteJar(uploaded).catch(() => undefined);
    }
  }

  /**
   * Refuses a restore that cannot work, before anything is stopped: from a savepoint Weir disposed of,
   * or one whose folder is gone from a disk Weir can see (removed by hand, or by Flink's retention of
   * checkpoints). Flink would only find out after the running job had been cancelled.
   */
  async refuseUnrestorable(task: TaskRecord, path: string): Promise<void> {
    const disposed = await this.deps.savepoints.findDisposed(task.id, path);
    if (disposed) {
      throw new ConflictError(`Savepoint ${path} of task ${task.name} was disposed of on ${new Date(disposed.disposedAt!).toISOString()} by ${disposed.disposedBy}; restore from another one`);
    }
    if (knownMissing(path)) throw new ConflictError(`Savepoint ${path} of task ${task.name} is gone: its folder is no longer on disk; restore from another one`);
  }

  async restoreFor(task: TaskRecord, strategy: SavepointStrategy, path: string | null | undefined): Promise<Restore | null> {
    switch (strategy) {
      case 'none':
        return null;
      case 'path':
        if (!path) throw new InputError('The savepoint strategy "path" needs a savepoint path');
        await this.refuseUnrestorable(task, path);
        return { path, source: 'savepoint' };
      case 'latest':
      case 'earliest': {
        const found = strategy === 'latest' ? await this.deps.savepoints.latestCompleted(task.id) : await this.deps.savepoints.earliestCompleted(task.id);
        return found?.path ? { path: found.path, source: `${strategy} ${found.kind === 'CHECKPOINT' ? 'checkpoint' : 'savepoint'}` } : null;
      }
    }
  }

  /** Where the run's version asks for its savepoints (see savepointDirectoryOf); undefined: the cluster's default. */
  async savepointDirectory(run: RunRecord): Promise<string | undefined> {
    const version = run.versionId ? await this.deps.versions.get(run.versionId) : undefined;
    return version ? savepointDirectoryOf(parseVersionConfig(version)) : undefined;
  }
}
