import { z } from 'zod';
import { EpochMs } from './common.schemas.js';

export const ClusterHealth = z.enum(['HEALTHY', 'UNREACHABLE', 'NOT_FLINK', 'UNKNOWN']);
export type ClusterHealth = z.infer<typeof ClusterHealth>;

const httpUrl = z
  .string()
  .trim()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL')
  .transform((u) => u.replace(/\/+$/, ''));

export const Cluster = z
  .object({
    id: z.string(),
    name: z.string(),
    restUrl: z.string(),
    gatewayUrl: z.string().nullable(),
    historyUrl: z.string().nullable(),
    description: z.string().nullable(),
    isLocal: z.boolean(),
    health: ClusterHealth,
    flinkVersion: z.string().nullable(),
    taskManagers: z.number().int().nullable(),
    slotsTotal: z.number().int().nullable(),
    slotsAvailable: z.number().int().nullable(),
    jobsRunning: z.number().int().nullable(),
    lastCheckedAt: EpochMs.nullable(),
    lastHealthyAt: EpochMs.nullable(),
    lastError: z.string().nullable(),
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
});
export type CreateClusterRequest = z.infer<typeof CreateClusterRequest>;

export const UpdateClusterRequest = CreateClusterRequest.partial();
export type UpdateClusterRequest = z.infer<typeof UpdateClusterRequest>;

export const ClusterList = z.object({ items: z.array(Cluster) });
