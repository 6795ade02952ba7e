import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Role, Team } from '@weir/contract';
import {
  clusterOwnerChoice,
  clustersServing,
  EVERY_TEAM,
  managesMembers,
  roleAtLeast,
  roleOverCluster,
  seesSeveralTeams,
  SHARED_CLUSTER,
  taskTeamChoice,
  teamNameOf,
  tokenTeamChoice,
  usersToAdd,
} from './team-choices';

const team = (id: string, myRole: Role | null): Team => ({ id, name: `${id}-name`, description: null, createdAt: 0, memberCount: 1, myRole });

test('team columns and filters appear only when the user sees more than one team', () => {
  assert.equal(seesSeveralTeams(undefined), false, 'nothing while the teams load');
  assert.equal(seesSeveralTeams([team('default', 'admin')]), false, 'a one-team Weir looks as before');
  assert.equal(seesSeveralTeams([team('default', 'admin'), team('a', 'admin')]), true);
});

test("a team's name for a cell, its id when the team is not the user's", () => {
  assert.equal(teamNameOf([team('a', 'viewer')], 'a'), 'a-name');
  assert.equal(teamNameOf([team('a', 'viewer')], 'gone'), 'gone');
  assert.equal(teamNameOf(undefined, 'a'), 'a');
});

test('a new task goes to a team the user operates in: default when allowed, else the only one, else a choice', () => {
  const everywhere = taskTeamChoice([team('a', 'operator'), team('default', 'admin'), team('b', 'viewer')]);
  assert.deepEqual(everywhere.options.map((t) => t.id), ['a', 'default'], 'viewer teams are not offered');
  assert.equal(everywhere.initial, 'default');
  assert.equal(everywhere.shown, true);

  const onlyA = taskTeamChoice([team('a', 'operator'), team('c', 'viewer')]);
  assert.deepEqual([onlyA.options.map((t) => t.id), onlyA.initial, onlyA.shown], [['a'], 'a', false], 'one team possible: no picker');

  const two = taskTeamChoice([team('a', 'operator'), team('b', 'admin')]);
  assert.deepEqual([two.initial, two.shown], [undefined, true], 'several and no default: the user chooses');
  assert.deepEqual(taskTeamChoice(undefined), { options: [], initial: undefined, shown: false });
});

test("a task's clusters are its team's and the shared ones", () => {
  const clusters = [
    { id: 'shared', teamId: null },
    { id: 'of-a', teamId: 'a' },
    { id: 'of-b', teamId: 'b' },
  ];
  assert.deepEqual(clustersServing(clusters, 'a').map((c) => c.id), ['shared', 'of-a']);
  assert.deepEqual(clustersServing(clusters, undefined).map((c) => c.id), ['shared', 'of-a', 'of-b'], 'no team chosen yet: all');
});

test("a cluster's actions follow the user's role in its team; a shared one's only a global role", () => {
  const teams = [team('a', 'admin'), team('b', 'viewer')];
  assert.equal(roleOverCluster(teams, 'none', 'a'), 'admin');
  assert.equal(roleAtLeast(roleOverCluster(teams, 'none', 'b'), 'operator'), false, 'a viewer of b does not check its cluster');
  assert.equal(roleOverCluster(teams, 'none', null), null, "a team admin does not remove a shared cluster");
  assert.equal(roleOverCluster(teams, 'operator', null), 'operator');
  assert.equal(roleOverCluster(undefined, 'none', 'a'), null, 'nothing before the teams are known');
});

test('a cluster goes to a team the user administers; only a global admin may share it', () => {
  const global = clusterOwnerChoice([team('default', 'admin'), team('a', 'admin')], 'admin');
  assert.deepEqual(global.options.map((o) => o.value), ['default', 'a', SHARED_CLUSTER]);
  assert.deepEqual([global.initial, global.shown], ['default', true]);
  assert.equal(clusterOwnerChoice([team('default', 'admin')], 'admin').shown, true, 'a global admin may share even with one team');

  const teamAdmin = clusterOwnerChoice([team('a', 'admin'), team('b', 'operator')], 'none');
  assert.deepEqual(teamAdmin.options.map((o) => o.value), ['a'], 'no sharing, no team where the user is not an admin');
  assert.deepEqual([teamAdmin.initial, teamAdmin.shown], ['a', false]);
});

test('a global admin may make a token for every team; a team admin must name one of their teams', () => {
  const several = tokenTeamChoice([team('default', 'admin'), team('a', 'admin')], 'admin');
  assert.deepEqual(several.options.map((o) => o.value), [EVERY_TEAM, 'default', 'a']);
  assert.deepEqual([several.initial, several.shown], [EVERY_TEAM, true]);
  assert.equal(tokenTeamChoice([team('default', 'admin')], 'admin').shown, false, "a one-team Weir's token form is unchanged");

  const teamAdmin = tokenTeamChoice([team('a', 'admin'), team('b', 'admin'), team('c', 'viewer')], 'none');
  assert.deepEqual(teamAdmin.options.map((o) => o.value), ['a', 'b']);
  assert.deepEqual([teamAdmin.initial, teamAdmin.shown], [undefined, true]);
  assert.equal(tokenTeamChoice([team('a', 'admin')], 'none').initial, 'a', 'one team: preselected, still shown');
});

test("members are managed by the team's admins; users already in the team or disabled are not offered", () => {
  assert.equal(managesMembers({ myRole: 'admin' }), true);
  assert.equal(managesMembers({ myRole: 'operator' }), false);
  assert.equal(managesMembers({ myRole: null }), false);
  const users = [{ id: 'u1' }, { id: 'u2' }, { id: 'u3', disabled: true }, { id: 'u4', disabled: false }];
  assert.deepEqual(usersToAdd(users, [{ userId: 'u1' }]).map((u) => u.id), ['u2', 'u4']);
});
