import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, IdParams, SqlCatalog, SqlCatalogRequest, SqlPreview, SqlPreviewEvent, SqlPreviewRequest, SqlScriptRequest, SqlSyntaxCheck, SqlSyntaxRequest, SqlValidation } from '@weir/contract';
import { principalOf } from '../access/request-principal.js';
import { mayAct } from '../access/principal.js';
import type { SqlAuthoringService } from './sql-authoring.service.js';
import { streamPreviewAnswer } from './preview-stream.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody, 502: ErrorBody };
/** A preview is a job on the cluster: a user or token, and a cluster, run only a few at once (see PreviewSlots). */
const previewErrors = { ...errors, 429: ErrorBody };
const tags = ['sql-authoring'];

export function sqlAuthoringRoutes(app: FastifyInstance, sql: SqlAuthoringService, taskTeam: (taskId: string) => Promise<string>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /**
   * The script a caller may have the gateway run: an operator's own text, else the saved draft.
   * Validating and listing run the script's statements that start no job, and those include
   * ADD JAR and CREATE CATALOG, which a viewer must not get the cluster's gateway to do.
   */
  const scriptOf = async (taskId: string, script: string | undefined, req: FastifyRequest) =>
    mayAct(principalOf(req), await taskTeam(taskId), 'operator') ? script : undefined;

  r.post('/api/sql/syntax', {
    config: { access: 'viewer' },
    schema: {
      tags,
      operationId: 'checkSqlSyntax',
      description: "The syntax problems of a Flink SQL script as Weir's analyser reads it (the reading lineage uses), at their line and column: what the task editor underlines as one types. Reads the text only: no cluster is asked, nothing runs.",
      body: SqlSyntaxRequest,
      response: { 200: SqlSyntaxCheck, ...errors },
    },
    handler: async (req) => sql.syntax(req.body.script),
  });

  r.post('/api/tasks/:id/sql/validate', {
    config: { access: 'viewer', owner: { kind: 'task', param: 'id' } },
    schema: {
      tags,
      operationId: 'validateTaskSql',
      description: "Validates the script (the saved draft when `script` is left out, and always for callers who may not edit the task) on the task's cluster's SQL Gateway and returns Flink's plan, or Flink's error at the script's line and column. Starts no job.",
      params: IdParams,
      body: SqlScriptRequest,
      response: { 200: SqlValidation, ...errors },
    },
    handler: async (req) => sql.validate(req.params.id, await scriptOf(req.params.id, req.body.script, req)),
  });

  r.post('/api/tasks/:id/sql/catalog', {
    config: { access: 'viewer', owner: { kind: 'task', param: 'id' } },
    schema: {
      tags,
      operationId: 'browseTaskSqlCatalog',
      description: "Catalogs, databases, tables, views and functions the script's session (the saved draft's for callers who may not edit the task) sees once its statements that start no job have run. Starts no job. A listing of the same script on the same cluster is answered from memory for 30 s unless `refresh` (see `listedAt`).",
      params: IdParams,
      body: SqlCatalogRequest,
      response: { 200: SqlCatalog, ...errors },
    },
    handler: async (req) => {
      const seesSecrets = mayAct(principalOf(req), await taskTeam(req.params.id), 'operator');
      return sql.catalog(req.params.id, await scriptOf(req.params.id, req.body.script, req), seesSecrets, { refresh: req.body.refresh });
    },
  });

  r.post('/api/tasks/:id/sql/preview', {
    config: { access: 'operator', owner: { kind: 'task', param: 'id' } },
    schema: {
      tags,
      operationId: 'previewTaskSql',
      description:
        'Runs one query as a Flink job and returns its first rows, within a row, size and time limit the server caps; the job is cancelled before the answer, and when the client goes away. A user or token runs at most 2 previews at once, and a cluster 4 (429 beyond).',
      params: IdParams,
      body: SqlPreviewRequest,
      response: { 200: SqlPreview, ...previewErrors },
    },
    handler: async (req, reply) => {
      // The client going away (the user pressed Stop) ends the preview and its job.
      const gone = new AbortController();
      reply.raw.on('close', () => {
        if (!reply.raw.writableEnded) gone.abort();
      });
      return sql.preview(principalOf(req), req.params.id, req.body, gone.signal);
    },
  });

  r.post('/api/tasks/:id/sql/preview/stream', {
    config: { access: 'operator', owner: { kind: 'task', param: 'id' } },
    schema: {
      tags,
      operationId: 'streamTaskSqlPreview',
      description:
        "Runs one query as a Flink job and streams its rows as newline-delimited JSON (SqlPreviewEvent), each page as Flink's SQL Gateway yields it, within a row, size and time limit the server caps. Closing the request stops the preview: the gateway operation is closed and the job cancelled, as when a limit is reached. Problems found before the query runs are answered as HTTP errors, among them 429 when the user or token already runs 2 previews or the cluster 4; later ones end the stream with an `error` line.",
      params: IdParams,
      body: SqlPreviewRequest,
      response: { 200: { description: 'One SqlPreviewEvent per line', content: { 'application/x-ndjson': { schema: SqlPreviewEvent } } }, ...previewErrors },
    },
    handler: async (req, reply) => streamPreviewAnswer(req, reply, (signal, emit) => sql.streamPreview(principalOf(req), req.params.id, req.body, signal, emit)),
  });
}
