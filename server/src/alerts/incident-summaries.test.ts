import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IncidentSummary } from '@weir/contract';
import { incidentSummary, type SummaryForms } from './incident-summaries.js';

const expect = (forms: SummaryForms, summary: string, code: IncidentSummary['code'], params: IncidentSummary['params']) => {
  assert.equal(forms.summary, summary, 'the English the channels send is unchanged');
  assert.deepEqual(forms.summaryCode, { code, params });
  assert.ok(IncidentSummary.safeParse(forms.summaryCode).success, 'the code is one the contract (and so the web app) knows');
};

test('each kind of incident says its summary as a code with the values the English line names', () => {
  expect(incidentSummary.statusBecame('FAILED'), 'status became FAILED', 'statusBecame', { status: 'FAILED' });
  expect(incidentSummary.restartsWithin(4, 600_000, 3), '4 restarts within 10m 0s (more than 3)', 'restartsWithin', { count: 4, windowMs: 600_000, limit: 3 });
  expect(incidentSummary.exceptionRaised('java.lang.ArithmeticException'), 'raised java.lang.ArithmeticException', 'exceptionRaised', { exception: 'java.lang.ArithmeticException' });
  expect(incidentSummary.checkpointFailed(17), 'checkpoint 17 failed', 'checkpointFailed', { checkpointId: 17 });
  expect(incidentSummary.clusterUnreachable('prod', 'connect ECONNREFUSED'), 'cluster prod is unreachable: connect ECONNREFUSED', 'clusterUnreachable', { cluster: 'prod', error: 'connect ECONNREFUSED' });
  expect(incidentSummary.healthCheckFailed('backpressure', 'busy 90%'), 'health check backpressure failed: busy 90%', 'healthCheckFailed', { check: 'backpressure', detail: 'busy 90%' });
  const high = { code: 'backpressureHigh', params: { vertex: 'Map', lastedMs: 300_000, limitMs: 120_000 } } as const;
  const highDetail = 'backpressure HIGH on Map for 5 min (limit 2 min)';
  expect(incidentSummary.healthCheckFailed('backpressure', highDetail, high), `health check backpressure failed: ${highDetail}`, 'healthCheckFailed', {
    check: 'backpressure',
    detail: highDetail,
    finding: 'backpressureHigh',
    vertex: 'Map',
    lastedMs: 300_000,
    limitMs: 120_000,
  });
  expect(incidentSummary.savepointFailed('alice', 'timeout'), 'a savepoint taken by alice failed: timeout', 'savepointFailed', { takenBy: 'alice', failure: 'timeout' });
  const usedUp = { code: 'attemptsUsedUp', params: { attempts: 3, windowMs: 1_800_000, maxAttempts: 3 } } as const;
  const usedUpValues = { reason: '3 automatic restarts within 30 min used up (at most 3)', stop: 'attemptsUsedUp', attempts: 3, windowMs: 1_800_000, maxAttempts: 3 };
  expect(incidentSummary.autoRestartStopped(usedUpValues.reason, usedUp), `automatic restarts stopped: ${usedUpValues.reason}`, 'autoRestartStopped', usedUpValues);
  expect(incidentSummary.failedAutoRestartStopped(usedUpValues.reason, usedUp), `status became FAILED; automatic restarts stopped: ${usedUpValues.reason}`, 'failedAutoRestartStopped', usedUpValues);
  expect(incidentSummary.noCheckpoint(125_400, false), 'no checkpoint completed for 2m 5s', 'noCheckpoint', { forMs: 125_000 });
  expect(incidentSummary.noCheckpoint(125_600, true), 'no checkpoint completed for 2m 6s (none seen)', 'noCheckpointNoneSeen', { forMs: 126_000 });
  expect(incidentSummary.metric({ metric: 'numRecordsInPerSecond', op: 'below', threshold: 1, forMs: 60_000 }, 0), 'numRecordsInPerSecond below 1 for 1m 0s (now 0)', 'metricBelow', {
    metric: 'numRecordsInPerSecond',
    threshold: 1,
    forMs: 60_000,
    value: 0,
  });
  expect(incidentSummary.metric({ metric: 'busyTimeMsPerSecond', vertexId: 'v1', op: 'above', threshold: 800, forMs: 0 }, 950), 'busyTimeMsPerSecond of vertex v1 above 800 for 0s (now 950)', 'metricAbove', {
    metric: 'busyTimeMsPerSecond',
    vertexId: 'v1',
    threshold: 800,
    forMs: 0,
    value: 950,
  });
});

test('a value the sentence can do without is left out, not sent empty', () => {
  expect(incidentSummary.clusterUnreachable('prod', null), 'cluster prod is unreachable', 'clusterUnreachable', { cluster: 'prod' });
  expect(incidentSummary.autoRestartStopped('used up', undefined), 'automatic restarts stopped: used up', 'autoRestartStopped', { reason: 'used up' });
  expect(incidentSummary.savepointFailed(null, null), 'a savepoint failed: no reason given', 'savepointFailed', {});
});

test("a status Weir gave keeps its note's own code, so the note is said in the reader's language too", () => {
  const note = { text: 'Submission failed: no slots', code: { code: 'submissionFailed', params: { message: 'no slots' } } } as const;
  const forms = incidentSummary.statusBecame('FAILED', note);
  assert.equal(forms.summary, 'status became FAILED (Submission failed: no slots)');
  assert.deepEqual(forms.summaryCode, { code: 'statusBecame', params: { status: 'FAILED', note: 'Submission failed: no slots' }, note: note.code });
  // A note without a code (an older Weir relayed it) is quoted as it is.
  assert.deepEqual(incidentSummary.statusBecame('UNKNOWN', { text: 'lost' }).summaryCode, { code: 'statusBecame', params: { status: 'UNKNOWN', note: 'lost' } });
});
