import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditDetailLines } from './audit-detail';

const text = (t: string) => ({ kind: 'text', text: t }) as const;
const flag = (f: boolean) => ({ kind: 'flag', flag: f }) as const;

test("an update's changes read before → after, in words, a yes/no kept as one", () => {
  assert.deepEqual(
    auditDetailLines({ changes: { enabled: { before: true, after: false }, channels: { before: [], after: ['ops webhook'] }, renotifyIntervalMs: { before: null, after: 600000 } } }),
    [
      { key: 'enabled', field: 'Enabled', change: true, before: flag(true), after: flag(false) },
      { key: 'channels', field: 'Channels', change: true, before: null, after: text('ops webhook') },
      { key: 'renotifyIntervalMs', field: 'Renotify interval', change: true, before: null, after: text('10 min 0 s') },
    ],
  );
});

test('other details as field: value, leaving out what is not set; a bare value as itself', () => {
  assert.deepEqual(auditDetailLines({ withSavepoint: true, savepointPath: null, error: 'Flink refused' }), [
    { key: 'withSavepoint', field: 'With savepoint', change: false, value: flag(true) },
    { key: 'error', field: 'Error', change: false, value: text('Flink refused') },
  ]);
  assert.deepEqual(auditDetailLines('plain'), [{ key: '', field: '', change: false, value: text('plain') }]);
  assert.deepEqual(auditDetailLines(null), []);
});

test("a silence's end is a moment, not epoch milliseconds; a number that cannot be one stays a number", () => {
  const endsAt = Date.UTC(2026, 11, 6, 22, 0, 0);
  assert.deepEqual(auditDetailLines({ endsAt, reason: 'deploy' }), [
    { key: 'endsAt', field: 'Ends at', change: false, value: { kind: 'time', at: endsAt } },
    { key: 'reason', field: 'Reason', change: false, value: text('deploy') },
  ]);
  assert.deepEqual(auditDetailLines({ repeatAt: 3 }), [{ key: 'repeatAt', field: 'Repeat at', change: false, value: text('3') }]);
  assert.deepEqual(auditDetailLines({ count: Date.UTC(2026, 0, 1) }), [{ key: 'count', field: 'Count', change: false, value: text(String(Date.UTC(2026, 0, 1))) }]);
});

test("giving up on a task says its reason from the code it was recorded with; an older entry keeps its English", () => {
  const stop = { code: 'attemptsUsedUp', params: { attempts: 3, windowMs: 1_800_000, maxAttempts: 3 } } as const;
  const reason = '3 automatic restarts within 30 min used up (at most 3)';
  assert.deepEqual(auditDetailLines({ runId: 'r1', reason, stop }), [
    { key: 'runId', field: 'Run id', change: false, value: text('r1') },
    { key: 'reason', field: 'Reason', change: false, value: { kind: 'autoRestartStop', stop, text: reason } },
  ]);
  assert.deepEqual(auditDetailLines({ runId: 'r1', reason }), [
    { key: 'runId', field: 'Run id', change: false, value: text('r1') },
    { key: 'reason', field: 'Reason', change: false, value: text(reason) },
  ]);
  const unknown = auditDetailLines({ runId: 'r1', reason, stop: { code: 'fromALaterWeir', params: {} } });
  assert.deepEqual(unknown[1], { key: 'reason', field: 'Reason', change: false, value: text(reason) }, 'a code this app does not know: the English');
});
