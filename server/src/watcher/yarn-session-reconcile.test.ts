import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { YarnApplication } from '../yarn/yarn-rm.client.js';
import { DEPLOYMENT_BOUND_MS } from './yarn-reconcile.js';
import { isSessionLeftover, reconcileInterruptedStop, reconcileSessionStart, SESSION_NEVER_REACHED_YARN, sessionEndedByYarn, sessionRunStatusFromYarn } from './yarn-session-reconcile.js';

type App = Pick<YarnApplication, 'id' | 'state' | 'finalStatus' | 'diagnostics' | 'jobManagerUrl'>;
const app = (fields: Partial<App>): App => ({ id: 'application_1_0007', state: 'RUNNING', finalStatus: 'UNDEFINED', diagnostics: '', jobManagerUrl: 'http://node-1:8081', ...fields });
const session = { createdAt: 10_000 };
const alone = { now: 20_000, onlyInstance: true };

test('a session YARN runs with a JobManager is adopted at that JobManager', () => {
  assert.deepEqual(reconcileSessionStart(session, app({}), alone), { action: 'adopt', applicationId: 'application_1_0007', jobManagerUrl: 'http://node-1:8081' });
});

test('a session YARN has not started yet waits, however long and however many instances', () => {
  for (const onlyInstance of [true, false]) {
    const later = { now: session.createdAt + DEPLOYMENT_BOUND_MS * 2, onlyInstance };
    assert.deepEqual(reconcileSessionStart(session, app({ state: 'ACCEPTED', jobManagerUrl: null }), later), { action: 'wait' });
    assert.deepEqual(reconcileSessionStart(session, app({ state: 'RUNNING', jobManagerUrl: null }), later), { action: 'wait' }, 'its ApplicationMaster not registered yet');
  }
});

test('a session whose application ended before it ran fails with YARN\'s words', () => {
  const verdict = reconcileSessionStart(session, app({ state: 'FAILED', finalStatus: 'FAILED', diagnostics: 'Container exited with a non-zero exit code 1\n' }), alone);
  assert.equal(verdict.action, 'fail');
  assert.equal(verdict.action === 'fail' && verdict.applicationId, 'application_1_0007');
  assert.equal(verdict.action === 'fail' && verdict.reason, 'The YARN session did not start: application application_1_0007 FAILED (final status FAILED): Container exited with a non-zero exit code 1');
});

test('alone on its database, a session YARN never got fails at once', () => {
  assert.deepEqual(reconcileSessionStart(session, undefined, alone), { action: 'fail', reason: SESSION_NEVER_REACHED_YARN, applicationId: null });
});

test('with several instances, a session YARN never got waits out the deployment bound: another may still be starting it', () => {
  const just = { now: session.createdAt + DEPLOYMENT_BOUND_MS - 1, onlyInstance: false };
  assert.deepEqual(reconcileSessionStart(session, undefined, just), { action: 'wait' });
  assert.deepEqual(reconcileSessionStart(session, undefined, { ...just, now: just.now + 1 }), { action: 'fail', reason: SESSION_NEVER_REACHED_YARN, applicationId: null });
});

test('a session YARN ended says so in YARN\'s words, with a placeholder when YARN gave no diagnostics', () => {
  assert.equal(
    sessionEndedByYarn(app({ state: 'KILLED', finalStatus: 'KILLED', diagnostics: 'Application killed by user.' })),
    'YARN ended the session without Weir: application application_1_0007 KILLED (final status KILLED): Application killed by user.',
  );
  assert.match(sessionEndedByYarn(app({ state: 'FINISHED', finalStatus: 'SUCCEEDED', diagnostics: '  ' })), /FINISHED \(final status SUCCEEDED\): \(no diagnostics\)$/);
});

test('runs still running on a session YARN ended: killed or shut down is CANCELED, failed is FAILED, never FINISHED', () => {
  assert.equal(sessionRunStatusFromYarn({ state: 'KILLED', finalStatus: 'KILLED' }), 'CANCELED');
  assert.equal(sessionRunStatusFromYarn({ state: 'FAILED', finalStatus: 'FAILED' }), 'FAILED');
  assert.equal(sessionRunStatusFromYarn({ state: 'FINISHED', finalStatus: 'SUCCEEDED' }), 'CANCELED', 'the session shut down; the job did not finish');
  assert.equal(sessionRunStatusFromYarn({ state: 'FINISHED', finalStatus: 'FAILED' }), 'FAILED');
  assert.equal(sessionRunStatusFromYarn({ state: 'FINISHED', finalStatus: 'UNDEFINED' }), 'FAILED');
});

test('only the application of a session whose entry ended is a leftover; a live, unknown or starting one is not', () => {
  assert.equal(isSessionLeftover('FAILED'), true);
  assert.equal(isSessionLeftover('STOPPED'), true);
  for (const state of ['STARTING', 'RUNNING', 'STOPPING', undefined] as const) assert.equal(isSessionLeftover(state), false, String(state));
});

test('a stop left behind is STOPPED once YARN says its application ended, whatever the instances', () => {
  for (const state of ['FINISHED', 'KILLED', 'FAILED'] as const) {
    assert.equal(reconcileInterruptedStop({ state }, { onlyInstance: true }), 'STOPPED');
    assert.equal(reconcileInterruptedStop({ state }, { onlyInstance: false }), 'STOPPED');
  }
});

test('a stop left behind whose application YARN still runs is RUNNING again when alone, and left to the other instances otherwise', () => {
  assert.equal(reconcileInterruptedStop({ state: 'RUNNING' }, { onlyInstance: true }), 'RUNNING');
  assert.equal(reconcileInterruptedStop({ state: 'RUNNING' }, { onlyInstance: false }), 'wait', 'another instance may be stopping it now');
});

test('an application YARN no longer knows says nothing about a stop left behind', () => {
  assert.equal(reconcileInterruptedStop(undefined, { onlyInstance: true }), 'wait');
});
