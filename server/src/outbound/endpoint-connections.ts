import type { Agent } from 'undici';

/**
 * The connections kept for fetch, one pool per endpoint (origin), started over after a request to
 * the endpoint got no answer.
 *
 * Why: a proxy or load balancer in front of a JobManager accepts connections while the JobManager
 * behind it is away, and undici keeps some of the connections it opened then idle in its pool, for
 * later requests. Once the JobManager answers again, a request sent on one of those waits its whole
 * timeout: the run page said "cannot be reached: no answer within 10000 ms" after the watcher had
 * already seen the cluster answer. So after a request got no answer, the next request to that
 * endpoint goes through new connections, and the old pool is closed once the requests on it have
 * ended.
 */
export class EndpointConnections {
  private readonly endpoints = new Map<string, { agent: Agent; gotNoAnswer: boolean }>();

  constructor(private readonly newAgent: () => Agent) {}

  /** The pool for a request to `origin` now: a new one when the last request to it got no answer. */
  for(origin: string): Agent {
    const endpoint = this.endpoints.get(origin);
    if (!endpoint) {
      const agent = this.newAgent();
      this.endpoints.set(origin, { agent, gotNoAnswer: false });
      return agent;
    }
    if (endpoint.gotNoAnswer) {
      const old = endpoint.agent;
      endpoint.agent = this.newAgent();
      endpoint.gotNoAnswer = false;
      // Graceful: requests still waiting on the old connections end as they would have.
      old.close().catch(() => undefined);
    }
    return endpoint.agent;
  }

  /** A request to `origin` got no answer within its wait: its connections are not trusted again. */
  noAnswerFrom(origin: string): void {
    const endpoint = this.endpoints.get(origin);
    if (endpoint) endpoint.gotNoAnswer = true;
  }
}
