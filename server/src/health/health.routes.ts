import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { HealthReport } from '@weir/contract';
import type { Database } from '../db/database.js';
import type { ClustersService } from '../clusters/clusters.service.js';
import type { ClusterLeases } from '../instances/cluster-leases.js';

/**
 * Liveness and readiness in one: 200 while the database answers (clusters being
 * down is reported, not fatal — Weir's job is to watch broken clusters), 503
 * when the database does not.
 */
export function healthRoutes(app: FastifyInstance, deps: { database: Database; clusters: ClustersService; leases: ClusterLeases | undefined; version: string }): void {
  const alone = `weir-${process.pid}`;
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    config: { access: 'public' },
    schema: { tags: ['health'], operationId: 'health', response: { 200: HealthReport, 503: HealthReport } },
    handler: async (_req, reply) => {
      let database: HealthReport['database'] = { status: 'ok', dialect: deps.database.dialect };
      let clusters: HealthReport['clusters'] = [];
      const shared = deps.leases?.view();
      try {
        await sql`select 1`.execute(deps.database.db);
        clusters = (await deps.clusters.list()).map((c) => ({
          id: c.id,
          name: c.name,
          health: c.health,
          flinkVersion: c.flinkVersion,
          lastCheckedAt: c.lastCheckedAt,
          watchedBy: shared ? (shared.owners.get(c.id) ?? null) : alone,
        }));
      } catch (err) {
        database = { status: 'down', dialect: deps.database.dialect, error: err instanceof Error ? err.message : String(err) };
      }
      const report: HealthReport = {
        status: database.status === 'ok' && clusters.every((c) => c.health === 'HEALTHY') ? 'ok' : 'degraded',
        version: deps.version,
        database,
        clusters,
        instance: shared
          ? { id: shared.instanceId, alive: shared.alive, sharesClusters: true, oneInstanceWork: shared.oneInstanceWork }
          : { id: alone, alive: [alone], sharesClusters: false, oneInstanceWork: alone },
      };
      return reply.status(database.status === 'ok' ? 200 : 503).send(report);
    },
  });
}
