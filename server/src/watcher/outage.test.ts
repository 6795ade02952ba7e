import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { awaitsFlinkStatus, flinkStatusNote, Outage, outageStep } from './outage.js';
import { newSteps } from './status-timeline.js';

const settings = { reconnectAttempts: 3, reconnectWindowMs: 1_500 };
const cause = { restUrl: 'http://jm:8081', reason: 'connect ECONNREFUSED' };

describe('outage: Weir\'s own statuses while a JobManager does not answer', () => {
  it('turns a RUNNING run RECONNECTING at the first failed probe, UNKNOWN after N probes over the window, and the first answer restores Flink\'s status', () => {
    const outage = new Outage();
    const run = { status: 'RUNNING', lost: false };

    outage.probeFailed(10_000);
    const first = outageStep(run, outage, settings, 10_000, cause);
    assert.ok(typeof first === 'object' && first.to === 'RECONNECTING');
    assert.match(first.note.text, /JobManager at http:\/\/jm:8081 cannot be reached: connect ECONNREFUSED/);
    run.status = first.to;

    outage.probeFailed(10_500);
    assert.equal(outageStep(run, outage, settings, 10_500, cause), 'still waiting');
    outage.probeFailed(11_000);
    assert.equal(outageStep(run, outage, settings, 11_000, cause), 'still waiting', '3 probes, but only 1 s of the 1.5 s window');
    outage.probeFailed(11_500);
    const gaveUp = outageStep(run, outage, settings, 11_500, cause);
    assert.ok(typeof gaveUp === 'object' && gaveUp.to === 'UNKNOWN');
    assert.equal(gaveUp.note.text, 'No answer after 4 attempts over 2 s: connect ECONNREFUSED');
    assert.deepEqual(gaveUp.note.code, { code: 'noAnswer', params: { attempts: 4, seconds: 2, reason: 'connect ECONNREFUSED' } });
    run.status = gaveUp.to;

    outage.probeFailed(12_000);
    assert.equal(outageStep(run, outage, settings, 12_000, cause), 'still waiting', 'UNKNOWN until the JobManager answers');

    // The JobManager answers: the outage ends, and the run is read whatever the job list says.
    assert.equal(outage.answered(), true);
    assert.equal(outage.ongoing, false);
    assert.equal(outage.answered(), false, 'answered once');
    assert.equal(awaitsFlinkStatus(run), true);
    // Flink never left RUNNING: it has no new step, so Weir records RUNNING as its own observation.
    const details = { state: 'RUNNING' as const, timestamps: { RUNNING: 5_000 } };
    assert.deepEqual(newSteps({ current: 'RUNNING', timestamps: details.timestamps, lastFlinkStatus: 'RUNNING', lastFlinkAt: 5_000 }), []);
    assert.equal(flinkStatusNote(run, details).text, `Back in contact with the JobManager: Flink reports RUNNING since ${new Date(5_000).toISOString()}`);
  });

  it('needs both the attempts and the window before giving up', () => {
    const outage = new Outage();
    const run = { status: 'RECONNECTING', lost: false };
    outage.probeFailed(0);
    assert.equal(outageStep(run, outage, settings, 60_000, cause), 'still waiting', 'one slow probe over a minute');
  });

  it('leaves ended and lost runs alone', () => {
    const outage = new Outage();
    outage.probeFailed(0);
    for (const status of ['FINISHED', 'CANCELED', 'FAILED']) assert.equal(outageStep({ status, lost: false }, outage, settings, 0, cause), 'unaffected', status);
    assert.equal(outageStep({ status: 'UNKNOWN', lost: true }, outage, settings, 0, cause), 'unaffected');
  });

  it('says why Weir records Flink\'s status itself: a lost job listed again, or a status Flink gave no time for', () => {
    const relisted = flinkStatusNote({ status: 'UNKNOWN', lost: true }, { state: 'RUNNING', timestamps: {} });
    assert.match(relisted.text, /^Listed by the JobManager again: Flink reports RUNNING$/);
    assert.deepEqual(relisted.code, { code: 'relisted', params: { state: 'RUNNING' } });
    const noTime = flinkStatusNote({ status: 'CREATED', lost: false }, { state: 'RUNNING', timestamps: { RUNNING: 0 } });
    assert.equal(noTime.text, 'Flink reports RUNNING, without a time for it');
    assert.deepEqual(noTime.code, { code: 'noTimeFromFlink', params: { state: 'RUNNING' } });
    const back = flinkStatusNote({ status: 'RECONNECTING', lost: false }, { state: 'RUNNING', timestamps: { RUNNING: 5_000 } });
    assert.deepEqual(back.code, { code: 'backInContact', params: { state: 'RUNNING', sinceAt: 5_000 } });
    assert.equal(awaitsFlinkStatus({ status: 'RUNNING', lost: false }), false);
  });
});
