import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HealthCheckResult } from '@weir/contract';
import { checkViews } from './health-view';

const r = (check: HealthCheckResult['check'], state: HealthCheckResult['state'], at: number, detail = `${check} ${state}`): HealthCheckResult => ({ check, state, detail, at });

test('a check failing across several results has failed since the first of them', () => {
  const history = [r('checkpoint', 'PASS', 100), r('checkpoint', 'FAIL', 200, 'none in 3 min'), r('checkpoint', 'FAIL', 300, 'none in 6 min')];
  const [view] = checkViews(history, [history[2]!]);
  assert.deepEqual(view, { check: 'checkpoint', state: 'FAIL', detail: 'none in 6 min', since: 200 });
});

test('a check that recovered passes since its recovery; checks are kept apart', () => {
  const history = [r('restarts', 'FAIL', 100), r('backpressure', 'PASS', 120), r('restarts', 'PASS', 400)];
  const views = checkViews(history, [history[2]!, history[1]!]);
  assert.deepEqual(views.map((v) => [v.check, v.state, v.since]), [['restarts', 'PASS', 400], ['backpressure', 'PASS', 120]]);
});

test('a latest result older than the history window is its own start', () => {
  const latest = r('backpressure', 'SKIPPED', 50);
  assert.deepEqual(checkViews([], [latest]).map((v) => v.since), [50]);
});
