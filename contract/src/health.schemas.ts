import { z } from 'zod';
import { ClusterHealth } from './clusters.schemas.js';

export const HealthReport = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    database: z.object({ status: z.enum(['ok', 'down']), dialect: z.string(), error: z.string().optional() }),
    clusters: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        health: ClusterHealth,
        flinkVersion: z.string().nullable(),
        lastCheckedAt: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'HealthReport' });
export type HealthReport = z.infer<typeof HealthReport>;
