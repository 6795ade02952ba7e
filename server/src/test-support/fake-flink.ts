import http from 'node:http';
import { DEFAULT_FLINK_VERSION } from '@weir/flink-local';
import { recordedAnswer } from './flink-fixtures.js';

/** One request a fake endpoint received. */
export interface SeenRequest {
  method: string;
  path: string;
  authorization: string;
}

export interface FakeEndpoint {
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

const fixture = (name: string): string => JSON.stringify(recordedAnswer(DEFAULT_FLINK_VERSION, 'rest', name).body);

/**
 * Something that answers the few requests Weir sends to prove an address is Flink (a JobManager's
 * /overview, a HistoryServer's /jobs/overview, a SQL Gateway's /v3/info) with answers recorded from
 * the default Flink version, under any path prefix, and records who asked. Route tests use it where a real
 * cluster would add nothing: what matters is which credentials went where.
 */
export function fakeFlink(): Promise<FakeEndpoint> {
  return listen((req, res) => {
    const answers: Array<[RegExp, string]> = [
      [/\/jobs\/overview$/, fixture('jobs-overview-empty')],
      [/\/overview$/, fixture('overview')],
      [/\/v3\/info$/, JSON.stringify({ productName: 'Apache Flink', version: DEFAULT_FLINK_VERSION })],
    ];
    const body = answers.find(([pattern]) => pattern.test(req.url?.split('?')[0] ?? ''))?.[1];
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(body ?? JSON.stringify({ errors: ['Not found: /'] }));
  });
}

/**
 * A server that is not Flink and holds something private, as an internal service would: it
 * answers every request with `status` and a page (or Flink's error shape) that contains `secret`.
 */
export function privateService(secret: string, status = 200, shape: 'html' | 'flink-errors' = 'html'): Promise<FakeEndpoint> {
  return listen((_req, res) => {
    if (shape === 'flink-errors') {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [`api-key: ${secret}`] }));
      return;
    }
    res.writeHead(status, { 'content-type': 'text/html' });
    res.end(`<html><body><h1>Internal admin</h1><p>api-key: ${secret}</p></body></html>`);
  });
}

async function listen(handler: http.RequestListener): Promise<FakeEndpoint> {
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization ?? '' });
    req.resume();
    req.on('end', () => handler(req, res));
  });
  // An ephemeral port: several test files may run at once.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
