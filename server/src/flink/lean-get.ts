import { Agent, request } from 'undici';
import type { PlainGet } from './flink-http.js';

/**
 * The watcher's transport for plain GETs of small JSON answers, on undici's
 * `request`. The watcher reads /jobs/overview of every cluster every second;
 * through Node's fetch each read also builds a WHATWG Response, Headers, a web
 * stream for the body and an AbortSignal with its timer, which at 100 clusters
 * cost more CPU than parsing the answers. This reads the body straight to a
 * string and bounds the wait with undici's own connect, headers and body
 * timeouts. Failures are thrown as fetch throws them (a TypeError whose `cause`
 * carries the code), so FlinkHttp describes them the same way.
 */
export const leanGet: PlainGet = async (url, { headers, timeoutMs, dispatcher }) => {
  try {
    const res = await request(url, {
      method: 'GET',
      headers,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      dispatcher: dispatcher ?? agentFor(timeoutMs),
    });
    return { status: res.statusCode, text: await res.body.text() };
  } catch (err) {
    throw new TypeError('fetch failed', { cause: err });
  }
};

/** One connection pool per timeout (in practice one): its connect timeout is the client's. */
const agents = new Map<number, Agent>();
function agentFor(timeoutMs: number): Agent {
  let agent = agents.get(timeoutMs);
  if (!agent) {
    // One connection per JobManager: a watcher of 10,000 application-mode clusters otherwise opened
    // several to each (a job's reads go out together), ran out of file descriptors and died. Kept
    // open 30 s between reads (undici's default is 4 s), so a calm cluster read every few seconds
    // does not pay a new connection each time.
    agent = new Agent({ connect: { timeout: timeoutMs }, connections: 1, keepAliveTimeout: 30_000 });
    agents.set(timeoutMs, agent);
  }
  return agent;
}
