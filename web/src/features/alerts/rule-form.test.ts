import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CreateAlertRuleRequest, type AlertRule } from '@weir/contract';
import { DEFAULT_RULE_VALUES, durationToMs, formValuesToRuleRequest, msToDuration, ruleToFormValues } from './rule-form';

const rule = (over: Partial<AlertRule>): AlertRule => ({
  id: 'r1',
  name: 'rule',
  enabled: true,
  condition: { kind: 'status', statuses: ['FAILED'] },
  scope: { kind: 'all' },
  channelIds: [],
  renotifyIntervalMs: null,
  teamId: 'default',
  createdBy: 'admin',
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

test('durations are shown in the largest whole unit and sent in milliseconds', () => {
  assert.deepEqual(msToDuration(7_200_000), { value: 2, unit: 'h' });
  assert.deepEqual(msToDuration(600_000), { value: 10, unit: 'm' });
  assert.deepEqual(msToDuration(90_000), { value: 90, unit: 's' });
  assert.deepEqual(msToDuration(0), { value: 0, unit: 's' });
  assert.equal(durationToMs({ value: 1.5, unit: 'm' }), 90_000);
});

test('the default values make a valid "job failed on every task" rule', () => {
  const body = formValuesToRuleRequest({ ...DEFAULT_RULE_VALUES, name: '  job failed ' });
  assert.deepEqual(body, { name: 'job failed', enabled: true, condition: { kind: 'status', statuses: ['FAILED'] }, scope: { kind: 'all' }, channelIds: [], renotifyIntervalMs: null });
  assert.ok(CreateAlertRuleRequest.safeParse(body).success);
});

test('every condition kind and scope comes back as it went in', () => {
  const rules: AlertRule[] = [
    rule({ condition: { kind: 'restarts', count: 5, windowMs: 900_000 }, scope: { kind: 'tasks', taskIds: ['t1', 't2'] }, renotifyIntervalMs: 3_600_000 }),
    rule({ condition: { kind: 'no-checkpoint', forMs: 120_000 }, scope: { kind: 'lifecycles', lifecycles: ['ONLINE'] } }),
    rule({ condition: { kind: 'metric', metric: 'numRecordsInPerSecond', vertexId: 'v1', op: 'below', threshold: 1.5, forMs: 30_000 } }),
    rule({ condition: { kind: 'metric', metric: 'busyTimeMsPerSecond', vertexId: null, op: 'above', threshold: 900, forMs: 0 } }),
    rule({ condition: { kind: 'health-check', check: 'backpressure' }, channelIds: ['c1'] }),
    rule({ condition: { kind: 'checkpoint-failed' } }),
    rule({ condition: { kind: 'exception' } }),
    rule({ condition: { kind: 'auto-restart-exhausted' }, enabled: false }),
    rule({ condition: { kind: 'cluster-unreachable' } }),
    rule({ condition: { kind: 'status', statuses: ['UNKNOWN', 'RESTARTING'] } }),
  ];
  for (const r of rules) {
    const body = formValuesToRuleRequest(ruleToFormValues(r));
    const { id, createdBy, createdAt, updatedAt, ...expected } = r;
    assert.deepEqual(body, expected, r.condition.kind);
    assert.ok(CreateAlertRuleRequest.safeParse(body).success, `${r.condition.kind} is valid for the API`);
  }
});

test('values of another condition kind left in the form are not sent', () => {
  const values = { ...ruleToFormValues(rule({ condition: { kind: 'restarts', count: 2, windowMs: 60_000 } })), kind: 'exception' as const };
  assert.deepEqual(formValuesToRuleRequest(values).condition, { kind: 'exception' });
});
