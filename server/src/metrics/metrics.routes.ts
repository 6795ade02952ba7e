import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AvailableMetrics, ErrorBody, MetricSelection, MetricSeriesPage, MetricSeriesQuery, PutMetricSelectionRequest, RunIdParams } from '@weir/contract';
import { principalOf } from '../access/request-principal.js';
import type { MetricsService } from './metrics.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['metrics'];

export function metricsRoutes(app: FastifyInstance, metrics: MetricsService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/runs/:runId/metrics/selection', {
    config: { access: 'viewer', owner: { kind: 'run', param: 'runId' } },
    schema: { tags, operationId: 'getRunMetricSelection', params: RunIdParams, response: { 200: MetricSelection, ...errors } },
    handler: (req) => metrics.selection(req.params.runId),
  });

  // Choosing what Weir samples costs Flink requests and database space, so it takes an operator.
  r.put('/api/runs/:runId/metrics/selection', {
    config: { access: 'operator', owner: { kind: 'run', param: 'runId' } },
    schema: { tags, operationId: 'putRunMetricSelection', params: RunIdParams, body: PutMetricSelectionRequest, response: { 200: MetricSelection, ...errors } },
    handler: (req) => metrics.select(principalOf(req), req.params.runId, req.body.series),
  });

  r.get('/api/runs/:runId/metrics', {
    config: { access: 'viewer', owner: { kind: 'run', param: 'runId' } },
    schema: { tags, operationId: 'getRunMetrics', params: RunIdParams, querystring: MetricSeriesQuery, response: { 200: MetricSeriesPage, ...errors } },
    handler: (req) => metrics.series(req.params.runId, req.query),
  });

  r.get('/api/runs/:runId/metrics/available', {
    config: { access: 'viewer', owner: { kind: 'run', param: 'runId' } },
    schema: { tags, operationId: 'getRunAvailableMetrics', params: RunIdParams, response: { 200: AvailableMetrics, ...errors } },
    handler: (req) => metrics.available(req.params.runId),
  });
}
