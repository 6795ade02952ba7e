import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Scheduler } from './scheduler.js';

const quiet = { info() {}, warn() {}, error() {} };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('stop waits for the runs in progress, so the database is not closed under them', async () => {
  const scheduler = new Scheduler(quiet as never);
  let started = false;
  let finished = false;
  scheduler.schedule({ name: 'slow', intervalMs: 1000, timeoutMs: 5000, run: async () => {
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
  scheduler.schedule({ name: 'stuck', intervalMs: 1000, timeoutMs: 60_000, run: () => {
    started = true;
    return new Promise(() => undefined);
  } });
  while (!started) await sleep(5);
  const t0 = Date.now();
  await scheduler.stop(150);
  const waited = Date.now() - t0;
  assert.ok(waited >= 140 && waited < 1000, `waited ${waited} ms`);
});
