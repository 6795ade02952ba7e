import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { filterLog, splitMatches } from './log-filter';

const log = [
  '2026-12-05 22:00:00,000 INFO  org.apache.flink.X [] - Job started',
  '2026-12-05 22:00:01,000 WARN  org.apache.flink.X [] - Slow checkpoint',
  '2026-12-05 22:00:02,000 ERROR org.apache.flink.X [] - Task failed',
  'java.lang.ArithmeticException: / by zero',
  '\tat Calc.eval(Calc.java:1)',
  '2026-12-05 22:00:03,000 INFO  org.apache.flink.X [] - Job FAILED',
  '',
].join('\n');

describe('log filter', () => {
  test('without a filter the text is left as it is', () => {
    assert.equal(filterLog(log, { search: '', level: null }).text, log);
  });

  test('a level keeps that level and graver, each record with its stack trace', () => {
    const warn = filterLog(log, { search: '', level: 'WARN' });
    assert.equal(warn.kept, 2);
    assert.equal(warn.records, 4);
    assert.match(warn.text, /Slow checkpoint\n.*Task failed\njava.lang.ArithmeticException: \/ by zero\n\tat Calc.eval/);
    assert.doesNotMatch(warn.text, /Job started|Job FAILED/);
  });

  test('a search matches anywhere in a record, case-insensitively, and keeps the whole record', () => {
    const hit = filterLog(log, { search: 'arithmeticexception', level: null });
    assert.equal(hit.kept, 1);
    assert.match(hit.text, /^2026-12-05 22:00:02,000 ERROR .*Task failed\njava.lang.ArithmeticException/);
  });

  test('lines without a timestamp (stdout, a thread dump) are searched but have no level', () => {
    const stdout = 'hello\nworld\n';
    assert.equal(filterLog(stdout, { search: 'world', level: null }).kept, 1);
    assert.equal(filterLog(stdout, { search: '', level: 'ERROR' }).kept, 0);
  });
});

describe('splitMatches: what the viewer highlights', () => {
  test('every occurrence, whatever its case, keeps its own spelling', () => {
    assert.deepEqual(splitMatches('Checkpoint 3 of CHECKPOINTs', 'checkpoint'), [
      { text: 'Checkpoint', match: true },
      { text: ' 3 of ', match: false },
      { text: 'CHECKPOINT', match: true },
      { text: 's', match: false },
    ]);
  });

  test('no search, or no match, is one plain piece', () => {
    assert.deepEqual(splitMatches('a b', '  '), [{ text: 'a b', match: false }]);
    assert.deepEqual(splitMatches('a b', 'zzz'), [{ text: 'a b', match: false }]);
  });

  test('stops marking after the limit, keeping all the text', () => {
    const pieces = splitMatches('x '.repeat(10), 'x', 3);
    assert.equal(pieces.filter((p) => p.match).length, 3);
    assert.equal(pieces.map((p) => p.text).join(''), 'x '.repeat(10));
  });
});
