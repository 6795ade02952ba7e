import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ErrorBody,
  IdParams,
  OverviewCounts,
  OverviewCountsQuery,
  OverviewRunPage,
  OverviewRunsQuery,
  OverviewTaskPage,
  OverviewTasksQuery,
} from '@weir/contract';
import type { OverviewService } from './overview.service.js';
import { principalOf } from '../access/request-principal.js';
import { teamScope } from '../access/principal.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['overview'];

export function overviewRoutes(app: FastifyInstance, overview: OverviewService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/overview/counts', {
    config: { access: 'viewer' },
    schema: { tags, operationId: 'getOverviewCounts', querystring: OverviewCountsQuery, response: { 200: OverviewCounts, ...errors } },
    handler: (req) => overview.counts(req.query, teamScope(principalOf(req))),
  });

  r.get('/api/overview/tasks', {
    config: { access: 'viewer' },
    schema: { tags, operationId: 'listOverviewTasks', querystring: OverviewTasksQuery, response: { 200: OverviewTaskPage, ...errors } },
    handler: (req) => overview.tasks(req.query, teamScope(principalOf(req))),
  });

  r.get('/api/tasks/:id/runs', {
    config: { access: 'viewer', owner: { kind: 'task', param: 'id' } },
    schema: {
      tags,
      operationId: 'listTaskRuns',
      description: "A task's runs, newest first; `latest` marks the one the overview row shows.",
      params: IdParams,
      querystring: OverviewRunsQuery,
      response: { 200: OverviewRunPage, ...errors },
    },
    handler: (req) => overview.runsOfTask(req.params.id, req.query),
  });
}
