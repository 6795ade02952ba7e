import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boundText, cutMarker, fairShares, meansTaskManagerLost, selectJobManagerRecords, splitRecords } from './log-selection.js';
import { maskLogSecrets } from './log-secrets.js';

const JOB = '0123456789abcdef0123456789abcdef';
const line = (time: string, message: string) => `2026-12-05 22:${time},000 INFO  org.apache.flink.X [] - ${message}\n`;

describe('splitRecords', () => {
  it('keeps a stack trace with the record it belongs to, and reads each record\'s time', () => {
    const text = 'cut line of an earlier record\n' + line('00:01', 'one') + 'java.lang.RuntimeException: boom\n\tat a.b(C.java:1)\n' + line('00:02', 'two');
    const records = splitRecords(text);
    assert.equal(records.length, 3);
    assert.equal(records[0]!.at, null);
    assert.match(records[1]!.text, /one\njava.lang.RuntimeException: boom\n\tat a.b/);
    assert.equal(records[2]!.at! - records[1]!.at!, 1000);
    assert.equal(records.map((r) => r.text).join(''), text);
  });
});

describe('selectJobManagerRecords', () => {
  it('keeps the records naming the job and those near the latest one, and marks what it left out', () => {
    const text = [
      line('00:00', `Job x (${JOB}) switched from CREATED to RUNNING`),
      line('01:00', 'unrelated: another job checkpointed'),
      line('02:00', 'unrelated again'),
      line('05:00', 'heartbeat of TaskManager tm-1 timed out'),
      line('05:01', `Job x (${JOB}) switched from RUNNING to FAILING`) + 'java.lang.ArithmeticException: / by zero\n\tat Calc.eval\n',
      line('05:02', 'slot released'),
      line('09:00', 'much later, unrelated'),
    ].join('');
    const picked = selectJobManagerRecords(text, { jobId: JOB, windowMs: 10_000 });
    assert.equal(picked.namesJob, true);
    assert.equal(picked.skipped, 3);
    assert.match(picked.text, /CREATED to RUNNING/);
    assert.match(picked.text, /\[weir\] … 2 log records not about this job left out …\n.*heartbeat of TaskManager/);
    assert.match(picked.text, /ArithmeticException: \/ by zero\n\tat Calc.eval\n.*slot released\n\[weir\] … 1 log record not about/);
    assert.doesNotMatch(picked.text, /unrelated|much later/);
  });

  it("leaves out records in the window that name another job, so a capture holds no other team's job", () => {
    const OTHER = 'fedcba9876543210fedcba9876543210';
    const text = [
      line('05:00', `Job other (${OTHER}) switched from RUNNING to FAILING`),
      line('05:00', `Stopping checkpoint coordinator for job ${OTHER}.`),
      line('05:01', `Job x (${JOB}) switched from RUNNING to FAILING`),
      line('05:02', `Source: orders (1/1) (${JOB.slice(0, 8)}${'0'.repeat(24)}_${'1'.repeat(32)}_0_0) switched from RUNNING to FAILED`),
      line('05:03', 'heartbeat of TaskManager tm-1 timed out'),
    ].join('');
    const picked = selectJobManagerRecords(text, { jobId: JOB, windowMs: 10_000 });
    assert.doesNotMatch(picked.text, new RegExp(OTHER));
    assert.match(picked.text, /switched from RUNNING to FAILED\n/, "an attempt id is not another job's id");
    assert.match(picked.text, /heartbeat of TaskManager/);
    assert.equal(picked.skipped, 2);
  });

  it('without a record naming the job, keeps the window at the end of the log', () => {
    const text = line('00:00', 'old') + line('05:00', 'recent') + line('05:03', 'last');
    const picked = selectJobManagerRecords(text, { jobId: JOB, windowMs: 5_000 });
    assert.equal(picked.namesJob, false);
    assert.equal(picked.text, '[weir] … 1 log record not about this job left out …\n' + line('05:00', 'recent') + line('05:03', 'last'));
  });
});

describe('boundText', () => {
  it('leaves text within the bound as it is', () => {
    assert.deepEqual(boundText('abc\n', 4), { text: 'abc\n', truncated: false, bytes: 4 });
  });

  it('keeps the end, cut at a line start, with a visible marker, within the bound', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `line ${i} ✓\n`).join('');
    const bounded = boundText(text, 2_000);
    assert.equal(bounded.truncated, true);
    assert.ok(bounded.bytes <= 2_000, `${bounded.bytes} bytes`);
    assert.equal(bounded.bytes, Buffer.byteLength(bounded.text));
    assert.match(bounded.text, /^\[weir\] … \d+ bytes cut here: a capture keeps at most 2000 bytes of each file …\nline \d+ ✓\n/);
    assert.ok(bounded.text.endsWith('line 999 ✓\n'));
    const cut = Number(/… (\d+) bytes cut/.exec(bounded.text)![1]);
    assert.equal(cut + Buffer.byteLength(bounded.text) - Buffer.byteLength(cutMarker(cut, 2_000)), Buffer.byteLength(text));
  });

  it('cuts one endless line at a character boundary', () => {
    const bounded = boundText('é'.repeat(5_000), 1_000);
    assert.ok(bounded.bytes <= 1_000);
    assert.doesNotMatch(bounded.text, /\uFFFD/);
  });
});

describe('fairShares', () => {
  it('gives small parts all they have and splits the rest evenly', () => {
    assert.deepEqual(fairShares([100, 10_000, 10_000], 3_100), [100, 1_500, 1_500]);
    assert.deepEqual(fairShares([100, 200], 10_000), [100, 200]);
    assert.deepEqual(fairShares([5, 5], 0), [0, 0]);
    assert.deepEqual(fairShares([], 100), []);
  });
});

describe('meansTaskManagerLost', () => {
  it('recognises Flink\'s words for a lost TaskManager, and nothing else', () => {
    assert.equal(meansTaskManagerLost('java.util.concurrent.TimeoutException: Heartbeat of TaskManager with id 127.0.0.1:4711-abc timed out.'), true);
    assert.equal(meansTaskManagerLost('org.apache.flink.runtime.jobmaster.JobMasterException: TaskManager with id x is no longer reachable.'), true);
    assert.equal(meansTaskManagerLost('java.lang.ArithmeticException: / by zero'), false);
  });
});

describe('maskLogSecrets', () => {
  it('masks credentials in SQL options, assignments and configuration dumps, and leaves the rest', () => {
    const text = [
      `CREATE TABLE t (x INT) WITH ('connector' = 'jdbc', 'password' = 'hunter2', 'url' = 'jdbc:mysql://db/x')`,
      'Loading configuration property: s3.secret-key, AKIASECRET',
      'connecting with user=weir password=hunter3 timeout=5',
      'key.format: json',
    ].join('\n');
    const masked = maskLogSecrets(text);
    assert.doesNotMatch(masked, /hunter2|hunter3|AKIASECRET/);
    assert.match(masked, /'password' = '\*\*\*\*\*\*'/);
    assert.match(masked, /s3.secret-key, \*\*\*\*\*\*/);
    assert.match(masked, /user=weir password=\*\*\*\*\*\* timeout=5/);
    assert.match(masked, /key.format: json/);
    assert.match(masked, /'url' = 'jdbc:mysql:\/\/db\/x'/);
  });
});
