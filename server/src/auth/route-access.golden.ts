// The role each API operation needs, written down independently of the routes. Reviewed like a
// golden file: route-access.test.ts fails when a route declares a different role, when a route is
// missing from this table, or when the table names a route that no longer exists. Change an
// entry only on purpose, with the reason in the commit — a role relaxed by mistake is a security
// hole that every other access test would happily confirm.
import type { Access } from '../access/principal.js';

/** `METHOD /path/{param}` → the least role that may call it ('public': anyone, signed in or not). */
export const EXPECTED_ROUTE_ACCESS: Readonly<Record<string, Access>> = {
  'GET /api/alerts/channels': 'operator',
  'POST /api/alerts/channels': 'admin',
  'DELETE /api/alerts/channels/{id}': 'admin',
  'GET /api/alerts/channels/{id}': 'operator',
  'PUT /api/alerts/channels/{id}': 'admin',
  'POST /api/alerts/channels/{id}/test': 'admin',
  'GET /api/alerts/history': 'viewer',
  'GET /api/alerts/incidents': 'viewer',
  'GET /api/alerts/rules': 'viewer',
  'POST /api/alerts/rules': 'operator',
  'DELETE /api/alerts/rules/{id}': 'operator',
  'GET /api/alerts/rules/{id}': 'viewer',
  'PATCH /api/alerts/rules/{id}': 'operator',
  'GET /api/alerts/silences': 'viewer',
  'POST /api/alerts/silences': 'operator',
  'DELETE /api/alerts/silences/{id}': 'operator',

  'GET /api/audit': 'admin',

  'GET /api/auth/methods': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/ldap/login': 'public',
  'POST /api/auth/logout': 'viewer',
  'GET /api/auth/oidc/start': 'public',
  'GET /api/auth/oidc/callback': 'public',
  'GET /api/auth/me': 'viewer',
  'POST /api/auth/password': 'viewer',
  // Each user's own preferences (light or dark): every logged-in user has some.
  'GET /api/me/preferences': 'viewer',
  'PATCH /api/me/preferences': 'viewer',

  'GET /api/clusters': 'viewer',
  'POST /api/clusters': 'admin',
  'DELETE /api/clusters/{id}': 'admin',
  'GET /api/clusters/{id}': 'viewer',
  'PATCH /api/clusters/{id}': 'admin',
  'POST /api/clusters/{id}/check': 'operator',
  'GET /api/clusters/{id}/push-token': 'admin',
  'POST /api/clusters/{id}/push-token/rotate': 'admin',
  'POST /api/clusters/{id}/yarn-sessions': 'operator',
  'POST /api/clusters/{id}/stop-session': 'operator',

  'GET /api/events': 'viewer',

  'GET /api/health': 'public',

  'POST /api/jars': 'operator',

  'GET /api/lineage': 'viewer',
  'GET /api/lineage/tables': 'viewer',
  'GET /api/lineage/tables/{tableId}': 'viewer',

  'GET /api/openapi.json': 'public',

  'GET /api/overview/counts': 'viewer',
  'GET /api/overview/tasks': 'viewer',

  'GET /api/runs/{id}/health': 'viewer',
  'GET /api/runs/{runId}': 'viewer',
  'POST /api/runs/{runId}/cancel': 'operator',
  'GET /api/runs/{runId}/checkpoints': 'viewer',
  'GET /api/runs/{runId}/cluster': 'viewer',
  'GET /api/runs/{runId}/configuration': 'viewer',
  'GET /api/runs/{runId}/exceptions': 'viewer',
  'GET /api/runs/{runId}/graph': 'viewer',
  'GET /api/runs/{runId}/lineage': 'viewer',
  'GET /api/runs/{runId}/log-captures': 'viewer',
  'POST /api/runs/{runId}/log-captures': 'operator',
  'GET /api/runs/{runId}/log-captures/{captureId}/parts/{seq}': 'viewer',
  'GET /api/runs/{runId}/logs': 'viewer',
  'GET /api/runs/{runId}/metrics': 'viewer',
  'GET /api/runs/{runId}/metrics/available': 'viewer',
  'GET /api/runs/{runId}/metrics/selection': 'viewer',
  'PUT /api/runs/{runId}/metrics/selection': 'operator',
  'POST /api/runs/{runId}/refresh': 'operator',
  'POST /api/runs/{runId}/restart': 'operator',
  'POST /api/runs/{runId}/savepoint': 'operator',
  'GET /api/runs/{runId}/savepoints': 'viewer',
  'GET /api/tasks/{id}/savepoints': 'viewer',
  // A preview removes nothing: what a policy would dispose of is readable by any viewer.
  'POST /api/tasks/{id}/savepoints/retention/preview': 'viewer',
  'POST /api/tasks/{id}/savepoints/retention/apply': 'operator',
  'GET /api/tasks/{id}/savepoint-policy': 'viewer',
  'PUT /api/tasks/{id}/savepoint-policy': 'operator',
  'GET /api/runs/{runId}/sql': 'viewer',
  'POST /api/runs/{runId}/stop': 'operator',

  'GET /api/tasks': 'viewer',
  'POST /api/tasks': 'operator',
  'DELETE /api/tasks/{id}': 'operator',
  'GET /api/tasks/{id}': 'viewer',
  'PATCH /api/tasks/{id}': 'operator',
  'PUT /api/tasks/{id}/auto-restart': 'operator',
  'GET /api/tasks/{id}/health': 'viewer',
  'PUT /api/tasks/{id}/health-checks': 'operator',
  'POST /api/tasks/{id}/offline': 'operator',
  'POST /api/tasks/{id}/online': 'operator',
  'POST /api/tasks/{id}/publish': 'operator',
  'POST /api/sql/syntax': 'viewer',
  'POST /api/tasks/{id}/sql/validate': 'viewer',
  'POST /api/tasks/{id}/sql/catalog': 'viewer',
  'POST /api/tasks/{id}/sql/preview': 'operator',
  'POST /api/tasks/{id}/sql/preview/stream': 'operator',
  'GET /api/tasks/{id}/runs': 'viewer',
  'GET /api/tasks/{id}/versions': 'viewer',
  'GET /api/tasks/{id}/versions/{version}': 'viewer',
  'GET /api/tasks/{id}/versions/compare': 'viewer',
  'POST /api/tasks/bulk': 'operator',

  'GET /api/teams': 'viewer',
  'POST /api/teams': 'admin',
  'GET /api/teams/{id}': 'viewer',
  'PATCH /api/teams/{id}': 'admin',
  'DELETE /api/teams/{id}': 'admin',
  'GET /api/teams/{id}/members': 'viewer',
  'PUT /api/teams/{id}/members/{userId}': 'admin',
  'DELETE /api/teams/{id}/members/{userId}': 'admin',

  'GET /api/tokens': 'admin',
  'POST /api/tokens': 'admin',
  'DELETE /api/tokens/{id}': 'admin',

  'GET /api/users': 'admin',
  'POST /api/users': 'admin',
  'PATCH /api/users/{id}': 'admin',
};

/**
 * What each operation with a path parameter acts on (`kind:param`): the team that owns it decides,
 * beside the role above, whether the caller may. route-access.test.ts fails when a route names
 * another owner or none, and calls each one as a member of another team (404) and as a viewer of
 * the owning team (403 where more is needed).
 */
export const EXPECTED_ROUTE_OWNERS: Readonly<Record<string, string>> = {
  'GET /api/alerts/channels/{id}': 'alertChannel:id',
  'PUT /api/alerts/channels/{id}': 'alertChannel:id',
  'DELETE /api/alerts/channels/{id}': 'alertChannel:id',
  'POST /api/alerts/channels/{id}/test': 'alertChannel:id',
  'GET /api/alerts/rules/{id}': 'alertRule:id',
  'PATCH /api/alerts/rules/{id}': 'alertRule:id',
  'DELETE /api/alerts/rules/{id}': 'alertRule:id',
  'DELETE /api/alerts/silences/{id}': 'alertSilence:id',

  'GET /api/clusters/{id}': 'cluster:id',
  'PATCH /api/clusters/{id}': 'cluster:id',
  'DELETE /api/clusters/{id}': 'cluster:id',
  'POST /api/clusters/{id}/check': 'cluster:id',
  'GET /api/clusters/{id}/push-token': 'cluster:id',
  'POST /api/clusters/{id}/push-token/rotate': 'cluster:id',
  'POST /api/clusters/{id}/yarn-sessions': 'cluster:id',
  'POST /api/clusters/{id}/stop-session': 'cluster:id',

  'GET /api/runs/{id}/health': 'run:id',
  'GET /api/runs/{runId}': 'run:runId',
  'POST /api/runs/{runId}/cancel': 'run:runId',
  'GET /api/runs/{runId}/checkpoints': 'run:runId',
  'GET /api/runs/{runId}/cluster': 'run:runId',
  'GET /api/runs/{runId}/configuration': 'run:runId',
  'GET /api/runs/{runId}/exceptions': 'run:runId',
  'GET /api/runs/{runId}/graph': 'run:runId',
  'GET /api/runs/{runId}/lineage': 'run:runId',
  'GET /api/runs/{runId}/log-captures': 'run:runId',
  'POST /api/runs/{runId}/log-captures': 'run:runId',
  'GET /api/runs/{runId}/log-captures/{captureId}/parts/{seq}': 'run:runId',
  'GET /api/runs/{runId}/logs': 'run:runId',
  'GET /api/runs/{runId}/metrics': 'run:runId',
  'GET /api/runs/{runId}/metrics/available': 'run:runId',
  'GET /api/runs/{runId}/metrics/selection': 'run:runId',
  'PUT /api/runs/{runId}/metrics/selection': 'run:runId',
  'POST /api/runs/{runId}/refresh': 'run:runId',
  'POST /api/runs/{runId}/restart': 'run:runId',
  'POST /api/runs/{runId}/savepoint': 'run:runId',
  'GET /api/runs/{runId}/savepoints': 'run:runId',
  'GET /api/runs/{runId}/sql': 'run:runId',
  'POST /api/runs/{runId}/stop': 'run:runId',

  'GET /api/tasks/{id}': 'task:id',
  'PATCH /api/tasks/{id}': 'task:id',
  'DELETE /api/tasks/{id}': 'task:id',
  'PUT /api/tasks/{id}/auto-restart': 'task:id',
  'GET /api/tasks/{id}/health': 'task:id',
  'PUT /api/tasks/{id}/health-checks': 'task:id',
  'POST /api/tasks/{id}/offline': 'task:id',
  'POST /api/tasks/{id}/online': 'task:id',
  'POST /api/tasks/{id}/publish': 'task:id',
  'POST /api/tasks/{id}/sql/validate': 'task:id',
  'POST /api/tasks/{id}/sql/catalog': 'task:id',
  'POST /api/tasks/{id}/sql/preview': 'task:id',
  'POST /api/tasks/{id}/sql/preview/stream': 'task:id',
  'GET /api/tasks/{id}/runs': 'task:id',
  'GET /api/tasks/{id}/savepoints': 'task:id',
  'POST /api/tasks/{id}/savepoints/retention/preview': 'task:id',
  'POST /api/tasks/{id}/savepoints/retention/apply': 'task:id',
  'GET /api/tasks/{id}/savepoint-policy': 'task:id',
  'PUT /api/tasks/{id}/savepoint-policy': 'task:id',
  'GET /api/tasks/{id}/versions': 'task:id',
  'GET /api/tasks/{id}/versions/{version}': 'task:id',
  'GET /api/tasks/{id}/versions/compare': 'task:id',

  'GET /api/teams/{id}': 'team:id',
  'PATCH /api/teams/{id}': 'team:id',
  'DELETE /api/teams/{id}': 'team:id',
  'GET /api/teams/{id}/members': 'team:id',
  'PUT /api/teams/{id}/members/{userId}': 'team:id',
  'DELETE /api/teams/{id}/members/{userId}': 'team:id',
};

/** Operations with a path parameter that names nothing a team owns, and why that is safe. */
export const NOT_TEAM_OWNED: Readonly<Record<string, string>> = {
  'PATCH /api/users/{id}': 'accounts are Weir-wide; the service lets only global admins change them',
  'DELETE /api/tokens/{id}': "the service answers another team's token as absent (404)",
  'GET /api/lineage/tables/{tableId}': "a table belongs to no team; the lineage service shows it only through the caller's teams' tasks",
};

/**
 * Operations that a team's admin may not call although their role passes the route's gate: they
 * change what is Weir-wide (accounts, the set of teams). Called as a team admin they answer 403.
 */
export const GLOBAL_ADMIN_ONLY: readonly string[] = ['POST /api/users', 'PATCH /api/users/{id}', 'POST /api/teams'];
