import assert from 'node:assert/strict';
import { test } from 'node:test';
import { policyOf, toFormValues } from './policy-form';

test('a stored policy round-trips through the form in the units a person would pick', () => {
  const values = toFormValues({ schedule: { intervalMs: 30 * 60_000 }, retention: { keepLast: 3, keepForMs: 2 * 86_400_000 }, nextDueAt: null, updatedBy: 'olga', updatedAt: 1 });
  assert.deepEqual([values.scheduleKind, values.every, values.everyUnit, values.keepLast, values.keepForDays], ['interval', 30, 'minutes', 3, 2]);
  assert.deepEqual(policyOf(values), { schedule: { intervalMs: 1_800_000 }, retention: { keepLast: 3, keepForMs: 172_800_000 } });
});

test('no policy yet: everything off, with sensible values ready; a cron schedule and a single rule', () => {
  const values = toFormValues(undefined);
  assert.deepEqual(policyOf(values), { schedule: null, retention: null });
  assert.deepEqual(policyOf({ ...values, scheduleKind: 'cron', cron: ' 0 3 * * * ', keepForOn: true }), { schedule: { cron: '0 3 * * *' }, retention: { keepForMs: 7 * 86_400_000 } });
});
