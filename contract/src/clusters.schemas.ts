import { z } from 'zod';
import { SECRET_MASK } from './alerts.schemas.js';
import { EpochMs } from './common.schemas.js';
import { FLINK_YARN_VERSIONS } from './flink-yarn-versions.js';

export const ClusterHealth = z.enum(['HEALTHY', 'UNREACHABLE', 'NOT_FLINK', 'UNKNOWN']);
export type ClusterHealth = z.infer<typeof ClusterHealth>;

const httpUrl = z
  .string()
  .trim()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL')
  .transform((u) => u.replace(/\/+$/, ''));

/**
 * What a cluster entry is: a `session` cluster someone else started (Weir submits to its JobManager and
 * SQL Gateway), or a `yarn` target, where Weir deploys each run as a YARN application
 * (docs/deployment-targets.md). Its `restUrl` is then the ResourceManager's REST address.
 */
export const ClusterKind = z.enum(['session', 'yarn']);
export type ClusterKind = z.infer<typeof ClusterKind>;


/** What a YARN target needs besides its ResourceManager's REST address, as the API shows it. */
export const YarnTarget = z
  .object({
    /** The folder holding the yarn-site.xml (and core-site.xml) Flink's YARN client reads, on Weir's machine. */
    hadoopConfDir: z.string(),
    /** The YARN queue each run's application is submitted to; it exists in the ResourceManager's scheduler. */
    queue: z.string(),
    /** The Flink version shipped into each application (all of Flink runs inside it). */
    flinkVersion: z.enum(FLINK_YARN_VERSIONS),
  })
  .meta({ id: 'YarnTarget' });
export type YarnTarget = z.infer<typeof YarnTarget>;

/** A YARN target's settings as an admin gives them: checked here, then proven against the ResourceManager. */
export const YarnTargetRequest = z.object({
  hadoopConfDir: z
    .string()
    .trim()
    .min(2)
    .max(1024)
    .regex(/^\/[^\0\n\r]*$/, 'an absolute folder path')
    .refine((p) => !p.split('/').includes('..'), 'no .. in the path')
    .transform((p) => p.replace(/\/+$/, '')),
  queue: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/^[A-Za-z0-9_.-]+$/, 'a YARN queue name: letters, digits, dot, dash and underscore'),
  flinkVersion: z.enum(FLINK_YARN_VERSIONS),
});

/** Credentials for a secured Flink REST endpoint (a reverse proxy in front of the JobManager, say). */
export const ClusterAuthRequest = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('basic'), username: z.string().min(1).max(255), password: z.string().min(1).max(1024) }),
    z.object({ type: z.literal('bearer'), token: z.string().min(1).max(4096) }),
  ])
  .meta({ id: 'ClusterAuthRequest' });
export type ClusterAuthRequest = z.infer<typeof ClusterAuthRequest>;

/** What the API shows of stored credentials: their kind and the mask, never the values. */
export const ClusterAuth = z
  .object({ type: z.enum(['basic', 'bearer']), secret: z.literal(SECRET_MASK) })
  .meta({ id: 'ClusterAuth' });
export type ClusterAuth = z.infer<typeof ClusterAuth>;

/**
 * Where a YARN session Weir started stands: STARTING while Flink's CLI deploys it (30-90 s), RUNNING once YARN
 * reports its JobManager (the entry's restUrl is then that JobManager), STOPPING/STOPPED when Weir ends it on
 * purpose, FAILED when it could not start (lastError says why) or YARN ended it without Weir.
 */
export const YarnSessionState = z.enum(['STARTING', 'RUNNING', 'STOPPING', 'STOPPED', 'FAILED']);
export type YarnSessionState = z.infer<typeof YarnSessionState>;

/** Bounds of a YARN session's resources: a typo of a zero cannot ask YARN for a terabyte. */
export const YARN_SESSION_LIMITS = {
  slotsPerTaskManager: { min: 1, max: 64 },
  jobManagerMemoryMb: { min: 768, max: 65_536 },
  taskManagerMemoryMb: { min: 1024, max: 262_144 },
} as const;

/** The resources a YARN session was started with: each TaskManager YARN gives it has these slots and memory. */
export const YarnSessionResources = z
  .object({
    slotsPerTaskManager: z.number().int().min(YARN_SESSION_LIMITS.slotsPerTaskManager.min).max(YARN_SESSION_LIMITS.slotsPerTaskManager.max),
    jobManagerMemoryMb: z.number().int().min(YARN_SESSION_LIMITS.jobManagerMemoryMb.min).max(YARN_SESSION_LIMITS.jobManagerMemoryMb.max),
    taskManagerMemoryMb: z.number().int().min(YARN_SESSION_LIMITS.taskManagerMemoryMb.min).max(YARN_SESSION_LIMITS.taskManagerMemoryMb.max),
  })
  .meta({ id: 'YarnSessionResources' });
export type YarnSessionResources = z.infer<typeof YarnSessionResources>;

/** A session cluster entry Weir started on a YARN entry (a Flink YARN session): where it runs and where it stands. */
export const YarnSession = z
  .object({
    /** The YARN entry it runs on. */
    yarnClusterId: z.string(),
    /** The YARN application; null until YARN lists it. */
    applicationId: z.string().nullable(),
    state: YarnSessionState,
    resources: YarnSessionResources,
  })
  .meta({ id: 'YarnSession' });
export type YarnSession = z.infer<typeof YarnSession>;

/** Starting a YARN session on a YARN entry; every field has Weir's default (2 slots, 1024m JobManager and TaskManager). */
export const StartYarnSessionRequest = z
  .object({
    /** The session entry's name (default: `<YARN entry>-session-<4 letters>`). */
    name: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[\p{L}\p{N} ._-]+$/u, 'letters, digits, space, dot, dash and underscore only')
      .optional(),
    slotsPerTaskManager: YarnSessionResources.shape.slotsPerTaskManager.default(2),
    jobManagerMemoryMb: YarnSessionResources.shape.jobManagerMemoryMb.default(1024),
    taskManagerMemoryMb: YarnSessionResources.shape.taskManagerMemoryMb.default(1024),
  })
  .strict()
  .meta({ id: 'StartYarnSessionRequest' });
export type StartYarnSessionRequest = z.infer<typeof StartYarnSessionRequest>;

/** Stopping a YARN session: refused while Weir's jobs run on it, unless `force`, which cancels them first. */
export const StopYarnSessionRequest = z
  .object({ force: z.boolean().default(false) })
  .strict()
  .meta({ id: 'StopYarnSessionRequest' });
export type StopYarnSessionRequest = z.infer<typeof StopYarnSessionRequest>;

export const Cluster = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: ClusterKind,
    /** A session cluster's JobManager REST; a YARN target's ResourceManager REST. */
    restUrl: z.string(),
    gatewayUrl: z.string().nullable(),
    historyUrl: z.string().nullable(),
    description: z.string().nullable(),
    isLocal: z.boolean(),
    /** The team that owns the cluster; null: shared by every team (managed by global admins). */
    teamId: z.string().nullable(),
    health: ClusterHealth,
    flinkVersion: z.string().nullable(),
    taskManagers: z.number().int().nullable(),
    slotsTotal: z.number().int().nullable(),
    slotsAvailable: z.number().int().nullable(),
    jobsRunning: z.number().int().nullable(),
    lastCheckedAt: EpochMs.nullable(),
    lastHealthyAt: EpochMs.nullable(),
    lastError: z.string().nullable(),
    /** Credentials Weir sends to the REST endpoint, masked; null when there are none. */
    auth: ClusterAuth.nullable(),
    /** A YARN target's settings; null for a session cluster. */
    yarn: YarnTarget.nullable(),
    /** Set on a session entry Weir started on a YARN entry; null for every other entry. */
    yarnSession: YarnSession.nullable(),
    createdAt: EpochMs,
  })
  .meta({ id: 'Cluster' });
export type Cluster = z.infer<typeof Cluster>;

const ClusterFields = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[\p{L}\p{N} ._-]+$/u, 'letters, digits, space, dot, dash and underscore only'),
  /** A session cluster's JobManager REST; a YARN target's ResourceManager REST. */
  restUrl: httpUrl,
  gatewayUrl: httpUrl.optional(),
  historyUrl: httpUrl.optional(),
  description: z.string().trim().max(500).optional(),
  /** The owning team (absent: the default team); null: shared by every team. */
  teamId: z.string().min(1).max(64).nullable().optional(),
  /** Sent with every request to the REST endpoint (and the SQL Gateway); stored encrypted. */
  auth: ClusterAuthRequest.optional(),
  /** A YARN target's settings: given for `kind: yarn`, and only then. */
  yarn: YarnTargetRequest.optional(),
});

/** The fields a YARN target does not have: it has no SQL Gateway or HistoryServer of its own, and the ResourceManager takes no credentials from Weir yet. */
const SESSION_ONLY = ['gatewayUrl', 'historyUrl', 'auth'] as const;

export const CreateClusterRequest = ClusterFields.extend({
  /** Absent: a session cluster. */
  kind: ClusterKind.optional(),
}).superRefine((req, ctx) => {
  if (req.kind === 'yarn') {
    if (!req.yarn) ctx.addIssue({ code: 'custom', path: ['yarn'], message: 'a YARN target needs its Hadoop configuration folder, queue and Flink version' });
    for (const field of SESSION_ONLY) {
      if (req[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'a YARN target has no such address or credentials' });
    }
  } else if (req.yarn) {
    ctx.addIssue({ code: 'custom', path: ['yarn'], message: 'only a YARN target (kind: yarn) has YARN settings' });
  }
});
export type CreateClusterRequest = z.infer<typeof CreateClusterRequest>;

/** Fields left out keep their value; `auth: null` removes the credentials. What an entry is (its kind) does not change. */
export const UpdateClusterRequest = ClusterFields.partial().extend({ auth: ClusterAuthRequest.nullable().optional() });
export type UpdateClusterRequest = z.infer<typeof UpdateClusterRequest>;

export const ClusterList = z.object({ items: z.array(Cluster) });

/** A stopped YARN session, with the runs of Weir's that a forced stop cancelled (none without `force`). */
export const StopYarnSessionResult = z
  .object({
    cluster: Cluster,
    endedRuns: z.array(z.object({ runId: z.string(), taskId: z.string().nullable(), jobName: z.string(), flinkJobId: z.string(), status: z.string() })),
  })
  .meta({ id: 'StopYarnSessionResult' });
export type StopYarnSessionResult = z.infer<typeof StopYarnSessionResult>;

/**
 * What Flink 2.x's push listener (flink-local/push-listener) sends on a job status change. Weir
 * takes it as a hint that the cluster changed, never as the job's status: its watcher reads the
 * cluster and records what Flink answers (docs/watcher-scale.md).
 */
export const ClusterPushNotice = z
  .object({
    jobId: z.string().regex(/^[0-9a-f]{32}$/, 'a Flink job id: 32 hex digits'),
    status: z.string().regex(/^[A-Z_]{1,32}$/, "a Flink JobStatus name"),
    timestamp: z.number().int().nonnegative(),
  })
  .strict()
  .meta({ id: 'ClusterPushNotice' });
export type ClusterPushNotice = z.infer<typeof ClusterPushNotice>;

/** A cluster's push token, and where its JobManager pushes to (config keys weir.push.url, weir.push.token). */
export const ClusterPushToken = z
  .object({ token: z.string(), path: z.string(), url: z.string().nullable() })
  .meta({ id: 'ClusterPushToken' });
export type ClusterPushToken = z.infer<typeof ClusterPushToken>;
