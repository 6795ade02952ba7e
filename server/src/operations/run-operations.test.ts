import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runOperations, type RunOperationFacts } from './run-operations.js';

const facts = (over: Partial<RunOperationFacts> = {}): RunOperationFacts => ({
  status: 'RUNNING',
  clusterKnown: true,
  resubmittable: true,
  neverReachedFlink: false,
  hasCheckpoint: true,
  hasSavepoint: true,
  ...over,
});
const blockers = (f: RunOperationFacts) => Object.fromEntries(Object.entries(runOperations(f)).map(([k, v]) => [k, v.blocker]));

describe('runOperations', () => {
  it('offers everything for a running job with checkpoints and savepoints', () => {
    assert.ok(Object.values(runOperations(facts())).every((o) => o.allowed));
  });

  it('does not offer a restart from a checkpoint or savepoint the run does not have', () => {
    const b = blockers(facts({ status: 'FAILED', hasCheckpoint: false, hasSavepoint: false }));
    assert.equal(b.restartFromLatestCheckpoint, 'noCheckpoint');
    assert.equal(b.restartFromLatestSavepoint, 'noSavepoint');
    assert.equal(b.restartWithoutState, null);
    assert.equal(b.stop, 'terminal');
    assert.equal(b.cancel, 'terminal');
  });

  it('a running job can restart from a savepoint taken now', () => {
    assert.equal(blockers(facts({ hasSavepoint: false })).restartFromLatestSavepoint, null);
  });

  it('a run that never reached Flink offers no operation on a Flink job, only a new submission', () => {
    const b = blockers(facts({ status: 'FAILED', neverReachedFlink: true, hasCheckpoint: false, hasSavepoint: false }));
    assert.deepEqual(b, {
      stop: 'neverReachedFlink',
      cancel: 'neverReachedFlink',
      savepoint: 'neverReachedFlink',
      restartFromLatestCheckpoint: 'neverReachedFlink',
      restartFromLatestSavepoint: 'noSavepoint',
      restartFromChosenSavepoint: null,
      restartWithoutState: null,
      refresh: 'neverReachedFlink',
    });
  });

  it('an external job cannot be submitted again, and nothing is possible once its cluster is removed', () => {
    assert.equal(blockers(facts({ resubmittable: false })).restartWithoutState, 'external');
    assert.ok(Object.values(blockers(facts({ clusterKnown: false }))).every((b) => b === 'noCluster'));
  });
});
