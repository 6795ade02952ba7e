import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newSteps } from './status-timeline.js';

const ts = (o: Record<string, number>) => ({ INITIALIZING: 0, CREATED: 0, RUNNING: 0, FAILING: 0, FAILED: 0, CANCELLING: 0, CANCELED: 0, FINISHED: 0, RESTARTING: 0, SUSPENDED: 0, RECONCILING: 0, ...o });

describe('newSteps', () => {
  it('records a new job from its first status, in Flink order', () => {
    const steps = newSteps({ current: 'RUNNING', timestamps: ts({ INITIALIZING: 100, CREATED: 105, RUNNING: 130 }), lastFlinkStatus: null, lastFlinkAt: null });
    assert.deepEqual(steps, [
      { status: 'INITIALIZING', at: 100 },
      { status: 'CREATED', at: 105 },
      { status: 'RUNNING', at: 130 },
    ]);
  });

  it('orders statuses entered in the same millisecond by the job lifecycle', () => {
    const steps = newSteps({ current: 'RUNNING', timestamps: ts({ INITIALIZING: 100, CREATED: 100, RUNNING: 100 }), lastFlinkStatus: null, lastFlinkAt: null });
    assert.deepEqual(steps.map((s) => s.status), ['INITIALIZING', 'CREATED', 'RUNNING']);
  });

  it('keeps a restart shorter than a watcher cycle', () => {
    // Known RUNNING at 130; within one cycle the job restarted (RESTARTING at 300) and runs again (RUNNING at 305).
    const steps = newSteps({ current: 'RUNNING', timestamps: ts({ INITIALIZING: 100, CREATED: 105, RUNNING: 305, RESTARTING: 300 }), lastFlinkStatus: 'RUNNING', lastFlinkAt: 130 });
    assert.deepEqual(steps, [
      { status: 'RESTARTING', at: 300 },
      { status: 'RUNNING', at: 305 },
    ]);
  });

  it('records nothing when nothing changed', () => {
    const steps = newSteps({ current: 'RUNNING', timestamps: ts({ INITIALIZING: 100, RUNNING: 130 }), lastFlinkStatus: 'RUNNING', lastFlinkAt: 130 });
    assert.deepEqual(steps, []);
  });

  it('after an outage in which Flink never left RUNNING, Flink made no new step (Weir records its own "back in contact")', () => {
    const steps = newSteps({ current: 'RUNNING', timestamps: ts({ INITIALIZING: 100, CREATED: 105, RUNNING: 130 }), lastFlinkStatus: 'RUNNING', lastFlinkAt: 130 });
    assert.deepEqual(steps, []);
  });

  it('after an outage, records what the job did meanwhile at Flink\'s times', () => {
    const steps = newSteps({ current: 'FINISHED', timestamps: ts({ RUNNING: 130, FINISHED: 700 }), lastFlinkStatus: 'RUNNING', lastFlinkAt: 130 });
    assert.deepEqual(steps, [{ status: 'FINISHED', at: 700 }]);
  });

  it('a failing job: RUNNING → FAILING → FAILED', () => {
    const steps = newSteps({ current: 'FAILED', timestamps: ts({ RUNNING: 130, FAILING: 150, FAILED: 151 }), lastFlinkStatus: 'RUNNING', lastFlinkAt: 130 });
    assert.deepEqual(steps.map((s) => [s.status, s.at]), [['FAILING', 150], ['FAILED', 151]]);
  });

  it('ignores statuses reported after the current one', () => {
    const steps = newSteps({ current: 'CANCELLING', timestamps: ts({ RUNNING: 130, CANCELLING: 150, CANCELED: 160 }), lastFlinkStatus: 'RUNNING', lastFlinkAt: 130 });
    assert.deepEqual(steps.map((s) => s.status), ['CANCELLING']);
  });

  it('without timestamps, Flink gave no step to record', () => {
    assert.deepEqual(newSteps({ current: 'RUNNING', timestamps: undefined, lastFlinkStatus: 'CREATED', lastFlinkAt: 10 }), []);
  });
});
