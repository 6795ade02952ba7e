import assert from 'node:assert/strict';
import { test } from 'node:test';
import { navItemsFor } from './nav-items';

const paths = (user: Parameters<typeof navItemsFor>[0]) => navItemsFor(user).map((item) => item.path);
const EVERYONE = ['/', '/tasks', '/clusters', '/lineage', '/alerts'];

test('a global admin sees every page, Users and Teams included', () => {
  assert.deepEqual(paths({ role: 'admin', globalRole: 'admin' }), [...EVERYONE, '/audit', '/users', '/teams', '/tokens']);
});

test("a team's admin sees their teams' audit, members and tokens, but not the Weir-wide accounts", () => {
  assert.deepEqual(paths({ role: 'admin', globalRole: 'none' }), [...EVERYONE, '/audit', '/teams', '/tokens']);
  assert.deepEqual(paths({ role: 'admin', globalRole: 'operator' }), [...EVERYONE, '/audit', '/teams', '/tokens']);
});

test('operators and viewers, globally or in their teams, see only the job pages', () => {
  assert.deepEqual(paths({ role: 'operator', globalRole: 'none' }), EVERYONE);
  assert.deepEqual(paths({ role: 'viewer', globalRole: 'viewer' }), EVERYONE);
  assert.deepEqual(paths(undefined), EVERYONE);
});
