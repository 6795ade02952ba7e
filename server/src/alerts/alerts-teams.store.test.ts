// Alerting between teams, on every database engine: a team's rule alerts only about its own team's
// jobs and sends only to its own (or shared) channels, and a team's people list only their teams'
// rules, channels, silences, incidents and deliveries. The engine is fed events directly; nothing
// is sent (the dispatcher is stopped), so the queued notices are what the history shows.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, it } from 'node:test';
import type { AlertChannelRequest, CreateAlertRuleRequest, Role } from '@weir/contract';
import { AuditService } from '../audit/audit.service.js';
import { AuditStore } from '../audit/audit.store.js';
import { makePrincipal, SYSTEM_PRINCIPAL, teamScope, type Principal } from '../access/principal.js';
import { ClustersStore } from '../clusters/clusters.store.js';
import type { Database } from '../db/database.js';
import type { RunRef, RunStatus, WeirEvent } from '../events/events.js';
import { RunsStore } from '../runs/runs.store.js';
import { SecretBox } from '../secrets/secret-box.js';
import { TasksStore } from '../tasks/tasks.store.js';
import { TeamsStore } from '../teams/teams.store.js';
import { forEachDatabase } from '../test-support/databases.js';
import { testOutbound } from '../test-support/weir.js';
import { createAlerting, type Alerting } from './alerting.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const admin = SYSTEM_PRINCIPAL;
const secrets = SecretBox.fromKey(randomBytes(32).toString('hex'));
const hex = () => randomBytes(4).toString('hex');

/** A user with roles in teams only (no global role). */
const member = (name: string, teamRoles: Record<string, Role>): Principal => makePrincipal({ kind: 'user', id: `u-${name}`, name }, 'none', teamRoles);

/** The error code a promise rejects with. */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  return 'no error';
}

forEachDatabase('alerting between teams', (getDb) => {
  let database: Database;
  let alerting: Alerting;
  let teamA: string;
  let teamB: string;
  let clusterA: string;
  let clusterB: string;
  let sharedCluster: string;

  before(async () => {
    database = getDb();
    const teams = new TeamsStore(database);
    teamA = (await teams.create({ name: `team-a-${hex()}`, description: null })).id;
    teamB = (await teams.create({ name: `team-b-${hex()}`, description: null })).id;
    const clusters = new ClustersStore(database);
    clusterA = (await clusters.create({ name: `a-${hex()}`, restUrl: 'http://127.0.0.1:1', teamId: teamA })).id;
    clusterB = (await clusters.create({ name: `b-${hex()}`, restUrl: 'http://127.0.0.1:1', teamId: teamB })).id;
    sharedCluster = (await clusters.create({ name: `shared-${hex()}`, restUrl: 'http://127.0.0.1:1', teamId: null })).id;
    alerting = createAlerting({
      database,
      audit: new AuditService(new AuditStore(database), quiet),
      secrets,
      outbound: testOutbound(),
      publicUrl: 'http://weir.test',
      log: quiet,
    });
    // Nothing is sent: the queued notices are what these tests look at.
    await alerting.dispatcher.stop();
  });

  async function job(teamId: string, clusterId: string): Promise<RunRef> {
    const task = await new TasksStore(database).create({ name: `job-${hex()}`, kind: 'SQL', executionMode: 'STREAMING', clusterId, teamId, lifecycle: 'ONLINE' });
    const { run } = await new RunsStore(database).upsertByJob({
      taskId: task.id,
      clusterId,
      flinkJobId: randomBytes(16).toString('hex'),
      jobName: task.name,
      status: 'RUNNING',
      executionMode: 'STREAMING',
      startTime: Date.now(),
    });
    return { runId: run.id, taskId: task.id, taskName: task.name, clusterId, clusterName: 'c', flinkJobId: run.flinkJobId, jobName: run.jobName };
  }

  const failed = (ref: RunRef, to: RunStatus = 'FAILED'): WeirEvent => ({ type: 'run.status', from: 'RUNNING', to, at: Date.now(), restartCount: 0, ...ref });

  async function channel(actor: Principal, teamId: string | null | undefined) {
    const request: AlertChannelRequest = { type: 'webhook', name: `hook-${hex()}`, enabled: true, config: { url: 'http://127.0.0.1:9/hook', secret: null }, ...(teamId !== undefined ? { teamId } : {}) };
    return alerting.service.createChannel(actor, request);
  }

  function rule(actor: Principal, fields: Partial<CreateAlertRuleRequest>) {
    return alerting.service.createRule(actor, {
      name: `rule-${hex()}`,
      enabled: true,
      condition: { kind: 'status', statuses: ['FAILED'] },
      scope: { kind: 'all' },
      channelIds: [],
      renotifyIntervalMs: null,
      ...fields,
    });
  }

  const incidentsOf = async (ruleId: string) => (await alerting.service.incidentsPage({ ruleId, limit: 500 })).items;

  it('a team’s rule alerts only about its own team’s tasks; a Weir-wide rule about every team’s', async () => {
    const jobA = await job(teamA, clusterA);
    const jobB = await job(teamB, clusterB);
    const jobBOnShared = await job(teamB, sharedCluster);
    const hookB = await channel(admin, teamB);
    const shared = await channel(admin, null);
    const ruleB = await rule(admin, { teamId: teamB, channelIds: [hookB.id] });
    const everyTeam = await rule(admin, { teamId: null, channelIds: [shared.id], scope: { kind: 'tasks', taskIds: [jobA.taskId, jobB.taskId] } });

    for (const ref of [jobA, jobB, jobBOnShared]) await alerting.engine.handle(failed(ref));

    assert.deepEqual((await incidentsOf(ruleB.id)).map((i) => i.taskId).sort(), [jobB.taskId, jobBOnShared.taskId].sort(), 'team B’s rule: team B’s jobs, on its own cluster and on a shared one, and not team A’s');
    const weirWide = await incidentsOf(everyTeam.id);
    assert.deepEqual(weirWide.map((i) => [i.taskId, i.teamId]).sort(), [[jobA.taskId, teamA], [jobB.taskId, teamB]].sort(), 'the Weir-wide rule alerts about both teams, each incident about its task’s team');
    const history = (await alerting.service.history({ taskId: jobA.taskId, limit: 500 })).items;
    assert.deepEqual(history.map((d) => d.channelId), [shared.id], 'team A’s failure queued a notice on the shared channel only, none on team B’s');
    await alerting.service.deleteRule(admin, ruleB.id); // it would match the later tests' team B jobs
  });

  it('a team’s cluster rule covers its team’s clusters and the shared ones, not another team’s', async () => {
    const hookB = await channel(admin, teamB);
    const clusterRule = await rule(admin, { teamId: teamB, condition: { kind: 'cluster-unreachable' }, channelIds: [hookB.id] });
    for (const clusterId of [clusterA, clusterB, sharedCluster]) {
      await alerting.engine.handle({ type: 'cluster.health', clusterId, clusterName: clusterId, from: 'HEALTHY', to: 'UNREACHABLE', at: Date.now(), error: 'connect ECONNREFUSED' });
    }
    const incidents = await incidentsOf(clusterRule.id);
    assert.deepEqual(incidents.map((i) => [i.clusterId, i.teamId]).sort(), [[clusterB, teamB], [sharedCluster, teamB]].sort());
    for (const clusterId of [clusterB, sharedCluster]) {
      await alerting.engine.handle({ type: 'cluster.health', clusterId, clusterName: clusterId, from: 'UNREACHABLE', to: 'HEALTHY', at: Date.now(), error: null });
    }
  });

  it('a team’s people list none of another team’s rules, channels, silences, incidents or deliveries', async () => {
    const alice = member('alice', { [teamA]: 'admin' });
    const jobA = await job(teamA, clusterA);
    const jobB = await job(teamB, clusterB);
    const hookA = await channel(admin, teamA);
    const hookB = await channel(admin, teamB);
    const shared = await channel(admin, null);
    const ruleA = await rule(admin, { teamId: teamA, channelIds: [hookA.id], scope: { kind: 'tasks', taskIds: [jobA.taskId] } });
    const ruleB = await rule(admin, { teamId: teamB, channelIds: [hookB.id], scope: { kind: 'tasks', taskIds: [jobB.taskId] } });
    const silenceB = await alerting.service.createSilence(admin, { ruleId: null, taskId: jobB.taskId, endsAt: Date.now() + 3_600_000, reason: 'team B deploys' });
    assert.equal(silenceB.teamId, teamB, 'a silence of a task belongs to the task’s team');
    await alerting.engine.handle(failed(jobA));
    await alerting.engine.handle(failed(jobB));
    await alerting.service.testChannel(admin, hookB.id);

    // Everything of team B exists (a global admin sees it) …
    const all = 'all' as const;
    assert.ok((await alerting.service.listRules(all)).some((r) => r.id === ruleB.id));
    assert.ok((await alerting.service.listChannels(all)).some((c) => c.id === hookB.id));
    assert.ok((await alerting.service.listSilences({}, all)).some((s) => s.id === silenceB.id));
    assert.ok((await alerting.service.incidentsPage({ limit: 500 }, all)).items.some((i) => i.ruleId === ruleB.id));
    assert.ok((await alerting.service.history({ channelId: hookB.id, limit: 500 }, all)).items.some((d) => d.kind === 'TEST'));

    // … and none of it reaches team A's admin, who sees team A's and the shared things.
    const scope = teamScope(alice);
    const rules = (await alerting.service.listRules(scope)).map((r) => r.id);
    assert.ok(rules.includes(ruleA.id) && !rules.includes(ruleB.id), 'rules');
    const channels = (await alerting.service.listChannels(teamScope(alice, 'operator'))).map((c) => c.id);
    assert.ok(channels.includes(hookA.id) && channels.includes(shared.id) && !channels.includes(hookB.id), 'channels: their team’s and the shared ones');
    assert.equal((await alerting.service.listSilences({ includeEnded: true }, scope)).some((s) => s.teamId === teamB), false, 'silences');
    const incidents = (await alerting.service.incidentsPage({ limit: 500 }, scope)).items;
    assert.ok(incidents.some((i) => i.ruleId === ruleA.id), 'their own incident');
    assert.deepEqual(incidents.filter((i) => i.teamId !== teamA && i.teamId !== null), [], 'no incident about team B');
    const history = await alerting.service.history({ limit: 500 }, scope);
    assert.ok(history.items.some((d) => d.channelId === hookA.id), 'their own notice');
    assert.deepEqual(history.items.filter((d) => d.channelId === hookB.id), [], 'no notice or test message of team B’s channel');
    assert.equal(history.total, history.items.length);
    // Nor can they reach them by id.
    assert.equal(await codeOf(alerting.service.updateRule(alice, ruleB.id, { enabled: false })), 'NOT_FOUND');
    assert.equal(await codeOf(alerting.service.endSilence(alice, silenceB.id)), 'NOT_FOUND');
    assert.equal(await codeOf(alerting.service.deleteChannel(alice, hookB.id)), 'NOT_FOUND');
  });

  it('a team’s silence holds back its own team’s alerts of a Weir-wide rule, not another team’s', async () => {
    const jobA = await job(teamA, clusterA);
    const jobB = await job(teamB, clusterB);
    const shared = await channel(admin, null);
    const everyTeam = await rule(admin, { teamId: null, channelIds: [shared.id], scope: { kind: 'tasks', taskIds: [jobA.taskId, jobB.taskId] } });
    const bob = member('bob', { [teamB]: 'operator' });
    const silence = await alerting.service.createSilence(bob, { ruleId: everyTeam.id, taskId: null, teamId: teamB, endsAt: Date.now() + 3_600_000, reason: 'team B maintenance' });
    assert.equal(silence.teamId, teamB);
    await alerting.engine.handle(failed(jobA));
    await alerting.engine.handle(failed(jobB));
    const statusOf = async (ref: RunRef) => (await alerting.service.history({ runId: ref.runId, ruleId: everyTeam.id, limit: 10 })).items.map((d) => d.status);
    assert.deepEqual(await statusOf(jobB), ['SUPPRESSED']);
    assert.deepEqual(await statusOf(jobA), ['PENDING']);
  });

  it('a rule uses only its team’s channels and shared ones; team roles decide who makes what, and where', async () => {
    const alice = member('alice-op', { [teamA]: 'operator' });
    const hookA = await channel(admin, teamA);
    const hookB = await channel(admin, teamB);
    const shared = await channel(admin, null);

    assert.equal(await codeOf(rule(admin, { teamId: teamA, channelIds: [hookB.id] })), 'VALIDATION', 'another team’s channel');
    assert.equal(await codeOf(rule(admin, { teamId: null, channelIds: [hookA.id] })), 'VALIDATION', 'a Weir-wide rule and a team’s channel');
    assert.equal((await rule(admin, { teamId: null, channelIds: [shared.id] })).teamId, null);
    const ruleA = await rule(alice, { channelIds: [hookA.id, shared.id] });
    assert.equal(ruleA.teamId, teamA, 'without teamId: the only team where the caller operates');
    assert.equal(await codeOf(alerting.service.updateRule(alice, ruleA.id, { channelIds: [hookB.id] })), 'VALIDATION', 'nor by a change');

    assert.equal(await codeOf(rule(alice, { teamId: null })), 'FORBIDDEN', 'a Weir-wide rule needs a global admin');
    assert.equal(await codeOf(rule(alice, { teamId: teamB })), 'VALIDATION', 'a team the caller is not in does not exist for them');
    assert.equal(await codeOf(channel(alice, teamA)), 'FORBIDDEN', 'a channel needs the team’s admin');
    assert.equal((await channel(member('alice-admin', { [teamA]: 'admin' }), undefined)).teamId, teamA);
    assert.equal(await codeOf(channel(member('alice-admin2', { [teamA]: 'admin' }), null)), 'FORBIDDEN', 'a shared channel needs a global admin');
    const viewer = member('victor', { [teamA]: 'viewer' });
    assert.equal(await codeOf(alerting.service.updateRule(viewer, ruleA.id, { enabled: false })), 'FORBIDDEN');

    const twoTeams = member('carol', { [teamA]: 'operator', [teamB]: 'operator' });
    assert.equal(await codeOf(rule(twoTeams, {})), 'VALIDATION', 'two teams: the caller must choose');
    const jobB = await job(teamB, clusterB);
    assert.equal(await codeOf(alerting.service.createSilence(alice, { ruleId: null, taskId: jobB.taskId, endsAt: Date.now() + 60_000, reason: 'x' })), 'VALIDATION', 'another team’s task');
    assert.equal(await codeOf(alerting.service.createSilence(alice, { ruleId: ruleA.id, taskId: jobB.taskId, endsAt: Date.now() + 60_000, reason: 'x' })), 'VALIDATION');
    assert.equal((await alerting.service.createSilence(alice, { ruleId: ruleA.id, taskId: null, endsAt: Date.now() + 60_000, reason: 'x' })).teamId, teamA, 'a rule’s silence is its team’s');
  });
});
