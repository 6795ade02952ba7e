import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  BulkOperationRequest,
  BulkOperationResult,
  ErrorBody,
  IdParams,
  OfflineRequest,
  OnlineRequest,
  OperationResult,
  RestartRunRequest,
  RunOperationParams,
  RunSavepointList,
  StopRunRequest,
} from '@weir/contract';
import { principalOf } from '../access/request-principal.js';
import { inCallersLanguage } from '../errors/error-handler.js';
import type { OperationsService } from './operations.service.js';

/** An operation's result with its message in the caller's language (the audit log keeps the English). */
function resultInCallersLanguage(req: FastifyRequest, result: OperationResult): OperationResult {
  return { ...result, message: inCallersLanguage(req, result.message) };
}

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 502: ErrorBody };
const tags = ['operations'];

export function operationsRoutes(app: FastifyInstance, operations: OperationsService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/tasks/:id/online', {
    config: { access: 'operator', owner: { kind: 'task', param: 'id' } },
    schema: { tags, operationId: 'taskOnline', params: IdParams, body: OnlineRequest.optional(), response: { 200: OperationResult, ...errors } },
    handler: async (req) => resultInCallersLanguage(req, await operations.online(principalOf(req), req.params.id, req.body ?? {})),
  });

  r.post('/api/tasks/:id/offline', {
    config: { access: 'operator', owner: { kind: 'task', param: 'id' } },
    schema: { tags, operationId: 'taskOffline', params: IdParams, body: OfflineRequest, response: { 200: OperationResult, ...errors } },
    handler: async (req) => resultInCallersLanguage(req, await operations.offline(principalOf(req), req.params.id, req.body)),
  });

  r.post('/api/tasks/bulk', {
    config: { access: 'operator' },
    schema: { tags, operationId: 'bulkTaskOperation', body: BulkOperationRequest, response: { 200: BulkOperationResult, ...errors } },
    handler: async (req) => {
      const result = await operations.bulk(principalOf(req), req.body);
      // Each task's failure in the caller's language, as a failed single operation would say it (the audit log keeps the English).
      const items = result.items.map((item) =>
        item.error ? { ...item, error: { ...item.error, message: inCallersLanguage(req, item.error.message) } } : { ...item, result: item.result && resultInCallersLanguage(req, item.result) },
      );
      return { ...result, items };
    },
  });

  r.post('/api/runs/:runId/stop', {
    config: { access: 'operator', owner: { kind: 'run', param: 'runId' } },
    schema: { tags, operationId: 'stopRun', params: RunOperationParams, body: StopRunRequest, response: { 200: OperationResult, ...errors } },
    handler: async (req) => resultInCallersLanguage(req, await operations.stop(principalOf(req), req.params.runId, req.body)),
  });

  r.post('/api/runs/:runId/cancel', {
    config: { access: 'operator', owner: { kind: 'run', param: 'runId' } },
    schema: { tags, operationId: 'cancelRun', params: RunOperationParams, response: { 200: OperationResult, ...errors } },
    handler: async (req) => resultInCallersLanguage(req, await operations.cancel(principalOf(req), req.params.runId)),
  });

  r.post('/api/runs/:runId/savepoint', {
    config: { access: 'operator', owner: { kind: 'run', param: 'runId' } },
    schema: { tags, operationId: 'triggerRunSavepoint', params: RunOperationParams, response: { 200: OperationResult, ...errors } },
    handler: async (req) => resultInCallersLanguage(req, await operations.savepoint(principalOf(req), req.params.runId)),
  });

  r.post('/api/runs/:runId/restart', {
    config: { access: 'operator', owner: { kind: 'run', param: 'runId' } },
    schema: { tags, operationId: 'restartRun', params: RunOperationParams, body: RestartRunRequest, response: { 200: OperationResult, ...errors } },
    handler: async (req) => resultInCallersLanguage(req, await operations.restart(principalOf(req), req.params.runId, req.body)),
  });

  r.post('/api/runs/:runId/refresh', {
    config: { access: 'operator', owner: { kind: 'run', param: 'runId' } },
    schema: { tags, operationId: 'refreshRun', params: RunOperationParams, response: { 200: OperationResult, ...errors } },
    handler: async (req) => resultInCallersLanguage(req, await operations.refresh(principalOf(req), req.params.runId)),
  });

  r.get('/api/runs/:runId/savepoints', {
    config: { access: 'viewer', owner: { kind: 'run', param: 'runId' } },
    schema: { tags, operationId: 'listRunSavepoints', params: RunOperationParams, response: { 200: RunSavepointList, ...errors } },
    handler: async (req) => ({ items: await operations.listSavepoints(req.params.runId) }),
  });
}
