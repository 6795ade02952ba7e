import { isTerminalRunStatus, runDurationMs, type Cluster, type RunCheckpoints, type RunCluster, type RunConfiguration, type RunDetail, type RunExceptions, type RunGraph, type RunLineage, type RunLogPage, type RunLogQuery, type RunSql, type SectionSource } from '@weir/contract';
import type { z } from 'zod';
import type { ClustersService } from '../clusters/clusters.service.js';
import type { FlinkClients } from '../flink/flink-clients.js';
import { AppError, FlinkRejectedError, NotFoundError } from '../errors/errors.js';
import type { JobManagerClient } from '../flink/job-manager.client.js';
import type * as S from '../flink/flink-rest.schemas.js';
import { analyzeLineageOnDemand, parseStoredLineage } from '../lineage/lineage-on-demand.js';
import type { TaskVersionRecord, TaskVersionsStore } from '../tasks/task-versions.store.js';
import type { TaskRecord, TasksStore } from '../tasks/tasks.store.js';
import type { WatcherManager } from '../watcher/watcher-manager.js';
import { checkpointConfigOf, checkpointsOf, decodeWindow, exceptionsOf, executionConfigOf, graphOf, num, taskManagerOf, type VertexLive } from './run-views.js';
import type { RunRecord, RunsStore } from '../runs/runs.store.js';
import type { SnapshotData, SnapshotKind } from '../runs/snapshot-schemas.js';
import type { SavepointsStore } from '../runs/savepoints.store.js';
import { runOperations } from '../operations/run-operations.js';
import { noneSource, notLive, snapshotSource, submissionFailure, type WhyNotLive } from './section-sources.js';

type JobDetails = z.output<typeof S.JobDetails>;

interface Context {
  run: RunRecord;
  cluster: Cluster | null;
  jm: JobManagerClient | null;
}

/** Saved copies are refreshed from live reads at most this often per run and kind. */
const SNAPSHOT_REFRESH_MS = 5_000;
const VERTEX_GAUGES = ['busyTimeMsPerSecond', 'backPressuredTimeMsPerSecond', 'idleTimeMsPerSecond', 'numRecordsInPerSecond', 'numRecordsOutPerSecond'];

/**
 * The run detail page's reads. Each section is read live from the run's cluster while it has
 * the job; otherwise (job expired, cluster stopped, removed or unreachable) from the copy Weir
 * saved, and the answer says which and why. Live reads refresh the saved copies, so a run whose
 * cluster disappears without warning still shows what was last seen.
 */
export class RunDetailService {
  private readonly savedAt = new Map<string, number>();

  constructor(
    private readonly deps: {
      runs: RunsStore;
      tasks: TasksStore;
      versions: TaskVersionsStore;
      savepoints: SavepointsStore;
      clusters: ClustersService;
      flink: FlinkClients;
      watchers: WatcherManager;
      /** When each run's latest checkpoint completed, as far as Weir knows (decides what restarts are offered). */
      checkpoints?: { lastCompletedCheckpointAt(runId: string): Promise<number | null> };
      now?: () => number;
    },
  ) {}

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  async detail(runId: string): Promise<RunDetail> {
    const ctx = await this.context(runId);
    const { run, cluster } = ctx;
    this.deps.watchers.watcherFor(run.clusterId)?.watchClosely(run.flinkJobId);
    const [task, version, transitions, lastCheckpointAt, savepoint, warnings] = await Promise.all([
      this.deps.tasks.get(run.taskId),
      run.versionId ? this.deps.versions.get(run.versionId) : Promise.resolve(undefined),
      this.deps.runs.listTransitions(run.id),
      this.deps.checkpoints?.lastCompletedCheckpointAt(run.id) ?? Promise.resolve(null),
      this.deps.savepoints.latestCompleted(run.taskId, ['SAVEPOINT', 'STOP_WITH_SAVEPOINT']),
      this.deps.runs.listWarnings(run.id),
    ]);
    const job = await this.section(ctx, 'job', (jm) => jm.job(run.flinkJobId), (d: JobDetails) => d);
    const details = job.data;
    const parallelisms = details?.vertices.map((v) => v.parallelism) ?? [];
    const maxParallelism = num(details?.maxParallelism);
    return {
      run: {
        id: run.id,
        taskId: run.taskId,
        clusterId: run.clusterId,
        flinkJobId: run.flinkJobId,
        jobName: run.jobName,
        status: run.status,
        executionMode: run.executionMode,
        versionId: run.versionId,
        startTime: run.startTime,
        endTime: run.endTime,
        durationMs: runDurationMs({ status: run.status, lost: run.lost, startTime: run.startTime, endTime: run.endTime, recordedMs: run.durationMs }, this.now()),
        restartCount: run.restartCount,
        lost: run.lost,
        unreachableSince: run.unreachableSince,
        lastModification: run.lastModification,
        createdAt: run.createdAt,
        updatedAt: run.updatedAt,
        submissionError: run.submissionError,
        yarnApplicationId: run.yarnApplicationId,
        jobManagerUrl: run.jobManagerUrl,
      },
      terminal: isTerminalRunStatus(run.status),
      task: task ? { id: task.id, name: task.name, kind: task.kind, lifecycle: task.lifecycle, owner: task.owner } : null,
      cluster: cluster
        ? {
            id: cluster.id,
            name: cluster.name,
            restUrl: cluster.restUrl,
            health: cluster.health,
            flinkVersion: cluster.flinkVersion,
            jobWebUrl: run.submissionError === null ? `${run.jobManagerUrl ?? cluster.restUrl}/#/job/${isTerminalRunStatus(run.status) ? 'completed' : 'running'}/${run.flinkJobId}/overview` : null,
          }
        : null,
      version: version ? { id: version.id, version: version.version, createdAt: version.createdAt, createdBy: version.createdBy, note: version.note } : null,
      transitions: transitions.map((t) => ({ seq: t.seq, fromStatus: t.fromStatus, toStatus: t.toStatus, at: t.at, source: t.source, note: t.note, ...(t.noteCode ? { noteCode: t.noteCode } : {}) })),
      operations: runOperations({
        status: run.status,
        clusterKnown: cluster !== null,
        resubmittable: task !== undefined && task.kind !== 'EXTERNAL' && run.versionId !== null,
        neverReachedFlink: run.submissionError !== null,
        hasCheckpoint: lastCheckpointAt !== null,
        hasSavepoint: savepoint?.path != null,
      }),
      lostEvidence: parseObject(run.lostEvidence),
      warnings,
      job: {
        ...job.source,
        jobType: details?.['job-type'] ?? null,
        parallelism: parallelisms.length ? Math.max(...parallelisms) : null,
        maxParallelism: maxParallelism !== null && maxParallelism > 0 ? maxParallelism : null,
        vertexCount: details ? details.vertices.length : null,
        isStoppable: details?.isStoppable ?? null,
        statusTimestamps: Object.fromEntries(Object.entries(details?.timestamps ?? {}).filter(([, at]) => at > 0)),
      },
    };
  }

  async graph(runId: string): Promise<RunGraph> {
    const ctx = await this.context(runId);
    const jid = ctx.run.flinkJobId;
    const live = await this.live(ctx, async (jm) => {
      const details = await jm.job(jid);
      const gauges = new Map<string, VertexLive>();
      await Promise.all(
        details.vertices
          .filter((v) => v.status === 'RUNNING')
          .map(async (v) => {
            const [aggregates, watermark] = await Promise.all([
              jm.vertexSubtaskMetrics(jid, v.id, VERTEX_GAUGES).catch(() => []),
              jm.lowestInputWatermark(jid, v.id).catch(() => null),
            ]);
            gauges.set(v.id, { aggregates, watermark });
          }),
      );
      return graphOf(details, undefined, gauges);
    });
    if (live.ok) {
      await this.saveThrottled(ctx.run.id, 'vertices', live.data);
      return { ...this.liveSource(), ...live.data };
    }
    // Saved copies: the enriched graph this service last served, else the watcher's job details.
    const saved = await this.deps.runs.getSnapshot(ctx.run.id, 'vertices');
    if (saved) return { ...snapshotSource(saved.capturedAt, live), ...saved.data };
    const job = await this.deps.runs.getSnapshot(ctx.run.id, 'job');
    if (!job) return { ...noneSource(live), vertices: [], edges: [] };
    const plan = await this.deps.runs.getSnapshot(ctx.run.id, 'plan');
    return {
      ...snapshotSource(job.capturedAt, live),
      ...graphOf(job.data, plan?.data),
    };
  }

  async checkpoints(runId: string): Promise<RunCheckpoints> {
    const ctx = await this.context(runId);
    const jid = ctx.run.flinkJobId;
    const [data, savepoints] = await Promise.all([
      this.pair(ctx, ['checkpoints', 'checkpoint_config'], async (jm) => {
        const [checkpoints, config] = await Promise.all([jm.checkpoints(jid), jm.checkpointConfig(jid)]);
        return [checkpoints, config] as const;
      }),
      this.deps.savepoints.listByRun(ctx.run.id),
    ]);
    const [checkpoints, config] = data.data ?? [null, null];
    return {
      ...data.source,
      ...checkpointsOf(checkpoints, config),
      savepoints: savepoints.map((s) => ({ id: s.id, kind: s.kind, status: s.status, path: s.path, failure: s.failure, createdAt: s.createdAt, completedAt: s.completedAt })),
    };
  }

  async exceptions(runId: string): Promise<RunExceptions> {
    const ctx = await this.context(runId);
    if (ctx.run.submissionError !== null) return submissionFailure(ctx.run, ctx.run.submissionError);
    const section = await this.section(ctx, 'exceptions', (jm) => jm.exceptions(ctx.run.flinkJobId, 50), (e: z.output<typeof S.JobExceptions>) => e);
    const mapped = section.data ? exceptionsOf(section.data) : { truncated: false, entries: [] };
    return { ...section.source, ...mapped };
  }

  async configuration(runId: string): Promise<RunConfiguration> {
    const ctx = await this.context(runId);
    const jid = ctx.run.flinkJobId;
    const [data, taskConfig] = await Promise.all([
      this.pair(ctx, ['config', 'checkpoint_config'], async (jm) => {
        const [config, checkpoint] = await Promise.all([jm.jobConfig(jid), jm.checkpointConfig(jid)]);
        return [config, checkpoint] as const;
      }),
      this.taskConfigOf(ctx.run),
    ]);
    const [config, checkpoint] = data.data ?? [null, null];
    return {
      ...data.source,
      ...executionConfigOf(config?.['execution-config']),
      checkpoint: checkpoint && checkpoint.interval < 9.2e18 ? checkpointConfigOf(checkpoint) : null,
      task: taskConfig.config,
      taskSource: taskConfig.source,
    };
  }

  async cluster(runId: string): Promise<RunCluster> {
    const ctx = await this.context(runId);
    const jid = ctx.run.flinkJobId;
    const live = await this.live(ctx, async (jm) => {
      const [list, jmConfig, jmMetrics] = await Promise.all([
        jm.taskManagers(),
        jm.jobManagerConfig(),
        jm.jobManagerMetrics(['Status.JVM.Memory.Heap.Used', 'Status.JVM.Memory.Heap.Max', 'Status.JVM.CPU.Load']).catch(() => []),
      ]);
      const taskManagers = await Promise.all(
        list.taskmanagers.map(async (info) => {
          const [detail, metrics] = await Promise.all([
            jm.taskManager(info.id).catch(() => undefined),
            jm.taskManagerMetrics(info.id, ['Status.JVM.CPU.Load']).catch(() => undefined),
          ]);
          return taskManagerOf(info, detail, metrics, jid);
        }),
      );
      const metric = (id: string) => num(jmMetrics.find((m) => m.id === id)?.value);
      return {
        jobManager: {
          restUrl: jm.baseUrl,
          flinkVersion: ctx.cluster?.flinkVersion ?? null,
          heapUsed: metric('Status.JVM.Memory.Heap.Used'),
          heapMax: metric('Status.JVM.Memory.Heap.Max'),
          cpuLoad: metric('Status.JVM.CPU.Load'),
          config: jmConfig.map((e) => ({ key: e.key, value: e.value })).sort((a, b) => a.key.localeCompare(b.key)),
        },
        taskManagers: taskManagers.sort((a, b) => a.id.localeCompare(b.id)),
      };
    });
    if (live.ok) {
      await this.saveThrottled(ctx.run.id, 'taskmanagers', live.data);
      return { ...this.liveSource(), ...live.data };
    }
    const saved = await this.deps.runs.getSnapshot(ctx.run.id, 'taskmanagers');
    if (saved) return { ...snapshotSource(saved.capturedAt, live), ...saved.data };
    return { ...noneSource(live), jobManager: null, taskManagers: [] };
  }

  /** A byte window of a JobManager or TaskManager log, stdout or thread dump; never the whole file. */
  async logs(runId: string, query: RunLogQuery): Promise<RunLogPage> {
    const ctx = await this.context(runId);
    const base = { component: query.component, kind: query.kind, name: query.name ?? null };
    const unavailable = (why: WhyNotLive, tm: string | null = query.tm ?? null): RunLogPage => ({
      ...base, tm, available: false, reason: why.reason, reasonCode: why.reasonCode, offset: 0, nextOffset: 0, total: 0, text: '', taskManagers: [], files: [],
    });
    if (!ctx.jm) return unavailable(notLive.clusterNotRegistered(ctx.run));
    const jm = ctx.jm;
    try {
      const taskManagers = (await jm.taskManagers()).taskmanagers.map((t) => t.id).sort();
      let tm: string | null = null;
      if (query.component === 'taskmanager') {
        tm = query.tm ?? taskManagers[0] ?? null;
        if (!tm) return { ...unavailable(notLive.noTaskManager(), null), taskManagers };
      }
      const files = (tm ? await jm.taskManagerLogs(tm) : await jm.jobManagerLogs()).logs.map((f) => ({ name: f.name, size: f.size }));
      let window: { offset: number; bytes: Uint8Array; total: number };
      if (query.kind === 'threaddump') {
        const dump = tm ? await jm.taskManagerThreadDump(tm) : await jm.jobManagerThreadDump();
        const all = new TextEncoder().encode(dump.threadInfos.map((t) => t.stringifiedThreadInfo).join('\n'));
        const offset = query.offset ?? Math.max(all.length - query.limit, 0);
        window = { offset: Math.min(offset, all.length), bytes: all.subarray(offset, offset + query.limit), total: all.length };
      } else {
        const file = tm
          ? { component: 'taskmanager' as const, tmId: tm, kind: query.kind, name: query.name }
          : { component: 'jobmanager' as const, kind: query.kind, name: query.name };
        window = await jm.fileRange(file, { offset: query.offset, limit: query.limit });
      }
      const end = window.offset + window.bytes.length;
      const decoded = decodeWindow(window.bytes, window.offset === 0, end >= window.total);
      const offset = window.offset + decoded.skipped;
      return { ...base, tm, available: true, reason: null, reasonCode: null, offset, nextOffset: offset + decoded.used, total: window.total, text: decoded.text, taskManagers, files };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return unavailable(notLive.flinkError(err.message));
    }
  }

  /** The exact script (or jar specification) and configuration this run was submitted with. */
  async sql(runId: string): Promise<RunSql> {
    const { run } = await this.context(runId, { withCluster: false });
    const task = await this.deps.tasks.get(run.taskId);
    const kind = task?.kind ?? 'EXTERNAL';
    const picked = await this.contentOf(run, task);
    return {
      taskKind: kind,
      source: picked.source,
      versionId: picked.version?.id ?? null,
      version: picked.version?.version ?? null,
      content: picked.content,
      jar: kind === 'JAR' && picked.content !== null ? jarSpecOf(picked.content) : null,
      config: picked.config,
    };
  }

  /** The stored lineage of the run's version, else the lineage of its SQL analysed now. */
  async lineage(runId: string): Promise<RunLineage> {
    const { run } = await this.context(runId, { withCluster: false });
    const task = await this.deps.tasks.get(run.taskId);
    const picked = await this.contentOf(run, task);
    const stored = picked.version?.lineage ? parseStoredLineage(picked.version.lineage) : null;
    if (stored) return { source: 'stored', versionId: picked.version!.id, lineage: stored };
    if (task?.kind !== 'SQL' || !picked.content) return { source: 'none', versionId: picked.version?.id ?? null, lineage: null };
    return { source: 'analysed', versionId: picked.version?.id ?? null, lineage: await analyzeLineageOnDemand(picked.content) };
  }

  // ---- helpers ----

  private async context(runId: string, opts: { withCluster?: boolean } = {}): Promise<Context> {
    const run = await this.deps.runs.get(runId);
    if (!run) throw new NotFoundError('Run', runId);
    if (opts.withCluster === false) return { run, cluster: null, jm: null };
    const cluster = await this.deps.clusters.get(run.clusterId).catch((err) => {
      if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
      throw err;
    });
    return { run, cluster, jm: cluster ? this.runJobManager(cluster, run) : null };
  }

  /** The run's JobManager; none while a YARN run has none yet (its sections then show what was saved, if anything). */
  private runJobManager(cluster: Cluster, run: RunRecord): JobManagerClient | null {
    try {
      return this.deps.flink.jobManagerOfRun(cluster, run);
    } catch (err) {
      if (err instanceof AppError && err.code === 'CONFLICT') return null;
      throw err;
    }
  }

  private liveSource(): SectionSource {
    return { source: 'live', capturedAt: this.now(), reason: null, reasonCode: null };
  }

  /** Runs a live read; says why when it could not (no cluster, cluster gone, job gone). */
  private async live<T>(ctx: Context, read: (jm: JobManagerClient) => Promise<T>): Promise<{ ok: true; data: T } | ({ ok: false } & WhyNotLive)> {
    if (ctx.run.submissionError !== null) return { ok: false, ...notLive.neverReachedFlink() };
    if (!ctx.jm) return { ok: false, ...notLive.clusterNotRegistered(ctx.run) };
    // A cluster known to be down is not asked again here: the page gets the saved copy at once
    // instead of after a request timeout, and the watcher finds out when it answers again.
    if (ctx.cluster && ctx.cluster.health === 'UNREACHABLE') {
      const since = ctx.run.unreachableSince ?? ctx.cluster.lastHealthyAt ?? ctx.cluster.lastCheckedAt;
      return { ok: false, ...notLive.clusterUnreachable(ctx.cluster.name, ctx.cluster.lastError), unreachableSince: since };
    }
    try {
      return { ok: true, data: await read(ctx.jm) };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err instanceof FlinkRejectedError && /not found|could not find|404/i.test(JSON.stringify(err.details ?? '') + err.message)) {
        return { ok: false, ...notLive.jobGone(ctx.run.flinkJobId) };
      }
      if (err.code === 'FLINK_UNREACHABLE') return { ok: false, ...notLive.flinkError(err.message), unreachableSince: ctx.run.unreachableSince ?? this.now() };
      return { ok: false, ...notLive.flinkError(err.message) };
    }
  }

  /** One Flink answer kept as one snapshot kind: live when possible (and saved), else the saved copy. */
  private async section<K extends SnapshotKind, T>(ctx: Context, kind: K, read: (jm: JobManagerClient) => Promise<SnapshotData<K>>, map: (raw: SnapshotData<K>) => T): Promise<{ source: SectionSource; data: T | null }> {
    const live = await this.live(ctx, read);
    if (live.ok) {
      await this.saveThrottled(ctx.run.id, kind, live.data);
      return { source: this.liveSource(), data: map(live.data) };
    }
    const saved = await this.deps.runs.getSnapshot(ctx.run.id, kind);
    if (!saved) return { source: noneSource(live), data: null };
    return { source: snapshotSource(saved.capturedAt, live), data: map(saved.data) };
  }

  /** Two Flink answers kept as two snapshot kinds (e.g. checkpoints and their configuration). */
  private async pair<KA extends SnapshotKind, KB extends SnapshotKind>(
    ctx: Context,
    kinds: [KA, KB],
    read: (jm: JobManagerClient) => Promise<readonly [SnapshotData<KA> | null, SnapshotData<KB> | null]>,
  ): Promise<{ source: SectionSource; data: readonly [SnapshotData<KA> | null, SnapshotData<KB> | null] | null }> {
    const live = await this.live(ctx, read);
    if (live.ok) {
      await this.saveThrottled(ctx.run.id, kinds[0], live.data[0]);
      await this.saveThrottled(ctx.run.id, kinds[1], live.data[1]);
      return { source: this.liveSource(), data: live.data };
    }
    const [a, b] = await Promise.all([this.deps.runs.getSnapshot(ctx.run.id, kinds[0]), this.deps.runs.getSnapshot(ctx.run.id, kinds[1])]);
    if (!a && !b) return { source: noneSource(live), data: null };
    return {
      source: snapshotSource(Math.max(a?.capturedAt ?? 0, b?.capturedAt ?? 0), live),
      data: [a?.data ?? null, b?.data ?? null],
    };
  }

  private async saveThrottled(runId: string, kind: SnapshotKind, data: unknown): Promise<void> {
    const key = `${runId}/${kind}`;
    const now = this.now();
    if (now - (this.savedAt.get(key) ?? 0) < SNAPSHOT_REFRESH_MS) return;
    this.savedAt.set(key, now);
    await this.deps.runs.saveSnapshot(runId, kind, JSON.stringify(data), now);
  }

  private async contentOf(run: RunRecord, task: TaskRecord | undefined): Promise<{ source: RunSql['source']; version: TaskVersionRecord | undefined; content: string | null; config: Record<string, unknown> | null }> {
    const version = run.versionId ? await this.deps.versions.get(run.versionId) : undefined;
    if (version) return { source: 'version', version, content: version.content, config: parseObject(version.config) };
    if (task && task.kind !== 'EXTERNAL') return { source: 'draft', version: undefined, content: task.draftContent, config: parseObject(task.draftConfig) };
    return { source: 'none', version: undefined, content: null, config: null };
  }

  private async taskConfigOf(run: RunRecord): Promise<{ source: RunConfiguration['taskSource']; config: Record<string, unknown> | null }> {
    const task = await this.deps.tasks.get(run.taskId);
    const picked = await this.contentOf(run, task);
    return { source: picked.source, config: picked.config };
  }
}


function parseObject(json: string | null | undefined): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A jar task's stored specification, read leniently (the tasks feature owns its exact shape). */
export function jarSpecOf(content: string): RunSql['jar'] {
  const spec = parseObject(content) ?? {};
  const str = (...keys: string[]) => keys.map((k) => spec[k]).find((v): v is string => typeof v === 'string' && v.length > 0) ?? null;
  const rawArgs = spec.args ?? spec.programArgs ?? spec.programArgsList;
  const args = Array.isArray(rawArgs) ? rawArgs.map(String) : typeof rawArgs === 'string' && rawArgs.trim() ? rawArgs.trim().split(/\s+/) : [];
  return { jar: str('jar', 'jarName', 'jarId', 'jarPath', 'fileName'), entryClass: str('entryClass', 'mainClass'), args, parallelism: num(spec.parallelism) };
}
