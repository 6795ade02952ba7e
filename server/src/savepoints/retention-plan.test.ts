import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SavepointRecord } from '../runs/savepoints.store.js';
import { planRetention } from './retention-plan.js';

const NOW = 1_700_000_000_000;
const HOUR = 3_600_000;

function savepoint(id: string, hoursAgo: number, overrides: Partial<SavepointRecord> = {}): SavepointRecord {
  return {
    id, runId: 'run', taskId: 'task', path: `file:/savepoints/${id}`, kind: 'SAVEPOINT', triggerId: null, status: 'COMPLETED', failure: null,
    createdAt: NOW - hoursAgo * HOUR, completedAt: NOW - hoursAgo * HOUR, takenBy: 'olga', disposedAt: null, disposedBy: null, ...overrides,
  };
}
const ids = (entries: { id: string }[]) => entries.map((e) => e.id);
const noneRestored = new Map<string, string>();

test('keepLast keeps the newest N completed savepoints and disposes of the older ones, oldest reason named', () => {
  const plan = planRetention({ savepoints: [savepoint('a', 5), savepoint('b', 1), savepoint('c', 3), savepoint('d', 4)], policy: { keepLast: 2 }, now: NOW, restoredByLiveRuns: noneRestored });
  assert.deepEqual(ids(plan.keep), ['b', 'c']);
  assert.deepEqual(ids(plan.dispose), ['d', 'a']);
  assert.equal(plan.dispose[0]!.reason, 'not among the newest 2');
});

test('keepForMs keeps what is younger; with keepLast, either rule keeps a savepoint', () => {
  const savepoints = [savepoint('a', 1), savepoint('b', 2), savepoint('c', 30), savepoint('d', 50)];
  assert.deepEqual(ids(planRetention({ savepoints, policy: { keepForMs: 24 * HOUR }, now: NOW, restoredByLiveRuns: noneRestored }).dispose), ['c', 'd']);
  const both = planRetention({ savepoints, policy: { keepForMs: 24 * HOUR, keepLast: 3 }, now: NOW, restoredByLiveRuns: noneRestored });
  assert.deepEqual(ids(both.keep), ['a', 'b', 'c']);
  assert.deepEqual(both.dispose.map((e) => [e.id, e.reason]), [['d', 'not among the newest 3 and older than 24h 0m']]);
});

test('never the newest completed one, never one a live run started from, never a retained checkpoint; only completed savepoints are candidates', () => {
  const plan = planRetention({
    savepoints: [
      savepoint('newest', 100),
      savepoint('restored', 200),
      savepoint('checkpoint', 300, { kind: 'CHECKPOINT' }),
      savepoint('old', 400),
      savepoint('failed', 1, { status: 'FAILED', path: null, completedAt: NOW - HOUR }),
      savepoint('pending', 0, { status: 'PENDING', path: null, completedAt: null }),
      savepoint('gone', 500, { status: 'DISPOSED' }),
    ],
    policy: { keepForMs: HOUR },
    now: NOW,
    restoredByLiveRuns: new Map([['file:/savepoints/restored', 'run 7 started from it and is RUNNING']]),
  });
  assert.deepEqual(plan.keep.map((e) => [e.id, e.reason]), [
    ['newest', 'the newest completed savepoint is always kept'],
    ['restored', 'run 7 started from it and is RUNNING'],
    ['checkpoint', "a retained checkpoint: Flink's own checkpoint retention manages it"],
  ]);
  assert.deepEqual(ids(plan.dispose), ['old']);
});

test('while a live run\'s starting point is unknown, nothing is disposed of', () => {
  const plan = planRetention({ savepoints: [savepoint('a', 1), savepoint('b', 500)], policy: { keepLast: 1 }, now: NOW, restoredByLiveRuns: undefined });
  assert.deepEqual(plan.dispose, []);
  assert.match(plan.keep[1]!.reason, /has not read from Flink yet/);
});
