import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Scheduler } from './scheduler.js';

const quiet = { info() {}, warn() {}, error() {} };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('stop waits for the runs in progress, so the database is not closed under them', async () => {
  const scheduler = new Scheduler(quiet as never);
  let started = false;
  let finished = false;
  scheduler.schedule({ name: 'slow', instance: 'each', intervalMs: 1000, timeoutMs: 5000, run: async () => {
    started = true;
    await sleep(200); // ignores the abort, as a watcher cycle does
    finished = true;
  } });
  while (!started) await sleep(5);
  await scheduler.stop();
  assert.equal(finished, true, 'stop returned only after the run ended');
});

test('stop gives up waiting after its grace time', async () => {
  const scheduler = new Scheduler(quiet as never);
  let started = false;
  scheduler.schedule({ name: 'stuck', instance: 'each', intervalMs: 1000, timeoutMs: 60_000, run: () => {
    started = true;
    return new Promise(() => undefined);
  } });
  while (!started) await sleep(5);
  const t0 = Date.now();
  await scheduler.stop(150);
  const waited = Date.now() - t0;
  assert.ok(waited >= 140 && waited < 1000, `waited ${waited} ms`);
});

test("a task declared instance 'one' runs only while this instance holds the one-instance lease; 'each' runs regardless", async () => {
  const scheduler = new Scheduler(quiet as never);
  let holds = false;
  scheduler.shareWith(() => holds);
  let each = 0;
  let one = 0;
  scheduler.schedule({ name: 'per-instance', instance: 'each', intervalMs: 10, timeoutMs: 1000, run: async () => void (each += 1) });
  scheduler.schedule({ name: 'once-across', instance: 'one', intervalMs: 10, timeoutMs: 1000, run: async () => void (one += 1) });
  while (each < 5) await sleep(5);
  assert.equal(one, 0, 'not run while another instance holds the lease');
  holds = true;
  while (one === 0) await sleep(5);
  holds = false;
  const ranWhileHeld = one;
  const eachThen = each;
  while (each < eachThen + 5) await sleep(5);
  assert.ok(one <= ranWhileHeld + 1, `stopped once the lease was lost (ran ${one - ranWhileHeld} more times)`);
  await scheduler.stop();
});
