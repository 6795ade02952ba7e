import { promisify } from 'node:util';
import { gunzip as gunzipCallback, gzip as gzipCallback } from 'node:zlib';
import type { LogCapture, LogCapturePartText, RunLogCaptures } from '@weir/contract';
import type { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../access/principal.js';
import type { ClustersService } from '../clusters/clusters.service.js';
import type { FlinkClients } from '../flink/flink-clients.js';
import { newId } from '../db/ids.js';
import { AppError, NotFoundError } from '../errors/errors.js';
import type { EventBus, WeirEvent } from '../events/events.js';
import { causeOfLatestFailure, taskManagersOfLatestFailure } from '../flink/exception-history.js';
import type { JobManagerClient } from '../flink/job-manager.client.js';
import type { RunRecord, RunsStore } from '../runs/runs.store.js';
import type { Scheduler } from '../scheduler/scheduler.js';
import type { CaptureTrigger, FinishedPart, LogCaptureRecord, LogCapturesStore } from './log-captures.store.js';
import { maskLogSecrets } from './log-secrets.js';
import { boundText, fairShares, selectJobManagerRecords } from './log-selection.js';
import { fileCacheWaitMs, requestOf, type CaptureRequest } from './capture-requests.js';
import type { Logger } from '../logging/logger.js';
import type { Cluster } from '@weir/contract';
import { readContainerLogs } from '../yarn/yarn-container-logs.js';
import type { YarnClients } from '../yarn/yarn-clients.js';

const gzip = promisify(gzipCallback);
const gunzip = promisify(gunzipCallback);

export interface LogCaptureSettings {
  /** Most text one capture keeps, all its files together (uncompressed). */
  captureBytes: number;
  /** Most text all captures of one run keep together. */
  runBytes: number;
  retentionMs: number;
  /** JobManager records kept around the latest record naming the job. */
  windowMs: number;
  /** How much of the end of the JobManager log is read to find the job's records. */
  scanBytes: number;
  /** Automatic captures also keep each TaskManager's thread dump. */
  threadDump: boolean;
}

export const DEFAULT_LOG_CAPTURE_SETTINGS: LogCaptureSettings = {
  captureBytes: 2 * 1_048_576,
  runBytes: 8 * 1_048_576,
  retentionMs: 30 * 86_400_000,
  windowMs: 60_000,
  scanBytes: 16 * 1_048_576,
  threadDump: false,
};

/** File reads a capture makes, before bounding. */
interface Read {
  component: 'jobmanager' | 'taskmanager';
  tmId: string | null;
  kind: 'log' | 'stdout' | 'threaddump';
  selection: 'job' | 'tail';
  read: () => Promise<{ text: string; sourceBytes: number | null }>;
}

/** When several triggers of one run wait together, the capture is named after the gravest. */
const GRAVITY: Record<CaptureTrigger, number> = { FAILED: 4, TASKMANAGER_LOST: 3, RESTARTING: 2, CHECKPOINT_FAILED: 1, MANUAL: 0 };
/** TaskManagers read per capture: a failure spread over a large cluster must not turn into a crawl of it. */
const MAX_TASK_MANAGERS = 4;
/** Captures running at once on this instance (each makes a handful of requests to one cluster). */
const CONCURRENCY = 2;
/** A capture still PENDING after this long was abandoned (its instance stopped). */
const ABANDONED_AFTER_MS = 10 * 60_000;

/**
 * Keeps the logs that explain a run's failure at the moment it happens: the JobManager's records
 * about the job, and the log and stdout tails of the TaskManagers that ran the failing tasks. It
 * hears the watcher's events on this instance's bus (only the instance that recorded an event
 * publishes it there: relayed events never reach that bus), and the store's unique event key makes
 * a capture once per event even if two instances heard it. Listening only queues: the reads happen
 * afterwards, off the watcher's path, a few at a time. A capture that cannot read a file records
 * why; it never touches the run.
 */
export class LogCaptureService {
  private readonly queue: CaptureRequest[] = [];
  private running = 0;
  private readonly idleWaiters: (() => void)[] = [];
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly deps: {
      store: LogCapturesStore;
      runs: RunsStore;
      clusters: ClustersService;
      flink: FlinkClients;
      /** For runs deployed as YARN applications, whose logs are read through YARN (their JobManager may be gone). */
      yarn?: YarnClients;
      audit: AuditService;
      settings: LogCaptureSettings;
      log: Logger;
      now?: () => number;
    },
  ) {}

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  get settings(): LogCaptureSettings {
    return this.deps.settings;
  }

  start(bus: EventBus, scheduler: Scheduler): void {
    this.unsubscribe = bus.subscribe((event) => this.onEvent(event));
    scheduler.schedule({
      name: 'log-capture-retention',
      instance: 'one',
      intervalMs: 10 * 60_000,
      timeoutMs: 60_000,
      run: () => this.deleteExpired().then(() => undefined),
    });
  }

  async stop(timeoutMs = 5_000): Promise<void> {
    this.unsubscribe?.();
    this.queue.length = 0;
    await Promise.race([this.idle(), new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
  }

  /** Resolves once no capture is queued or running. */
  idle(): Promise<void> {
    if (this.running === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** The bus listener: decides whether the event calls for a capture and queues it. Returns at once. */
  onEvent(event: WeirEvent): void {
    const heardAt = this.now();
    const wanted = requestOf(event, this.deps.settings.threadDump, heardAt);
    if (!wanted) return;
    const request: CaptureRequest = { ...wanted, heardAt };
    // Triggers of one run that wait together are one incident (the exception, the restart and the
    // failure of one cause arrive within a cycle): one capture, named after the gravest.
    const waiting = this.queue.find((r) => r.runId === request.runId);
    if (waiting) {
      if (GRAVITY[request.trigger] > GRAVITY[waiting.trigger]) Object.assign(waiting, { ...request, detail: request.detail ?? waiting.detail });
      else waiting.detail ??= request.detail;
      // The capture must postdate every event it stands for.
      waiting.heardAt = Math.max(waiting.heardAt, request.heardAt);
      return;
    }
    this.queue.push(request);
    setImmediate(() => this.drain());
  }

  private drain(): void {
    while (this.running < CONCURRENCY && this.queue.length > 0) {
      const request = this.queue.shift()!;
      this.running += 1;
      void this.capture(request)
        .catch((err) => this.deps.log.error({ err, runId: request.runId, trigger: request.trigger }, 'log capture failed'))
        .finally(() => {
          this.running -= 1;
          this.drain();
          if (this.running === 0 && this.queue.length === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
        });
    }
  }

  /** A user's "capture now": runs at once and answers with the finished capture. */
  async captureNow(actor: Principal, runId: string, opts: { threadDump: boolean }): Promise<LogCapture> {
    const run = await this.run(runId);
    const at = this.now();
    const record = await this.deps.audit.around(actor, 'run.logs.capture', { type: 'run', id: run.id, name: run.jobName }, () =>
      this.capture({ runId, trigger: 'MANUAL', triggerKey: `MANUAL:${newId(at)}`, triggerAt: at, heardAt: at, detail: null, requestedBy: actor.name, threadDump: opts.threadDump }),
    );
    return toView(record!);
  }

  async list(runId: string): Promise<RunLogCaptures> {
    await this.run(runId);
    const { captureBytes, runBytes, retentionMs } = this.deps.settings;
    return {
      captures: (await this.deps.store.listByRun(runId)).map(toView),
      limits: { captureBytes, runBytes, retentionDays: retentionMs / 86_400_000 },
    };
  }

  /** One captured file's text; with `mask`, secrets replaced as in task SQL. */
  async partText(runId: string, captureId: string, seq: number, opts: { mask: boolean }): Promise<LogCapturePartText> {
    const capture = await this.deps.store.get(captureId);
    if (!capture || capture.runId !== runId) throw new NotFoundError('Log capture', captureId);
    const found = await this.deps.store.partContent(captureId, seq);
    if (!found) throw new NotFoundError('Log capture part', `${captureId}/${seq}`);
    const text = found.content ? (await gunzip(found.content)).toString('utf8') : '';
    return { captureId, part: partView(found.part), text: opts.mask ? maskLogSecrets(text) : text, masked: opts.mask };
  }

  /** Retention: deletes captures older than the retention period, and closes those abandoned mid-way. */
  async deleteExpired(): Promise<{ deleted: number; abandoned: number }> {
    const now = this.now();
    const abandoned = await this.deps.store.failAbandoned(now - ABANDONED_AFTER_MS, 'Weir stopped before the capture was finished');
    const deleted = await this.deps.store.deleteCreatedBefore(now - this.deps.settings.retentionMs);
    if (deleted > 0 || abandoned > 0) this.deps.log.info({ deleted, abandoned }, 'log capture retention');
    return { deleted, abandoned };
  }

  /** Claims the event, reads the files, bounds and compresses them, and stores the outcome. */
  private async capture(request: CaptureRequest): Promise<LogCaptureRecord | undefined> {
    const claimed = await this.deps.store.claim(request);
    if (!claimed) return undefined; // captured already (by this instance or another)
    const startedAt = this.now();
    const finish = async (status: 'COMPLETE' | 'PARTIAL' | 'FAILED', failure: string | null, parts: FinishedPart[], detail?: string) => {
      const durationMs = this.now() - startedAt;
      await this.deps.store.finish(claimed.id, { status, failure, parts, durationMs, detail });
      const done = (await this.deps.store.get(claimed.id))!;
      this.deps.log.info(
        { runId: request.runId, trigger: request.trigger, status, textBytes: done.textBytes, storedBytes: done.storedBytes, durationMs, failure },
        'log capture',
      );
      return done;
    };
    try {
      return await this.readAndStore(request, finish);
    } catch (err) {
      // Whatever went wrong is the capture's, recorded on it; the run is never touched.
      return finish('FAILED', `The capture failed: ${err instanceof Error ? err.message : String(err)}`, []);
    }
  }

  private async readAndStore(
    request: CaptureRequest,
    finish: (status: 'COMPLETE' | 'PARTIAL' | 'FAILED', failure: string | null, parts: FinishedPart[], detail?: string) => Promise<LogCaptureRecord>,
  ): Promise<LogCaptureRecord> {
    const run = await this.deps.runs.get(request.runId);
    if (!run) return finish('FAILED', 'The run no longer exists', []);
    const left = this.deps.settings.runBytes - (await this.deps.store.textBytesOfRun(run.id));
    if (left <= 0) return finish('FAILED', `The run's captures already keep ${this.deps.settings.runBytes} bytes, the most one run keeps (WEIR_LOG_CAPTURE_RUN_BYTES)`, []);
    let planned: { reads: Read[]; cause: string | undefined };
    try {
      const cluster = await this.deps.clusters.get(run.clusterId);
      planned = run.yarnApplicationId && this.deps.yarn
        ? await this.planFromYarn(cluster, run, run.yarnApplicationId, this.deps.yarn, request)
        : await this.plan(this.deps.flink.jobManagerOfRun(cluster, run), run, request);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return finish('FAILED', `The run's cluster cannot be asked: ${err.message}`, []);
    }
    const { reads, cause } = planned;
    const results = await Promise.all(
      reads.map(async (r) => {
        try {
          return { ...r, ok: true as const, ...(await r.read()) };
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          return { ...r, ok: false as const, failure: err.message };
        }
      }),
    );
    const budget = Math.min(this.deps.settings.captureBytes, left);
    const shares = fairShares(results.map((r) => (r.ok ? Buffer.byteLength(r.text) : 0)), budget);
    const parts: FinishedPart[] = await Promise.all(
      results.map(async (r, seq): Promise<FinishedPart> => {
        const base = { seq, component: r.component, tmId: r.tmId, kind: r.kind, selection: r.selection };
        if (!r.ok) return { ...base, status: 'FAILED', failure: r.failure, sourceBytes: null, textBytes: 0, truncated: false, content: null };
        const bounded = boundText(r.text, shares[seq]!);
        return { ...base, status: 'OK', failure: null, sourceBytes: r.sourceBytes, textBytes: bounded.bytes, truncated: bounded.truncated, content: await gzip(bounded.text) };
      }),
    );
    const failed = parts.filter((p) => p.status === 'FAILED');
    if (failed.length === parts.length) return finish('FAILED', `No file could be read: ${failed[0]?.failure ?? 'nothing to read'}`, parts, cause);
    return finish(failed.length ? 'PARTIAL' : 'COMPLETE', null, parts, cause);
  }

  /**
   * Which files to read: the JobManager log, and the log and stdout of the TaskManagers involved;
   * and, for a failure or a restart, its cause as the exception history tells it (the capture's
   * detail when the event had none).
   */
  private async plan(jm: JobManagerClient, run: RunRecord, request: CaptureRequest): Promise<{ reads: Read[]; cause: string | undefined }> {
    const { scanBytes, captureBytes, windowMs } = this.deps.settings;
    const jid = run.flinkJobId;
    const reads: Read[] = [
      {
        component: 'jobmanager',
        tmId: null,
        kind: 'log',
        selection: 'job',
        read: async () => {
          const window = await jm.fileRange({ component: 'jobmanager', kind: 'log' }, { limit: scanBytes });
          const text = decodeFrom(window.bytes, window.offset > 0);
          return { text: selectJobManagerRecords(text, { jobId: jid, windowMs }).text, sourceBytes: window.total };
        },
      },
    ];
    const history = request.trigger === 'CHECKPOINT_FAILED' || request.trigger === 'MANUAL' ? undefined : await jm.exceptions(jid, 10).catch(() => undefined);
    const taskManagers = await this.taskManagersOf(jm, run, taskManagersOfLatestFailure(history));
    if (taskManagers.length) await this.untilTaskManagerFilesPostdate(jm, request.heardAt);
    for (const tmId of taskManagers) {
      const tail = (kind: 'log' | 'stdout'): Read => ({
        component: 'taskmanager',
        tmId,
        kind,
        selection: 'tail',
        read: async () => {
          const window = await jm.fileRange({ component: 'taskmanager', tmId, kind }, { limit: captureBytes });
          return { text: decodeFrom(window.bytes, window.offset > 0), sourceBytes: window.total };
        },
      });
      reads.push(tail('log'), tail('stdout'));
      if (request.threadDump) {
        reads.push({
          component: 'taskmanager',
          tmId,
          kind: 'threaddump',
          selection: 'tail',
          read: async () => {
            const text = (await jm.taskManagerThreadDump(tmId)).threadInfos.map((t) => t.stringifiedThreadInfo).join('\n');
            return { text, sourceBytes: Buffer.byteLength(text) };
          },
        });
      }
    }
    return { reads, cause: causeOfLatestFailure(history) };
  }

  /**
   * The same files for a run deployed as a YARN application, read from the containers' NodeManagers: there
   * they outlive the JobManager (a YARN kill, a crash, an application that ended), which is when a post-mortem
   * is wanted most. TaskManager ids are container ids on YARN, so the exception history, while the JobManager
   * still answers, picks the TaskManagers of the latest failure as on a session cluster. The files are read
   * from disk, so Flink's copy of a TaskManager file (untilTaskManagerFilesPostdate) plays no part.
   */
  private async planFromYarn(cluster: Cluster, run: RunRecord, applicationId: string, yarn: YarnClients, request: CaptureRequest): Promise<{ reads: Read[]; cause: string | undefined }> {
    const { scanBytes, captureBytes, windowMs } = this.deps.settings;
    const jid = run.flinkJobId;
    const jm = run.jobManagerUrl ? this.deps.flink.jobManagerOfRun(cluster, run) : undefined;
    const history = jm && request.trigger !== 'CHECKPOINT_FAILED' && request.trigger !== 'MANUAL' ? await jm.exceptions(jid, 10).catch(() => undefined) : undefined;
    const failing = new Set(taskManagersOfLatestFailure(history));
    const logs = await readContainerLogs(yarn.resourceManagerAt(cluster.restUrl, cluster), (node) => yarn.nodeManagerAt(node, cluster), applicationId, {
      tailBytes: captureBytes,
      jobManagerTailBytes: scanBytes,
      maxTaskManagers: MAX_TASK_MANAGERS,
      pickTaskManagers: (ids) => (ids.some((id) => failing.has(id)) ? ids.filter((id) => failing.has(id)) : ids),
    });
    const reads: Read[] = logs.flatMap((log): Read[] => {
      const kind = /\.log$/.test(log.fileName) ? 'log' : /\.out$/.test(log.fileName) ? 'stdout' : undefined;
      if (!kind) return []; // stderr: Flink's own output goes to its log
      const jobManagerLog = log.role === 'jobmanager' && kind === 'log';
      return [{
        component: log.role,
        tmId: log.role === 'taskmanager' ? log.containerId : null,
        kind,
        selection: jobManagerLog ? 'job' : 'tail',
        read: async () => {
          // A tail that starts mid-file starts mid-line: that partial first line goes, as for Flink's files.
          const whole = Buffer.byteLength(log.text) >= log.bytes;
          const text = whole ? log.text : log.text.slice(log.text.indexOf('\n') + 1);
          return { text: jobManagerLog ? selectJobManagerRecords(text, { jobId: jid, windowMs }).text : text, sourceBytes: log.bytes };
        },
      }];
    });
    if (!reads.some((r) => r.component === 'jobmanager')) {
      reads.unshift({
        component: 'jobmanager', tmId: null, kind: 'log', selection: 'job',
        read: async () => {
          throw new AppError('NOT_FOUND', `YARN holds no JobManager log of application ${applicationId}: its NodeManager deleted it, or the application never started a container`);
        },
      });
    }
    return { reads, cause: causeOfLatestFailure(history) };
  }

  /**
   * Waits until the JobManager can no longer serve a copy of a TaskManager file made before the
   * event. Flink's REST endpoint fetches a TaskManager's log or stdout once and serves that copy to
   * every reader for its `web.refresh-interval` (3 s by default): a log viewer or another capture
   * that read the file a moment before the failure would otherwise hand this capture a log without
   * the failure in it. The event happened before Weir heard of it, so a copy fetched after
   * `heardAt + refresh-interval` was made after the event.
   */
  private async untilTaskManagerFilesPostdate(jm: JobManagerClient, heardAt: number): Promise<void> {
    const refresh = await jm.dashboardConfig().then(
      (c) => c['refresh-interval'],
      () => undefined,
    );
    const waitMs = fileCacheWaitMs({ heardAt, refreshIntervalMs: refresh, now: this.now() });
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
  }

  /**
   * The TaskManagers whose logs explain the event: those of the latest failure in the exception
   * history; else those holding the job's slots; else (a job already gone from them) any, a few.
   */
  private async taskManagersOf(jm: JobManagerClient, run: RunRecord, failing: string[]): Promise<string[]> {
    const jid = run.flinkJobId;
    if (failing.length) return failing.slice(0, MAX_TASK_MANAGERS);
    const all = await jm.taskManagers().then((list) => list.taskmanagers.map((t) => t.id).sort(), () => [] as string[]);
    const holding = await Promise.all(
      all.slice(0, 32).map(async (id) => {
        const detail = await jm.taskManager(id).catch(() => undefined);
        return detail?.allocatedSlots?.some((s) => s.jobId === jid) ? id : undefined;
      }),
    );
    const ofJob = holding.filter((id): id is string => id !== undefined);
    return (ofJob.length ? ofJob : all).slice(0, MAX_TASK_MANAGERS);
  }

  private async run(runId: string): Promise<RunRecord> {
    const run = await this.deps.runs.get(runId);
    if (!run) throw new NotFoundError('Run', runId);
    return run;
  }
}

/** UTF-8 text of a byte window; a window that starts mid-file drops its first, partial, line. */
function decodeFrom(bytes: Uint8Array, midFile: boolean): string {
  let start = 0;
  if (midFile) {
    const newline = bytes.indexOf(0x0a);
    start = newline === -1 ? bytes.length : newline + 1;
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.length - start).toString('utf8');
}

function partView(p: LogCaptureRecord['parts'][number]): LogCapture['parts'][number] {
  return {
    seq: p.seq,
    component: p.component,
    tm: p.tmId,
    kind: p.kind,
    selection: p.selection,
    status: p.status,
    failure: p.failure,
    sourceBytes: p.sourceBytes,
    textBytes: p.textBytes,
    storedBytes: p.storedBytes,
    truncated: p.truncated,
  };
}

function toView(c: LogCaptureRecord): LogCapture {
  return {
    id: c.id,
    runId: c.runId,
    trigger: c.trigger,
    triggerAt: c.triggerAt,
    detail: c.detail,
    requestedBy: c.requestedBy,
    status: c.status,
    failure: c.failure,
    textBytes: c.textBytes,
    storedBytes: c.storedBytes,
    truncated: c.truncated,
    durationMs: c.durationMs,
    createdAt: c.createdAt,
    completedAt: c.completedAt,
    parts: c.parts.map(partView),
  };
}
