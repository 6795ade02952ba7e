import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, GlobalLineage, LineageTableSearch, LineageTableSearchQuery, TableLineage, TableLineageParams, TableLineageQuery } from '@weir/contract';
import { principalOf } from '../access/request-principal.js';
import { teamScope } from '../access/principal.js';
import type { LineageService } from './lineage.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['lineage'];

/** Global SQL lineage: tables and the tasks that read and write them, across the current versions of the caller's teams' tasks. */
export function lineageRoutes(app: FastifyInstance, lineage: LineageService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/lineage', {
    config: { access: 'viewer' },
    schema: { tags, operationId: 'getGlobalLineage', response: { 200: GlobalLineage, ...errors } },
    handler: (req) => lineage.global(teamScope(principalOf(req))),
  });

  r.get('/api/lineage/tables', {
    config: { access: 'viewer' },
    schema: { tags, operationId: 'searchLineageTables', querystring: LineageTableSearchQuery, response: { 200: LineageTableSearch, ...errors } },
    handler: (req) => lineage.searchTables(req.query.q, req.query.limit, teamScope(principalOf(req))),
  });

  r.get('/api/lineage/tables/:tableId', {
    config: { access: 'viewer' },
    schema: { tags, operationId: 'getTableLineage', params: TableLineageParams, querystring: TableLineageQuery, response: { 200: TableLineage, ...errors } },
    handler: (req) => lineage.table(req.params.tableId, req.query.depth, teamScope(principalOf(req))),
  });
}
