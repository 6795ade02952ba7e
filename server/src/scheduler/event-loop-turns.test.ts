import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventLoopTurns } from './event-loop-turns.js';

/** Work that blocks like a synchronous SQLite query: the promise is settled before it is awaited. */
function settledQuery(busyMs: number): Promise<void> {
  const until = performance.now() + busyMs;
  while (performance.now() < until) {
    // busy, as better-sqlite3 is inside a query
  }
  return Promise.resolve();
}

async function loopWith(turn: (() => Promise<void>) | null): Promise<{ timerRanDuringLoop: boolean }> {
  let timerRan = false;
  setImmediate(() => {
    timerRan = true;
  });
  let ranBeforeEnd = false;
  for (let i = 0; i < 40; i += 1) {
    await settledQuery(2);
    if (turn) await turn();
    if (timerRan) ranBeforeEnd = true;
  }
  return { timerRanDuringLoop: ranBeforeEnd };
}

describe('eventLoopTurns', () => {
  it('lets waiting I/O and timers run during a loop of already-settled queries, which plain awaits never do', async () => {
    assert.equal((await loopWith(null)).timerRanDuringLoop, false, 'the loop held the event loop: this is what blocked the server');
    assert.equal((await loopWith(eventLoopTurns(10))).timerRanDuringLoop, true);
  });

  it('yields only once a slice of work has passed, so a short loop is not slowed down', async () => {
    let now = 0;
    const turn = eventLoopTurns(10, () => now);
    let immediate = false;
    setImmediate(() => {
      immediate = true;
    });
    now = 9;
    await turn();
    assert.equal(immediate, false, '9 ms of work: no turn yet');
    now = 10;
    await turn();
    assert.equal(immediate, true, '10 ms: the event loop had a turn');
  });
});
