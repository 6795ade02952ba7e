import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clockOffset, ServerClock } from './server-clock';

test('the offset comes from the answer with the shortest round trip, not the latest', () => {
  // The server is 5 s ahead. A slow answer (2 s in flight after the server read its clock) would put it at 3 s.
  const quick = { sentAt: 1_000, serverTime: 6_050, receivedAt: 1_100 };
  const slow = { sentAt: 2_000, serverTime: 7_000, receivedAt: 4_000 };
  assert.equal(clockOffset([quick, slow]), 5_000);
  assert.equal(clockOffset([slow, quick]), 5_000);
  assert.equal(clockOffset([]), 0);
});

test('two figures read from answers with different latencies tick from one now', () => {
  const clock = new ServerClock();
  clock.note({ sentAt: 10_000, serverTime: 10_020, receivedAt: 10_040 });
  clock.note({ sentAt: 11_000, serverTime: 11_010, receivedAt: 13_500 });
  // Whichever answer a figure came from, "now" is the same for both.
  assert.equal(clock.now(20_000), 20_000);
});

test('a missing or nonsensical server time changes nothing', () => {
  const clock = new ServerClock();
  clock.note({ sentAt: 0, serverTime: 1_000, receivedAt: 0 });
  clock.note({ sentAt: 5, serverTime: Number.NaN, receivedAt: 6 });
  clock.note({ sentAt: 9, serverTime: 99_999, receivedAt: 8 });
  assert.equal(clock.now(50), 1_050);
});

test('only recent answers count, so a clock set forward is followed', () => {
  const clock = new ServerClock();
  clock.note({ sentAt: 0, serverTime: 0 + 1, receivedAt: 2 }); // offset 0, trip 2 ms
  for (let i = 1; i <= 16; i += 1) clock.note({ sentAt: i * 1_000, serverTime: i * 1_000 + 60_000 + 10, receivedAt: i * 1_000 + 20 });
  assert.equal(clock.now(100_000), 160_000);
});
