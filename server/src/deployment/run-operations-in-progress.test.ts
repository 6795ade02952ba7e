import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RunOperationsInProgress } from './run-operations-in-progress.js';

test('a run is being ended while any of its operations runs, also one that failed, and not after the last', async () => {
  const ending = new RunOperationsInProgress();
  let releaseStop!: () => void;
  const stop = ending.around('run-1', () => new Promise<string>((resolve) => { releaseStop = () => resolve('FINISHED'); }));
  const cancel = ending.around('run-1', async () => { throw new Error('the JobManager refused'); });
  await assert.rejects(cancel, /refused/);
  assert.equal(ending.has('run-1'), true, 'the stop still reads at the JobManager');
  assert.equal(ending.has('run-2'), false);
  releaseStop();
  assert.equal(await stop, 'FINISHED');
  assert.equal(ending.has('run-1'), false);
});
