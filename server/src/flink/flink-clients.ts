import { AppError, ConflictError } from '../errors/errors.js';
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
  /** A YARN target's address is its ResourceManager's: its runs' JobManagers are each run's own. */
  kind?: 'session' | 'yarn';
}

/** What of a run says where its JobManager is: its own (a YARN application's), else its cluster entry's. */
export interface RunLocation {
  flinkJobId: string;
  jobManagerUrl: string | null;
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
  /** The JobManager clients of runs that have one of their own (YARN applications), by its address. */
  private readonly runClients = new Map<string, JobManagerClient>();

  constructor(private readonly options: FlinkClientsOptions) {}

  /** The one JobManager client per cluster, reused so connections are kept alive. */
  jobManager(cluster: ClusterEndpoint): JobManagerClient {
    return this.cachedClient(this.clients, cluster, cluster.restUrl, {});
  }

  /**
   * The client of the JobManager a run's job lives on: the run's own when it has one (a YARN application's,
   * kept per address while the run lasts), else its cluster entry's. Every read and operation of a run takes
   * its client here, so none of them asks a YARN entry's ResourceManager address as if it were a JobManager.
   */
  jobManagerOfRun(cluster: ClusterEndpoint & { name: string }, run: RunLocation): JobManagerClient {
    if (run.jobManagerUrl) return this.runJobManager(run.jobManagerUrl, { isLocal: cluster.isLocal });
    if (cluster.kind === 'yarn') {
      throw new ConflictError(`Job ${run.flinkJobId} on YARN target ${cluster.name} has no JobManager yet: YARN has not reported its application running`);
    }
    return this.jobManager(cluster);
  }

  /**
   * A run's own JobManager (an application's): no credentials (Flink's YARN JobManagers have none of Weir's),
   * through the outbound guard unless its YARN is the one Weir started on this machine (`isLocal`, as for its entry).
   */
  runJobManager(url: string, options: { plainGet?: boolean; isLocal?: boolean | undefined } = {}): JobManagerClient {
    const key = `${options.plainGet ? 'lean' : 'fetch'}${options.isLocal ? ' local' : ''} ${url}`;
    let jm = this.runClients.get(key);
    if (!jm) {
      jm = new JobManagerClient({ baseUrl: url, timeoutMs: this.options.timeoutMs, ...this.outboundFor(options), ...(options.plainGet ? { plainGet: leanGet } : {}) });
      this.runClients.set(key, jm);
    }
    return jm;
  }

  /** Drops the clients of a run's own JobManager once the run has ended (its application is gone with it). */
  forgetRunJobManager(url: string): void {
    for (const key of this.runClients.keys()) if (key.endsWith(` ${url}`)) this.runClients.delete(key);
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
