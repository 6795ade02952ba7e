import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  hasHistoryFilters,
  historyFiltersToParams,
  incidentFiltersToParams,
  parseHistoryFilters,
  parseIncidentFilters,
  toHistoryQuery,
  toIncidentQuery,
  withHistoryFilter,
} from './history-filters';

test('history filters survive a round trip through the URL', () => {
  const url = 'taskId=t1&ruleId=r1&channelId=c1&status=SENT&kind=FIRING&from=1000&to=2000&page=3&size=20';
  const filters = parseHistoryFilters(new URLSearchParams(url));
  assert.deepEqual(filters, { taskId: 't1', ruleId: 'r1', channelId: 'c1', status: 'SENT', kind: 'FIRING', from: 1000, to: 2000, page: 3, pageSize: 20 });
  assert.equal(historyFiltersToParams(filters).toString(), url);
  assert.deepEqual(toHistoryQuery(filters), { taskId: 't1', ruleId: 'r1', channelId: 'c1', status: 'SENT', kind: 'FIRING', from: 1000, to: 2000, limit: 20, offset: 40 });
});

test('malformed values in the URL are dropped, not sent to the server', () => {
  const filters = parseHistoryFilters(new URLSearchParams('status=sent&kind=NOPE&from=-5&to=abc&page=0&size=7&taskId=' + 'x'.repeat(65)));
  assert.deepEqual(filters, { page: 1, pageSize: 50 });
  assert.equal(hasHistoryFilters(filters), false);
  assert.equal(historyFiltersToParams(filters).toString(), '', 'defaults stay out of the URL');
  // An end before the start is ignored; the start stays.
  assert.deepEqual(parseHistoryFilters(new URLSearchParams('from=2000&to=1000')), { from: 2000, page: 1, pageSize: 50 });
});

test('changing a filter goes back to page 1 and a cleared filter disappears', () => {
  const filters = parseHistoryFilters(new URLSearchParams('status=FAILED&ruleId=r1&page=4'));
  const next = withHistoryFilter(filters, { status: undefined, channelId: 'c2' });
  assert.deepEqual(next, { ruleId: 'r1', channelId: 'c2', page: 1, pageSize: 50 });
  assert.equal(hasHistoryFilters(next), true);
});

test('incident filters: open or resolved, paged', () => {
  const filters = parseIncidentFilters(new URLSearchParams('state=FIRING&page=2'));
  assert.deepEqual(filters, { state: 'FIRING', page: 2, pageSize: 50 });
  assert.deepEqual(toIncidentQuery(filters), { state: 'FIRING', limit: 50, offset: 50 });
  assert.equal(incidentFiltersToParams(filters).toString(), 'state=FIRING&page=2');
  assert.equal(parseIncidentFilters(new URLSearchParams('state=open')).state, undefined);
});
