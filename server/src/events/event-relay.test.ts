// The relay's wake-ups, over a transport that loops messages back as a database would: another
// instance's wake-up reaches the listeners, this instance's own and malformed ones do not, and
// no wake-up ever reaches the pages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EventRelay } from './event-relay.js';
import { EventBus, type WeirEvent } from './events.js';
import type { RelayTransport } from './relay-transports.js';

const quiet = { warn: () => undefined, error: () => undefined, info: () => undefined, debug: () => undefined } as never;

function loopback() {
  const sent: string[] = [];
  let deliver: (payload: string) => void = () => undefined;
  const transport: RelayTransport = {
    send: async (payload) => void sent.push(payload),
    listen: async (onMessage) => void (deliver = onMessage),
    close: async () => undefined,
  };
  return { transport, sent, deliver: (payload: string) => deliver(payload) };
}

describe('EventRelay wake-ups', () => {
  it('sends a wake-up only while relaying, and hands those of other instances to its listeners', async () => {
    const { transport, sent, deliver } = loopback();
    const relay = new EventRelay(new EventBus(quiet), transport, 'weir-a', quiet);
    assert.equal(relay.wakeUp('c1'), false, 'not started: nobody to hand it to');
    await relay.start();
    assert.equal(relay.wakeUp('c1'), true);
    assert.deepEqual(sent.map((p) => JSON.parse(p)), [{ from: 'weir-a', wake: 'c1' }]);

    const woken: string[] = [];
    const pages: WeirEvent[] = [];
    relay.onWakeUp((id) => woken.push(id));
    relay.pages.subscribe((event) => void pages.push(event));
    deliver(JSON.stringify({ from: 'weir-b', wake: 'c2' }));
    deliver(JSON.stringify({ from: 'weir-a', wake: 'c3' }));
    deliver(JSON.stringify({ from: 'weir-b', wake: 42 }));
    deliver(JSON.stringify({ from: 'weir-b', wake: '' }));
    deliver('not json');
    assert.deepEqual(woken, ['c2'], "only another instance's well-formed wake-up");
    assert.deepEqual(pages, [], 'a wake-up is not an event for pages');
    await relay.stop();
  });

  it('keeps waking the other listeners when one throws', async () => {
    const { transport, deliver } = loopback();
    const relay = new EventRelay(new EventBus(quiet), transport, 'weir-a', quiet);
    await relay.start();
    const woken: string[] = [];
    relay.onWakeUp(() => {
      throw new Error('boom');
    });
    relay.onWakeUp((id) => woken.push(id));
    deliver(JSON.stringify({ from: 'weir-b', wake: 'c1' }));
    assert.deepEqual(woken, ['c1']);
    await relay.stop();
  });
});
