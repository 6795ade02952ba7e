import assert from 'node:assert/strict';
import { it } from 'node:test';
import { auditChanges } from './audit-changes.js';

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
