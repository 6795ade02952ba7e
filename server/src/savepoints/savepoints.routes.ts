import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, IdParams, SavepointCatalog, SavepointDisposalResult, SavepointPolicy, SavepointPolicyView, SavepointRetentionPlan, SavepointRetentionPolicy } from '@weir/contract';
import { principalOf } from '../access/request-principal.js';
import type { SavepointCatalogService } from './savepoint-catalog.service.js';
import type { SavepointPolicyService } from './savepoint-policy.service.js';
import type { SavepointRetentionService } from './savepoint-retention.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 502: ErrorBody };
const tags = ['savepoints'];

export function savepointsRoutes(app: FastifyInstance, { catalog, retention, policies }: { catalog: SavepointCatalogService; retention: SavepointRetentionService; policies: SavepointPolicyService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/tasks/:id/savepoints', {
    config: { access: 'viewer', owner: { kind: 'task', param: 'id' } },
    schema: { tags, operationId: 'listTaskSavepoints', params: IdParams, response: { 200: SavepointCatalog, ...errors } },
    handler: async (req) => ({ items: await catalog.catalog(req.params.id) }),
  });

  // A preview changes nothing, so a viewer may ask what a policy would remove.
  r.post('/api/tasks/:id/savepoints/retention/preview', {
    config: { access: 'viewer', owner: { kind: 'task', param: 'id' } },
    schema: { tags, operationId: 'previewSavepointRetention', params: IdParams, body: SavepointRetentionPolicy, response: { 200: SavepointRetentionPlan, ...errors } },
    handler: (req) => retention.preview(req.params.id, req.body),
  });

  r.post('/api/tasks/:id/savepoints/retention/apply', {
    config: { access: 'operator', owner: { kind: 'task', param: 'id' } },
    schema: { tags, operationId: 'applySavepointRetention', params: IdParams, body: SavepointRetentionPolicy, response: { 200: SavepointDisposalResult, ...errors } },
    handler: (req) => retention.apply(principalOf(req), req.params.id, req.body),
  });

  r.get('/api/tasks/:id/savepoint-policy', {
    config: { access: 'viewer', owner: { kind: 'task', param: 'id' } },
    schema: { tags, operationId: 'getSavepointPolicy', params: IdParams, response: { 200: SavepointPolicyView, ...errors } },
    handler: (req) => policies.get(req.params.id),
  });

  r.put('/api/tasks/:id/savepoint-policy', {
    config: { access: 'operator', owner: { kind: 'task', param: 'id' } },
    schema: { tags, operationId: 'putSavepointPolicy', params: IdParams, body: SavepointPolicy, response: { 200: SavepointPolicyView, ...errors } },
    handler: (req) => policies.put(principalOf(req), req.params.id, req.body),
  });
}
