import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery, ErrorBody } from '@weir/contract';
import type { AuditService } from './audit.service.js';
import { principalOf } from '../access/request-principal.js';
import { narrowScope, teamScope } from '../access/principal.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

export function auditRoutes(app: FastifyInstance, audit: AuditService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/audit', {
    config: { access: 'admin' },
    schema: {
      tags: ['audit'],
      operationId: 'listAudit',
      description:
        "The audit log, newest first: every change and operation with who, when, what and the outcome. A team admin sees the entries about the team's tasks, clusters and alert settings.",
      querystring: AuditQuery,
      response: { 200: AuditPage, ...errors },
    },
    handler: (req) => {
      const scope = teamScope(principalOf(req), 'admin');
      const { teamId, ...query } = req.query;
      const teamIds = narrowScope(scope, teamId);
      return audit.search({ ...query, ...(teamIds ? { teamIds } : {}) });
    },
  });
}
