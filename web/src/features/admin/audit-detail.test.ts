import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditDetailLines } from './audit-detail';

test("an update's changes read before → after, in words", () => {
  assert.deepEqual(
    auditDetailLines({ changes: { enabled: { before: true, after: false }, channels: { before: [], after: ['ops webhook'] }, renotifyIntervalMs: { before: null, after: 600000 } } }),
    [
      { key: 'enabled', field: 'Enabled', change: true, before: 'true', after: 'false' },
      { key: 'channels', field: 'Channels', change: true, before: null, after: 'ops webhook' },
      { key: 'renotifyIntervalMs', field: 'Renotify interval', change: true, before: null, after: '10 min 0 s' },
    ],
  );
});

test('other details as field: value, leaving out what is not set; a bare value as itself', () => {
  assert.deepEqual(auditDetailLines({ withSavepoint: true, savepointPath: null, error: 'Flink refused' }), [
    { key: 'withSavepoint', field: 'With savepoint', change: false, value: 'true' },
    { key: 'error', field: 'Error', change: false, value: 'Flink refused' },
  ]);
  assert.deepEqual(auditDetailLines('plain'), [{ key: '', field: '', change: false, value: 'plain' }]);
  assert.deepEqual(auditDetailLines(null), []);
});
