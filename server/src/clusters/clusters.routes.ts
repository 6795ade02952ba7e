import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Cluster, ClusterList, CreateClusterRequest, ErrorBody, IdParams, StartYarnSessionRequest, StopYarnSessionRequest, StopYarnSessionResult, UpdateClusterRequest } from '@weir/contract';
import { principalOf } from '../access/request-principal.js';
import { teamScope } from '../access/principal.js';
import { inCallersLanguage } from '../errors/error-handler.js';
import type { ClustersService } from './clusters.service.js';
import type { YarnSessionsService } from './yarn-sessions.service.js';

/** A cluster with its last error (Weir's, stored in English by the health check) in the caller's language. */
function inCallersTerms<T extends { lastError: string | null }>(req: FastifyRequest, cluster: T): T {
  return cluster.lastError ? { ...cluster, lastError: inCallersLanguage(req, cluster.lastError) } : cluster;
}

/** A cluster's team decides who sees (its members; everyone for a shared one) and who manages it (its admins; global admins for a shared one). */
const ownedCluster = { kind: 'cluster', param: 'id' } as const;
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 502: ErrorBody };

export function clustersRoutes(app: FastifyInstance, clusters: ClustersService, yarnSessions: YarnSessionsService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/clusters', {
    config: { access: 'viewer' },
    schema: { tags: ['clusters'], operationId: 'listClusters', response: { 200: ClusterList, ...errors } },
    handler: async (req) => ({ items: (await clusters.list(teamScope(principalOf(req)))).map((cluster) => inCallersTerms(req, cluster)) }),
  });

  r.get('/api/clusters/:id', {
    config: { access: 'viewer', owner: ownedCluster },
    schema: { tags: ['clusters'], operationId: 'getCluster', params: IdParams, response: { 200: Cluster, ...errors } },
    handler: async (req) => inCallersTerms(req, await clusters.get(req.params.id)),
  });

  r.post('/api/clusters', {
    config: { access: 'admin' },
    schema: { tags: ['clusters'], operationId: 'createCluster', body: CreateClusterRequest, response: { 201: Cluster, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await clusters.register(principalOf(req), req.body)),
  });

  r.patch('/api/clusters/:id', {
    config: { access: 'admin', owner: ownedCluster },
    schema: { tags: ['clusters'], operationId: 'updateCluster', params: IdParams, body: UpdateClusterRequest, response: { 200: Cluster, ...errors } },
    handler: (req) => clusters.update(principalOf(req), req.params.id, req.body),
  });

  r.delete('/api/clusters/:id', {
    config: { access: 'admin', owner: ownedCluster },
    schema: { tags: ['clusters'], operationId: 'deleteCluster', params: IdParams, response: { 204: z.null(), ...errors } },
    handler: async (req, reply) => {
      await clusters.remove(principalOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  });

  r.post('/api/clusters/:id/check', {
    config: { access: 'operator', owner: ownedCluster },
    schema: { tags: ['clusters'], operationId: 'checkCluster', params: IdParams, response: { 200: Cluster, ...errors } },
    handler: async (req) => inCallersTerms(req, await clusters.check(req.params.id)),
  });

  // A YARN session is operated like a run: an operator of the YARN entry's team starts it (it takes YARN's
  // resources as a run on that entry does) and stops it; its entry goes to the YARN entry's team.
  r.post('/api/clusters/:id/yarn-sessions', {
    config: { access: 'operator', owner: ownedCluster },
    schema: { tags: ['clusters'], operationId: 'startYarnSession', params: IdParams, body: StartYarnSessionRequest, response: { 202: Cluster, ...errors } },
    handler: async (req, reply) => reply.status(202).send(await yarnSessions.start(principalOf(req), req.params.id, req.body)),
  });

  r.post('/api/clusters/:id/stop-session', {
    config: { access: 'operator', owner: ownedCluster },
    schema: { tags: ['clusters'], operationId: 'stopYarnSession', params: IdParams, body: StopYarnSessionRequest, response: { 200: StopYarnSessionResult, ...errors } },
    handler: (req) => yarnSessions.stop(principalOf(req), req.params.id, req.body.force),
  });
}
