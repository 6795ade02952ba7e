import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { noneSource, snapshotSource } from './section-sources.js';

describe('where a run page section comes from', () => {
  it('a saved copy dates an outage from no earlier than the copy, since the cluster answered when it was read', () => {
    const source = snapshotSource(5_000, { reason: 'Cluster prod does not answer', unreachableSince: 2_000 });
    assert.deepEqual(source, { source: 'snapshot', capturedAt: 5_000, reason: 'Cluster prod does not answer', unreachableSince: 5_000 });
    assert.equal(snapshotSource(5_000, { reason: 'down', unreachableSince: 9_000 }).unreachableSince, 9_000);
  });

  it('a section with neither a live answer nor a copy says why, with no outage when the cluster is not down', () => {
    assert.deepEqual(noneSource({ reason: 'The job has expired from the cluster' }), { source: 'none', capturedAt: null, reason: 'The job has expired from the cluster', unreachableSince: null });
    assert.equal(snapshotSource(5_000, { reason: 'expired' }).unreachableSince, null);
  });
});
