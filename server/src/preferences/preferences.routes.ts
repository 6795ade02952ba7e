import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, UpdateUserPreferencesRequest, UserPreferences } from '@weir/contract';
import { principalOf } from '../access/request-principal.js';
import type { PreferencesService } from './preferences.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

export function preferencesRoutes(app: FastifyInstance, preferences: PreferencesService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/me/preferences', {
    config: { access: 'viewer' },
    schema: { tags: ['auth'], operationId: 'myPreferences', description: "The logged-in user's preferences (light or dark); null where never chosen. 403 for an API token.", response: { 200: UserPreferences, ...errors } },
    handler: (req) => preferences.get(principalOf(req)),
  });

  r.patch('/api/me/preferences', {
    config: { access: 'viewer' },
    schema: {
      tags: ['auth'],
      operationId: 'updateMyPreferences',
      description: 'Sets the preferences given and keeps the others; an unknown preference or value is refused (400). Answers all preferences after the change.',
      body: UpdateUserPreferencesRequest,
      response: { 200: UserPreferences, ...errors },
    },
    handler: (req) => preferences.update(principalOf(req), req.body),
  });
}
