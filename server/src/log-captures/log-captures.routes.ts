import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CaptureLogsRequest, ErrorBody, LogCapture, LogCapturePartParams, LogCapturePartText, RunIdParams, RunLogCaptures } from '@weir/contract';
import { principalOf } from '../access/request-principal.js';
import { roleAllows } from '../access/principal.js';
import type { LogCaptureService } from './log-captures.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['runs'];

/** A run's post-mortem evidence: the logs Weir kept when it failed, restarted or was asked to. */
export function logCapturesRoutes(app: FastifyInstance, captures: LogCaptureService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/runs/:runId/log-captures', {
    config: { access: 'viewer', owner: { kind: 'run', param: 'runId' } },
    schema: { tags, operationId: 'listRunLogCaptures', params: RunIdParams, response: { 200: RunLogCaptures, ...errors } },
    handler: (req) => captures.list(req.params.runId),
  });

  r.get('/api/runs/:runId/log-captures/:captureId/parts/:seq', {
    config: { access: 'viewer', owner: { kind: 'run', param: 'runId' } },
    schema: { tags, operationId: 'getRunLogCapturePart', params: LogCapturePartParams, response: { 200: LogCapturePartText, ...errors } },
    // Viewers get credentials masked, as in the run's SQL; operators of the run's team read the lines as Flink wrote them.
    handler: (req) => captures.partText(req.params.runId, req.params.captureId, req.params.seq, { mask: !(req.ownerRole && roleAllows(req.ownerRole, 'operator')) }),
  });

  // A capture costs requests to the cluster and database space, so it takes an operator.
  r.post('/api/runs/:runId/log-captures', {
    config: { access: 'operator', owner: { kind: 'run', param: 'runId' } },
    schema: { tags, operationId: 'captureRunLogs', params: RunIdParams, body: CaptureLogsRequest, response: { 200: LogCapture, ...errors } },
    handler: (req) => captures.captureNow(principalOf(req), req.params.runId, { threadDump: req.body.threadDump }),
  });
}
