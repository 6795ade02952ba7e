import type { FastifyInstance } from 'fastify';
import { UnauthenticatedError } from '../errors/errors.js';
import type { MetricsExportService } from './metrics-export.service.js';

/**
 * GET /metrics, where Prometheus looks by default, outside /api and so outside the session-cookie
 * auth of the API hook (no config.access): a scraper presents a Bearer secret, either an API token
 * or the scrape token (WEIR_METRICS_TOKEN). A browser session does not open it: metrics are for
 * machines, and a cookie-authenticated GET would make every logged-in browser a scraper.
 */
export function metricsExportRoutes(app: FastifyInstance, service: MetricsExportService): void {
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match?.[1] || !(await service.mayScrape(match[1]))) {
      reply.header('www-authenticate', 'Bearer realm="weir-metrics"');
      throw new UnauthenticatedError('GET /metrics needs a Bearer API token or the scrape token');
    }
    const text = await service.scrape();
    return reply.header('content-type', service.contentType).header('cache-control', 'no-store').send(text);
  });
}
