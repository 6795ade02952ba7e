import assert from 'node:assert/strict';
import { it } from 'node:test';
import { auditChanges, replacedChanges } from './audit-changes.js';

it('names only the fields an update changed, each before → after', () => {
  const before = { name: 'job failed', enabled: true, channels: ['ops webhook'], renotifyIntervalMs: null, condition: { kind: 'status', statuses: ['FAILED'] } };
  const after = { name: 'job failed', enabled: false, channels: ['ops webhook', 'pager'], renotifyIntervalMs: undefined, condition: { kind: 'status', statuses: ['FAILED'] } };
  assert.deepEqual(auditChanges(before, after), {
    enabled: { before: true, after: false },
    channels: { before: ['ops webhook'], after: ['ops webhook', 'pager'] },
  });
  assert.deepEqual(auditChanges({ path: undefined }, { path: '/tmp' }), { path: { before: null, after: '/tmp' } });
  assert.deepEqual(auditChanges(before, {}), {});
});

it('a replaced policy names each nested field that moved, and what went or came', () => {
  const before = { restarts: { enabled: true, threshold: 3, windowMs: 600_000 }, checkpoint: { enabled: true }, schedule: null };
  const after = { restarts: { enabled: true, threshold: 5, windowMs: 600_000 }, checkpoint: { enabled: false }, schedule: { cron: '0 * * * *' } };
  assert.deepEqual(replacedChanges(before, after), {
    'restarts.threshold': { before: 3, after: 5 },
    'checkpoint.enabled': { before: true, after: false },
    'schedule.cron': { before: null, after: '0 * * * *' },
  });
  assert.deepEqual(replacedChanges({ sources: ['FAILED'], maxAttempts: 3 }, { sources: ['FAILED', 'UNKNOWN'] }), {
    sources: { before: ['FAILED'], after: ['FAILED', 'UNKNOWN'] },
    maxAttempts: { before: 3, after: null },
  });
  assert.deepEqual(replacedChanges(undefined, after), replacedChanges({}, after), 'no policy before is the same as an empty one');
  assert.deepEqual(replacedChanges(after, after), {});
});
