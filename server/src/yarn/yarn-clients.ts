import type { OutboundGuard } from '../outbound/outbound-guard.js';
import { YarnNodeManagerClient } from './yarn-nm.client.js';
import { YarnResourceManagerClient } from './yarn-rm.client.js';

/**
 * Builds ResourceManager clients with Weir's timeout, behind the outbound guard every outgoing connection
 * passes, except the local YARN Weir started itself (WEIR_LOCAL_YARN), as for the local Flink cluster.
 */
export class YarnClients {
  constructor(private readonly options: { timeoutMs: number; outbound: OutboundGuard }) {}

  resourceManagerAt(baseUrl: string, opts: { isLocal?: boolean } = {}): YarnResourceManagerClient {
    return new YarnResourceManagerClient({ baseUrl, timeoutMs: this.options.timeoutMs, ...(opts.isLocal ? {} : { outbound: this.options.outbound }) });
  }

  /** A NodeManager by the web address (host:port) its ResourceManager reported; its logs are read over plain HTTP, as YARN serves them. */
  nodeManagerAt(node: string, opts: { isLocal?: boolean } = {}): YarnNodeManagerClient {
    return new YarnNodeManagerClient({ baseUrl: `http://${node}`, timeoutMs: this.options.timeoutMs, ...(opts.isLocal ? {} : { outbound: this.options.outbound }) });
  }
}
