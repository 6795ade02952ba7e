import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { GlobalRole, Role } from '@weir/contract';
import { ClustersStore } from '../clusters/clusters.store.js';
import { TasksStore } from '../tasks/tasks.store.js';
import { TeamsStore } from '../teams/teams.store.js';
import { SESSION_COOKIE } from '../auth/auth.plugin.js';
import { sha256 } from '../auth/auth.service.js';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import { SessionsStore } from '../auth/sessions.store.js';
import { startTestWeir, testApp, type TestWeir } from '../test-support/weir.js';
import type { WeirEvent } from './events.js';
import { EventStream } from '../test-support/event-stream.js';

/*
 * Real HTTP, real event streams: a stream is a request that lasts for hours, so it must end when
 * the credential it was opened with stops being good, not only be checked when it starts.
 */

let weir: TestWeir;
let app: FastifyInstance;
let base: string;
let serial = 0;

async function openStream(headers: Record<string, string>): Promise<EventStream> {
  return EventStream.open(base, headers);
}

async function user(role: GlobalRole = 'viewer', teams: Array<{ teamId: string; role: Role }> = []): Promise<{ id: string; cookie: string; csrf: string; sessionId: string }> {
  serial += 1;
  const created = await weir.services.auth.createUser(SYSTEM_PRINCIPAL, { username: `streamer-${serial}`, password: 'streamer-password', role, teams });
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const now = Date.now();
  await new SessionsStore(weir.database).create({ id: sha256(token), userId: created.id, csrfToken: csrf, createdAt: now, expiresAt: now + 3_600_000 });
  return { id: created.id, cookie: `${SESSION_COOKIE}=${token}`, csrf, sessionId: sha256(token) };
}

function runStatus(jobName: string, taskId = 'T'): WeirEvent {
  return { type: 'run.status', from: 'RUNNING', to: 'FAILED', at: Date.now(), restartCount: 0, runId: 'R', taskId, taskName: jobName, clusterId: 'C', clusterName: 'c', flinkJobId: 'f', jobName };
}

before(async () => {
  weir = await startTestWeir({ background: false, config: { liveStreams: { perPrincipal: 2, recheckMs: 100 } } });
  app = await testApp(weir);
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});

after(async () => {
  await app?.close();
  await weir?.stop();
});

describe('live event streams end with their credential', () => {
  it('a token’s stream gets events, and ends when the token is revoked; reconnecting is refused', async () => {
    const { token, secret } = await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'stream-token', 'viewer');
    const stream = await openStream({ authorization: `Bearer ${secret}` });
    weir.services.bus.publish(runStatus('before-revoke'));
    await stream.waitFor('before-revoke');
    await weir.services.auth.revokeToken(SYSTEM_PRINCIPAL, token.id);
    assert.match(await stream.ended, /event: end\ndata: \{"reason":"credential revoked \(token\)"\}/);
    assert.equal((await fetch(`${base}/api/events`, { headers: { authorization: `Bearer ${secret}` } })).status, 401);
  });

  it('a session’s stream ends when the session logs out', async () => {
    const u = await user();
    const stream = await openStream({ cookie: u.cookie });
    const out = await fetch(`${base}/api/auth/logout`, { method: 'POST', headers: { cookie: u.cookie, 'x-csrf-token': u.csrf } });
    assert.equal(out.status, 200);
    assert.match(await stream.ended, /credential revoked \(session\)/);
  });

  it('ends when the user is disabled, and when the user’s role changes', async () => {
    const disabled = await user();
    const roleChanged = await user('operator');
    const a = await openStream({ cookie: disabled.cookie });
    const b = await openStream({ cookie: roleChanged.cookie });
    await weir.services.auth.updateUser(SYSTEM_PRINCIPAL, disabled.id, { disabled: true });
    assert.match(await a.ended, /credential revoked \(user\)/);
    await weir.services.auth.updateUser(SYSTEM_PRINCIPAL, roleChanged.id, { role: 'viewer' });
    assert.match(await b.ended, /credential revoked \(user\)/);
  });

  it('ends when the session expires, found by the periodic re-check (no event tells of an expiry)', async () => {
    const u = await user();
    const stream = await openStream({ cookie: u.cookie });
    const now = Date.now();
    await new SessionsStore(weir.database).touch(u.sessionId, now, now - 1);
    assert.match(await stream.ended, /credential expired or changed/);
  });

  it('a principal holds at most the configured number of streams; one more is refused with 429', async () => {
    const { secret } = await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'many-tabs', 'viewer');
    const headers = { authorization: `Bearer ${secret}` };
    const first = await openStream(headers);
    const second = await openStream(headers);
    const third = await fetch(`${base}/api/events`, { headers });
    assert.equal(third.status, 429);
    assert.equal(((await third.json()) as { error: { code: string } }).error.code, 'RATE_LIMITED');
    // Another principal is not affected.
    const other = await openStream({ cookie: (await user()).cookie });
    assert.equal(other.status, 200);
    // A closed page frees its place.
    first.abort();
    await first.ended;
    while (weir.services.liveStreams.size > 2) await new Promise((resolve) => setImmediate(resolve));
    const again = await openStream(headers);
    assert.equal(again.status, 200);
    for (const s of [second, other, again]) s.abort();
  });
});

describe('live event streams hear only their teams', () => {
  it('a team member’s page gets events about its team’s tasks and clusters and the shared clusters, none about another team’s', async () => {
    const teams = new TeamsStore(weir.database);
    const [teamA, teamB] = [(await teams.create({ name: 'stream-a', description: null })).id, (await teams.create({ name: 'stream-b', description: null })).id];
    const clusters = new ClustersStore(weir.database);
    const clusterB = await clusters.create({ name: 'stream-cluster-b', restUrl: 'http://127.0.0.1:1', teamId: teamB });
    const shared = await clusters.create({ name: 'stream-cluster-shared', restUrl: 'http://127.0.0.1:1', teamId: null });
    const tasks = new TasksStore(weir.database);
    const taskA = await tasks.create({ name: 'stream-task-a', kind: 'SQL', executionMode: 'STREAMING', clusterId: shared.id, teamId: teamA });
    const taskB = await tasks.create({ name: 'stream-task-b', kind: 'SQL', executionMode: 'STREAMING', clusterId: clusterB.id, teamId: teamB });
    const about = (task: { id: string }, jobName: string): WeirEvent => runStatus(jobName, task.id);
    const health = (cluster: { id: string; name: string }): WeirEvent => ({ type: 'cluster.health', clusterId: cluster.id, clusterName: cluster.name, from: 'HEALTHY', to: 'UNREACHABLE', at: Date.now(), error: null });

    const memberOfA = await openStream({ cookie: (await user('none', [{ teamId: teamA, role: 'viewer' }])).cookie });
    const globalViewer = await openStream({ cookie: (await user('viewer')).cookie });
    for (const event of [about(taskB, 'job-of-team-b'), health(clusterB), about(taskA, 'job-of-team-a'), health(shared), about({ id: 'no-such-task' }, 'job-of-nobody'), about(taskA, 'last-of-team-a')]) {
      weir.services.bus.publish(event);
    }
    await memberOfA.waitFor('last-of-team-a');
    await globalViewer.waitFor('last-of-team-a');
    // Events are handed out in order, so everything before the last one was sent or held back by now.
    assert.ok(memberOfA.text.includes('job-of-team-a') && memberOfA.text.includes('stream-cluster-shared'), memberOfA.text);
    assert.ok(memberOfA.text.indexOf('job-of-team-a') < memberOfA.text.indexOf('last-of-team-a'), 'in the order they happened');
    for (const other of ['job-of-team-b', 'stream-cluster-b', 'job-of-nobody']) assert.equal(memberOfA.text.includes(other), false, other);
    for (const all of ['job-of-team-b', 'stream-cluster-b', 'job-of-team-a']) assert.ok(globalViewer.text.includes(all), `a global viewer hears ${all}`);
    memberOfA.abort();
    globalViewer.abort();
  });
});
