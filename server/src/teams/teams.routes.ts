import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateTeamRequest,
  ErrorBody,
  IdParams,
  PutTeamMemberRequest,
  Team,
  TeamList,
  TeamMember,
  TeamMemberList,
  TeamMemberParams,
  UpdateTeamRequest,
} from '@weir/contract';
import { principalOf } from '../access/request-principal.js';
import type { TeamsService } from './teams.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['teams'];
const ownedTeam = { kind: 'team', param: 'id' } as const;

export function teamsRoutes(app: FastifyInstance, teams: TeamsService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/teams', {
    config: { access: 'viewer' },
    schema: { tags, operationId: 'listTeams', description: 'The teams the caller belongs to (every team for a global role).', response: { 200: TeamList, ...errors } },
    handler: async (req) => ({ items: await teams.list(principalOf(req)) }),
  });

  r.post('/api/teams', {
    config: { access: 'admin' },
    schema: { tags, operationId: 'createTeam', description: 'Global admins only.', body: CreateTeamRequest, response: { 201: Team, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await teams.create(principalOf(req), req.body)),
  });

  r.get('/api/teams/:id', {
    config: { access: 'viewer', owner: ownedTeam },
    schema: { tags, operationId: 'getTeam', params: IdParams, response: { 200: Team, ...errors } },
    handler: (req) => teams.get(principalOf(req), req.params.id),
  });

  r.patch('/api/teams/:id', {
    config: { access: 'admin', owner: ownedTeam },
    schema: { tags, operationId: 'updateTeam', params: IdParams, body: UpdateTeamRequest, response: { 200: Team, ...errors } },
    handler: (req) => teams.update(principalOf(req), req.params.id, req.body),
  });

  r.delete('/api/teams/:id', {
    config: { access: 'admin', owner: ownedTeam },
    schema: { tags, operationId: 'deleteTeam', description: 'Global admins only; the team must own nothing.', params: IdParams, response: { 204: z.null(), ...errors } },
    handler: async (req, reply) => {
      await teams.remove(principalOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  });

  r.get('/api/teams/:id/members', {
    config: { access: 'viewer', owner: ownedTeam },
    schema: { tags, operationId: 'listTeamMembers', params: IdParams, response: { 200: TeamMemberList, ...errors } },
    handler: async (req) => ({ items: await teams.members(principalOf(req), req.params.id) }),
  });

  r.put('/api/teams/:id/members/:userId', {
    config: { access: 'admin', owner: ownedTeam },
    schema: { tags, operationId: 'putTeamMember', description: "Adds a user to the team or changes their role in it (the team's admins, or a global admin).", params: TeamMemberParams, body: PutTeamMemberRequest, response: { 200: TeamMember, ...errors } },
    handler: (req) => teams.setMember(principalOf(req), req.params.id, req.params.userId, req.body.role),
  });

  r.delete('/api/teams/:id/members/:userId', {
    config: { access: 'admin', owner: ownedTeam },
    schema: { tags, operationId: 'deleteTeamMember', params: TeamMemberParams, response: { 204: z.null(), ...errors } },
    handler: async (req, reply) => {
      await teams.removeMember(principalOf(req), req.params.id, req.params.userId);
      return reply.status(204).send(null);
    },
  });
}
