import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FlinkRejectedError, FlinkUnreachableError, NotFlinkError } from '../errors/errors.js';
import type { FlinkJobDetails, FlinkJobOverview } from '../flink/job-manager.client.js';
import { CACHE_EXPIRY_MARGIN_MS } from '../flink/rest-caches.js';
import { answeredOddly, detailsFromOverview, FlinkTimesWait, overviewTimestamps, overviewUnchanged, staleRetryAt, takeListsWordOverStale } from './stale-details.js';

const line = (over: Partial<FlinkJobOverview> = {}): FlinkJobOverview =>
  ({
    jid: 'j1',
    name: 'orders',
    state: 'RUNNING',
    'start-time': 1_000,
    'end-time': -1,
    duration: 5_000,
    'last-modification': 2_000,
    tasks: { running: 2, finished: 0, canceled: 0, failed: 0, total: 2 },
    ...over,
  }) as FlinkJobOverview;

describe('stale details', () => {
  it('reads a job again only when its line of the job list changed since its details were read', () => {
    assert.equal(overviewUnchanged(line(), line()), true);
    assert.equal(overviewUnchanged(null, line()), false, 'details never read');
    assert.equal(overviewUnchanged(line(), line({ state: 'RESTARTING' })), false);
    assert.equal(overviewUnchanged(line(), line({ 'last-modification': 2_001 })), false);
    assert.equal(overviewUnchanged(line(), line({ tasks: { running: 1, finished: 0, canceled: 0, failed: 1, total: 2 } as FlinkJobOverview['tasks'] })), false);
  });

  it('reads stale details again as soon as Flink\'s cache entry filled by Weir\'s own last read expires, else one cache life after this read', () => {
    const cacheMs = 3_000;
    assert.equal(staleRetryAt(10_000, 9_000, cacheMs), 9_000 + cacheMs + CACHE_EXPIRY_MARGIN_MS, 'Weir filled the entry 1 s ago');
    assert.equal(staleRetryAt(10_000, 2_000, cacheMs), 10_000 + cacheMs + CACHE_EXPIRY_MARGIN_MS, 'Weir\'s last read is older than the cache');
    assert.equal(staleRetryAt(10_000, undefined, cacheMs), 10_000 + cacheMs + CACHE_EXPIRY_MARGIN_MS, 'never read');
    assert.ok(staleRetryAt(10_000, 9_999, cacheMs) > 10_000, 'never in the past');
  });

  it('takes from the job list the time of its start (INITIALIZING) and of an end, nothing else', () => {
    assert.deepEqual(overviewTimestamps(line({ state: 'FINISHED', 'end-time': 7_000 })), { INITIALIZING: 1_000, FINISHED: 7_000 });
    assert.deepEqual(overviewTimestamps(line({ state: 'RUNNING' })), { INITIALIZING: 1_000 });
    assert.deepEqual(overviewTimestamps(line({ state: 'FAILED', 'end-time': -1 })), { INITIALIZING: 1_000 }, 'an end without a time');
    assert.deepEqual(overviewTimestamps(line({ state: 'RUNNING', 'start-time': -1 })), {}, 'a start without a time');
  });

  it('counts an error as an odd answer about the job only when Flink answered, and not with "no such job"', () => {
    assert.equal(answeredOddly(new FlinkRejectedError('HTTP 500', { status: 500 })), true);
    assert.equal(answeredOddly(new NotFlinkError('not JSON')), true);
    assert.equal(answeredOddly(new FlinkRejectedError('HTTP 404', { status: 404 })), false, 'the job is gone');
    assert.equal(answeredOddly(new FlinkUnreachableError('timeout')), false, 'the cluster, not the job');
  });

  it('waits for details with Flink\'s times up to the limit from the first such cycle, and a new wait starts anew', () => {
    const wait = new FlinkTimesWait(10_000);
    assert.equal(wait.anyWaiting, false);
    assert.equal(wait.stillWaiting('j1', 1_000), true);
    assert.equal(wait.anyWaiting, true, 'the cluster has something left to read');
    assert.equal(wait.stillWaiting('j1', 10_999), true);
    assert.equal(wait.stillWaiting('j2', 10_999), true, 'each job its own wait');
    assert.equal(wait.stillWaiting('j1', 11_000), false, 'the limit is reached: record what there is');
    wait.end('j1');
    assert.equal(wait.stillWaiting('j1', 20_000), true);
  });

  it('past the limit, records the job list\'s status over stale details, keeping the history Flink gave and saying why', () => {
    const stale = { jid: 'j1', name: 'orders', state: 'RUNNING', 'start-time': 1_000, 'end-time': -1, duration: 5_000, now: 6_000, timestamps: { RUNNING: 1_200 }, vertices: [] } as unknown as FlinkJobDetails;
    const { details, note } = takeListsWordOverStale(stale, line({ state: 'FINISHED', 'end-time': 9_000 }), 10_400);
    assert.equal(details.state, 'FINISHED');
    assert.deepEqual(details.timestamps, { RUNNING: 1_200, INITIALIZING: 1_000, FINISHED: 9_000 });
    assert.equal(note.text, "Flink's job list shows FINISHED; its details still said RUNNING after 10 s");
    assert.deepEqual(note.code, { code: 'listOverStaleDetails', params: { listState: 'FINISHED', detailsState: 'RUNNING', seconds: 10 } });
  });

  it('records from the job list alone a job whose details cannot be read, with no times but its start\'s and its end\'s', () => {
    const details = detailsFromOverview(line({ state: 'FAILED', 'end-time': 9_000 }), 12_000);
    assert.equal(details.state, 'FAILED');
    assert.deepEqual(details.timestamps, { INITIALIZING: 1_000, FAILED: 9_000 });
    assert.deepEqual(details.vertices, []);
    assert.equal(details.now, 12_000);
  });
});
