import assert from 'node:assert/strict';
import { test } from 'node:test';
import { englishWords } from './english-words.js';

const words = (text: string, data?: string[]) => englishWords(text, { data }).map((w) => w.word);

test('an English sentence on a Chinese page is caught, each word once, with the line it stood in', () => {
  const found = englishWords('作业概览\nCould not load the run: the cluster is not reachable\n集群 not reachable');
  assert.deepEqual(
    found.map((w) => w.word),
    ['Could', 'not', 'load', 'the', 'run', 'cluster', 'is', 'reachable'],
  );
  assert.equal(found[0]!.line, 'Could not load the run: the cluster is not reachable');
});

test('a single English label between Chinese ones is caught', () => {
  assert.deepEqual(words('状态 运行中\nDuration 3 s\n重启次数 0'), ['Duration']);
  assert.deepEqual(words("Weir's 作业"), ["Weir's"]);
});

test('names kept in English, statuses, ids, paths, URLs and numbers with units pass', () => {
  const page = [
    'Flink 作业 a1b2c3d4e5f60718293a4b5c6d7e8f90 在 JobManager 上 RUNNING',
    '检查点间隔 2 s · 大小 12.5 kB · 持续 1m 3s · 20/s',
    '路径 file:/tmp/flink/checkpoints/chk-12 与 http://127.0.0.1:8081/jobs 以及 /var/log/flink',
    '选项 pipeline.auto-watermark-interval 与 numRecordsInPerSecond · tm-1 · v2 · 作业 CANCELED · STREAMING',
    '通知 ops@example.com',
    '作业 6277d32f… 与 f39f617eba542f27ff0f374b1496fdf0',
    '作业 caefabcc… 运行中',
  ].join('\n');
  assert.deepEqual(words(page), []);
  // Letters a–f that are not cut short are read as a word.
  assert.deepEqual(words('作业 accede 运行中'), ['accede']);
});

test("the names the test created pass as a whole, and only those: a word beside them is still caught", () => {
  assert.deepEqual(words('任务 orders totals 已上线', ['orders totals']), []);
  assert.deepEqual(words('任务 orders totals 已上线', []), ['orders', 'totals']);
  assert.deepEqual(words('任务 orders totals started', ['orders totals']), ['started']);
  // The longer name goes first, so a shorter one inside it does not leave its tail behind.
  assert.deepEqual(words('集群 local flink cluster', ['local', 'local flink cluster']), []);
  // Only as a whole word: the team named "default" leaves the English "defaults" to be seen.
  assert.deepEqual(words('团队 default · Restore defaults', ['default']), ['Restore', 'defaults']);
  assert.deepEqual(words('图 React Flow'), []);
});

test('a hyphenated English word is English, not an identifier', () => {
  assert.deepEqual(words('内置 built-in 规则'), ['built-in']);
});
