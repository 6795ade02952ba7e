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
        /** The instance whose watcher follows this cluster's jobs: this one when it runs alone, null while none holds its lease. */
        watchedBy: z.string().nullable(),
      }),
    ),
    /** This instance and the others alive on the same database (itself alone on SQLite). */
    instance: z.object({
      id: z.string(),
      alive: z.array(z.string()),
      sharesClusters: z.boolean(),
      /** The instance that runs the work done once across instances (expired sessions, orphaned savepoints, metric retention); null while none holds it. */
      oneInstanceWork: z.string().nullable(),
    }),
  })
  .meta({ id: 'HealthReport' });
export type HealthReport = z.infer<typeof HealthReport>;
