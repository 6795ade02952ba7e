import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AutoRestartPolicy, ErrorBody, IdParams, RunHealth, TaskHealth, UpdateHealthChecksRequest } from '@weir/contract';
import { principalOf } from '../access/request-principal.js';
import type { JobHealthService } from './job-health.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['health'];

/** A run's health score and checks; a task's auto-restart policy and health-check settings. */
export function jobHealthRoutes(app: FastifyInstance, health: JobHealthService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/runs/:id/health', {
    config: { access: 'viewer', owner: { kind: 'run', param: 'id' } },
    schema: { tags, operationId: 'getRunHealth', params: IdParams, response: { 200: RunHealth, ...errors } },
    handler: (req) => health.runHealth(req.params.id),
  });

  r.get('/api/tasks/:id/health', {
    config: { access: 'viewer', owner: { kind: 'task', param: 'id' } },
    schema: { tags, operationId: 'getTaskHealth', params: IdParams, response: { 200: TaskHealth, ...errors } },
    handler: (req) => health.taskHealth(req.params.id),
  });

  r.put('/api/tasks/:id/auto-restart', {
    config: { access: 'operator', owner: { kind: 'task', param: 'id' } },
    schema: { tags, operationId: 'setTaskAutoRestart', params: IdParams, body: AutoRestartPolicy, response: { 200: TaskHealth, ...errors } },
    handler: (req) => health.setAutoRestart(principalOf(req), req.params.id, req.body),
  });

  r.put('/api/tasks/:id/health-checks', {
    config: { access: 'operator', owner: { kind: 'task', param: 'id' } },
    schema: { tags, operationId: 'setTaskHealthChecks', params: IdParams, body: UpdateHealthChecksRequest, response: { 200: TaskHealth, ...errors } },
    handler: (req) => health.setChecks(principalOf(req), req.params.id, req.body),
  });
}
