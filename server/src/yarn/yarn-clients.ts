import type { OutboundGuard } from '../outbound/outbound-guard.js';
import { YarnResourceManagerClient } from './yarn-rm.client.js';

/** Builds ResourceManager clients with Weir's timeout, behind the outbound guard every outgoing connection passes. */
export class YarnClients {
  constructor(private readonly options: { timeoutMs: number; outbound: OutboundGuard }) {}

  resourceManagerAt(baseUrl: string): YarnResourceManagerClient {
    return new YarnResourceManagerClient({ baseUrl, timeoutMs: this.options.timeoutMs, outbound: this.options.outbound });
  }
}
