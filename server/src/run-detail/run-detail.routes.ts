import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, type SectionReason, RunCheckpoints, RunCluster, RunConfiguration, RunDetail, RunExceptions, RunGraph, RunIdParams, RunLineage, RunLogPage, RunLogQuery, RunSql } from '@weir/contract';
import { roleAllows } from '../access/principal.js';
import { inCallersLanguage } from '../errors/error-handler.js';
import { maskLogSecrets } from '../log-captures/log-secrets.js';
import { maskRunSql } from '../tasks/sql-secrets.js';
import type { RunDetailService } from './run-detail.service.js';

/**
 * A section whose reason quotes an error in the caller's language: the web app says the reason's
 * code in the reader's language, but the message inside it is Weir's English (or Flink's, which the
 * catalog leaves as it is), or the cluster's stored last error. `reason` stays English for API clients.
 */
function reasonInCallersLanguage<T extends { reasonCode?: SectionReason | null }>(req: FastifyRequest, section: T): T {
  const code = section.reasonCode;
  if (!code) return section;
  // The quoted error: Flink's or Weir's answer, or the cluster's last error as the health check stored it.
  const quoted = code.code === 'flinkError' ? 'message' : code.code === 'clusterUnreachableBecause' ? 'error' : null;
  const text = quoted === null ? undefined : code.params[quoted];
  if (quoted === null || text === undefined) return section;
  return { ...section, reasonCode: { ...code, params: { ...code.params, [quoted]: inCallersLanguage(req, text) } } };
}

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['runs'];

/** The run detail page's reads: each section live from Flink, or the saved copy when the cluster no longer has it. */
export function runDetailRoutes(app: FastifyInstance, runs: RunDetailService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/runs/:runId', {
    config: { access: 'viewer', owner: { kind: 'run', param: 'runId' } },
    schema: { tags, operationId: 'getRun', params: RunIdParams, response: { 200: RunDetail, ...errors } },
    handler: async (req) => {
      const detail = await runs.detail(req.params.runId);
      return { ...detail, job: reasonInCallersLanguage(req, detail.job) };
    },
  });

  r.get('/api/runs/:runId/graph', {
    config: { access: 'viewer', owner: { kind: 'run', param: 'runId' } },
    schema: { tags, operationId: 'getRunGraph', params: RunIdParams, response: { 200: RunGraph, ...errors } },
    handler: async (req) => reasonInCallersLanguage(req, await runs.graph(req.params.runId)),
  });

  r.get('/api/runs/:runId/checkpoints', {
    config: { access: 'viewer', owner: { kind: 'run', param: 'runId' } },
    schema: { tags, operationId: 'getRunCheckpoints', params: RunIdParams, response: { 200: RunCheckpoints, ...errors } },
    handler: async (req) => reasonInCallersLanguage(req, await runs.checkpoints(req.params.runId)),
  });

  r.get('/api/runs/:runId/exceptions', {
    config: { access: 'viewer', owner: { kind: 'run', param: 'runId' } },
    schema: { tags, operationId: 'getRunExceptions', params: RunIdParams, response: { 200: RunExceptions, ...errors } },
    handler: async (req) => reasonInCallersLanguage(req, await runs.exceptions(req.params.runId)),
  });

  r.get('/api/runs/:runId/configuration', {
    config: { access: 'viewer', owner: { kind: 'run', param: 'runId' } },
    schema: { tags, operationId: 'getRunConfiguration', params: RunIdParams, response: { 200: RunConfiguration, ...errors } },
    handler: async (req) => reasonInCallersLanguage(req, await runs.configuration(req.params.runId)),
  });

  r.get('/api/runs/:runId/cluster', {
    config: { access: 'viewer', owner: { kind: 'run', param: 'runId' } },
    schema: { tags, operationId: 'getRunCluster', params: RunIdParams, response: { 200: RunCluster, ...errors } },
    handler: async (req) => reasonInCallersLanguage(req, await runs.cluster(req.params.runId)),
  });

  r.get('/api/runs/:runId/logs', {
    config: { access: 'viewer', owner: { kind: 'run', param: 'runId' } },
    schema: { tags, operationId: 'getRunLogs', params: RunIdParams, querystring: RunLogQuery, response: { 200: RunLogPage, ...errors } },
    handler: async (req) => {
      const page = reasonInCallersLanguage(req, await runs.logs(req.params.runId, req.query));
      // Viewers get credentials masked, as in the run's SQL and its saved log captures.
      return req.ownerRole && roleAllows(req.ownerRole, 'operator') ? page : { ...page, text: maskLogSecrets(page.text) };
    },
  });

  r.get('/api/runs/:runId/sql', {
    config: { access: 'viewer', owner: { kind: 'run', param: 'runId' } },
    schema: { tags, operationId: 'getRunSql', params: RunIdParams, response: { 200: RunSql, ...errors } },
    handler: async (req) => {
      const runSql = await runs.sql(req.params.runId);
      // Viewers get connector credentials masked; operators of the run's team see the script as submitted.
      return req.ownerRole && roleAllows(req.ownerRole, 'operator') ? runSql : maskRunSql(runSql);
    },
  });

  r.get('/api/runs/:runId/lineage', {
    config: { access: 'viewer', owner: { kind: 'run', param: 'runId' } },
    schema: { tags, operationId: 'getRunLineage', params: RunIdParams, response: { 200: RunLineage, ...errors } },
    handler: (req) => runs.lineage(req.params.runId),
  });
}
