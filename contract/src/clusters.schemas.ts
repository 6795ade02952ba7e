import { z } from 'zod';
import { SECRET_MASK } from './alerts.schemas.js';
import { EpochMs } from './common.schemas.js';

export const ClusterHealth = z.enum(['HEALTHY', 'UNREACHABLE', 'NOT_FLINK', 'UNKNOWN']);
export type ClusterHealth = z.infer<typeof ClusterHealth>;

const httpUrl = z
  .string()
  .trim()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL')
  .transform((u) => u.replace(/\/+$/, ''));

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

export const Cluster = z
  .object({
    id: z.string(),
    name: z.string(),
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
    createdAt: EpochMs,
  })
  .meta({ id: 'Cluster' });
export type Cluster = z.infer<typeof Cluster>;

export const CreateClusterRequest = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[\p{L}\p{N} ._-]+$/u, 'letters, digits, space, dot, dash and underscore only'),
  restUrl: httpUrl,
  gatewayUrl: httpUrl.optional(),
  historyUrl: httpUrl.optional(),
  description: z.string().trim().max(500).optional(),
  /** The owning team (absent: the default team); null: shared by every team. */
  teamId: z.string().min(1).max(64).nullable().optional(),
  /** Sent with every request to the REST endpoint (and the SQL Gateway); stored encrypted. */
  auth: ClusterAuthRequest.optional(),
});
export type CreateClusterRequest = z.infer<typeof CreateClusterRequest>;

/** Fields left out keep their value; `auth: null` removes the credentials. */
export const UpdateClusterRequest = CreateClusterRequest.partial().extend({ auth: ClusterAuthRequest.nullable().optional() });
export type UpdateClusterRequest = z.infer<typeof UpdateClusterRequest>;

export const ClusterList = z.object({ items: z.array(Cluster) });

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
