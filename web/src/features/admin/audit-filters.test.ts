import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditFiltersToParams, parseAuditFilters, toAuditQuery, withFilter } from './audit-filters';

test('filters survive a round trip through the URL, defaults left out', () => {
  const filters = { actor: 'admin', action: 'cluster.delete', targetType: 'cluster', targetId: '01ABC', from: 1000, to: 2000, page: 3, pageSize: 20 };
  const params = auditFiltersToParams(filters);
  assert.equal(params.toString(), 'actor=admin&action=cluster.delete&targetType=cluster&targetId=01ABC&from=1000&to=2000&page=3&size=20');
  assert.deepEqual(parseAuditFilters(params), filters);
  assert.equal(auditFiltersToParams({ page: 1, pageSize: 50 }).toString(), '');
});

test('malformed values in the URL are ignored, not sent', () => {
  const parsed = parseAuditFilters(new URLSearchParams('actor=%20%20&from=abc&to=-5&page=0&size=7&action=token.revoke'));
  assert.deepEqual(parsed, { action: 'token.revoke', page: 1, pageSize: 50 });
  // A range that ends before it starts keeps only its start.
  assert.deepEqual(parseAuditFilters(new URLSearchParams('from=2000&to=1000')), { from: 2000, page: 1, pageSize: 50 });
});

test('the API query pages by offset', () => {
  assert.deepEqual(toAuditQuery({ actor: 'ops', page: 3, pageSize: 20 }), { actor: 'ops', limit: 20, offset: 40 });
});

test('changing a filter goes back to page 1 and clearing one removes it', () => {
  const start = { actor: 'ops', action: 'cluster.create', page: 4, pageSize: 20 };
  assert.deepEqual(withFilter(start, { actor: 'admin' }), { actor: 'admin', action: 'cluster.create', page: 1, pageSize: 20 });
  assert.deepEqual(withFilter(start, { action: undefined }), { actor: 'ops', page: 1, pageSize: 20 });
});
