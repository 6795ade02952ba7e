import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { cuttableProxy, type CuttableProxy } from '../test-support/cuttable-proxy.js';
import { OutboundGuard } from './outbound-guard.js';

describe('connections to an endpoint behind a proxy, after an outage', () => {
  let server: http.Server;
  let proxy: CuttableProxy;

  before(async () => {
    server = http.createServer((_req, res) => res.end('answered'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = await cuttableProxy(new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
  after(async () => {
    await proxy?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('are not reused once it answers again: every request after it is back is answered', async () => {
    const fetch = new OutboundGuard({ deny: [], allow: [] }).fetch(1_000);
    const ask = (waitMs: number) =>
      fetch(proxy.url, { signal: AbortSignal.timeout(waitMs) }).then(
        async (res) => res.text(),
        (err: Error) => err.name,
      );
    assert.equal(await ask(5_000), 'answered');

    // The proxy accepts connections and forwards nothing, as a load balancer does while the server
    // behind it is away. Requests keep coming, as the watcher's and the pages' do, and get no answer;
    // undici opens connections for them, and keeps some of those idle in its pool.
    proxy.cut();
    const during: Promise<string>[] = [];
    for (let i = 0; i < 40; i++) {
      during.push(ask(300));
      await new Promise((resolve) => setTimeout(resolve, (i * 13) % 60));
    }
    assert.deepEqual(new Set(await Promise.all(during)), new Set(['TimeoutError']));

    proxy.restore();
    const answers: string[] = [];
    for (let i = 0; i < 20; i++) answers.push(await ask(2_000));
    assert.deepEqual(answers.filter((a) => a !== 'answered'), [], 'a request sent on a connection opened during the outage waits its whole timeout');
  });
});
