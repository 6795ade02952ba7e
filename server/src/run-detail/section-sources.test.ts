import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SectionReasonCode } from '@weir/contract';
import { noneSource, notLive, snapshotSource } from './section-sources.js';

describe('where a run page section comes from', () => {
  it('a saved copy dates an outage from no earlier than the copy, since the cluster answered when it was read', () => {
    const down = notLive.clusterUnreachable('prod', null);
    const source = snapshotSource(5_000, { ...down, unreachableSince: 2_000 });
    assert.deepEqual(source, { source: 'snapshot', capturedAt: 5_000, reason: 'Cluster prod does not answer', reasonCode: { code: 'clusterUnreachable', params: { cluster: 'prod' } }, unreachableSince: 5_000 });
    assert.equal(snapshotSource(5_000, { ...down, unreachableSince: 9_000 }).unreachableSince, 9_000);
  });

  it('a section with neither a live answer nor a copy says why, with no outage when the cluster is not down', () => {
    const gone = notLive.jobGone('abc123');
    assert.deepEqual(noneSource(gone), { source: 'none', capturedAt: null, reason: 'The cluster no longer has job abc123', reasonCode: { code: 'jobGone', params: { jobId: 'abc123' } }, unreachableSince: null });
    assert.equal(snapshotSource(5_000, gone).unreachableSince, null);
  });

  it('each reason keeps its English for API clients and gives the web app a code with the values its English names', () => {
    const run = { clusterId: 'c-7' } as Parameters<typeof notLive.clusterNotRegistered>[0];
    const cases = [
      [notLive.neverReachedFlink(), 'The job never reached Flink: the cluster refused its submission', 'neverReachedFlink', {}],
      [notLive.clusterNotRegistered(run), 'Cluster c-7 is no longer registered in Weir', 'clusterNotRegistered', { cluster: 'c-7' }],
      [notLive.clusterUnreachable('prod', 'connect ECONNREFUSED'), 'Cluster prod does not answer (connect ECONNREFUSED)', 'clusterUnreachableBecause', { cluster: 'prod', error: 'connect ECONNREFUSED' }],
      [notLive.noTaskManager(), 'The cluster has no TaskManager', 'noTaskManager', {}],
      [notLive.flinkError('Flink said no'), 'Flink said no', 'flinkError', { message: 'Flink said no' }],
    ] as const;
    for (const [why, english, code, params] of cases) {
      assert.equal(why.reason, english);
      assert.deepEqual(why.reasonCode, { code, params });
    }
    // Every code the contract allows is one the server makes.
    const made = new Set([...cases.map(([why]) => why.reasonCode.code), 'clusterUnreachable', 'jobGone']);
    assert.deepEqual(SectionReasonCode.options.filter((code) => !made.has(code)), []);
  });
});
