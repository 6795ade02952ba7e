import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { knownMissing, latestCheckpointOnDisk, localDirectory } from './state-paths.js';

test('a savepoint is known missing only when its parent folder is on this disk and it is not', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'weir-sp-'));
  fs.mkdirSync(path.join(root, 'savepoint-1'));
  assert.equal(knownMissing(`file:${root}/savepoint-1`), false);
  assert.equal(knownMissing(`file://${root}/savepoint-2`), true);
  assert.equal(knownMissing(`${root}/savepoint-2`), true);
  // Another host's disk, or remote storage: nothing is known.
  assert.equal(knownMissing(`file:${root}/not-here/savepoint-3`), false);
  assert.equal(knownMissing('s3://bucket/savepoints/savepoint-4'), false);
  assert.equal(localDirectory('hdfs:///savepoints/x'), undefined);
  fs.rmSync(root, { recursive: true });
});

test('the latest checkpoint on disk is the highest chk-<n> of the job whose _metadata is written, named as Flink names it', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weir-chk-'));
  try {
    const job = '0123456789abcdef0123456789abcdef';
    assert.equal(latestCheckpointOnDisk(`file://${dir}`, job), null, 'no folder of the job yet');
    for (const [n, complete] of [[3, true], [12, true], [13, false]] as const) {
      fs.mkdirSync(path.join(dir, job, `chk-${n}`), { recursive: true });
      if (complete) fs.writeFileSync(path.join(dir, job, `chk-${n}`, '_metadata'), '');
    }
    fs.mkdirSync(path.join(dir, job, 'shared'));
    assert.equal(latestCheckpointOnDisk(`file://${dir}`, job), `file:${path.join(dir, job, 'chk-12')}`, 'chk-13 is still being written');
    assert.equal(latestCheckpointOnDisk(dir, job), `file:${path.join(dir, job, 'chk-12')}`);
    assert.equal(latestCheckpointOnDisk('hdfs:///flink/checkpoints', job), undefined, 'remote storage: nothing can be said');
    assert.equal(latestCheckpointOnDisk(`file://${path.join(dir, 'elsewhere')}`, job), undefined, 'a folder not on this disk');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
