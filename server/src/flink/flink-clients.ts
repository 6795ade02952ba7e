import { AppError } from '../errors/errors.js';
import type { OutboundGuard } from '../outbound/outbound-guard.js';
import { JobManagerClient } from './job-manager.client.js';
import { leanGet } from './lean-get.js';
import { SqlGatewayClient } from './sql-gateway.client.js';

/** Where a client for a cluster's endpoints needs to go, with the sealed credentials when there are any. */
export interface ClusterEndpoint {
  id: string;
  restUrl: string;
  /** The cluster Weir started on this machine itself: the one cluster outbound rules do not apply to. */
  isLocal?: boolean;
  /** Present on every cluster record; an object without it gets no credentials. */
  authSealed?: string | null;
}

/** How an address not kept in the registry (yet) is reached: a registration or an update proving it. */
export interface FlinkAddress {
  headers?: Record<string, string> | undefined;
  /** The cluster Weir started itself: no outbound guard. */
  isLocal?: boolean | undefined;
}

export interface FlinkClientsOptions {
  timeoutMs: number;
  /** The gate every request to a cluster passes, except those to the cluster Weir started itself. */
  outbound: OutboundGuard;
  /**
   * The request headers for a cluster's sealed credentials. Passed in so that only the secrets'
   * owner holds the key, and the credentials are opened just before a client is built.
   */
  headersFor: (authSealed: string) => Record<string, string>;
}

interface CachedClient {
  url: string;
  authSealed: string | null;
  isLocal: boolean;
  jm: JobManagerClient;
}

/**
 * The clients of every cluster's Flink endpoints, built in one place with the cluster's timeout,
 * credentials and outbound rule. A JobManager client is kept per cluster while its address and
 * credentials stay the same, so its connections are kept alive between requests.
 */
export class FlinkClients {
  private readonly clients = new Map<string, CachedClient>();
  private readonly watcherClients = new Map<string, CachedClient>();
  private readonly historyClients = new Map<string, CachedClient>();

  constructor(private readonly options: FlinkClientsOptions) {}

  /** The one JobManager client per cluster, reused so connections are kept alive. */
  jobManager(cluster: ClusterEndpoint): JobManagerClient {
    return this.cachedClient(this.clients, cluster, cluster.restUrl, {});
  }

  /**
   * The watcher's client for a cluster: the same endpoint and credentials, over
   * the leaner transport (a third of fetch's CPU per request), which the watcher
   * can use because it only sends small JSON requests.
   */
  watcherClient(cluster: ClusterEndpoint): JobManagerClient {
    return this.cachedClient(this.watcherClients, cluster, cluster.restUrl, { plainGet: leanGet });
  }

  /**
   * The watcher's client for a cluster's Flink HistoryServer, or none when it has none. It sends
   * the cluster's credentials: a HistoryServer is usually published behind the same gateway as
   * its JobManager.
   */
  historyClient(cluster: ClusterEndpoint & { historyUrl: string | null }): JobManagerClient | undefined {
    if (!cluster.historyUrl) return undefined;
    return this.cachedClient(this.historyClients, cluster, cluster.historyUrl, { label: 'HistoryServer', plainGet: leanGet });
  }

  sqlGateway(cluster: { gatewayUrl: string | null; name: string; authSealed?: string | null; isLocal?: boolean }): SqlGatewayClient {
    if (!cluster.gatewayUrl) throw new AppError('VALIDATION', `Cluster ${cluster.name} has no SQL Gateway address`);
    return this.sqlGatewayAt(cluster.gatewayUrl, { headers: this.headersFor(cluster.authSealed ?? null), isLocal: cluster.isLocal });
  }

  /** A JobManager (or, labelled so, HistoryServer) client for an address, not kept. */
  jobManagerAt(baseUrl: string, address: FlinkAddress & { label?: string }): JobManagerClient {
    return new JobManagerClient({ baseUrl, timeoutMs: this.options.timeoutMs, headers: address.headers, ...this.outboundFor(address), ...(address.label ? { label: address.label } : {}) });
  }

  /** A SQL Gateway client for an address, not kept. */
  sqlGatewayAt(baseUrl: string, address: FlinkAddress): SqlGatewayClient {
    return new SqlGatewayClient({ baseUrl, timeoutMs: this.options.timeoutMs, headers: address.headers, ...this.outboundFor(address) });
  }

  /** The request headers for sealed credentials, opened only here, just before use. */
  headersFor(authSealed: string | null): Record<string, string> | undefined {
    return authSealed ? this.options.headersFor(authSealed) : undefined;
  }

  /** Drops a removed cluster's clients. */
  forget(clusterId: string): void {
    this.clients.delete(clusterId);
    this.watcherClients.delete(clusterId);
    this.historyClients.delete(clusterId);
  }

  /** A client kept per cluster while its address and credentials stay the same, so its connections are reused. */
  private cachedClient(
    cache: Map<string, CachedClient>,
    cluster: ClusterEndpoint,
    url: string,
    options: Pick<ConstructorParameters<typeof JobManagerClient>[0], 'label' | 'plainGet'>,
  ): JobManagerClient {
    const authSealed = cluster.authSealed ?? null;
    const isLocal = cluster.isLocal ?? false;
    const cached = cache.get(cluster.id);
    if (cached && cached.url === url && cached.authSealed === authSealed && cached.isLocal === isLocal) return cached.jm;
    const jm = new JobManagerClient({ baseUrl: url, timeoutMs: this.options.timeoutMs, headers: this.headersFor(authSealed), ...this.outboundFor(cluster), ...options });
    cache.set(cluster.id, { url, authSealed, isLocal, jm });
    return jm;
  }

  /** Every request to a cluster passes the outbound guard, except those to the cluster Weir started itself. */
  private outboundFor(cluster: { isLocal?: boolean | undefined }): { outbound?: OutboundGuard } {
    return cluster.isLocal ? {} : { outbound: this.options.outbound };
  }
}
