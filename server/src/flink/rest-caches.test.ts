import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CACHE_EXPIRY_MARGIN_MS, filledAfter, FLINK_DEFAULT_REFRESH_INTERVAL_MS, parseFlinkDurationMs, reportedCacheMs } from './rest-caches.js';

describe('parseFlinkDurationMs', () => {
  it('reads the forms Flink\'s configuration writes durations in', () => {
    assert.equal(parseFlinkDurationMs('3 s'), 3_000);
    assert.equal(parseFlinkDurationMs('500ms'), 500);
    assert.equal(parseFlinkDurationMs('1 min'), 60_000);
    assert.equal(parseFlinkDurationMs('2 seconds'), 2_000);
    assert.equal(parseFlinkDurationMs('3000'), 3_000, 'a bare number is milliseconds');
    assert.equal(parseFlinkDurationMs(' 10 S '), 10_000);
  });

  it('refuses what it cannot read rather than guess', () => {
    for (const text of ['', 's', '3 fortnights', '-3 s', '1.5 s', 'PT3S', '9'.repeat(30) + ' d']) {
      assert.equal(parseFlinkDurationMs(text), null, text);
    }
  });
});

describe('filledAfter', () => {
  it('is one cache life and a margin after the moment, so an entry filled just before it has expired', () => {
    assert.equal(filledAfter(10_000, 3_000), 13_000 + CACHE_EXPIRY_MARGIN_MS);
  });
});

describe('reportedCacheMs', () => {
  it('takes the cache life a JobManager reported, and Flink\'s default for none or one that cannot be a time', () => {
    assert.equal(reportedCacheMs(1_000), 1_000);
    assert.equal(reportedCacheMs(0), 0);
    for (const odd of [undefined, -1, Number.NaN, Number.POSITIVE_INFINITY]) assert.equal(reportedCacheMs(odd), FLINK_DEFAULT_REFRESH_INTERVAL_MS, String(odd));
  });
});
