import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SQL_FAILURE_MESSAGE_KEPT, sqlRunnerFailureIn, sqlRunnerFailureText } from './sql-runner-failure.js';

const FLINK_MESSAGE = "SQL validation failed. From line 1, column 13 to line 1, column 16: Object 'nope' not found";

test("the runner's line gives the failing statement's position and Flink's message", () => {
  const stderr = `SLF4J: something\nWEIR_SQL_RUNNER_FAILED: statement 2 of 2 (the job statement) failed: ${FLINK_MESSAGE}\n`;
  const failure = sqlRunnerFailureIn(stderr);
  assert.deepEqual(failure, { statement: 2, statements: 2, message: FLINK_MESSAGE });
  assert.equal(sqlRunnerFailureText(failure!), `Statement 2 of 2 failed: ${FLINK_MESSAGE}`);
});

test('the line as Flink logs it inside its exception, and the last of several, is the one read', () => {
  const log = [
    '2026-12-07 18:00:00,000 WARN  ApplicationDispatcherBootstrap - Application failed unexpectedly:',
    'java.lang.IllegalStateException: WEIR_SQL_RUNNER_FAILED: statement 1 of 3 failed: first attempt',
    '\tat dev.weir.flink.sql.WeirSqlRunner.main(WeirSqlRunner.java:60)',
    'java.lang.IllegalStateException: WEIR_SQL_RUNNER_FAILED: statement 3 of 3 (the job statement) failed: second attempt',
    '\tat dev.weir.flink.sql.WeirSqlRunner.main(WeirSqlRunner.java:60)',
  ].join('\n');
  assert.deepEqual(sqlRunnerFailureIn(log), { statement: 3, statements: 3, message: 'second attempt' });
});

test('a log without the marker has no failure to tell', () => {
  assert.equal(sqlRunnerFailureIn(''), null);
  assert.equal(sqlRunnerFailureIn('Application failed unexpectedly: exitCode 2\nWEIR_SQL_RUNNE'), null);
});

test("an older runner's line (no position or count) is still read", () => {
  assert.deepEqual(sqlRunnerFailureIn('WEIR_SQL_RUNNER_FAILED: the job statement failed: boom'), { statement: null, statements: null, message: 'boom' });
  assert.deepEqual(sqlRunnerFailureIn('WEIR_SQL_RUNNER_FAILED: setup statement 1 failed: no catalog'), { statement: 1, statements: null, message: 'no catalog' });
  assert.equal(sqlRunnerFailureText({ statement: null, statements: null, message: 'boom' }), 'A statement failed: boom');
});

test('a malformed line keeps what follows the marker, cleaned, and never a position it does not say', () => {
  assert.deepEqual(sqlRunnerFailureIn('WEIR_SQL_RUNNER_FAILED'), { statement: null, statements: null, message: '(no message)' });
  assert.deepEqual(sqlRunnerFailureIn('WEIR_SQL_RUNNER_FAILED: statement 0 of 99999999999 failed: x'), { statement: null, statements: null, message: 'statement 0 of 99999999999 failed: x' });
  assert.deepEqual(sqlRunnerFailureIn('WEIR_SQL_RUNNER_FAILED: statement 0 of 2 failed: x'), { statement: null, statements: 2, message: 'x' });
  assert.deepEqual(sqlRunnerFailureIn('xxWEIR_SQL_RUNNER_FAILED:garbage\u0000\u0007 here'), { statement: null, statements: null, message: 'garbage here' });
});

test('a hostile message cannot break the note into lines, hide text or reorder it', () => {
  const hostile = 'WEIR_SQL_RUNNER_FAILED: statement 1 of 1 (the job statement) failed: a\r\u2028RESOLVED\u202e\u200b<script>x</script>\u0085[link](http://evil)';
  const failure = sqlRunnerFailureIn(hostile)!;
  assert.equal(failure.message, 'a RESOLVED<script>x</script> [link](http://evil)', 'markup stays text: each place it is shown escapes it');
  assert.doesNotMatch(failure.message, /[\r\n\u2028\u2029\u0085\u202e\u200b]/);
  // The line ends at the log's next line: the rest of the log is never part of the message.
  assert.equal(sqlRunnerFailureIn('WEIR_SQL_RUNNER_FAILED: statement 1 of 1 failed: one\nFAKE: second line')!.message, 'one');
});

test('a huge line is read within a bounded window and cut to what a note keeps', () => {
  const huge = `WEIR_SQL_RUNNER_FAILED: statement 1 of 1 failed: ${'字'.repeat(2_000_000)}`;
  const startedAt = performance.now();
  const failure = sqlRunnerFailureIn(`${'noise '.repeat(100_000)}${huge}`)!;
  assert.ok(performance.now() - startedAt < 1_000, 'read in well under a second');
  assert.equal([...failure.message].length, SQL_FAILURE_MESSAGE_KEPT);
  assert.ok(failure.message.endsWith('…'));
  assert.equal(failure.statement, 1);
});
