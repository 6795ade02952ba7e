import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runStatusFromYarn, yarnEndNote } from './yarn-final-status.js';

test("a run's final status follows YARN's state and final status", () => {
  assert.equal(runStatusFromYarn({ state: 'KILLED', finalStatus: 'KILLED' }), 'CANCELED', 'a kill through YARN');
  assert.equal(runStatusFromYarn({ state: 'FINISHED', finalStatus: 'KILLED' }), 'CANCELED', 'a cancel through Flink');
  assert.equal(runStatusFromYarn({ state: 'FINISHED', finalStatus: 'SUCCEEDED' }), 'FINISHED');
  assert.equal(runStatusFromYarn({ state: 'FINISHED', finalStatus: 'FAILED' }), 'FAILED');
  assert.equal(runStatusFromYarn({ state: 'FAILED', finalStatus: 'FAILED' }), 'FAILED');
  assert.equal(runStatusFromYarn({ state: 'FINISHED', finalStatus: 'UNDEFINED' }), 'FAILED', 'ended without saying how');
});

test("the note keeps YARN's words, cut to a bounded length, and says when YARN gave none", () => {
  const long = yarnEndNote({ id: 'application_1_0001', state: 'KILLED', finalStatus: 'KILLED', diagnostics: `Application killed by user.${'x'.repeat(5_000)}` });
  assert.match(long.text, /^YARN reports application application_1_0001 KILLED \(final status KILLED\): Application killed by user\./);
  assert.equal(String(long.code.params.diagnostics).length, 2_000);
  assert.equal(yarnEndNote({ id: 'application_1_0002', state: 'FAILED', finalStatus: 'FAILED', diagnostics: '  ' }).code.params.diagnostics, '(none)');
});

test("a SQL statement's failure leads the note, with YARN's words kept after it", () => {
  const app = { id: 'application_1_0003', state: 'FAILED', finalStatus: 'FAILED', diagnostics: 'AM Container exited with exitCode: 2' } as const;
  const note = yarnEndNote(app, { statement: 2, statements: 2, message: "Object 'nope' not found" });
  assert.equal(note.text, "Statement 2 of 2 failed: Object 'nope' not found — YARN reports application application_1_0003 FAILED (final status FAILED): AM Container exited with exitCode: 2");
  assert.deepEqual(note.code, {
    code: 'sqlStatementFailedOnYarn',
    params: { statement: 2, statements: 2, message: "Object 'nope' not found", applicationId: 'application_1_0003', state: 'FAILED', finalStatus: 'FAILED', diagnostics: 'AM Container exited with exitCode: 2' },
  });
  const unplaced = yarnEndNote(app, { statement: null, statements: null, message: 'boom' });
  assert.equal(unplaced.code.params.statement, '?');
  assert.match(unplaced.text, /^A statement failed: boom — YARN reports/);
});
