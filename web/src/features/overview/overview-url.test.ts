import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_VIEW, emptyOverviewKind, isFiltered, parseOverviewView, writeOverviewView } from './overview-url';

test('a plain URL is the default view, and the default view writes a plain URL', () => {
  assert.deepEqual(parseOverviewView(new URLSearchParams()), DEFAULT_VIEW);
  assert.equal(writeOverviewView(new URLSearchParams(), DEFAULT_VIEW, {}).toString(), '');
});

test('reads every part of the view, dropping unknown values', () => {
  const view = parseOverviewView(
    new URLSearchParams('status=RUNNING,FAILED,BOGUS,RUNNING&lifecycle=ONLINE,LIVE&cluster=c1,c2&team=payments,default,payments&mode=BATCH&health=unhealthy,sick,degraded&q=orders&sort=durationMs&order=desc&page=3&size=50'),
  );
  assert.deepEqual(view, {
    statuses: ['RUNNING', 'FAILED'],
    lifecycles: ['ONLINE'],
    clusterIds: ['c1', 'c2'],
    teamIds: ['payments', 'default'],
    mode: 'BATCH',
    health: ['unhealthy', 'degraded'],
    q: 'orders',
    sort: 'durationMs',
    order: 'desc',
    page: 3,
    pageSize: 50,
  });
});

test('malformed numbers, sorts and modes fall back to defaults', () => {
  const view = parseOverviewView(new URLSearchParams('sort=evil&order=sideways&page=-2&size=7&mode=MICRO'));
  assert.deepEqual([view.sort, view.order, view.page, view.pageSize, view.mode], ['name', 'asc', 1, 20, null]);
});

test('a filter change returns to page 1; a page change keeps the filters; other parameters survive', () => {
  const current = parseOverviewView(new URLSearchParams('status=FAILED&page=4'));
  const filtered = writeOverviewView(new URLSearchParams('status=FAILED&page=4&tab=x'), current, { lifecycles: ['ONLINE'] });
  assert.equal(filtered.toString(), 'status=FAILED&tab=x&lifecycle=ONLINE');
  const paged = writeOverviewView(new URLSearchParams(), current, { page: 2 });
  assert.equal(paged.toString(), 'status=FAILED&page=2');
  const round = parseOverviewView(writeOverviewView(new URLSearchParams(), DEFAULT_VIEW, { sort: 'health', order: 'desc', q: 'a b', clusterIds: ['x'], health: ['degraded', 'unhealthy'] }));
  assert.deepEqual([round.sort, round.order, round.q, round.clusterIds, round.health], ['health', 'desc', 'a b', ['x'], ['degraded', 'unhealthy']]);
});

test('the team filter lives in the URL like the cluster filter, and choosing teams goes back to page 1', () => {
  const current = parseOverviewView(new URLSearchParams('cluster=c1&page=3'));
  const written = writeOverviewView(new URLSearchParams('cluster=c1&page=3'), current, { teamIds: ['payments', 'search'] });
  assert.equal(written.toString(), 'cluster=c1&team=payments%2Csearch');
  assert.deepEqual(parseOverviewView(written).teamIds, ['payments', 'search']);
  assert.equal(writeOverviewView(written, parseOverviewView(written), { teamIds: [] }).toString(), 'cluster=c1', 'no team chosen: no parameter');
});

test('knows when the list is narrowed', () => {
  assert.equal(isFiltered(DEFAULT_VIEW), false);
  assert.equal(isFiltered({ ...DEFAULT_VIEW, sort: 'owner', page: 3 }), false, 'sorting and paging do not narrow');
  assert.equal(isFiltered({ ...DEFAULT_VIEW, q: 'x' }), true);
  assert.equal(isFiltered({ ...DEFAULT_VIEW, mode: 'BATCH' }), true);
  assert.equal(isFiltered({ ...DEFAULT_VIEW, health: ['unhealthy'] }), true);
  assert.equal(isFiltered({ ...DEFAULT_VIEW, teamIds: ['payments'] }), true);
});

test('an empty list says why: no cluster yet, no job yet on the clusters, or filters that match nothing', () => {
  assert.equal(emptyOverviewKind(DEFAULT_VIEW, 0, 0), 'no-cluster');
  assert.equal(emptyOverviewKind(DEFAULT_VIEW, 0, 2), 'no-jobs', 'a healthy cluster with no jobs is not asked to be registered');
  assert.equal(emptyOverviewKind(DEFAULT_VIEW, 0, undefined), 'no-jobs', 'while clusters load, nothing tells the user to register one');
  assert.equal(emptyOverviewKind({ ...DEFAULT_VIEW, statuses: ['FAILED'] }, 0, 1), 'no-jobs', 'a card clicked on an empty overview');
  assert.equal(emptyOverviewKind({ ...DEFAULT_VIEW, q: 'orders' }, 0, 1), 'no-match');
  assert.equal(emptyOverviewKind({ ...DEFAULT_VIEW, statuses: ['FAILED'] }, 12, 1), 'no-match');
});
