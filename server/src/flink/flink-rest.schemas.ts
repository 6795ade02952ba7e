import { z } from 'zod';

/**
 * Shapes of the Flink 1.20 and 2.x JobManager REST answers Weir reads. Loose on purpose
 * (`looseObject`): Flink adds fields between versions, and Weir only insists on
 * the ones it uses. Nothing outside server/src/flink parses Flink JSON. Every field one
 * version lacks is optional here; the client tests run on the answers recorded from each
 * version (flink-local/fixtures/<version>/), and docs/flink-local.md lists what differs.
 */

export { FLINK_JOB_STATUSES, FlinkJobStatus } from '@weir/contract';
import { FlinkJobStatus } from '@weir/contract';

export const ClusterOverview = z.looseObject({
  taskmanagers: z.number(),
  'slots-total': z.number(),
  'slots-available': z.number(),
  'jobs-running': z.number(),
  'jobs-finished': z.number(),
  'jobs-cancelled': z.number(),
  'jobs-failed': z.number(),
  'flink-version': z.string(),
  'flink-commit': z.string().optional(),
});

export const DashboardConfig = z.looseObject({
  'refresh-interval': z.number(),
  'flink-version': z.string(),
  'flink-revision': z.string().optional(),
  'timezone-name': z.string().optional(),
  features: z.looseObject({}).optional(),
});

const TaskCounts = z.record(z.string(), z.number());
/**
 * The overview's task counts per lower-case execution state, as an object of the states Flink
 * writes rather than a record: a record checks every key and value one by one, and the watcher
 * parses 100 of these per cluster per second (a record took most of a 10,000-job watcher's
 * validation time).
 */
const count = z.number().optional();
const OverviewTaskCounts = z.object({
  total: z.number(),
  running: z.number(),
  created: count,
  scheduled: count,
  deploying: count,
  initializing: count,
  reconciling: count,
  finished: count,
  canceling: count,
  canceled: count,
  failed: count,
});

/**
 * One job of /jobs/overview. Unlike the other shapes, an object that drops fields it does not
 * name: the watcher parses this for every job of every cluster every second and uses no other
 * field, and copying unknown fields through (a loose object) was a third of that parse.
 */
export const JobOverviewEntry = z.object({
  jid: z.string(),
  name: z.string(),
  state: FlinkJobStatus,
  'start-time': z.number(),
  'end-time': z.number(),
  duration: z.number(),
  'last-modification': z.number(),
  tasks: OverviewTaskCounts,
});
export const JobsOverview = z.looseObject({ jobs: z.array(JobOverviewEntry) });

export const JobVertex = z.looseObject({
  id: z.string(),
  name: z.string(),
  parallelism: z.number(),
  maxParallelism: z.number().optional(),
  status: z.string(),
  'start-time': z.number(),
  'end-time': z.number(),
  duration: z.number(),
  tasks: TaskCounts,
  // Flink writes "NaN" (a string) for a ratio it cannot compute yet.
  metrics: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])).optional(),
});

export const PlanNode = z.looseObject({
  id: z.string(),
  parallelism: z.number(),
  operator: z.string().optional(),
  description: z.string().optional(),
  inputs: z
    .array(z.looseObject({ id: z.string(), num: z.number().optional(), ship_strategy: z.string().optional(), exchange: z.string().optional() }))
    .optional(),
});
export const JobPlan = z.looseObject({ jid: z.string(), name: z.string(), type: z.string().optional(), nodes: z.array(PlanNode) });

export const JobDetails = z.looseObject({
  jid: z.string(),
  name: z.string(),
  isStoppable: z.boolean().optional(),
  state: FlinkJobStatus,
  'job-type': z.string().optional(),
  // 2.x only: the application the job belongs to, and the operators the adaptive graph has not created yet.
  'application-id': z.string().optional(),
  'pending-operators': z.number().optional(),
  'start-time': z.number(),
  'end-time': z.number(),
  duration: z.number(),
  maxParallelism: z.number().optional(),
  now: z.number(),
  timestamps: z.record(z.string(), z.number()),
  vertices: z.array(JobVertex),
  'status-counts': TaskCounts.optional(),
  /**
   * A job still INITIALIZING answers a plan without nodes (Flink has not built it yet): left out, as
   * is any plan not in this shape, rather than make the job's whole answer unreadable (the plan
   * has an endpoint of its own).
   */
  plan: z.unknown().transform((plan) => JobPlan.safeParse(plan).data).optional(),
});

/**
 * One exception history entry. 2.x dropped `location` (only `endpoint` remains) and the old
 * top-level `root-exception`, `all-exceptions`, `timestamp` and `truncated` of /exceptions,
 * which Weir never read: it reads `exceptionHistory` on both versions.
 */
export const ExceptionEntry = z.looseObject({
  exceptionName: z.string(),
  stacktrace: z.string(),
  timestamp: z.number(),
  taskName: z.string().nullable().optional(),
  location: z.string().nullable().optional(),
  endpoint: z.string().nullable().optional(),
  taskManagerId: z.string().nullable().optional(),
  failureLabels: z.record(z.string(), z.string()).optional(),
});
export const JobExceptions = z.looseObject({
  exceptionHistory: z.looseObject({
    entries: z.array(ExceptionEntry.extend({ concurrentExceptions: z.array(ExceptionEntry).optional() })),
    truncated: z.boolean(),
  }),
});

export const CheckpointStats = z.looseObject({
  id: z.number(),
  status: z.string(),
  is_savepoint: z.boolean(),
  trigger_timestamp: z.number(),
  latest_ack_timestamp: z.number().optional(),
  checkpointed_size: z.number().optional(),
  state_size: z.number().optional(),
  end_to_end_duration: z.number().optional(),
  num_subtasks: z.number().optional(),
  num_acknowledged_subtasks: z.number().optional(),
  checkpoint_type: z.string().optional(),
  /** CANONICAL or NATIVE for a savepoint (Flink 1.15 and later), null for a checkpoint. */
  savepointFormat: z.string().nullable().optional(),
  external_path: z.string().optional(),
  failure_timestamp: z.number().optional(),
  failure_message: z.string().nullable().optional(),
});
export const JobCheckpoints = z.looseObject({
  counts: z.looseObject({
    restored: z.number(),
    total: z.number(),
    in_progress: z.number(),
    completed: z.number(),
    failed: z.number(),
  }),
  latest: z.looseObject({
    completed: CheckpointStats.nullable().optional(),
    savepoint: CheckpointStats.nullable().optional(),
    failed: CheckpointStats.nullable().optional(),
    restored: z.looseObject({ id: z.number(), restore_timestamp: z.number(), is_savepoint: z.boolean(), external_path: z.string().optional() }).nullable().optional(),
  }),
  history: z.array(CheckpointStats),
  summary: z.looseObject({}).optional(),
});

/** /jobs/:jid/vertices/:vid/backpressure (metric based since Flink 1.13): ok < 10 %, low ≤ 50 %, high > 50 % of the time back-pressured. */
export const BackpressureLevel = z.enum(['ok', 'low', 'high']);
export const VertexBackpressure = z.looseObject({
  status: z.string(),
  backpressureLevel: BackpressureLevel.optional(),
  'end-timestamp': z.number().optional(),
  subtasks: z
    .array(
      z.looseObject({
        subtask: z.number(),
        backpressureLevel: BackpressureLevel.optional(),
        // Flink sends "NaN" (a string) for a ratio it cannot compute yet.
        ratio: z.union([z.number(), z.string()]).optional(),
      }),
    )
    .optional(),
});

export const CheckpointConfig = z.looseObject({
  mode: z.string(),
  interval: z.number(),
  timeout: z.number(),
  min_pause: z.number(),
  max_concurrent: z.number(),
  tolerable_failed_checkpoints: z.number().optional(),
  externalization: z.looseObject({ enabled: z.boolean(), delete_on_cancellation: z.boolean() }).optional(),
  state_backend: z.string().optional(),
  checkpoint_storage: z.string().optional(),
  unaligned_checkpoints: z.boolean().optional(),
});

export const JobConfig = z.looseObject({
  jid: z.string(),
  name: z.string(),
  'execution-config': z.looseObject({}).optional(),
});

export const TriggerId = z.looseObject({ 'request-id': z.string() });
export const AsyncOperationStatus = z.looseObject({
  status: z.looseObject({ id: z.enum(['IN_PROGRESS', 'COMPLETED']) }),
  operation: z
    .looseObject({
      location: z.string().optional(),
      'failure-cause': z.looseObject({ class: z.string().optional(), 'stack-trace': z.string().optional(), 'serialized-throwable': z.string().optional() }).optional(),
    })
    .nullable()
    .optional(),
});

export const TaskManagerInfo = z.looseObject({
  id: z.string(),
  path: z.string().optional(),
  dataPort: z.number().optional(),
  timeSinceLastHeartbeat: z.number(),
  slotsNumber: z.number(),
  freeSlots: z.number(),
  hardware: z.looseObject({ cpuCores: z.number(), physicalMemory: z.number(), freeMemory: z.number(), managedMemory: z.number() }).optional(),
  memoryConfiguration: z.looseObject({}).optional(),
});
export const TaskManagers = z.looseObject({ taskmanagers: z.array(TaskManagerInfo) });

export const ConfigEntries = z.array(z.looseObject({ key: z.string(), value: z.string() }));
export const MetricValues = z.array(z.looseObject({ id: z.string(), value: z.string().optional() }));
/** `/subtasks/metrics?agg=…`: one entry per metric with the aggregates asked for; "NaN" (a string) when Flink cannot compute one (a source's busy time). */
const Aggregate = z.union([z.number(), z.string()]).optional();
export const AggregatedMetrics = z.array(z.looseObject({ id: z.string(), min: Aggregate, max: Aggregate, avg: Aggregate, sum: Aggregate }));
/** `/taskmanagers/:id`: the list entry plus JVM metrics and the slots allocated to jobs. */
export const TaskManagerDetail = TaskManagerInfo.extend({
  metrics: z
    .looseObject({
      heapUsed: z.number().optional(),
      heapCommitted: z.number().optional(),
      heapMax: z.number().optional(),
      nonHeapUsed: z.number().optional(),
      nonHeapMax: z.number().optional(),
      directUsed: z.number().optional(),
      directMax: z.number().optional(),
    })
    .optional(),
  allocatedSlots: z.array(z.looseObject({ jobId: z.string() })).optional(),
});
export const LogList = z.looseObject({ logs: z.array(z.looseObject({ name: z.string(), size: z.number(), mtime: z.number().optional() })) });
export const ThreadDump = z.looseObject({ threadInfos: z.array(z.looseObject({ threadName: z.string(), stringifiedThreadInfo: z.string() })) });

export const JarUpload = z.looseObject({ filename: z.string(), status: z.string() });
export const JarRun = z.looseObject({ jobid: z.string() });
