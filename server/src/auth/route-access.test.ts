import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Role } from '@weir/contract';
import { newId } from '../db/ids.js';
import { startTestWeir, testApp, type TestWeir } from '../test-support/weir.js';
import { ACCESS_EXTENSION, declaredRoutes, SESSION_COOKIE } from './auth.plugin.js';
import { sha256 } from './auth.service.js';
import { roleAllows, SYSTEM_PRINCIPAL, type Access } from '../access/principal.js';
import { EXPECTED_ROUTE_ACCESS, EXPECTED_ROUTE_OWNERS, GLOBAL_ADMIN_ONLY, NOT_TEAM_OWNED } from './route-access.golden.js';
import { ClustersStore } from '../clusters/clusters.store.js';
import { RunsStore } from '../runs/runs.store.js';
import { TasksStore } from '../tasks/tasks.store.js';
import type { OwnedKind } from '../teams/teams.store.js';
import { SessionsStore } from './sessions.store.js';
import { sampleFromSchema, type JsonSchema } from '../test-support/schema-samples.js';

/*
 * Every operation of the API description, called as every kind of caller. The role each route
 * declares (config.access, published as x-weir-access) must equal the role written down apart in
 * route-access.golden.ts; the calls below then prove the routes enforce it.
 */

const ROLES: Role[] = ['viewer', 'operator', 'admin'];
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes anyone may call. A new public route must be added here on purpose. */
// The ways to log in, and logging in: what a login page needs before anyone is known.
const PUBLIC_ROUTES = new Set(['GET /api/auth/methods', 'POST /api/auth/login', 'POST /api/auth/ldap/login', 'GET /api/auth/oidc/start', 'GET /api/auth/oidc/callback', 'GET /api/health', 'GET /api/openapi.json']);

interface Operation {
  method: string;
  /** OpenAPI path template, e.g. /api/clusters/{id}. */
  template: string;
  operationId: string;
  access: Access;
  path: string;
  body?: unknown;
  query: string;
}

let weir: TestWeir;
let app: FastifyInstance;
let base: string;
let spec: { paths: Record<string, Record<string, Record<string, unknown>>>; components?: { schemas?: Record<string, JsonSchema> } };
let operations: Operation[];
const tokens = {} as Record<Role | 'revoked' | TeamCaller, string>;
const userIds = {} as Record<Role | TeamCaller, string>;

/**
 * Callers that hold roles in teams only (global role `none`): an admin of team A, which owns
 * nothing below, and a viewer of team B, which owns one of each kind of thing.
 */
type TeamCaller = 'teamAAdmin' | 'teamBViewer';
/** Team B's things, by kind: what team A's admin must not reach. */
const ofTeamB = {} as Record<OwnedKind, string>;
/** Text that appears only in team B's things: no list may show it to team A. */
const TEAM_B_MARK = 'only-team-b';
let teamAId: string;

async function session(role: Role | TeamCaller): Promise<{ cookie: string; csrf: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const now = Date.now();
  await new SessionsStore(weir.database).create({ id: sha256(token), userId: userIds[role], csrfToken: csrf, createdAt: now, expiresAt: now + 3_600_000 });
  return { cookie: `${SESSION_COOKIE}=${token}`, csrf };
}

/** The path of an operation with the given values for some of its parameters (the others: ids that exist nowhere). */
function pathWith(op: Operation, values: Record<string, string>): string {
  return op.template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? newId());
}

/** Team B with one thing of each kind, team A with nothing, and their two callers. */
async function setUpTeams(): Promise<void> {
  const { teams, auth } = weir.services;
  const teamA = await teams.create(SYSTEM_PRINCIPAL, { name: 'route-team-a' });
  const teamB = await teams.create(SYSTEM_PRINCIPAL, { name: `route-team-b-${TEAM_B_MARK}` });
  teamAId = teamA.id;
  const db = weir.database;
  const cluster = await new ClustersStore(db).create({ name: `cluster-${TEAM_B_MARK}`, restUrl: 'http://127.0.0.1:9/', teamId: teamB.id });
  const task = await new TasksStore(db).create({ name: `task-${TEAM_B_MARK}`, kind: 'SQL', executionMode: 'STREAMING', clusterId: cluster.id, teamId: teamB.id, draftContent: 'SELECT 1' });
  const { run } = await new RunsStore(db).upsertByJob({ taskId: task.id, clusterId: cluster.id, flinkJobId: 'b'.repeat(32), jobName: task.name, status: 'RUNNING', executionMode: 'STREAMING', startTime: Date.now() });
  const now = Date.now();
  const [channelId, ruleId, silenceId] = [newId(), newId(), newId()];
  await db.db.insertInto('alert_channels').values({ id: channelId, name: `channel-${TEAM_B_MARK}`, type: 'webhook', config: JSON.stringify({ url: 'https://hooks.example.com/b' }), enabled: 1, created_by: 'admin', created_at: now, updated_at: now, deleted_at: null, team_id: teamB.id }).execute();
  await db.db
    .insertInto('alert_rules')
    .values({ id: ruleId, name: `rule-${TEAM_B_MARK}`, condition_kind: 'status', condition: JSON.stringify({ kind: 'status', statuses: ['FAILED'] }), scope: JSON.stringify({ kind: 'all' }), channel_ids: JSON.stringify([channelId]), renotify_interval_ms: null, enabled: 1, created_by: 'admin', created_at: now, updated_at: now, deleted_at: null, team_id: teamB.id })
    .execute();
  await db.db.insertInto('alert_silences').values({ id: silenceId, rule_id: ruleId, task_id: task.id, starts_at: now, ends_at: now + 3_600_000, reason: `silence-${TEAM_B_MARK}`, created_by: 'admin', created_at: now, team_id: teamB.id }).execute();
  Object.assign(ofTeamB, { task: task.id, run: run.id, cluster: cluster.id, team: teamB.id, alertChannel: channelId, alertRule: ruleId, alertSilence: silenceId });

  const callers: Array<[TeamCaller, string, Role]> = [
    ['teamAAdmin', teamA.id, 'admin'],
    ['teamBViewer', teamB.id, 'viewer'],
  ];
  for (const [caller, teamId, role] of callers) {
    const user = await auth.createUser(SYSTEM_PRINCIPAL, { username: `route-${caller}`, password: 'route-access-password', role: 'none', teams: [{ teamId, role }] });
    userIds[caller] = user.id;
    tokens[caller] = (await auth.createToken(SYSTEM_PRINCIPAL, `route-${caller}`, role, { teamId })).secret;
  }
}

interface Answer {
  status: number;
  code?: string;
}

/** Calls the running app over HTTP; an event stream is closed as soon as its status is known. */
async function call(op: Operation, headers: Record<string, string>, body: unknown): Promise<Answer> {
  const controller = new AbortController();
  const init: RequestInit = { method: op.method, headers: { ...headers }, signal: controller.signal };
  if (body !== undefined) {
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(`${base}${op.path}${op.query}`, init);
  if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
    controller.abort();
    return { status: res.status };
  }
  const text = await res.text();
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
  } catch {
    /* not JSON */
  }
  return { status: res.status, code };
}

const label = (op: Operation) => `${op.method} ${op.template} (${op.operationId}, needs ${op.access})`;
const bodiesFor = (op: Operation): Array<{ name: string; body: unknown }> =>
  op.body === undefined
    ? [{ name: 'no body', body: undefined }]
    : [
        { name: 'a valid body', body: op.body },
        // Authorization runs before validation: a wrong body must not turn a 401/403 into a 400.
        { name: 'an invalid body', body: { 'not-a-field': [1, 2, 3] } },
      ];

before(async () => {
  weir = await startTestWeir({ background: false });
  app = await testApp(weir);
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  spec = app.swagger() as unknown as typeof spec;

  for (const role of ROLES) {
    const user = await weir.services.auth.createUser(SYSTEM_PRINCIPAL, { username: `route-${role}`, password: 'route-access-password', role });
    userIds[role] = user.id;
    tokens[role] = (await weir.services.auth.createToken(SYSTEM_PRINCIPAL, `route-${role}`, role)).secret;
  }
  const revoked = await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'route-revoked', 'admin');
  await weir.services.auth.revokeToken(SYSTEM_PRINCIPAL, revoked.token.id);
  tokens.revoked = revoked.secret;
  await setUpTeams();

  const routes = declaredRoutes(app);
  operations = [];
  for (const [template, methods] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const op = operation as { operationId: string; [ACCESS_EXTENSION]?: Access; requestBody?: { content?: Record<string, { schema: JsonSchema }> }; parameters?: Array<{ in: string; name: string; required?: boolean; schema: JsonSchema }> };
      const url = template.replace(/\{(\w+)\}/g, ':$1');
      const declared = routes.find((r) => r.method === method.toUpperCase() && r.url === url);
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const body = bodySchema ? sampleFromSchema(bodySchema, spec.components?.schemas ?? {}) : undefined;
      if (bodySchema && declared?.schema?.body) {
        // The sample must pass the route's own validator, or a 401/403 below would prove nothing.
        const parsed = (declared.schema.body as { safeParse(v: unknown): { success: boolean; error?: { issues: unknown } } }).safeParse(body);
        assert.ok(parsed.success, `the sample body for ${method.toUpperCase()} ${template} does not pass its schema (teach schema-samples.ts): ${JSON.stringify(parsed.error?.issues)}`);
      }
      const query = (op.parameters ?? [])
        .filter((p) => p.in === 'query' && p.required)
        .map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(String(sampleFromSchema(p.schema, {})))}`)
        .join('&');
      operations.push({
        method: method.toUpperCase(),
        template,
        operationId: op.operationId,
        access: op[ACCESS_EXTENSION] as Access,
        // Real-looking ids that exist nowhere: a missing check would show as a 404, not a 401.
        path: template.replace(/\{\w+\}/g, () => newId()),
        body,
        query: query ? `?${query}` : '',
      });
    }
  }
});

after(async () => {
  await app?.close();
  await weir?.stop();
});

describe('route access, for every operation in the API description', () => {
  it('every route needs exactly the role the reviewed table expects, and the table names no other route', () => {
    const declared = new Map<string, Access>(declaredRoutes(app).map((r) => [`${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`, r.access]));
    const problems: string[] = [];
    for (const [route, access] of declared) {
      const expected = EXPECTED_ROUTE_ACCESS[route];
      if (expected === undefined) problems.push(`${route} (declares ${access}) is missing from route-access.golden.ts`);
      else if (expected !== access) problems.push(`${route} declares ${access}, the table expects ${expected}`);
    }
    for (const route of Object.keys(EXPECTED_ROUTE_ACCESS)) {
      if (!declared.has(route)) problems.push(`${route} is in route-access.golden.ts but no such route exists`);
    }
    assert.deepEqual(problems, []);
  });

  it('the description lists every API route with the access the route declares', () => {
    const routes = declaredRoutes(app);
    assert.ok(routes.length >= 30, `only ${routes.length} API routes registered`);
    for (const route of routes) {
      const template = route.url.replace(/:(\w+)/g, '{$1}');
      const op = spec.paths[template]?.[route.method.toLowerCase()];
      if (route.schema?.hide) {
        assert.equal(route.access, 'public', `${route.method} ${route.url} is hidden from the description but not public`);
        continue;
      }
      assert.ok(op, `${route.method} ${route.url} is missing from the API description`);
      assert.equal(op[ACCESS_EXTENSION], route.access, `${route.method} ${route.url}: x-weir-access differs from config.access`);
      assert.deepEqual(op.security, route.access === 'public' ? [] : [{ session: [] }, { token: [] }]);
    }
    for (const op of operations) assert.ok(['public', ...ROLES].includes(op.access), `${label(op)} has no valid x-weir-access`);
  });

  it('only the login, health and description routes are public', () => {
    const declaredPublic = declaredRoutes(app).filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`);
    assert.deepEqual(new Set(declaredPublic), PUBLIC_ROUTES);
  });

  it('anonymous callers get 401 on every non-public operation, whatever the body', async () => {
    let checked = 0;
    for (const op of operations.filter((o) => o.access !== 'public')) {
      for (const { name, body } of bodiesFor(op)) {
        const answer = await call(op, {}, body);
        assert.deepEqual(answer, { status: 401, code: 'UNAUTHENTICATED' }, `${label(op)} anonymous with ${name}`);
        checked += 1;
      }
    }
    assert.ok(checked >= 30);
  });

  it('a revoked token, or a token Weir never issued, gets 401 on every operation', async () => {
    for (const op of operations) {
      for (const token of [tokens.revoked, `weir_${randomBytes(30).toString('base64url')}`]) {
        const answer = await call(op, { authorization: `Bearer ${token}` }, op.body);
        assert.deepEqual(answer, { status: 401, code: 'UNAUTHENTICATED' }, `${label(op)} with a revoked/unknown token`);
      }
    }
  });

  it('a role below the one required gets 403 (viewer on every mutating operation that needs more, operator on admin ones)', async () => {
    let mutatingDeniedToViewer = 0;
    let adminDeniedToOperator = 0;
    for (const op of operations.filter((o) => o.access !== 'public')) {
      for (const role of ROLES.filter((r) => !roleAllows(r, op.access as Role))) {
        for (const { name, body } of bodiesFor(op)) {
          const byToken = await call(op, { authorization: `Bearer ${tokens[role]}` }, body);
          assert.deepEqual(byToken, { status: 403, code: 'FORBIDDEN' }, `${label(op)} as a ${role} token with ${name}`);
          // The same through a browser session that sends its CSRF token: the role, not CSRF, refuses.
          const s = await session(role);
          const bySession = await call(op, { cookie: s.cookie, 'x-csrf-token': s.csrf }, body);
          assert.deepEqual(bySession, { status: 403, code: 'FORBIDDEN' }, `${label(op)} as a ${role} session with ${name}`);
        }
        if (role === 'viewer' && MUTATING.has(op.method)) mutatingDeniedToViewer += 1;
        if (role === 'operator' && op.access === 'admin') adminDeniedToOperator += 1;
      }
    }
    assert.ok(mutatingDeniedToViewer >= 15, `only ${mutatingDeniedToViewer} mutating operations checked for viewers`);
    assert.ok(adminDeniedToOperator >= 10, `only ${adminDeniedToOperator} admin operations checked for operators`);
  });

  it('the role an operation declares is enough: it passes authorization with a valid body', async () => {
    for (const op of operations) {
      const headers: Record<string, string> = {};
      if (op.access !== 'public') {
        const s = await session(op.access);
        Object.assign(headers, { cookie: s.cookie, 'x-csrf-token': s.csrf });
      }
      // Logging in is the one public operation whose answer depends on the body: give it a real account.
      const body = op.operationId === 'login' ? { username: 'route-viewer', password: 'route-access-password' } : op.body;
      const answer = await call(op, headers, body);
      assert.ok(answer.status !== 401 && !(answer.status === 403 && (answer.code === 'FORBIDDEN' || answer.code === 'CSRF')), `${label(op)} refused its own role: ${JSON.stringify(answer)}`);
    }
  });

  it('every operation that answers with an event stream ends it when the token it was opened with is revoked', async () => {
    let streams = 0;
    for (const op of operations.filter((o) => o.method === 'GET' && o.access !== 'public')) {
      const { token, secret } = await weir.services.auth.createToken(SYSTEM_PRINCIPAL, `stream-${op.operationId}`, op.access as Role);
      const controller = new AbortController();
      const res = await fetch(`${base}${op.path}${op.query}`, { headers: { authorization: `Bearer ${secret}` }, signal: controller.signal });
      if (!res.headers.get('content-type')?.startsWith('text/event-stream')) {
        await res.text();
        continue;
      }
      streams += 1;
      const reader = res.body!.getReader();
      await reader.read(); // the stream is open
      await weir.services.auth.revokeToken(SYSTEM_PRINCIPAL, token.id);
      let done = false;
      while (!done) done = (await reader.read()).done;
      controller.abort();
    }
    assert.ok(streams >= 1, 'no event stream found among the operations');
  });
});

describe("route access across teams: another team's things are out of reach", () => {
  const owned = () => operations.filter((op) => EXPECTED_ROUTE_OWNERS[`${op.method} ${op.template}`]);
  const ownerOf = (op: Operation) => {
    const [kind, param] = EXPECTED_ROUTE_OWNERS[`${op.method} ${op.template}`]!.split(':') as [OwnedKind, string];
    return { kind, param };
  };

  it('every operation with a path parameter names what it acts on, as the reviewed table expects', () => {
    const problems: string[] = [];
    for (const route of declaredRoutes(app)) {
      if (!route.url.includes(':')) continue;
      const key = `${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`;
      const declared = route.owner ? `${route.owner.kind}:${route.owner.param}` : undefined;
      const expected = EXPECTED_ROUTE_OWNERS[key];
      if (expected === undefined && !NOT_TEAM_OWNED[key]) problems.push(`${key} (owner ${declared ?? 'none'}) is in neither EXPECTED_ROUTE_OWNERS nor NOT_TEAM_OWNED`);
      else if (expected !== undefined && expected !== declared) problems.push(`${key} names owner ${declared ?? 'none'}, the table expects ${expected}`);
      else if (expected === undefined && declared) problems.push(`${key} names owner ${declared} but is listed as NOT_TEAM_OWNED`);
    }
    assert.deepEqual(problems, []);
  });

  it("a team's admin gets 404 for every operation on another team's task, run, cluster, team or alert setting, by session and by token", async () => {
    let checked = 0;
    for (const op of owned()) {
      const { kind, param } = ownerOf(op);
      const path = pathWith(op, { [param]: ofTeamB[kind] });
      const s = await session('teamAAdmin');
      const ways: Array<[string, Record<string, string>]> = [
        ['session', { cookie: s.cookie, 'x-csrf-token': s.csrf }],
        ['token', { authorization: `Bearer ${tokens.teamAAdmin}` }],
      ];
      for (const [way, headers] of ways) {
        const answer = await call({ ...op, path }, headers, op.body);
        assert.deepEqual(answer, { status: 404, code: 'NOT_FOUND' }, `${label(op)} on team B's ${kind} as team A's admin (${way})`);
        checked += 1;
      }
    }
    assert.ok(checked >= 100, `only ${checked} calls checked`);
  });

  it("a viewer of the owning team gets 403 where more is needed, and past the team check where a viewer suffices", async () => {
    let refused = 0;
    let reached = 0;
    for (const op of owned()) {
      const { kind, param } = ownerOf(op);
      const path = pathWith(op, { [param]: ofTeamB[kind] });
      const answer = await call({ ...op, path }, { authorization: `Bearer ${tokens.teamBViewer}` }, op.body);
      if (op.access === 'viewer') {
        // The thing exists and is the viewer's team's: whatever the handler answers, it is not the team check's 403/404.
        assert.ok(answer.status !== 401 && answer.status !== 403 && !(answer.status === 404 && answer.code === 'NOT_FOUND' && (await teamRefusal(op, path))), `${label(op)} refused team B's viewer: ${JSON.stringify(answer)}`);
        reached += 1;
      } else {
        assert.deepEqual(answer, { status: 403, code: 'FORBIDDEN' }, `${label(op)} on team B's ${kind} as team B's viewer`);
        refused += 1;
      }
    }
    assert.ok(refused >= 25 && reached >= 25, `${refused} refused, ${reached} reached`);
  });

  it("no list shows team A's admin anything of team B: tasks, overview and its cards, clusters, alerts, audit, tokens, lineage, teams", async () => {
    const lists = operations.filter((op) => op.method === 'GET' && op.access !== 'public' && !op.template.includes('{') && op.template !== '/api/events');
    assert.ok(lists.length >= 12, `only ${lists.length} list operations`);
    const s = await session('teamAAdmin');
    for (const op of lists) {
      const ways: Array<Record<string, string>> = [{ cookie: s.cookie }, { authorization: `Bearer ${tokens.teamAAdmin}` }];
      for (const headers of ways) {
        const res = await fetch(`${base}${op.path}${op.query}`, { headers });
        const text = await res.text();
        assert.ok(res.status === 200 || res.status === 403, `${label(op)} as team A's admin: ${res.status} ${text.slice(0, 200)}`);
        assert.ok(!text.includes(TEAM_B_MARK), `${label(op)} shows team A's admin something of team B: ${text.slice(0, 300)}`);
        for (const id of Object.values(ofTeamB)) assert.ok(!text.includes(id), `${label(op)} shows team A's admin the id ${id} of team B`);
      }
    }
    const counts = (await (await fetch(`${base}/api/overview/counts`, { headers: { authorization: `Bearer ${tokens.teamAAdmin}` } })).json()) as { total: number };
    assert.equal(counts.total, 0, "the status cards count team B's job for team A");
    const bCounts = (await (await fetch(`${base}/api/overview/counts`, { headers: { authorization: `Bearer ${tokens.teamBViewer}` } })).json()) as { total: number };
    assert.equal(bCounts.total, 1, "the status cards count team B's job for team B");
  });

  it("something every team shares is read with the caller's team role and changed only with a global one", async () => {
    const now = Date.now();
    const id = newId();
    await weir.database.db.insertInto('alert_channels').values({ id, name: 'shared-on-call', type: 'webhook', config: JSON.stringify({ url: 'https://hooks.example.com/shared' }), enabled: 1, created_by: 'admin', created_at: now, updated_at: now, deleted_at: null, team_id: null }).execute();
    const headers = { authorization: `Bearer ${tokens.teamAAdmin}` };
    const read = await fetch(`${base}/api/alerts/channels/${id}`, { headers });
    assert.equal(read.status, 200, await read.text());
    const change = await fetch(`${base}/api/alerts/channels/${id}`, { method: 'DELETE', headers });
    assert.deepEqual({ status: change.status, code: ((await change.json()) as { error: { code: string } }).error.code }, { status: 403, code: 'FORBIDDEN' });
  });

  it("a team's admin may not change what is Weir-wide: accounts, and which teams exist", async () => {
    const s = await session('teamAAdmin');
    for (const route of [...GLOBAL_ADMIN_ONLY, 'DELETE /api/teams/{id}']) {
      const op = operations.find((o) => `${o.method} ${o.template}` === route);
      assert.ok(op, `${route} is not an operation`);
      const path = pathWith(op, { id: route.includes('/teams/') ? teamAId : userIds.viewer });
      const answer = await call({ ...op, path }, { cookie: s.cookie, 'x-csrf-token': s.csrf }, op.body);
      assert.deepEqual(answer, { status: 403, code: 'FORBIDDEN' }, `${route} as team A's admin`);
    }
  });
});

/** Whether a 404 for `path` is the team check's (the same call as a global admin answers otherwise). */
async function teamRefusal(op: Operation, path: string): Promise<boolean> {
  const asAdmin = await call({ ...op, path }, { authorization: `Bearer ${tokens.admin}` }, op.body);
  return !(asAdmin.status === 404 && asAdmin.code === 'NOT_FOUND');
}

/**
 * Sends the headers of a request that declares `declaredBytes` of body, then only its first KiB,
 * and waits for the answer. An answer that arrives proves the server decided without reading the
 * body (it never had it); the connection is closed then.
 */
function answerBeforeBody(method: string, path: string, headers: Record<string, string>, declaredBytes: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, headers: { 'content-type': 'application/json', ...headers, 'content-length': String(declaredBytes) } });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        req.destroy();
        let code: string | undefined;
        try {
          code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
        } catch {
          /* not JSON */
        }
        resolve({ status: res.statusCode ?? 0, code });
      });
    });
    req.on('error', reject);
    req.write(`{"username":"${'a'.repeat(1000)}`);
  });
}

const TWO_MIB = 2 * 1024 * 1024;

describe('request size limits', { timeout: 60_000 }, () => {
  it('a public operation refuses a body over 1 MiB with 413 before reading it', async () => {
    const withBody = operations.filter((o) => o.access === 'public' && MUTATING.has(o.method));
    assert.ok(withBody.some((o) => o.operationId === 'login'));
    for (const op of withBody) {
      const answer = await answerBeforeBody(op.method, op.path, {}, TWO_MIB);
      assert.deepEqual(answer, { status: 413, code: 'PAYLOAD_TOO_LARGE' }, `${label(op)} with a 2 MiB body`);
    }
  });

  it('anonymous callers get 401 on every non-public operation before any body is read', async () => {
    for (const op of operations.filter((o) => o.access !== 'public' && MUTATING.has(o.method))) {
      const answer = await answerBeforeBody(op.method, op.path, {}, TWO_MIB);
      assert.deepEqual(answer, { status: 401, code: 'UNAUTHENTICATED' }, `${label(op)} anonymous with a 2 MiB body`);
    }
  });

  it('a body over 1 MiB is refused on every operation but the jar upload, for every role', async () => {
    for (const op of operations.filter((o) => o.access !== 'public' && MUTATING.has(o.method) && o.operationId !== 'uploadJar')) {
      const answer = await answerBeforeBody(op.method, op.path, { authorization: `Bearer ${tokens.admin}` }, TWO_MIB);
      assert.deepEqual(answer, { status: 413, code: 'PAYLOAD_TOO_LARGE' }, `${label(op)} as an admin with a 2 MiB body`);
    }
  });

  it('a viewer uploading a jar is refused before the body is read', async () => {
    const answer = await answerBeforeBody('POST', '/api/jars', { authorization: `Bearer ${tokens.viewer}`, 'content-type': 'multipart/form-data; boundary=x' }, 50 * 1024 * 1024);
    assert.deepEqual(answer, { status: 403, code: 'FORBIDDEN' });
  });

  it('an operator may upload a jar larger than the default limit', async () => {
    const boundary = 'weir-size-limit';
    const jar = zipOf(TWO_MIB);
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="jarfile"; filename="big.jar"\r\nContent-Type: application/java-archive\r\n\r\n`),
      jar,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await fetch(`${base}/api/jars`, { method: 'POST', headers: { authorization: `Bearer ${tokens.operator}`, 'content-type': `multipart/form-data; boundary=${boundary}` }, body });
    assert.equal(res.status, 201, await res.text());
  });
});

/** A stored (uncompressed) zip of one entry of `size` bytes: a jar as far as Weir checks. */
function zipOf(size: number): Buffer {
  const name = Buffer.from('data.bin');
  const data = Buffer.alloc(size, 7);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(size, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(size, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + size, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}
