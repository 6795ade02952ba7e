import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AlertChannel,
  AlertChannelList,
  AlertChannelRequest,
  AlertHistoryPage,
  AlertHistoryQuery,
  AlertIncidentPage,
  AlertIncidentQuery,
  AlertRule,
  AlertRuleList,
  AlertSilence,
  AlertSilenceList,
  AlertSilenceQuery,
  AlertTestResult,
  CreateAlertRuleRequest,
  CreateAlertSilenceRequest,
  ErrorBody,
  IdParams,
  UpdateAlertRuleRequest,
} from '@weir/contract';
import { principalOf } from '../access/request-principal.js';
import { teamScope } from '../access/principal.js';
import type { AlertsService } from './alerts.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['alerts'];

export function alertsRoutes(app: FastifyInstance, alerts: AlertsService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Operators pick channels for their rules, so they may list them (secrets are always masked):
  // the channels of the teams they operate, and the shared ones.
  r.get('/api/alerts/channels', {
    config: { access: 'operator' },
    schema: { tags, operationId: 'listAlertChannels', response: { 200: AlertChannelList, ...errors } },
    handler: async (req) => ({ items: await alerts.listChannels(teamScope(principalOf(req), 'operator')) }),
  });

  r.get('/api/alerts/channels/:id', {
    config: { access: 'operator', owner: { kind: 'alertChannel', param: 'id' } },
    schema: { tags, operationId: 'getAlertChannel', params: IdParams, response: { 200: AlertChannel, ...errors } },
    handler: (req) => alerts.getChannel(req.params.id),
  });

  r.post('/api/alerts/channels', {
    config: { access: 'admin' },
    schema: { tags, operationId: 'createAlertChannel', body: AlertChannelRequest, response: { 201: AlertChannel, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await alerts.createChannel(principalOf(req), req.body)),
  });

  r.put('/api/alerts/channels/:id', {
    config: { access: 'admin', owner: { kind: 'alertChannel', param: 'id' } },
    schema: { tags, operationId: 'replaceAlertChannel', params: IdParams, body: AlertChannelRequest, response: { 200: AlertChannel, ...errors } },
    handler: (req) => alerts.replaceChannel(principalOf(req), req.params.id, req.body),
  });

  r.delete('/api/alerts/channels/:id', {
    config: { access: 'admin', owner: { kind: 'alertChannel', param: 'id' } },
    schema: { tags, operationId: 'deleteAlertChannel', params: IdParams, response: { 204: z.null(), ...errors } },
    handler: async (req, reply) => {
      await alerts.deleteChannel(principalOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  });

  r.post('/api/alerts/channels/:id/test', {
    config: { access: 'admin', owner: { kind: 'alertChannel', param: 'id' } },
    schema: { tags, operationId: 'testAlertChannel', params: IdParams, response: { 200: AlertTestResult, ...errors } },
    handler: (req) => alerts.testChannel(principalOf(req), req.params.id),
  });

  r.get('/api/alerts/rules', {
    config: { access: 'viewer' },
    schema: { tags, operationId: 'listAlertRules', response: { 200: AlertRuleList, ...errors } },
    handler: async (req) => ({ items: await alerts.listRules(teamScope(principalOf(req))) }),
  });

  r.get('/api/alerts/rules/:id', {
    config: { access: 'viewer', owner: { kind: 'alertRule', param: 'id' } },
    schema: { tags, operationId: 'getAlertRule', params: IdParams, response: { 200: AlertRule, ...errors } },
    handler: (req) => alerts.getRule(req.params.id),
  });

  r.post('/api/alerts/rules', {
    config: { access: 'operator' },
    schema: { tags, operationId: 'createAlertRule', body: CreateAlertRuleRequest, response: { 201: AlertRule, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await alerts.createRule(principalOf(req), req.body)),
  });

  r.patch('/api/alerts/rules/:id', {
    config: { access: 'operator', owner: { kind: 'alertRule', param: 'id' } },
    schema: { tags, operationId: 'updateAlertRule', params: IdParams, body: UpdateAlertRuleRequest, response: { 200: AlertRule, ...errors } },
    handler: (req) => alerts.updateRule(principalOf(req), req.params.id, req.body),
  });

  r.delete('/api/alerts/rules/:id', {
    config: { access: 'operator', owner: { kind: 'alertRule', param: 'id' } },
    schema: { tags, operationId: 'deleteAlertRule', params: IdParams, response: { 204: z.null(), ...errors } },
    handler: async (req, reply) => {
      await alerts.deleteRule(principalOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  });

  r.get('/api/alerts/silences', {
    config: { access: 'viewer' },
    schema: { tags, operationId: 'listAlertSilences', querystring: AlertSilenceQuery, response: { 200: AlertSilenceList, ...errors } },
    handler: async (req) => ({ items: await alerts.listSilences(req.query, teamScope(principalOf(req))) }),
  });

  r.post('/api/alerts/silences', {
    config: { access: 'operator' },
    schema: { tags, operationId: 'createAlertSilence', body: CreateAlertSilenceRequest, response: { 201: AlertSilence, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await alerts.createSilence(principalOf(req), req.body)),
  });

  r.delete('/api/alerts/silences/:id', {
    config: { access: 'operator', owner: { kind: 'alertSilence', param: 'id' } },
    schema: { tags, operationId: 'endAlertSilence', params: IdParams, response: { 204: z.null(), ...errors } },
    handler: async (req, reply) => {
      await alerts.endSilence(principalOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  });

  r.get('/api/alerts/history', {
    config: { access: 'viewer' },
    schema: { tags, operationId: 'listAlertHistory', querystring: AlertHistoryQuery, response: { 200: AlertHistoryPage, ...errors } },
    handler: (req) => alerts.history(req.query, teamScope(principalOf(req))),
  });

  r.get('/api/alerts/incidents', {
    config: { access: 'viewer' },
    schema: { tags, operationId: 'listAlertIncidents', querystring: AlertIncidentQuery, response: { 200: AlertIncidentPage, ...errors } },
    handler: (req) => alerts.incidentsPage(req.query, teamScope(principalOf(req))),
  });
}
