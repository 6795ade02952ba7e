import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { SERVER_TIME_HEADER } from '@weir/contract';
import { alertsRoutes } from './alerts/alerts.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { registerAuth, withAccessInOpenApi } from './auth/auth.plugin.js';
import { authRoutes } from './auth/auth.routes.js';
import { oidcRoutes } from './auth/oidc/oidc.routes.js';
import { teamsRoutes } from './teams/teams.routes.js';
import { preferencesRoutes } from './preferences/preferences.routes.js';
import { clustersRoutes } from './clusters/clusters.routes.js';
import { clusterPushRoutes } from './cluster-push/cluster-push.routes.js';
import { registerErrorHandling } from './errors/error-handler.js';
import { eventsRoutes } from './events/events.routes.js';
import { DEFAULT_BODY_LIMIT_BYTES } from './http/body-limits.js';
import { registerWebApp } from './http/web-app.js';
import { healthRoutes } from './health/health.routes.js';
import { jobHealthRoutes } from './health/job-health.routes.js';
import { lineageRoutes } from './lineage/lineage.routes.js';
import { logCapturesRoutes } from './log-captures/log-captures.routes.js';
import { metricsExportRoutes } from './metrics-export/metrics-export.routes.js';
import { metricsRoutes } from './metrics/metrics.routes.js';
import { savepointsRoutes } from './savepoints/savepoints.routes.js';
import { operationsRoutes } from './operations/operations.routes.js';
import { overviewRoutes } from './overview/overview.routes.js';
import { runDetailRoutes } from './run-detail/run-detail.routes.js';
import { tasksRoutes } from './tasks/tasks.routes.js';
import { sqlAuthoringRoutes } from './sql-authoring/sql-authoring.routes.js';
import type { Services } from './services.js';

export const API_VERSION = '0.1.0';

/**
 * Sent with every answer, the web app's pages included. Scripts only from Weir itself (the built
 * app has no inline script); inline styles are allowed because antd writes its CSS-in-JS into
 * <style> elements. No framing (clickjacking of the stop/cancel buttons), no MIME sniffing, and
 * no addresses of Weir's pages (run ids, filters) sent to other sites.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export interface AppOptions {
  services: Services;
  logLevel?: string;
  webDir?: string;
  secureCookies?: boolean;
  sessionTtlMs: number;
  /** Which proxies' X-Forwarded-For to believe (WEIR_TRUST_PROXY); none by default. */
  trustProxy?: false | number | string[];
}

/** Fastify takes a hop count too, but its types do not say so: the same rule as a function. */
function trustProxyOption(setting: AppOptions['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting ?? false;
}

/**
 * Builds the HTTP application: API routes (each a thin pass-through to a
 * service), the OpenAPI description of them, and the built web app.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info' },
    // Per-request lines would drown the watcher's and the operations' logs.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: DEFAULT_BODY_LIMIT_BYTES,
    // request.ip is the socket's address unless the peer is a proxy the operator named.
    trustProxy: trustProxyOption(options.trustProxy),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const serveWeb = Boolean(options.webDir && fs.existsSync(path.join(options.webDir, 'index.html')));
  registerErrorHandling(app, { spaFallback: serveWeb });
  app.addHook('onSend', async (_request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    // The web app counts running durations on from Weir's clock, not the browser's (web/src/api/server-clock.ts).
    reply.header(SERVER_TIME_HEADER, String(Date.now()));
  });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Weir API', version: API_VERSION, description: 'Operations center for Apache Flink jobs' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'weir_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: withAccessInOpenApi(jsonSchemaTransform),
    transformObject: jsonSchemaTransformObject,
  });

  const { services } = options;
  registerAuth(app, services.auth, (kind, id) => services.teamsStore.ownerOf(kind, id));
  authRoutes(app, {
    auth: services.auth,
    methods: {
      local: services.identity.localLogin,
      oidc: services.identity.oidc ? { label: services.identity.oidc.config.label } : null,
      ldap: services.identity.ldap ? { label: services.identity.ldap.label } : null,
    },
    oidc: services.identity.oidc,
    ldap: services.identity.ldap,
    secureCookies: options.secureCookies ?? false,
    sessionTtlMs: options.sessionTtlMs,
  });
  oidcRoutes(app, { auth: services.auth, oidc: services.identity.oidc, secureCookies: options.secureCookies ?? false, sessionTtlMs: options.sessionTtlMs });
  preferencesRoutes(app, services.preferences);
  teamsRoutes(app, services.teams);
  clustersRoutes(app, services.clusters, services.yarnSessions);
  clusterPushRoutes(app, services.clusterPush);
  auditRoutes(app, services.audit);
  alertsRoutes(app, services.alerts.service);
  eventsRoutes(app, services.relay.pages, services.liveStreams);
  overviewRoutes(app, services.overview);
  runDetailRoutes(app, services.runDetail);
  logCapturesRoutes(app, services.logCaptures);
  tasksRoutes(app, services.tasksService);
  sqlAuthoringRoutes(app, services.sqlAuthoring, async (id) => (await services.tasksService.record(id)).teamId);
  lineageRoutes(app, services.lineage);
  operationsRoutes(app, services.operations);
  savepointsRoutes(app, { catalog: services.savepointCatalog, retention: services.savepointRetention, policies: services.savepointPolicies });
  metricsRoutes(app, services.metrics);
  metricsExportRoutes(app, services.metricsExport);
  healthRoutes(app, { database: services.database, clusters: services.clusters, leases: services.leases, version: API_VERSION });
  jobHealthRoutes(app, services.health.service);

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());

  if (serveWeb) await registerWebApp(app, options.webDir!);
  return app;
}
