import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDatabase } from '../test-support/databases.js';
import { AlertChannelsStore } from './alert-channels.store.js';
import { AlertDeliveriesStore } from './alert-deliveries.store.js';
import { AlertIncidentsStore, type IncidentFacts } from './alert-incidents.store.js';
import { AlertRulesStore } from './alert-rules.store.js';
import { AlertSilencesStore, silenceMatches } from './alert-silences.store.js';

const facts = (runId: string, taskId = 'T1'): IncidentFacts => ({
  summary: 'status became FAILED',
  at: 1_000,
  taskId,
  taskName: 'orders',
  runId,
  jobName: 'orders',
  flinkJobId: 'f1',
  clusterId: 'C1',
  clusterName: 'prod',
  status: 'FAILED',
});

forEachDatabase('alert stores', (getDb) => {
  it('channels: create, rename, soft delete keeps the row for the history', async () => {
    const store = new AlertChannelsStore(getDb());
    const channel = await store.create({ name: 'ops hook', type: 'webhook', config: { url: 'http://x', secret: 'v1:sealed' }, enabled: true, teamId: 'default', createdBy: 'admin' });
    assert.deepEqual((await store.get(channel.id))?.config, { url: 'http://x', secret: 'v1:sealed' });
    assert.equal(await store.replace(channel.id, { name: 'ops', config: { url: 'http://y', secret: null }, enabled: false }), true);
    assert.equal((await store.findByName('ops'))?.enabled, false);
    assert.equal(await store.softDelete(channel.id), true);
    assert.equal(await store.softDelete(channel.id), false);
    assert.equal((await store.list()).some((c) => c.id === channel.id), false);
    assert.ok((await store.get(channel.id))?.deletedAt);
    assert.equal(await store.replace(channel.id, { name: 'x', config: {}, enabled: true }), false);
  });

  it('rules: active ones by kind; disabled and deleted ones are not evaluated', async () => {
    const store = new AlertRulesStore(getDb());
    const base = { enabled: true, scope: { kind: 'all' as const }, channelIds: ['A'], renotifyIntervalMs: null, teamId: 'default', createdBy: 'op' };
    const failed = await store.create({ ...base, name: 'failed', condition: { kind: 'status', statuses: ['FAILED'] } });
    const restarts = await store.create({ ...base, name: 'restarts', condition: { kind: 'restarts', count: 3, windowMs: 60_000 } });
    const off = await store.create({ ...base, name: 'off', enabled: false, condition: { kind: 'exception' } });
    assert.deepEqual((await store.listActive(['status'])).map((r) => r.id).filter((id) => [failed.id, restarts.id, off.id].includes(id)), [failed.id]);
    await store.update(restarts.id, { condition: { kind: 'checkpoint-failed' }, scope: { kind: 'lifecycles', lifecycles: ['ONLINE'] } });
    const updated = await store.get(restarts.id);
    assert.deepEqual(updated?.condition, { kind: 'checkpoint-failed' });
    assert.deepEqual(updated?.scope, { kind: 'lifecycles', lifecycles: ['ONLINE'] });
    assert.equal((await store.listActive(['checkpoint-failed'])).some((r) => r.id === restarts.id), true);
    await store.softDelete(failed.id);
    assert.equal((await store.listActive()).some((r) => r.id === failed.id), false);
    assert.equal((await store.get(failed.id))?.name, 'failed');
  });

  it('silences: active until their end; ending early; matching by rule and task', async () => {
    let now = 10_000;
    const store = new AlertSilencesStore(getDb(), () => now);
    const silence = await store.create({ ruleId: 'R1', taskId: null, teamId: 'default', endsAt: 20_000, reason: 'maintenance', createdBy: 'op' });
    assert.ok((await store.list()).some((s) => s.id === silence.id && s.active));
    assert.equal(silenceMatches(silence, { ruleId: 'R1', taskId: 'T9', teamId: 'default' }), true);
    assert.equal(silenceMatches(silence, { ruleId: 'R2', taskId: 'T9', teamId: 'default' }), false);
    assert.equal(silenceMatches({ ruleId: null, taskId: 'T1', teamId: 'default' }, { ruleId: 'R2', taskId: 'T1', teamId: 'default' }), true);
    // A team's silence holds back only alerts about that team, even of a Weir-wide rule; a Weir-wide silence, everyone's.
    assert.equal(silenceMatches({ ruleId: null, taskId: null, teamId: 'team-a' }, { ruleId: 'R1', taskId: 'T1', teamId: 'team-b' }), false);
    assert.equal(silenceMatches({ ruleId: null, taskId: null, teamId: null }, { ruleId: 'R1', taskId: 'T1', teamId: 'team-b' }), true);
    now = 15_000;
    assert.equal(await store.end(silence.id), true);
    assert.equal(await store.end(silence.id), false);
    assert.equal((await store.list()).some((s) => s.id === silence.id), false);
    assert.equal((await store.list({ includeEnded: true })).find((s) => s.id === silence.id)?.active, false);
  });

  it('incidents: the dedup key admits one of many racing opens; resolving frees it when asked', async () => {
    const store = new AlertIncidentsStore(getDb());
    const opens = await Promise.all(
      Array.from({ length: 5 }, () => store.open({ ruleId: 'RA', conditionKind: 'status', dedupKey: 'status:RA:run1', facts: facts('run1'), summaryCode: null, teamId: 'default', openedAt: 5 })),
    );
    const opened = opens.filter((o) => o !== undefined);
    assert.equal(opened.length, 1);
    const incident = opened[0]!;
    assert.deepEqual((await store.firing({ ruleId: 'RA' })).map((i) => i.id), [incident.id]);
    assert.equal(await store.markNotified(incident.id, null, 7), true);
    assert.equal(await store.markNotified(incident.id, null, 8), false, 'a second claim of the same notification loses');
    assert.equal(await store.resolve(incident, 9, 'recovered', 'running again', true), true);
    assert.equal(await store.resolve(incident, 9, 'recovered', 'running again', true), false);
    const resolved = await store.get(incident.id);
    assert.equal(resolved?.state, 'RESOLVED');
    assert.equal(resolved?.facts.resolution, 'running again');
    assert.equal(resolved?.dedupKey, `status:RA:run1|${incident.id}`);
    const again = await store.open({ ruleId: 'RA', conditionKind: 'status', dedupKey: 'status:RA:run1', facts: facts('run1'), summaryCode: null, teamId: 'default', openedAt: 10 });
    assert.ok(again, 'the freed key opens a new incident');
    const page = await store.list({ ruleId: 'RA', limit: 1 });
    assert.equal(page.total, 2);
    assert.equal(page.items[0]?.id, again.id);
    assert.equal(page.items[0]?.ruleName, '(deleted rule)');
  });

  it('incidents: the summary keeps its code beside its English; older incidents and unknown codes list the English alone', async () => {
    const database = getDb();
    const store = new AlertIncidentsStore(database);
    const summaryCode = { code: 'statusBecame', params: { status: 'FAILED', note: 'Submission failed: no slots' }, note: { code: 'submissionFailed', params: { message: 'no slots' } } } as const;
    const coded = (await store.open({ ruleId: 'RC', conditionKind: 'status', dedupKey: 'status:RC:run3', facts: facts('run3'), summaryCode, teamId: 'default', openedAt: 20 }))!;
    const older = (await store.open({ ruleId: 'RC', conditionKind: 'status', dedupKey: 'status:RC:run4', facts: facts('run4'), summaryCode: null, teamId: 'default', openedAt: 21 }))!;
    const newer = (await store.open({ ruleId: 'RC', conditionKind: 'status', dedupKey: 'status:RC:run5', facts: facts('run5'), summaryCode, teamId: 'default', openedAt: 22 }))!;
    // A code a later Weir wrote, which this one does not know.
    await database.db.updateTable('alert_incidents').set({ summary_code: '{"code":"retired","params":{}}' }).where('id', '=', newer.id).execute();
    assert.deepEqual((await store.get(coded.id))?.summaryCode, summaryCode);
    assert.equal((await store.get(coded.id))?.facts.summary, 'status became FAILED', 'the English the channels send is kept as it was');
    assert.equal(await store.resolve(coded, 30, 'recovered', 'running again', true), true);
    const listed = new Map((await store.list({ ruleId: 'RC' })).items.map((i) => [i.id, i]));
    assert.deepEqual(listed.get(coded.id)?.summaryCode, summaryCode, 'resolving keeps the code');
    for (const id of [older.id, newer.id]) {
      assert.equal(listed.get(id)?.summary, 'status became FAILED');
      assert.equal(listed.get(id)?.summaryCode, undefined);
    }
  });

  it('deliveries: claimed once among racing claimants; a failure queues the next attempt; history filters', async () => {
    let now = 100_000;
    const database = getDb();
    const incidents = new AlertIncidentsStore(database);
    const store = new AlertDeliveriesStore(database, () => now);
    const silenced = { code: 'silenced', params: { reason: 'maintenance', untilAt: Date.UTC(2026, 11, 7, 2) } } as const;
    const incident = (await incidents.open({ ruleId: 'RB', conditionKind: 'status', dedupKey: 'status:RB:run2', facts: facts('run2', 'T2'), summaryCode: null, teamId: 'default', openedAt: now }))!;
    const [firing, suppressed] = await store.enqueue([
      { incidentId: incident.id, channelId: 'CH1', kind: 'FIRING', status: 'PENDING' },
      { incidentId: incident.id, channelId: 'CH2', kind: 'FIRING', status: 'SUPPRESSED', skip: silenced },
    ]);
    const [resolved] = await store.enqueue([{ incidentId: incident.id, channelId: 'CH1', kind: 'RESOLVED', status: 'PENDING' }]);
    let due = await store.findDue({ limit: 10, leaseMs: 60_000 });
    assert.deepEqual(due.filter((d) => d.incidentId === incident.id).map((d) => d.id), [firing!.id], 'RESOLVED waits for its FIRING');
    const claims = await Promise.all(['a', 'b', 'c'].map((who) => store.claim(firing!, who)));
    assert.equal(claims.filter(Boolean).length, 1);
    const winner = ['a', 'b', 'c'][claims.indexOf(true)]!;
    now += 10;
    const refused = { code: 'connectionRefused', params: { address: '127.0.0.1:9' } } as const;
    const retry = await store.markFailed(firing!, winner, { error: 'connect ECONNREFUSED 127.0.0.1:9', errorCode: refused }, { request: 'POST x', response: null }, now + 1000);
    assert.equal(retry?.attempt, 2);
    assert.equal(retry?.notificationId, firing!.id);
    due = await store.findDue({ limit: 10, leaseMs: 60_000 });
    assert.equal(due.some((d) => d.incidentId === incident.id), false, 'the retry is not due yet and RESOLVED still waits');
    now += 1000;
    due = await store.findDue({ limit: 10, leaseMs: 60_000 });
    assert.deepEqual(due.filter((d) => d.incidentId === incident.id).map((d) => d.id), [retry!.id]);
    assert.equal(await store.claim(retry!, 'a'), true);
    assert.equal(await store.markSent(retry!.id, 'b', { request: 'x', response: 'y' }), false, 'only the claimant may finish it');
    assert.equal(await store.markSent(retry!.id, 'a', { request: 'POST x', response: 'HTTP 200' }), true);
    due = await store.findDue({ limit: 10, leaseMs: 60_000 });
    assert.deepEqual(due.filter((d) => d.incidentId === incident.id).map((d) => d.id), [resolved!.id]);
    assert.equal(await store.cancelPendingForIncidents([incident.id], { code: 'ruleDeleted', params: {} }), 1);

    const history = await store.history({ incidentId: incident.id });
    assert.equal(history.total, 4);
    const byStatus = Object.fromEntries(history.items.map((d) => [`${d.kind}/${d.attempt}/${d.channelId}`, d.status]));
    assert.deepEqual(byStatus, { 'FIRING/1/CH1': 'FAILED', 'FIRING/2/CH1': 'SENT', 'FIRING/1/CH2': 'SUPPRESSED', 'RESOLVED/1/CH1': 'CANCELED' });
    assert.equal(history.items.find((d) => d.status === 'FAILED')?.error, 'connect ECONNREFUSED 127.0.0.1:9');
    assert.deepEqual(history.items.find((d) => d.status === 'FAILED')?.errorCode, refused, 'the reason is kept as a code beside the text');
    assert.equal(history.items.find((d) => d.status === 'SENT')?.errorCode, null);
    assert.equal(history.items.find((d) => d.status === 'SUPPRESSED')?.errorCode, null, 'a silenced notice has no failure code: its text is shown');
    assert.equal((await store.history({ taskId: 'T2', status: 'SENT' })).total, 1);
    const held = (await store.history({ channelId: 'CH2' })).items[0];
    assert.deepEqual(held?.skipReason, silenced, 'why it was held back is kept as a code');
    assert.equal(held?.error, 'silenced: maintenance (until 2026-12-07T02:00:00.000Z)', 'with its English line beside it');
    const canceled = history.items.find((d) => d.status === 'CANCELED');
    assert.deepEqual([canceled?.skipReason, canceled?.error], [{ code: 'ruleDeleted', params: {} }, 'canceled: the rule was deleted']);
    assert.equal(history.items.find((d) => d.status === 'FAILED')?.skipReason, null, 'a failed attempt has no skip reason');
    assert.equal((await store.history({ runId: 'run2', from: now + 1 })).total, 0);
    assert.equal(suppressed?.finishedAt, 100_000);
  });

  it('deliveries: a row whose claimant died is taken again after the lease', async () => {
    let now = 500_000;
    const store = new AlertDeliveriesStore(getDb(), () => now);
    const [row] = await store.enqueue([{ incidentId: null, channelId: 'CH9', kind: 'TEST', status: 'PENDING' }]);
    assert.equal(await store.claim(row!, 'dead'), true);
    assert.equal((await store.findDue({ limit: 50, leaseMs: 60_000 })).some((d) => d.id === row!.id), false);
    now += 61_000;
    const stale = (await store.findDue({ limit: 50, leaseMs: 60_000 })).find((d) => d.id === row!.id);
    assert.equal(stale?.status, 'SENDING');
    assert.equal(await store.claim(stale!, 'alive'), true);
    assert.equal(await store.claim(stale!, 'other'), false);
  });
});
