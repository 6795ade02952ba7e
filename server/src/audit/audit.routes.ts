import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery, ErrorBody } from '@weir/contract';
import type { AuditService } from './audit.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

export function auditRoutes(app: FastifyInstance, audit: AuditService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/audit', {
    config: { access: 'admin' },
    schema: {
      tags: ['audit'],
      operationId: 'listAudit',
      description: 'The audit log, newest first: every change and operation with who, when, what and the outcome.',
      querystring: AuditQuery,
      response: { 200: AuditPage, ...errors },
    },
    handler: (req) => audit.search(req.query),
  });
}
