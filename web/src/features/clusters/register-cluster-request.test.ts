import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SHARED_CLUSTER } from '../teams/team-choices';
import { toRegisterRequest } from './register-cluster-request';

const base = { name: ' prod ', restUrl: ' http://jm:8081 ', gatewayUrl: '  ', historyUrl: '', description: undefined };

test('blank optional fields are left out, and no credentials are sent unless a kind is chosen', () => {
  assert.deepEqual(toRegisterRequest({ ...base, authType: 'none', username: 'left', password: 'over' }), { name: 'prod', restUrl: 'http://jm:8081', gatewayUrl: undefined, historyUrl: undefined, description: undefined });
  assert.equal('auth' in toRegisterRequest(base), false);
});

test('basic credentials go with the user name trimmed and the password as typed; a token alone for bearer', () => {
  assert.deepEqual(toRegisterRequest({ ...base, authType: 'basic', username: ' ops ', password: ' s3cret ', token: 'ignored' }).auth, { type: 'basic', username: 'ops', password: ' s3cret ' });
  assert.deepEqual(toRegisterRequest({ ...base, authType: 'bearer', token: ' abc.def ', username: 'ignored' }).auth, { type: 'bearer', token: 'abc.def' });
});

test("the owning team: a team's id, null for a cluster every team shares, nothing when the form offered no choice", () => {
  assert.equal(toRegisterRequest({ ...base, teamId: 'payments' }).teamId, 'payments');
  assert.equal(toRegisterRequest({ ...base, teamId: SHARED_CLUSTER }).teamId, null);
  assert.equal('teamId' in toRegisterRequest(base), false, 'the server puts it in the default team');
});

test('a YARN target sends its ResourceManager, folder, queue and Flink version, and none of what a session cluster has', () => {
  const request = toRegisterRequest({
    ...base,
    kind: 'yarn',
    gatewayUrl: 'http://left-over:8083',
    authType: 'bearer',
    token: 'left over',
    hadoopConfDir: ' /etc/hadoop/conf ',
    queue: ' root.streaming ',
    flinkVersion: '1.20.0',
    teamId: 'payments',
  });
  assert.deepEqual(request, {
    kind: 'yarn',
    name: 'prod',
    restUrl: 'http://jm:8081',
    yarn: { hadoopConfDir: '/etc/hadoop/conf', queue: 'root.streaming', flinkVersion: '1.20.0' },
    description: undefined,
    teamId: 'payments',
  });
  assert.equal('kind' in toRegisterRequest(base), false, 'a session cluster is sent as before');
});
