import { z } from 'zod';
import { FLINK_SUBMISSION_TIMEOUT_MS, FlinkHttp, withoutAnswerText, type FlinkHttpOptions } from './flink-http.js';
import * as S from './flink-rest.schemas.js';
import { lowestWatermark } from './watermarks.js';
import { MAX_CACHE_WAIT_MS, parseFlinkDurationMs, reportedCacheMs } from './rest-caches.js';

export type FlinkJobOverview = z.output<typeof S.JobOverviewEntry>;
export type FlinkJobDetails = z.output<typeof S.JobDetails>;
export type FlinkClusterOverview = z.output<typeof S.ClusterOverview>;

export interface ClusterProbe {
  flinkVersion: string;
  taskManagers: number;
  slotsTotal: number;
  slotsAvailable: number;
  jobsRunning: number;
}

export interface SavepointResult {
  status: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  location?: string;
  failure?: string;
}



/**
 * Typed client for one Flink JobManager's REST API (Flink 1.20). Every answer is
 * validated; transport failures become FlinkUnreachableError, Flink's own error
 * answers FlinkRejectedError, anything else NotFlinkError.
 */
export class JobManagerClient {
  private readonly http: FlinkHttp;
  private readonly label: string;
  private readonly submissionTimeoutMs: number;

  constructor(options: Omit<FlinkHttpOptions, 'label'> & { label?: string }) {
    this.label = options.label ?? 'JobManager';
    this.submissionTimeoutMs = Math.max(options.timeoutMs, FLINK_SUBMISSION_TIMEOUT_MS);
    this.http = new FlinkHttp({ ...options, label: this.label });
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  /** One call that proves the address is a Flink JobManager and reads its health facts. */
  async probe(): Promise<ClusterProbe> {
    const o = await this.http.json('/overview', S.ClusterOverview).catch(withoutAnswerText(this.label, this.baseUrl, '/overview'));
    return {
      flinkVersion: o['flink-version'],
      taskManagers: o.taskmanagers,
      slotsTotal: o['slots-total'],
      slotsAvailable: o['slots-available'],
      jobsRunning: o['jobs-running'],
    };
  }

  /** Proves the address is a Flink HistoryServer (or a JobManager): it answers the jobs list as they do. */
  async probeArchive(): Promise<void> {
    await this.http.json('/jobs/overview', S.JobsOverview).catch(withoutAnswerText(this.label, this.baseUrl, '/jobs/overview'));
  }

  overview() {
    return this.http.json('/overview', S.ClusterOverview);
  }
  /** The web UI's configuration: a small, static answer, so also the cheapest proof that the JobManager answers. */
  dashboardConfig(opts: { timeoutMs?: number } = {}) {
    return this.http.json('/config', S.DashboardConfig, opts);
  }
  async jobsOverview(): Promise<FlinkJobOverview[]> {
    return (await this.http.json('/jobs/overview', S.JobsOverview)).jobs;
  }
  job(jobId: string) {
    return this.http.json(`/jobs/${enc(jobId)}`, S.JobDetails);
  }
  /** A job's details from a HistoryServer: null when it answers 404 (it has no archive of the job, or not yet). */
  archivedJob(jobId: string) {
    return this.http.jsonOrNull(`/jobs/${enc(jobId)}`, S.JobDetails);
  }
  /** Whether the JobManager knows the job. `/jobs/:jid` answers 404 for an unknown id; `/jobs/:jid/status` answers 500 (FlinkJobNotFoundException). */
  async jobExists(jobId: string): Promise<boolean> {
    const res = await this.http.send(`/jobs/${enc(jobId)}`, { allowStatus: [404] });
    return res.status !== 404;
  }
  exceptions(jobId: string, maxExceptions = 20) {
    return this.http.json(`/jobs/${enc(jobId)}/exceptions`, S.JobExceptions, { query: { maxExceptions } });
  }
  checkpoints(jobId: string) {
    return this.http.json(`/jobs/${enc(jobId)}/checkpoints`, S.JobCheckpoints);
  }
  /**
   * null when the job runs without checkpointing. Flink 1.20 answers 200 with
   * interval = Long.MAX_VALUE then (older versions answered 404); both mean "off".
   */
  async checkpointConfig(jobId: string) {
    const config = await this.http.jsonOrNull(`/jobs/${enc(jobId)}/checkpoints/config`, S.CheckpointConfig);
    return config === null || config.interval >= CHECKPOINTING_DISABLED ? null : config;
  }
  jobConfig(jobId: string) {
    return this.http.json(`/jobs/${enc(jobId)}/config`, S.JobConfig);
  }
  async plan(jobId: string) {
    return (await this.http.json(`/jobs/${enc(jobId)}/plan`, z.looseObject({ plan: S.JobPlan }))).plan;
  }
  jobMetrics(jobId: string, names: string[]) {
    return this.http.json(`/jobs/${enc(jobId)}/metrics`, S.MetricValues, { query: { get: names.join(',') } });
  }
  /** Flink's own restart counter; undefined when the metric is not (yet) there. */
  async numRestarts(jobId: string): Promise<number | undefined> {
    const values = await this.jobMetrics(jobId, ['numRestarts']);
    const v = Number(values.find((m) => m.id === 'numRestarts')?.value);
    return Number.isFinite(v) ? v : undefined;
  }
  vertexMetrics(jobId: string, vertexId: string, names?: string[]) {
    return this.http.json(`/jobs/${enc(jobId)}/vertices/${enc(vertexId)}/metrics`, S.MetricValues, {
      query: { get: names?.join(',') },
    });
  }
  /** Metrics of all of a vertex's subtasks, aggregated by Flink (e.g. max busy time, sum of records per second). */
  vertexSubtaskMetrics(jobId: string, vertexId: string, names: string[], aggregates: ('min' | 'max' | 'avg' | 'sum')[] = ['min', 'max', 'avg', 'sum']) {
    return this.http.json(`/jobs/${enc(jobId)}/vertices/${enc(vertexId)}/subtasks/metrics`, S.AggregatedMetrics, {
      query: { get: names.join(','), agg: aggregates.join(',') },
    });
  }
  /** Flink's back-pressure level of a vertex ('ok' | 'low' | 'high'); null while Flink has no reading yet (status 'deprecated'). */
  async vertexBackpressure(jobId: string, vertexId: string): Promise<{ level: 'ok' | 'low' | 'high' | null; maxRatio: number | null }> {
    const bp = await this.http.json(`/jobs/${enc(jobId)}/vertices/${enc(vertexId)}/backpressure`, S.VertexBackpressure);
    const ratios = (bp.subtasks ?? []).map((s) => Number(s.ratio)).filter((r) => Number.isFinite(r));
    return { level: bp.status === 'ok' ? (bp.backpressureLevel ?? null) : null, maxRatio: ratios.length ? Math.max(...ratios) : null };
  }
  vertexWatermarks(jobId: string, vertexId: string) {
    return this.http.json(`/jobs/${enc(jobId)}/vertices/${enc(vertexId)}/watermarks`, S.MetricValues);
  }
  /** The vertex's lowest current input watermark over its subtasks (epoch ms); null while one has none yet. */
  async lowestInputWatermark(jobId: string, vertexId: string): Promise<number | null> {
    return lowestWatermark(await this.vertexWatermarks(jobId, vertexId));
  }

  async cancel(jobId: string): Promise<void> {
    await this.http.send(`/jobs/${enc(jobId)}`, { method: 'PATCH', query: { mode: 'cancel' } });
  }
  /**
   * Asks the JobManager to shut its cluster down (Flink's graceful shutdown: an application cluster on YARN
   * unregisters and its application ends FINISHED, its staging files removed by Flink itself).
   */
  async shutDownCluster(): Promise<void> {
    await this.http.send('/cluster', { method: 'DELETE' });
  }
  /** Stop with a savepoint; poll with savepointStatus(). */
  async stopWithSavepoint(jobId: string, targetDirectory?: string, drain = false): Promise<string> {
    const body: Record<string, unknown> = { drain };
    if (targetDirectory) body.targetDirectory = targetDirectory;
    return (await this.http.json(`/jobs/${enc(jobId)}/stop`, S.TriggerId, { method: 'POST', body }))['request-id'];
  }
  async triggerSavepoint(jobId: string, targetDirectory?: string, cancelJob = false): Promise<string> {
    const body: Record<string, unknown> = { 'cancel-job': cancelJob };
    if (targetDirectory) body['target-directory'] = targetDirectory;
    return (await this.http.json(`/jobs/${enc(jobId)}/savepoints`, S.TriggerId, { method: 'POST', body }))['request-id'];
  }
  async savepointStatus(jobId: string, triggerId: string): Promise<SavepointResult> {
    const s = await this.http.json(`/jobs/${enc(jobId)}/savepoints/${enc(triggerId)}`, S.AsyncOperationStatus);
    if (s.status.id === 'IN_PROGRESS') return { status: 'IN_PROGRESS' };
    const failure = s.operation?.['failure-cause'];
    if (failure) return { status: 'FAILED', failure: failureMessage(failure) };
    return { status: 'COMPLETED', location: s.operation?.location };
  }

  /** Deletes a savepoint's files through Flink, which knows its state layout; poll with disposalStatus(). */
  async disposeSavepoint(path: string): Promise<string> {
    return (await this.http.json('/savepoint-disposal', S.TriggerId, { method: 'POST', body: { 'savepoint-path': path } }))['request-id'];
  }
  async disposalStatus(triggerId: string): Promise<{ status: 'IN_PROGRESS' | 'COMPLETED' } | { status: 'FAILED'; failure: string }> {
    const s = await this.http.json(`/savepoint-disposal/${enc(triggerId)}`, S.AsyncOperationStatus);
    if (s.status.id === 'IN_PROGRESS') return { status: 'IN_PROGRESS' };
    const failure = s.operation?.['failure-cause'];
    return failure ? { status: 'FAILED', failure: failureMessage(failure) } : { status: 'COMPLETED' };
  }

  taskManagers() {
    return this.http.json('/taskmanagers', S.TaskManagers);
  }
  taskManager(tmId: string) {
    return this.http.json(`/taskmanagers/${enc(tmId)}`, S.TaskManagerDetail);
  }
  taskManagerMetrics(tmId: string, names: string[]) {
    return this.http.json(`/taskmanagers/${enc(tmId)}/metrics`, S.MetricValues, { query: { get: names.join(',') } });
  }
  taskManagerLogs(tmId: string) {
    return this.http.json(`/taskmanagers/${enc(tmId)}/logs`, S.LogList);
  }
  jobManagerMetrics(names: string[]) {
    return this.http.json('/jobmanager/metrics', S.MetricValues, { query: { get: names.join(',') } });
  }
  jobManagerConfig() {
    return this.http.json('/jobmanager/config', S.ConfigEntries);
  }
  jobManagerLogs() {
    return this.http.json('/jobmanager/logs', S.LogList);
  }
  jobManagerLog(name?: string) {
    return this.http.text(name ? `/jobmanager/logs/${enc(name)}` : '/jobmanager/log');
  }
  jobManagerStdout() {
    return this.http.text('/jobmanager/stdout');
  }
  jobManagerThreadDump() {
    return this.http.json('/jobmanager/thread-dump', S.ThreadDump);
  }
  taskManagerLog(tmId: string, name?: string) {
    return this.http.text(name ? `/taskmanagers/${enc(tmId)}/logs/${enc(name)}` : `/taskmanagers/${enc(tmId)}/log`);
  }
  taskManagerStdout(tmId: string) {
    return this.http.text(`/taskmanagers/${enc(tmId)}/stdout`);
  }
  taskManagerThreadDump(tmId: string) {
    return this.http.json(`/taskmanagers/${enc(tmId)}/thread-dump`, S.ThreadDump);
  }

  /**
   * A byte range of a log or stdout file, read as a stream so that a large file is never held
   * whole: Flink serves these files without Range support. `offset` undefined reads the last
   * `limit` bytes. `path` is one of the log paths of this API (`/jobmanager/log`,
   * `/jobmanager/logs/<name>`, `/jobmanager/stdout`, `/taskmanagers/<id>/log` …).
   */
  async fileRange(kind: LogFile, range: { offset?: number; limit: number }): Promise<{ offset: number; bytes: Uint8Array; total: number }> {
    const res = await this.http.send(logPath(kind));
    return readRange(res, range.offset, range.limit);
  }

  /** Uploads a jar; returns the jar id Flink assigned (the stored file's base name). */
  async uploadJar(fileName: string, content: Uint8Array<ArrayBuffer>): Promise<string> {
    const form = new FormData();
    form.append('jarfile', new Blob([content], { type: 'application/x-java-archive' }), fileName);
    const res = await this.http.json('/jars/upload', S.JarUpload, { method: 'POST', form, timeoutMs: this.submissionTimeoutMs });
    return res.filename.split('/').pop() ?? res.filename;
  }
  async runJar(
    jarId: string,
    req: {
      entryClass?: string;
      args?: string[];
      parallelism?: number;
      savepointPath?: string;
      allowNonRestoredState?: boolean;
      flinkConfiguration?: Record<string, string>;
      /** A job id chosen by the caller (32 hex digits), so it is known before the job exists. */
      jobId?: string;
    },
  ): Promise<string> {
    const body: Record<string, unknown> = {};
    if (req.jobId) body.jobId = req.jobId;
    if (req.entryClass) body.entryClass = req.entryClass;
    if (req.args) body.programArgsList = req.args;
    if (req.parallelism) body.parallelism = req.parallelism;
    if (req.savepointPath) body.savepointPath = req.savepointPath;
    if (req.allowNonRestoredState !== undefined) body.allowNonRestoredState = req.allowNonRestoredState;
    if (req.flinkConfiguration) body.flinkConfiguration = req.flinkConfiguration;
    return (await this.http.json(`/jars/${enc(jarId)}/run`, S.JarRun, { method: 'POST', body, timeoutMs: this.submissionTimeoutMs })).jobid;
  }
  /** Removes an uploaded jar from the JobManager (a submitted job keeps running). */
  async deleteJar(jarId: string): Promise<void> {
    await this.http.send(`/jars/${enc(jarId)}`, { method: 'DELETE', allowStatus: [404] });
  }
  /**
   * How long Flink serves a job's checkpoint statistics from its cache: `rest.cache.checkpoint-statistics.timeout`
   * when set, else `web.refresh-interval` as Flink itself falls back, else Flink's default; at most
   * MAX_CACHE_WAIT_MS, as callers wait it out.
   */
  async checkpointStatsCacheMs(): Promise<number> {
    const entries = await this.jobManagerConfig().catch(() => []);
    const timeout = entries.find((e) => e.key === 'rest.cache.checkpoint-statistics.timeout');
    const configured = timeout ? parseFlinkDurationMs(timeout.value) : null;
    const cacheMs = configured ?? reportedCacheMs((await this.dashboardConfig().catch(() => null))?.['refresh-interval']);
    return Math.min(cacheMs, MAX_CACHE_WAIT_MS);
  }
  /**
   * The path of the job's latest completed checkpoint, or null when none completed (or Flink forgot them).
   * Served from Flink's cache: see checkpointStatsCacheMs for when it can be believed.
   */
  async latestCheckpointPath(jobId: string): Promise<string | null> {
    const checkpoints = await this.checkpoints(jobId);
    return checkpoints.latest.completed?.external_path ?? null;
  }
  /** Where the job restored its state from, or null when it started empty. */
  async restoredFrom(jobId: string): Promise<string | null> {
    const checkpoints = await this.checkpoints(jobId);
    return checkpoints.latest.restored?.external_path ?? null;
  }
}

/** A log file on the JobManager or on one TaskManager; `name` picks one of the files the logs list shows. */
export type LogFile =
  | { component: 'jobmanager'; kind: 'log' | 'stdout'; name?: string }
  | { component: 'taskmanager'; tmId: string; kind: 'log' | 'stdout'; name?: string };

function logPath(file: LogFile): string {
  const base = file.component === 'jobmanager' ? '/jobmanager' : `/taskmanagers/${enc(file.tmId)}`;
  if (file.kind === 'stdout') return `${base}/stdout`;
  return file.name ? `${base}/logs/${enc(file.name)}` : `${base}/log`;
}

/** Keeps only [offset, offset+limit) of a body (or its last `limit` bytes), counting the rest. */
async function readRange(res: Response, offset: number | undefined, limit: number): Promise<{ offset: number; bytes: Uint8Array; total: number }> {
  const reader = res.body?.getReader();
  if (!reader) return { offset: 0, bytes: new Uint8Array(0), total: 0 };
  const tail = offset === undefined;
  const start = offset ?? 0;
  const parts: Uint8Array[] = [];
  let kept = 0;
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const chunkStart = total;
    total += value.length;
    if (tail) {
      parts.push(value);
      kept += value.length;
      // Drop whole chunks that fall out of the window, so memory stays near `limit`.
      while (parts.length > 1 && kept - parts[0]!.length >= limit) kept -= parts.shift()!.length;
      continue;
    }
    const from = Math.max(start - chunkStart, 0);
    const to = Math.min(start + limit - chunkStart, value.length);
    if (to > from) {
      parts.push(value.subarray(from, to));
      kept += to - from;
    }
  }
  const joined = new Uint8Array(kept);
  let at = 0;
  for (const p of parts) {
    joined.set(p, at);
    at += p.length;
  }
  if (!tail) return { offset: Math.min(start, total), bytes: joined, total };
  const bytes = joined.subarray(Math.max(joined.length - limit, 0));
  return { offset: total - bytes.length, bytes, total };
}

/** Long.MAX_VALUE as JavaScript reads it: Flink's "checkpointing is disabled" interval. */
const CHECKPOINTING_DISABLED = 9.2e18;

function enc(s: string): string {
  return encodeURIComponent(s);
}

function failureMessage(f: { class?: string; 'stack-trace'?: string }): string {
  const trace = f['stack-trace'] ?? '';
  const causes = [...trace.matchAll(/Caused by: ([^\n]+)/g)].map((m) => m[1]);
  return causes.at(-1) ?? trace.split('\n')[0] ?? f.class ?? 'savepoint failed';
}
