import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CompareVersionsQuery,
  CreateTaskRequest,
  ErrorBody,
  IdParams,
  JarFile,
  PublishTaskRequest,
  Task,
  TaskListQuery,
  TaskPage,
  TaskVersion,
  TaskVersionComparison,
  TaskVersionList,
  TaskVersionParams,
  UpdateTaskRequest,
} from '@weir/contract';
import { principalOf } from '../access/request-principal.js';
import { InputError } from '../errors/errors.js';
import { mayAct, teamScope } from '../access/principal.js';
import { JAR_UPLOAD_LIMIT_BYTES } from '../http/body-limits.js';
import type { TasksService } from './tasks.service.js';
import { maskComparison, maskTask, maskTaskVersion } from './sql-secrets.js';

/** Operators and admins of the task's team read connector credentials in task SQL; viewers get them masked. */
function seesSecrets(req: FastifyRequest, teamId: string): boolean {
  return mayAct(principalOf(req), teamId, 'operator');
}

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 502: ErrorBody };
const tags = ['tasks'];

export function tasksRoutes(app: FastifyInstance, tasks: TasksService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/tasks', {
    config: { access: 'viewer' },
    schema: { tags, operationId: 'listTasks', querystring: TaskListQuery, response: { 200: TaskPage, ...errors } },
    handler: (req) => tasks.list(req.query, teamScope(principalOf(req))),
  });

  r.post('/api/tasks', {
    config: { access: 'operator' },
    schema: { tags, operationId: 'createTask', body: CreateTaskRequest, response: { 201: Task, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await tasks.create(principalOf(req), req.body)),
  });

  r.get('/api/tasks/:id', {
    config: { access: 'viewer', owner: { kind: 'task', param: 'id' } },
    schema: { tags, operationId: 'getTask', params: IdParams, response: { 200: Task, ...errors } },
    handler: async (req) => {
      const task = await tasks.get(req.params.id);
      return seesSecrets(req, task.teamId) ? task : maskTask(task);
    },
  });

  r.patch('/api/tasks/:id', {
    config: { access: 'operator', owner: { kind: 'task', param: 'id' } },
    schema: { tags, operationId: 'updateTask', params: IdParams, body: UpdateTaskRequest, response: { 200: Task, ...errors } },
    handler: (req) => tasks.update(principalOf(req), req.params.id, req.body),
  });

  r.delete('/api/tasks/:id', {
    config: { access: 'operator', owner: { kind: 'task', param: 'id' } },
    schema: { tags, operationId: 'deleteTask', params: IdParams, response: { 204: z.null(), ...errors } },
    handler: async (req, reply) => {
      await tasks.remove(principalOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  });

  r.post('/api/tasks/:id/publish', {
    config: { access: 'operator', owner: { kind: 'task', param: 'id' } },
    schema: { tags, operationId: 'publishTask', params: IdParams, body: PublishTaskRequest.optional(), response: { 201: TaskVersion, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await tasks.publish(principalOf(req), req.params.id, req.body?.note, { unvalidated: req.body?.unvalidated })),
  });

  r.get('/api/tasks/:id/versions', {
    config: { access: 'viewer', owner: { kind: 'task', param: 'id' } },
    schema: { tags, operationId: 'listTaskVersions', params: IdParams, response: { 200: TaskVersionList, ...errors } },
    handler: async (req) => {
      const items = await tasks.listVersions(req.params.id);
      const { teamId } = await tasks.record(req.params.id);
      return { items: seesSecrets(req, teamId) ? items : items.map(maskTaskVersion) };
    },
  });

  r.get('/api/tasks/:id/versions/compare', {
    config: { access: 'viewer', owner: { kind: 'task', param: 'id' } },
    schema: { tags, operationId: 'compareTaskVersions', params: IdParams, querystring: CompareVersionsQuery, response: { 200: TaskVersionComparison, ...errors } },
    handler: async (req) => {
      const comparison = await tasks.compare(req.params.id, req.query.from, req.query.to);
      const { teamId } = await tasks.record(req.params.id);
      return seesSecrets(req, teamId) ? comparison : maskComparison(comparison);
    },
  });

  r.get('/api/tasks/:id/versions/:version', {
    config: { access: 'viewer', owner: { kind: 'task', param: 'id' } },
    schema: { tags, operationId: 'getTaskVersion', params: TaskVersionParams, response: { 200: TaskVersion, ...errors } },
    handler: async (req) => {
      const version = await tasks.getVersion(req.params.id, req.params.version);
      const { teamId } = await tasks.record(req.params.id);
      return seesSecrets(req, teamId) ? version : maskTaskVersion(version);
    },
  });

  // Multipart without a plugin: the body arrives whole (up to the jar limit) and the platform's FormData parser reads it.
  app.register(async (scope) => {
    scope.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post('/api/jars', {
      config: { access: 'operator' },
      bodyLimit: JAR_UPLOAD_LIMIT_BYTES,
      schema: {
        tags,
        operationId: 'uploadJar',
        description: 'multipart/form-data with the jar in the field `jarfile`. Weir stores it; it is uploaded to the task\'s cluster at each submission.',
        consumes: ['multipart/form-data'],
        response: { 201: JarFile, ...errors },
      },
      handler: async (req, reply) => {
        const file = await jarFromMultipart(req.headers['content-type'], req.body);
        return reply.status(201).send(await tasks.uploadJar(principalOf(req), file.name, file.content));
      },
    });
  });
}

async function jarFromMultipart(contentType: string | undefined, body: unknown): Promise<{ name: string; content: Uint8Array }> {
  if (!contentType?.startsWith('multipart/form-data') || !Buffer.isBuffer(body)) {
    throw new InputError('Send the jar as multipart/form-data in the field `jarfile`');
  }
  let form: FormData;
  try {
    form = await new Request('http://weir.invalid/', { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(body) }).formData();
  } catch {
    throw new InputError('The multipart body could not be read');
  }
  const file = form.get('jarfile');
  if (!file || typeof file === 'string') throw new InputError('The multipart body has no file in the field `jarfile`');
  return { name: file.name, content: new Uint8Array(await file.arrayBuffer()) };
}
