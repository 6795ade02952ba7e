import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JobCheckpoints } from '../flink/flink-rest.schemas.js';
import { restoredPathOf, savedStatesOf } from '../flink/saved-states.js';
import type { SavepointRecord } from '../runs/savepoints.store.js';
import { buildCatalog, type CatalogRun } from './catalog-entries.js';

const T = 1_700_000_000_000;

function stats(id: number, overrides: Record<string, unknown> = {}) {
  return { id, status: 'COMPLETED', is_savepoint: false, trigger_timestamp: T + id * 1000, latest_ack_timestamp: T + id * 1000 + 200, checkpointed_size: id * 100, external_path: `file:/cp/chk-${id}`, ...overrides };
}
/** An answer of GET /jobs/:jid/checkpoints, as Flink 1.20 and 2.3 give it (trimmed to what is read), decoded as the client does. */
function answer(history: object[], latest: Record<string, unknown>) {
  return JobCheckpoints.parse({ counts: { restored: 0, total: history.length, in_progress: 0, completed: history.length, failed: 0 }, latest, history });
}
const record = (id: string, path: string, overrides: Partial<SavepointRecord> = {}): SavepointRecord => ({
  id, runId: 'r1', taskId: 't', path, kind: 'SAVEPOINT', triggerId: 'trig', status: 'COMPLETED', failure: null, createdAt: T, completedAt: T + 500,
  takenBy: 'olga', disposedAt: null, disposedBy: null, ...overrides,
});

test('Flink history: completed savepoints and the latest addressable checkpoint; in-progress, failed and unaddressable ones are not restorable', () => {
  const states = savedStatesOf(
    answer(
      [stats(5), stats(4, { is_savepoint: true, external_path: 'file:/sp/savepoint-4', checkpointed_size: 0, state_size: 4096 }), stats(3, { status: 'FAILED', is_savepoint: true }), stats(2, { status: 'IN_PROGRESS' })],
      { completed: stats(5), savepoint: stats(4, { is_savepoint: true, external_path: 'file:/sp/savepoint-4', checkpointed_size: 0, state_size: 4096 }), failed: null, restored: null },
    ),
  );
  assert.deepEqual(
    states?.map((s) => [s.checkpointId, s.isSavepoint, s.path, s.sizeBytes]),
    [
      [5, false, 'file:/cp/chk-5', 500],
      // A savepoint's checkpointed_size can be 0 B; its state_size is what it holds.
      [4, true, 'file:/sp/savepoint-4', 4096],
    ],
  );
  const unaddressable = savedStatesOf(answer([stats(7)], { completed: stats(7, { external_path: '<checkpoint-not-externally-addressable>' }) }));
  assert.deepEqual(unaddressable, []);
});

test('where a job started from: a restored path Flink can address, else nothing', () => {
  const decoded = (latest: Record<string, unknown>) => answer([], latest);
  assert.equal(restoredPathOf(decoded({ restored: { id: 3, restore_timestamp: T, is_savepoint: true, external_path: 'file:/sp/savepoint-3' } })), 'file:/sp/savepoint-3');
  assert.equal(restoredPathOf(decoded({ restored: { id: 3, restore_timestamp: T, is_savepoint: false, external_path: '<checkpoint-not-externally-addressable>' } })), undefined);
  assert.equal(restoredPathOf(decoded({ restored: null })), undefined);
});

test('the catalog joins what Weir recorded with what Flink reports: one entry a path, Flink-only ones marked so, missing folders MISSING', () => {
  const runs: CatalogRun[] = [
    { id: 'r1', taskId: 't', flinkJobId: 'j1', versionId: 'v2', savedStates: savedStatesOf(answer([stats(9, { is_savepoint: true, external_path: 'file:/sp/by-weir', savepointFormat: 'CANONICAL' }), stats(8, { is_savepoint: true, external_path: 'file:/sp/by-cli', savepointFormat: 'NATIVE' })], { completed: stats(10), savepoint: null })) },
    { id: 'r0', taskId: 't', flinkJobId: 'j0', versionId: null, savedStates: undefined },
  ];
  const catalog = buildCatalog({
    stored: [record('weir-1', 'file:/sp/by-weir'), record('weir-0', 'file:/sp/old', { runId: 'r0', completedAt: T - 10_000 })],
    runs,
    versionNumbers: new Map([['v2', 2]]),
    isMissing: (path) => path === 'file:/sp/old',
  });
  assert.deepEqual(
    catalog.map((e) => [e.id, e.source, e.kind, e.status, e.path, e.flinkJobId, e.taskVersion, e.sizeBytes, e.format]),
    [
      ['flink-r1-10', 'flink', 'CHECKPOINT', 'COMPLETED', 'file:/cp/chk-10', 'j1', 2, 1000, null],
      ['flink-r1-8', 'flink', 'SAVEPOINT', 'COMPLETED', 'file:/sp/by-cli', 'j1', 2, 800, 'NATIVE'],
      ['weir-1', 'weir', 'SAVEPOINT', 'COMPLETED', 'file:/sp/by-weir', 'j1', 2, 900, 'CANONICAL'],
      ['weir-0', 'weir', 'SAVEPOINT', 'MISSING', 'file:/sp/old', 'j0', null, null, null],
    ],
  );
});
