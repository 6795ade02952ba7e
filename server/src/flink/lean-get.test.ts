// The watcher's lean GET transport against a real HTTP server: the same answers,
// the same errors and the same time bound as the fetch-based client.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_FLINK_VERSION } from '@weir/flink-local';
import { FlinkRejectedError, FlinkUnreachableError, NotFlinkError } from '../errors/errors.js';
import { JobManagerClient } from './job-manager.client.js';
import { leanGet } from './lean-get.js';
import { recordedAnswer } from '../test-support/flink-fixtures.js';

const overview = recordedAnswer(DEFAULT_FLINK_VERSION, 'rest', 'jobs-overview') as { body: { jobs: { jid: string; state: string }[] } };

describe('the lean GET transport of the watcher', () => {
  let server: http.Server;
  let baseUrl: string;
  const seen: { url: string; headers: http.IncomingHttpHeaders }[] = [];
  before(async () => {
    server = http.createServer((req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      if (req.url === '/jobs/overview') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(overview.body));
      if (req.url === '/jobs/0123456789abcdef0123456789abcdef') return void res.writeHead(404).end(JSON.stringify({ errors: ['Job 0123456789abcdef0123456789abcdef not found'] }));
      if (req.url === '/overview') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>a login page</html>');
      if (req.url === '/config') return; // never answers
      res.writeHead(500).end('oops');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  const client = (timeoutMs = 2000, url = baseUrl) => new JobManagerClient({ baseUrl: url, timeoutMs, headers: { authorization: 'Bearer t0k' }, plainGet: leanGet });

  it('reads and validates an answer as the fetch client does, with the cluster credentials', async () => {
    const jobs = await client().jobsOverview();
    assert.deepEqual(jobs.map((j) => [j.jid, j.state]), overview.body.jobs.map((j) => [j.jid, j.state]));
    const request = seen.find((s) => s.url === '/jobs/overview');
    assert.equal(request?.headers.authorization, 'Bearer t0k');
    assert.equal(request?.headers.accept, 'application/json');
  });

  it("gives Flink's own message when Flink refuses", async () => {
    await assert.rejects(client().job('0123456789abcdef0123456789abcdef'), (err: unknown) => {
      assert.ok(err instanceof FlinkRejectedError);
      assert.match(err.message, /rejected GET \/jobs\/0123456789abcdef0123456789abcdef: Job 0123456789abcdef0123456789abcdef not found/);
      return true;
    });
  });

  it('says when what answers is not Flink, without repeating the answer', async () => {
    await assert.rejects(client().overview(), (err: unknown) => err instanceof NotFlinkError && /answered \/overview with something that is not JSON$/.test(err.message) && !err.message.includes('login page'));
  });

  it('says the connection was refused, and when nothing answered in time', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    await assert.rejects(client(2000, `http://127.0.0.1:${port}`).jobsOverview(), (err: unknown) => err instanceof FlinkUnreachableError && /cannot be reached: connection refused/.test(err.message));

    const started = Date.now();
    await assert.rejects(client(300).dashboardConfig(), (err: unknown) => err instanceof FlinkUnreachableError && /no answer within 300 ms/.test(err.message));
    const waited = Date.now() - started;
    assert.ok(waited >= 290 && waited < 2000, `gave up after ${waited} ms`);
  });
});
