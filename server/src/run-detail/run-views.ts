// Maps Flink's answers (already validated by the typed client) into the run detail page's
// shapes from @weir/contract. Pure, so the same mapping serves live answers and saved copies.
import type { CheckpointConfigView, CheckpointView, GraphEdge, GraphVertex, RunCheckpoints, RunExceptions, TaskManagerView } from '@weir/contract';
import type { z } from 'zod';
import type * as S from '../flink/flink-rest.schemas.js';

type JobDetails = z.output<typeof S.JobDetails>;
type JobPlan = z.output<typeof S.JobPlan>;
type Checkpoints = z.output<typeof S.JobCheckpoints>;
type CheckpointStats = z.output<typeof S.CheckpointStats>;
type CheckpointConfig = z.output<typeof S.CheckpointConfig>;
type Exceptions = z.output<typeof S.JobExceptions>;
type ExceptionEntry = z.output<typeof S.ExceptionEntry>;
type TaskManagerInfo = z.output<typeof S.TaskManagerInfo>;
type TaskManagerDetail = z.output<typeof S.TaskManagerDetail>;
type MetricValues = z.output<typeof S.MetricValues>;
type AggregatedMetrics = z.output<typeof S.AggregatedMetrics>;

/** Per-vertex live gauges: aggregated subtask metrics and the lowest input watermark. */
export interface VertexLive {
  aggregates: AggregatedMetrics;
  watermark: number | null;
}

/** Flink writes "NaN" (a string) for values it cannot compute yet, and -1 for unknown times. */
export function num(value: unknown): number | null {
  if (value === undefined || value === null || value === '' || typeof value === 'boolean') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

function time(value: unknown): number | null {
  const n = num(value);
  return n !== null && n > 0 ? n : null;
}

/** The plan describes each vertex's chained operators as HTML lines (`[1]:TableSourceScan(…)<br/>+- …`). */
export function operatorsOf(description: string | undefined): string[] {
  if (!description) return [];
  return description
    .split(/<br\s*\/?>/i)
    .map((line) => line.replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&').replace(/^[\s+|-]+/, '').trim())
    .filter(Boolean);
}

export function edgesOf(plan: JobPlan | undefined): GraphEdge[] {
  if (!plan) return [];
  return plan.nodes.flatMap((node) =>
    (node.inputs ?? []).map((input) => ({ source: input.id, target: node.id, shipStrategy: input.ship_strategy ?? null, exchange: input.exchange ?? null })),
  );
}

/**
 * The operator graph: Flink's vertices with their counters, the plan's edges, and — when live
 * gauges are given — the current busy/backpressure/idle shares and watermarks. Without gauges
 * (a saved copy) the shares are averages from the accumulated busy/idle/backpressured times.
 */
export function graphOf(details: JobDetails, plan: JobPlan | undefined, live?: Map<string, VertexLive>): { vertices: GraphVertex[]; edges: GraphEdge[] } {
  const thePlan = plan ?? details.plan;
  const planNodes = new Map((thePlan?.nodes ?? []).map((n) => [n.id, n]));
  const vertices = details.vertices.map((v): GraphVertex => {
    const m = v.metrics ?? {};
    const gauges = live?.get(v.id);
    const agg = (id: string, kind: 'max' | 'avg' | 'sum') => num(gauges?.aggregates.find((a) => a.id === id)?.[kind]);
    let busy: number | null = null;
    let backpressure: number | null = null;
    let idle: number | null = null;
    let basis: GraphVertex['ratioBasis'] = null;
    if (gauges) {
      busy = ratio(agg('busyTimeMsPerSecond', 'max'), 1000);
      backpressure = ratio(agg('backPressuredTimeMsPerSecond', 'max'), 1000);
      idle = ratio(agg('idleTimeMsPerSecond', 'avg'), 1000);
      if (busy !== null || backpressure !== null || idle !== null) basis = 'current';
    }
    if (basis === null) {
      const b = num(m['accumulated-busy-time']);
      const p = num(m['accumulated-backpressured-time']);
      const i = num(m['accumulated-idle-time']);
      const total = (b ?? 0) + (p ?? 0) + (i ?? 0);
      if (total > 0) {
        busy = b === null ? null : b / total;
        backpressure = p === null ? null : p / total;
        idle = i === null ? null : i / total;
        basis = 'average';
      }
    }
    const maxParallelism = num(v.maxParallelism);
    return {
      id: v.id,
      name: v.name,
      operators: operatorsOf(planNodes.get(v.id)?.description),
      parallelism: v.parallelism,
      maxParallelism: maxParallelism !== null && maxParallelism > 0 ? maxParallelism : null,
      status: v.status,
      tasks: Object.fromEntries(Object.entries(v.tasks).filter(([, n]) => n > 0)),
      startTime: time(v['start-time']),
      durationMs: num(v.duration) !== null && v.duration >= 0 ? v.duration : null,
      busyRatio: busy,
      backpressureRatio: backpressure,
      idleRatio: idle,
      ratioBasis: basis,
      recordsIn: num(m['read-records']),
      recordsOut: num(m['write-records']),
      bytesIn: num(m['read-bytes']),
      bytesOut: num(m['write-bytes']),
      recordsInPerSecond: agg('numRecordsInPerSecond', 'sum'),
      recordsOutPerSecond: agg('numRecordsOutPerSecond', 'sum'),
      watermark: gauges?.watermark ?? null,
    };
  });
  return { vertices, edges: edgesOf(thePlan) };
}

function ratio(msPerSecond: number | null, of: number): number | null {
  return msPerSecond === null ? null : Math.min(Math.max(msPerSecond / of, 0), 1);
}

export function checkpointOf(c: CheckpointStats): CheckpointView {
  return {
    id: c.id,
    status: c.status,
    isSavepoint: c.is_savepoint,
    type: c.checkpoint_type ?? null,
    triggeredAt: c.trigger_timestamp,
    acknowledgedAt: time(c.latest_ack_timestamp),
    durationMs: num(c.end_to_end_duration),
    checkpointedSize: num(c.checkpointed_size),
    stateSize: num(c.state_size),
    subtasks: num(c.num_subtasks),
    acknowledgedSubtasks: num(c.num_acknowledged_subtasks),
    path: c.external_path ?? null,
    failedAt: time(c.failure_timestamp),
    failureMessage: c.failure_message ?? null,
  };
}

export function checkpointConfigOf(c: CheckpointConfig | null | undefined): CheckpointConfigView | null {
  if (!c) return null;
  return {
    mode: c.mode,
    intervalMs: c.interval,
    timeoutMs: c.timeout,
    minPauseMs: c.min_pause,
    maxConcurrent: c.max_concurrent,
    tolerableFailures: c.tolerable_failed_checkpoints ?? null,
    externalized: c.externalization?.enabled ?? null,
    deleteOnCancellation: c.externalization?.delete_on_cancellation ?? null,
    stateBackend: c.state_backend ?? null,
    storage: c.checkpoint_storage ?? null,
    unaligned: c.unaligned_checkpoints ?? null,
  };
}

/** Long.MAX_VALUE as JavaScript reads it: Flink's "checkpointing is off" interval. */
const CHECKPOINTING_DISABLED = 9.2e18;

export function checkpointsOf(
  checkpoints: Checkpoints | null,
  config: CheckpointConfig | null,
): Pick<RunCheckpoints, 'enabled' | 'config' | 'counts' | 'latest' | 'history'> {
  const restored = checkpoints?.latest.restored;
  const enabledConfig = config && config.interval < CHECKPOINTING_DISABLED ? config : null;
  return {
    enabled: enabledConfig !== null,
    config: checkpointConfigOf(enabledConfig),
    counts: checkpoints
      ? {
          total: checkpoints.counts.total,
          completed: checkpoints.counts.completed,
          failed: checkpoints.counts.failed,
          inProgress: checkpoints.counts.in_progress,
          restored: checkpoints.counts.restored,
        }
      : null,
    latest: {
      completed: checkpoints?.latest.completed ? checkpointOf(checkpoints.latest.completed) : null,
      failed: checkpoints?.latest.failed ? checkpointOf(checkpoints.latest.failed) : null,
      savepoint: checkpoints?.latest.savepoint ? checkpointOf(checkpoints.latest.savepoint) : null,
      restored: restored ? { id: restored.id, restoredAt: restored.restore_timestamp, isSavepoint: restored.is_savepoint, path: restored.external_path ?? null } : null,
    },
    history: (checkpoints?.history ?? []).map(checkpointOf).sort((a, b) => b.id - a.id),
  };
}

function exceptionOf(e: ExceptionEntry) {
  return {
    name: e.exceptionName,
    message: e.stacktrace.split('\n')[0] ?? e.exceptionName,
    stacktrace: e.stacktrace,
    at: e.timestamp,
    taskName: e.taskName ?? null,
    location: e.location ?? e.endpoint ?? null,
    taskManagerId: e.taskManagerId ?? null,
  };
}

export function exceptionsOf(exceptions: Exceptions): Pick<RunExceptions, 'truncated' | 'entries'> {
  return {
    truncated: exceptions.exceptionHistory.truncated,
    entries: exceptions.exceptionHistory.entries
      .map((e) => ({ ...exceptionOf(e), concurrent: (e.concurrentExceptions ?? []).map(exceptionOf) }))
      .sort((a, b) => b.at - a.at),
  };
}

/** Flink's execution config as flat strings; `user-config` separately. */
export function executionConfigOf(config: Record<string, unknown> | undefined): { execution: Record<string, string>; user: Record<string, string> } {
  const execution: Record<string, string> = {};
  const user: Record<string, string> = {};
  for (const [key, value] of Object.entries(config ?? {})) {
    if (key === 'user-config' && value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) user[k] = typeof v === 'string' ? v : JSON.stringify(v);
    } else execution[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return { execution, user };
}

const TM_MEMORY_KEYS = ['frameworkHeap', 'taskHeap', 'frameworkOffHeap', 'taskOffHeap', 'networkMemory', 'managedMemory', 'jvmMetaspace', 'jvmOverhead', 'totalFlinkMemory', 'totalProcessMemory'];

export function taskManagerOf(info: TaskManagerInfo, detail: TaskManagerDetail | undefined, metrics: MetricValues | undefined, jobId: string): TaskManagerView {
  const memoryConfiguration: Record<string, unknown> = detail?.memoryConfiguration ?? info.memoryConfiguration ?? {};
  const memory: Record<string, number> = {};
  for (const key of TM_MEMORY_KEYS) {
    const n = num(memoryConfiguration[key]);
    if (n !== null) memory[key] = n;
  }
  const heartbeat = num(detail?.timeSinceLastHeartbeat ?? info.timeSinceLastHeartbeat);
  return {
    id: info.id,
    address: info.path ?? null,
    dataPort: num(info.dataPort),
    slotsTotal: info.slotsNumber,
    slotsFree: detail?.freeSlots ?? info.freeSlots,
    slotsOfRun: detail?.allocatedSlots ? detail.allocatedSlots.filter((s) => s.jobId === jobId).length : null,
    cpuCores: num(info.hardware?.cpuCores),
    cpuLoad: num(metrics?.find((m) => m.id === 'Status.JVM.CPU.Load')?.value),
    physicalMemory: num(info.hardware?.physicalMemory),
    heapUsed: num(detail?.metrics?.heapUsed),
    heapMax: num(detail?.metrics?.heapMax),
    managedMemory: num(info.hardware?.managedMemory),
    totalProcessMemory: memory.totalProcessMemory ?? null,
    // Despite its name, Flink reports the time of the last heartbeat (epoch ms); 0 when none yet.
    lastHeartbeatAt: heartbeat !== null && heartbeat > 0 ? heartbeat : null,
    memory,
  };
}

/**
 * Cuts a byte window to whole UTF-8 characters: skips continuation bytes at the start (they
 * belong to the previous window) and drops an incomplete sequence at the end (the next window
 * starts with it). Returns the text and how many bytes were skipped at the start and used.
 */
export function decodeWindow(bytes: Uint8Array, atFileStart: boolean, atFileEnd: boolean): { text: string; skipped: number; used: number } {
  let start = 0;
  if (!atFileStart) while (start < bytes.length && start < 4 && (bytes[start]! & 0xc0) === 0x80) start += 1;
  let end = bytes.length;
  if (!atFileEnd) {
    // Find the last lead byte; drop it when its sequence does not fit.
    let i = end - 1;
    while (i >= start && end - i <= 4 && (bytes[i]! & 0xc0) === 0x80) i -= 1;
    if (i >= start) {
      const lead = bytes[i]!;
      const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
      if (end - i < need) end = i;
    }
  }
  return { text: new TextDecoder().decode(bytes.subarray(start, end)), skipped: start, used: end - start };
}
