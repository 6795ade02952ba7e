import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ClusterPushNotice, ClusterPushToken, ErrorBody, IdParams } from '@weir/contract';
import { principalOf } from '../access/request-principal.js';
import { UnauthenticatedError } from '../errors/errors.js';
import type { ClusterPushService } from './cluster-push.service.js';

/** A notice is about 100 bytes; nobody needs more, and nobody unauthenticated gets Weir to read more. */
export const PUSH_BODY_LIMIT_BYTES = 1024;

/**
 * Flink 2.x's push listener tells Weir that a cluster changed (docs/watcher-scale.md, "Push"). The
 * push is authenticated by the cluster's own token, not a user's: it comes from the JobManager. So
 * it lives outside /api, like /metrics, where the API hook would take its Bearer secret for an API
 * token. It only ends the cluster's calm wait; what is recorded is what the watcher reads.
 */
export function clusterPushRoutes(app: FastifyInstance, push: ClusterPushService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/push/clusters/:id', {
    bodyLimit: PUSH_BODY_LIMIT_BYTES,
    schema: { hide: true, params: IdParams, body: ClusterPushNotice, response: { 202: z.null(), 400: ErrorBody, 401: ErrorBody, 413: ErrorBody } },
    // Checked before the body is read or validated: an unauthenticated caller learns nothing from a 400.
    // An unknown cluster has a token too (derived from its id), so a 401 says nothing of which ids exist.
    onRequest: async (request, reply) => {
      const { id } = request.params as { id?: string };
      const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
      if (!id || !bearer || !(await push.verify(id, bearer))) {
        reply.header('www-authenticate', 'Bearer realm="weir-cluster-push"');
        throw new UnauthenticatedError("A push needs the cluster's push token (GET /api/clusters/:id/push-token)");
      }
    },
    handler: async (req, reply) => {
      push.pushed(req.params.id);
      return reply.status(202).send(null);
    },
  });

  r.get('/api/clusters/:id/push-token', {
    config: { access: 'admin', owner: { kind: 'cluster', param: 'id' } },
    schema: { tags: ['clusters'], operationId: 'getClusterPushToken', params: IdParams, response: { 200: ClusterPushToken, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } },
    handler: (req) => push.showToken(principalOf(req), req.params.id),
  });

  // The cluster's old token stops working at once; the JobManager needs the new one in its configuration.
  r.post('/api/clusters/:id/push-token/rotate', {
    config: { access: 'admin', owner: { kind: 'cluster', param: 'id' } },
    schema: { tags: ['clusters'], operationId: 'rotateClusterPushToken', params: IdParams, response: { 200: ClusterPushToken, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } },
    handler: (req) => push.rotate(principalOf(req), req.params.id),
  });
}
