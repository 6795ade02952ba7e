import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { knownMissing, localDirectory } from './state-paths.js';

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
