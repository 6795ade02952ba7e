import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HealthCheckResult } from '@weir/contract';
import { bandOf, endedScore, healthScore, SCORE_WINDOW_MS } from './health-score.js';

const now = 10_000_000;
const min = 60_000;
const r = (check: HealthCheckResult['check'], state: HealthCheckResult['state'], at: number, detail = `${check} ${state}`): HealthCheckResult => ({
  check,
  state,
  at,
  detail,
});

describe('healthScore', () => {
  it('is 100 with no reasons when every check passes or does not apply', () => {
    const s = healthScore([r('restarts', 'PASS', now - 40 * min), r('checkpoint', 'SKIPPED', now - 5 * min), r('backpressure', 'PASS', now - min)], now);
    assert.deepEqual(s, { score: 100, band: 'healthy', reasons: [] });
  });

  it('is 100 for a run never checked', () => {
    assert.equal(healthScore([], now).score, 100);
  });

  it('takes half a check\'s weight the moment it fails', () => {
    const s = healthScore([r('checkpoint', 'PASS', now - 20 * min), r('checkpoint', 'FAIL', now, 'no checkpoint completed for 5 s (limit 4 s)')], now);
    assert.equal(s.score, 80);
    assert.equal(s.reasons.length, 1);
    assert.equal(s.reasons[0]!.check, 'checkpoint');
    assert.equal(s.reasons[0]!.penalty, 20);
    assert.match(s.reasons[0]!.text, /^no checkpoint completed for 5 s \(limit 4 s\) \(failing now, 0% of the last 30 min\)$/);
  });

  it('takes the whole weight of a check failing for the whole window, counted from before the window', () => {
    const s = healthScore([r('checkpoint', 'FAIL', now - 2 * SCORE_WINDOW_MS)], now);
    assert.equal(s.score, 60);
    assert.equal(s.reasons[0]!.penalty, 40);
  });

  it('keeps charging a failure that cleared, by the share of the window it lasted', () => {
    // restarts failed for 15 of the last 30 min, passing for the last 5.
    const s = healthScore([r('restarts', 'FAIL', now - 20 * min, '5 restarts in 10 min'), r('restarts', 'PASS', now - 5 * min)], now);
    assert.equal(s.reasons[0]!.penalty, Math.round(35 * 0.5));
    assert.match(s.reasons[0]!.text, /^5 restarts in 10 min \(failed 50% of the last 30 min, passing since /);
    // once the failure left the window it costs nothing
    assert.equal(healthScore([r('restarts', 'FAIL', now - 50 * min), r('restarts', 'PASS', now - 31 * min)], now).score, 100);
  });

  it('adds up the checks, worst reason first, never below 0', () => {
    const all = healthScore(
      [r('restarts', 'FAIL', now - 60 * min), r('checkpoint', 'FAIL', now - 60 * min), r('backpressure', 'FAIL', now - 60 * min)],
      now,
    );
    assert.equal(all.score, 0);
    assert.equal(all.band, 'unhealthy');
    assert.deepEqual(all.reasons.map((x) => x.check), ['checkpoint', 'restarts', 'backpressure']);
    const two = healthScore([r('backpressure', 'FAIL', now - 15 * min), r('restarts', 'FAIL', now - min)], now);
    // backpressure 25 × min(1, .5 + .5) = 25; restarts 35 × (.5 + 1/30) = 18.67 → 19
    assert.equal(two.score, 100 - 25 - 19);
    assert.equal(two.band, 'degraded');
  });

  it('ignores results recorded after `now`', () => {
    assert.equal(healthScore([r('checkpoint', 'PASS', now - min), r('checkpoint', 'FAIL', now + min)], now).score, 100);
  });

  it('bands: 80+ healthy, 50–79 degraded, below 50 unhealthy', () => {
    assert.deepEqual([100, 80, 79, 50, 49, 0].map(bandOf), ['healthy', 'healthy', 'degraded', 'degraded', 'unhealthy', 'unhealthy']);
  });
});

describe('healthScore reasons as codes', () => {
  it("a reason carries the failing result's finding and how long the check failed in the window", () => {
    const finding = { code: 'restartsOver' as const, params: { restarts: 5, windowMs: 600_000, threshold: 3 } };
    const failingNow = healthScore([{ ...r('restarts', 'FAIL', now - 3 * min), finding }], now);
    assert.deepEqual(failingNow.reasons[0]?.finding, finding);
    assert.deepEqual(failingNow.reasons[0]?.failing, { now: true, share: 0.1, windowMs: SCORE_WINDOW_MS, passingSince: null });
    const cleared = healthScore([{ ...r('restarts', 'FAIL', now - 9 * min), finding }, r('restarts', 'PASS', now - 3 * min)], now);
    assert.deepEqual(cleared.reasons[0]?.failing, { now: false, share: 0.2, windowMs: SCORE_WINDOW_MS, passingSince: now - 3 * min });
  });

  it('a result recorded before findings existed gives a reason with its English text only', () => {
    const old = healthScore([r('checkpoint', 'FAIL', now - min, 'no checkpoint completed for 5 min')], now);
    assert.equal(old.reasons[0]?.finding, undefined);
    assert.match(old.reasons[0]!.text, /^no checkpoint completed for 5 min \(failing now/);
  });
});

describe('endedScore', () => {
  it('makes a run that ended FAILED unhealthy, with the failure as its first reason, whatever its checks said', () => {
    const checks = healthScore([r('restarts', 'PASS', now - min), r('checkpoint', 'PASS', now - min)], now);
    const s = endedScore(checks, { status: 'FAILED', at: now });
    assert.equal(s.score, 0);
    assert.equal(s.band, 'unhealthy');
    assert.deepEqual(s.reasons[0], { check: 'outcome', penalty: 100, text: `the run ended FAILED at ${new Date(now).toISOString()}`, finding: { code: 'endedFailed', params: { endedAt: now } } });
  });

  it('keeps the checks\' score of a run that finished or was cancelled', () => {
    const checks = healthScore([r('checkpoint', 'FAIL', now - min, 'no checkpoint')], now);
    assert.deepEqual(endedScore(checks, { status: 'CANCELED', at: now }), checks);
    assert.deepEqual(endedScore(checks, { status: 'FINISHED', at: now }), checks);
  });
});
