import assert from 'node:assert/strict';
import { beforeEach, it } from 'node:test';
import { DEFAULT_TEAM_ID } from '@weir/contract';
import { AuditService } from '../audit/audit.service.js';
import { AuditStore } from '../audit/audit.store.js';
import { ApiTokensStore } from '../auth/api-tokens.store.js';
import { AuthService } from '../auth/auth.service.js';
import type { GroupRoleMapping } from '../config/identity-settings.js';
import { SYSTEM_PRINCIPAL, makePrincipal, teamScope, type Principal } from '../access/principal.js';
import { SessionsStore } from '../auth/sessions.store.js';
import { UsersStore } from '../auth/users.store.js';
import { ClustersStore } from '../clusters/clusters.store.js';
import { AppError } from '../errors/errors.js';
import { OverviewStore } from '../overview/overview.store.js';
import { RunsStore } from '../runs/runs.store.js';
import { TasksStore } from '../tasks/tasks.store.js';
import { forEachDatabase } from '../test-support/databases.js';
import { teamOfAuditTarget } from './audit-team.js';
import { TeamsService } from './teams.service.js';
import { TeamsStore } from './teams.store.js';

async function rejectsWith(promise: Promise<unknown>, code: string, message?: RegExp): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof AppError, `expected an AppError, got ${String(err)}`);
    assert.equal(err.code, code);
    if (message) assert.match(err.message, message);
    return true;
  });
}

const PASSWORD = 'correct-horse-battery';

forEachDatabase('Teams on the real stores', (getDb) => {
  let store: TeamsStore;
  let auth: AuthService;
  let teams: TeamsService;
  let auditStore: AuditStore;
  let serial = 0;
  /** A name no other case uses: the database is shared by the cases of one engine. */
  const unique = (what: string) => `${what}-${serial}`;

  beforeEach(() => {
    serial += 1;
    const db = getDb();
    store = new TeamsStore(db);
    auditStore = new AuditStore(db);
    const audit = new AuditService(auditStore, console, Date.now, (target) => teamOfAuditTarget(store, target));
    auth = new AuthService(new UsersStore(db), new SessionsStore(db), new ApiTokensStore(db), store, audit, { sessionTtlMs: 60_000 });
    teams = new TeamsService({ store, audit, membershipChanged: (userId) => auth.membershipChanged(userId) });
  });

  async function userIn(memberships: Array<{ teamId: string; role: 'admin' | 'operator' | 'viewer' }>, globalRole: 'none' | 'viewer' = 'none'): Promise<{ id: string; principal: () => Promise<Principal> }> {
    const user = await auth.createUser(SYSTEM_PRINCIPAL, { username: unique(`user-${memberships.length}-${globalRole}-${Math.random().toString(36).slice(2, 6)}`), password: PASSWORD, role: globalRole, teams: memberships });
    const { sessionToken } = await auth.login(user.username, PASSWORD, '10.9.0.1');
    return { id: user.id, principal: async () => (await auth.principalFromSession(sessionToken))! };
  }

  it('the default team owns what was made without a team, and cannot be removed', async () => {
    const all = await teams.list(SYSTEM_PRINCIPAL);
    assert.ok(all.some((t) => t.id === DEFAULT_TEAM_ID && t.name === 'default'));
    const cluster = await new ClustersStore(getDb()).create({ name: unique('c-default'), restUrl: 'http://127.0.0.1:9/' });
    const task = await new TasksStore(getDb()).create({ name: unique('t-default'), kind: 'SQL', executionMode: 'STREAMING', clusterId: cluster.id });
    assert.equal(task.teamId, DEFAULT_TEAM_ID);
    assert.equal(cluster.teamId, DEFAULT_TEAM_ID);
    await rejectsWith(teams.remove(SYSTEM_PRINCIPAL, DEFAULT_TEAM_ID), 'CONFLICT', /default team/);
  });

  it('global admins make teams, names are unique, and a team admin cannot make one', async () => {
    const team = await teams.create(SYSTEM_PRINCIPAL, { name: unique('payments'), description: 'Payment pipelines' });
    assert.equal(team.memberCount, 0);
    await rejectsWith(teams.create(SYSTEM_PRINCIPAL, { name: unique('payments') }), 'CONFLICT');
    const lead = await userIn([{ teamId: team.id, role: 'admin' }]);
    await rejectsWith(teams.create(await lead.principal(), { name: unique('other') }), 'FORBIDDEN');
    await rejectsWith(teams.remove(await lead.principal(), team.id), 'FORBIDDEN');
  });

  it("a user's sessions carry the roles of their teams, and see only those teams", async () => {
    const a = await teams.create(SYSTEM_PRINCIPAL, { name: unique('team-a') });
    const b = await teams.create(SYSTEM_PRINCIPAL, { name: unique('team-b') });
    const user = await userIn([{ teamId: a.id, role: 'operator' }]);
    const principal = await user.principal();
    assert.deepEqual({ global: principal.globalRole, role: principal.role, teams: principal.teamRoles }, { global: 'none', role: 'operator', teams: { [a.id]: 'operator' } });
    assert.deepEqual(teamScope(principal), [a.id]);
    assert.deepEqual((await teams.list(principal)).map((t) => [t.name, t.myRole]), [[a.name, 'operator']]);
    await rejectsWith(teams.get(principal, b.id), 'NOT_FOUND');
    const me = await auth.sessionInfo(principal);
    assert.deepEqual(me.user.teams, [{ teamId: a.id, teamName: a.name, role: 'operator' }]);
    assert.equal(me.user.globalRole, 'none');
  });

  it("changing or ending a membership changes the user's access at once and revokes the tokens it no longer covers", async () => {
    const team = await teams.create(SYSTEM_PRINCIPAL, { name: unique('team-tokens') });
    const user = await userIn([{ teamId: team.id, role: 'admin' }]);
    const asAdmin = await user.principal();
    const operatorToken = await auth.createToken(asAdmin, unique('deploy'), 'operator', { teamId: team.id });
    const viewerToken = await auth.createToken(asAdmin, unique('dashboards'), 'viewer', { teamId: team.id });
    assert.deepEqual((await auth.principalFromToken(operatorToken.secret))?.teamRoles, { [team.id]: 'operator' });
    await rejectsWith(auth.createToken(asAdmin, unique('everywhere'), 'viewer'), 'FORBIDDEN', /every team/);

    await teams.setMember(SYSTEM_PRINCIPAL, team.id, user.id, 'viewer');
    assert.equal((await user.principal()).teamRoles[team.id], 'viewer');
    assert.equal(await auth.principalFromToken(operatorToken.secret), undefined, 'the operator token went with the operator role');
    assert.ok(await auth.principalFromToken(viewerToken.secret), 'the viewer token is still covered');
    assert.equal(await auth.stillValid(asAdmin), false, 'open event streams of the old access end');

    await teams.removeMember(SYSTEM_PRINCIPAL, team.id, user.id);
    assert.deepEqual((await user.principal()).teamRoles, {});
    assert.equal(await auth.principalFromToken(viewerToken.secret), undefined);
    await rejectsWith(teams.removeMember(SYSTEM_PRINCIPAL, team.id, user.id), 'NOT_FOUND');
    await rejectsWith(teams.setMember(SYSTEM_PRINCIPAL, team.id, 'no-such-user', 'viewer'), 'VALIDATION');
  });

  it("a team admin manages the team's members and tokens, and sees no other team's tokens", async () => {
    const a = await teams.create(SYSTEM_PRINCIPAL, { name: unique('tok-a') });
    const b = await teams.create(SYSTEM_PRINCIPAL, { name: unique('tok-b') });
    const lead = await userIn([{ teamId: a.id, role: 'admin' }]);
    const member = await userIn([]);
    await teams.setMember(await lead.principal(), a.id, member.id, 'operator');
    assert.deepEqual((await teams.members(await lead.principal(), a.id)).map((m) => [m.userId, m.role]).sort(), [[lead.id, 'admin'], [member.id, 'operator']].sort());
    const mine = await auth.createToken(await lead.principal(), unique('a-token'), 'operator', { teamId: a.id });
    const theirs = await auth.createToken(SYSTEM_PRINCIPAL, unique('b-token'), 'operator', { teamId: b.id });
    await rejectsWith(auth.createToken(await lead.principal(), unique('b-try'), 'viewer', { teamId: b.id }), 'VALIDATION', /No such team/);
    const listed = (await auth.listTokens(await lead.principal())).map((t) => t.id);
    assert.ok(listed.includes(mine.token.id));
    assert.ok(!listed.includes(theirs.token.id));
    await rejectsWith(auth.revokeToken(await lead.principal(), theirs.token.id), 'NOT_FOUND');
    await rejectsWith(auth.updateUser(await lead.principal(), member.id, { role: 'admin' }), 'FORBIDDEN', /global admins/);
  });

  it('a team that owns something cannot be removed; an empty one goes with its memberships', async () => {
    const team = await teams.create(SYSTEM_PRINCIPAL, { name: unique('short-lived') });
    const member = await userIn([{ teamId: team.id, role: 'viewer' }]);
    const cluster = await new ClustersStore(getDb()).create({ name: unique('c-short'), restUrl: 'http://127.0.0.1:9/', teamId: team.id });
    await rejectsWith(teams.remove(SYSTEM_PRINCIPAL, team.id), 'CONFLICT', /owns 1/);
    await new ClustersStore(getDb()).delete(cluster.id);
    await teams.remove(SYSTEM_PRINCIPAL, team.id);
    assert.deepEqual((await member.principal()).teamRoles, {});
    assert.equal(await store.get(team.id), undefined);
  });

  it("lists and the overview's cards count only the given teams' tasks; shared clusters are everyone's", async () => {
    const db = getDb();
    const a = await teams.create(SYSTEM_PRINCIPAL, { name: unique('list-a') });
    const b = await teams.create(SYSTEM_PRINCIPAL, { name: unique('list-b') });
    const clusters = new ClustersStore(db);
    const shared = await clusters.create({ name: unique('c-shared'), restUrl: 'http://127.0.0.1:9/', teamId: null });
    const ofB = await clusters.create({ name: unique('c-b'), restUrl: 'http://127.0.0.1:9/', teamId: b.id });
    const tasks = new TasksStore(db);
    const runs = new RunsStore(db);
    const marker = unique('listed');
    let job = 0;
    for (const [team, count] of [[a, 2], [b, 3]] as const) {
      for (let i = 0; i < count; i++) {
        const task = await tasks.create({ name: `${marker}-${team.name}-${i}`, kind: 'SQL', executionMode: 'STREAMING', clusterId: shared.id, teamId: team.id });
        job += 1;
        await runs.upsertByJob({ taskId: task.id, clusterId: shared.id, flinkJobId: `${serial}`.padStart(8, '0') + String(job).padStart(24, 'f'), jobName: task.name, status: i === 0 ? 'FAILED' : 'RUNNING', executionMode: 'STREAMING', startTime: 1 });
      }
    }
    const page = await tasks.list({ nameContains: marker, teamIds: [a.id] });
    assert.deepEqual(page.items.map((t) => t.teamId), [a.id, a.id]);
    assert.equal((await tasks.list({ nameContains: marker, teamIds: [] })).total, 0);
    const overview = new OverviewStore(db);
    const countsA = await overview.statusCounts({ nameContains: marker, teamIds: [a.id] });
    const countsAll = await overview.statusCounts({ nameContains: marker });
    assert.deepEqual([countsA.total, countsA.byStatus['FAILED'], countsA.byStatus['RUNNING']], [2, 1, 1]);
    assert.equal(countsAll.total, 5);
    const listed = await overview.list({ nameContains: marker, teamIds: [b.id], sortBy: 'name', sortDirection: 'asc', limit: 10, offset: 0, now: 2 });
    assert.deepEqual(listed.items.map((row) => row.teamName), [b.name, b.name, b.name]);
    const visibleToA = (await clusters.list([a.id])).map((c) => c.id);
    assert.ok(visibleToA.includes(shared.id) && !visibleToA.includes(ofB.id));
  });

  it("provider groups give team roles (group=team:role) at every login; a left group's team goes", async () => {
    const ops = await teams.create(SYSTEM_PRINCIPAL, { name: unique('sso-ops') });
    const mapping: GroupRoleMapping = { groups: [{ group: 'ops-dev', role: 'operator', team: ops.name }, { group: 'ghost', role: 'admin', team: unique('no-such-team') }] };
    const identity = (groups: string[]) => ({ source: 'oidc' as const, subject: unique('sub'), username: unique('sso'), displayName: null, groups });
    const first = await auth.loginExternal(identity(['ops-dev', 'ghost']), mapping, '10.9.0.2');
    assert.deepEqual(first.info.user.teams, [{ teamId: ops.id, teamName: ops.name, role: 'operator' }]);
    assert.equal(first.info.user.globalRole, 'none');
    const update = (await auditStore.list({ action: 'user.update', targetId: first.info.user.id, limit: 5 })).items[0];
    assert.match(update?.detail ?? '', /unknownTeams/, 'a mapped team that does not exist is named in the audit');
    await rejectsWith(auth.loginExternal(identity(['ghost']), mapping, '10.9.0.2'), 'FORBIDDEN', /none of your groups/);
    const principal = await auth.principalFromSession(first.sessionToken);
    assert.deepEqual(principal?.teamRoles, { [ops.id]: 'operator' }, 'the refused login changed nothing');
  });

  it('the audit log records the team of what an entry is about, and a team admin reads only those', async () => {
    const team = await teams.create(SYSTEM_PRINCIPAL, { name: unique('audited') });
    const cluster = await new ClustersStore(getDb()).create({ name: unique('c-audited'), restUrl: 'http://127.0.0.1:9/', teamId: team.id });
    const task = await new TasksStore(getDb()).create({ name: unique('t-audited'), kind: 'SQL', executionMode: 'STREAMING', clusterId: cluster.id, teamId: team.id });
    const actor = makePrincipal({ kind: 'user', id: 'someone', name: unique('someone') }, 'admin');
    const audit = new AuditService(auditStore, console, Date.now, (target) => teamOfAuditTarget(store, target));
    await audit.record(actor, 'task.update', { type: 'task', id: task.id, name: task.name }, 'success');
    await audit.record(actor, 'user.update', { type: 'user', id: 'u1', name: 'u1' }, 'success');
    const ofTeam = await auditStore.list({ actor: actor.name, teamIds: [team.id] });
    assert.deepEqual(ofTeam.items.map((e) => [e.action, e.teamId]), [['task.update', team.id]]);
    assert.equal((await auditStore.list({ actor: actor.name })).total, 2);
  });
});
