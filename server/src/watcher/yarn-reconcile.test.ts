import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunRecord } from '../runs/runs.store.js';
import { DEPLOYMENT_BOUND_MS, deploymentsToReconcile, isLeftover, NEVER_REACHED_YARN, reconcileDeployment, runKeyOf } from './yarn-reconcile.js';

const JOB = '0123456789abcdef0123456789abcdef';

function run(fields: Partial<RunRecord>): RunRecord {
  return {
    id: 'r1', taskId: 't1', clusterId: 'c1', flinkJobId: JOB, jobName: 'orders', status: 'INITIALIZING', executionMode: 'STREAMING',
    versionId: 'v1', startTime: null, endTime: null, durationMs: null, restartCount: 0, lastModification: null, lost: false, lostEvidence: null,
    unreachableSince: null, failedProbes: 0, submissionError: null, yarnApplicationId: null, jobManagerUrl: null, createdAt: 1_000, updatedAt: 1_000,
    ...fields,
  };
}

test('only INITIALIZING runs without an application id whose deployment is not in progress here are reconciled', () => {
  const runs = [
    run({ id: 'left', flinkJobId: 'a' }),
    run({ id: 'deploying-here', flinkJobId: 'b' }),
    run({ id: 'has-app', flinkJobId: 'c', yarnApplicationId: 'application_1_0001' }),
    run({ id: 'running', flinkJobId: 'd', status: 'RUNNING', yarnApplicationId: 'application_1_0002' }),
    run({ id: 'lost', flinkJobId: 'e', lost: true }),
  ];
  assert.deepEqual(deploymentsToReconcile(runs, (jobId) => jobId === 'b').map((r) => r.id), ['left']);
});

test('an application YARN lists under the run\'s job tag is adopted, live or ended', () => {
  assert.deepEqual(reconcileDeployment(run({}), { id: 'application_1_0003' }, { now: 2_000, onlyInstance: false }), { action: 'adopt', applicationId: 'application_1_0003' });
  assert.deepEqual(reconcileDeployment(run({}), { id: 'application_1_0003' }, { now: 2_000, onlyInstance: true }), { action: 'adopt', applicationId: 'application_1_0003' });
});

test('alone on its database, a run YARN never got fails at once: no other instance can be deploying it', () => {
  assert.deepEqual(reconcileDeployment(run({}), undefined, { now: 2_000, onlyInstance: true }), { action: 'fail', reason: NEVER_REACHED_YARN });
});

test('with several instances, a run YARN never got waits out the deployment bound before it fails', () => {
  const created = run({ createdAt: 10_000 });
  assert.deepEqual(reconcileDeployment(created, undefined, { now: 10_000 + DEPLOYMENT_BOUND_MS - 1, onlyInstance: false }), { action: 'wait' });
  assert.deepEqual(reconcileDeployment(created, undefined, { now: 10_000 + DEPLOYMENT_BOUND_MS, onlyInstance: false }), { action: 'fail', reason: NEVER_REACHED_YARN });
  assert.deepEqual(reconcileDeployment(created, undefined, { now: 10_500, onlyInstance: false, boundMs: 500 }), { action: 'fail', reason: NEVER_REACHED_YARN });
});

test('an application is looked up by its job tag, else (deployed before job tags) by its id; not Weir\'s: not at all', () => {
  assert.deepEqual(runKeyOf({ id: 'application_1_0004', tags: ['weir', `weir-job-${JOB}`] }), { flinkJobId: JOB });
  assert.deepEqual(runKeyOf({ id: 'application_1_0004', tags: ['weir', 'weir-deploy-00ff'] }), { applicationId: 'application_1_0004' });
  assert.equal(runKeyOf({ id: 'application_1_0004', tags: [`weir-job-${JOB}`] }), undefined);
  assert.equal(runKeyOf({ id: 'application_1_0004', tags: [] }), undefined);
});

test('only an application of Weir\'s whose run is recorded ended is a leftover', () => {
  const weirs = { tags: ['weir', `weir-job-${JOB}`] };
  assert.equal(isLeftover(weirs, { status: 'CANCELED' }), true);
  assert.equal(isLeftover(weirs, { status: 'FAILED' }), true);
  assert.equal(isLeftover(weirs, { status: 'RUNNING' }), false);
  assert.equal(isLeftover(weirs, { status: 'INITIALIZING' }), false);
  assert.equal(isLeftover(weirs, undefined), false, 'not recorded in this entry: another Weir\'s or another entry\'s');
  assert.equal(isLeftover({ tags: ['other'] }, { status: 'FINISHED' }), false);
});
