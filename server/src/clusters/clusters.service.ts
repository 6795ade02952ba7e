import type { Cluster, CreateClusterRequest, UpdateClusterRequest } from '@weir/contract';
import type { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { AppError, ConflictError, NotFoundError } from '../errors/errors.js';
import { JobManagerClient } from '../flink/job-manager.client.js';
import { SqlGatewayClient } from '../flink/sql-gateway.client.js';
import type { EventBus } from '../events/events.js';
import type { ClustersStore } from './clusters.store.js';

export interface ClusterEvents {
  /** Called after a cluster was added, changed or removed, so watchers can follow. */
  onClustersChanged?: () => void;
  /** Where health changes are published (cluster incidents, live pages). */
  bus?: EventBus;
}

/**
 * The registry of Flink clusters and their health. A cluster is only registered
 * after its addresses answered as Flink does; health is re-checked on a schedule.
 */
export class ClustersService {
  private readonly clients = new Map<string, { url: string; jm: JobManagerClient }>();

  constructor(
    private readonly store: ClustersStore,
    private readonly audit: AuditService,
    private readonly flinkTimeoutMs: number,
    readonly events: ClusterEvents = {},
    private readonly now: () => number = Date.now,
  ) {}

  list(): Promise<Cluster[]> {
    return this.store.list();
  }

  async get(id: string): Promise<Cluster> {
    const c = await this.store.get(id);
    if (!c) throw new NotFoundError('Cluster', id);
    return c;
  }

  /** The one JobManager client per cluster, reused so connections are kept alive. */
  jobManager(cluster: Pick<Cluster, 'id' | 'restUrl'>): JobManagerClient {
    const cached = this.clients.get(cluster.id);
    if (cached && cached.url === cluster.restUrl) return cached.jm;
    const jm = new JobManagerClient({ baseUrl: cluster.restUrl, timeoutMs: this.flinkTimeoutMs });
    this.clients.set(cluster.id, { url: cluster.restUrl, jm });
    return jm;
  }

  sqlGateway(cluster: Pick<Cluster, 'gatewayUrl' | 'name'>): SqlGatewayClient {
    if (!cluster.gatewayUrl) throw new AppError('VALIDATION', `Cluster ${cluster.name} has no SQL Gateway address`);
    return new SqlGatewayClient({ baseUrl: cluster.gatewayUrl, timeoutMs: this.flinkTimeoutMs });
  }

  async register(actor: Principal, req: CreateClusterRequest, opts: { isLocal?: boolean } = {}): Promise<Cluster> {
    return this.audit.around(actor, 'cluster.create', { type: 'cluster', name: req.name }, async () => {
      if (await this.store.getByName(req.name)) throw new ConflictError(`A cluster named ${req.name} already exists`);
      const probe = await new JobManagerClient({ baseUrl: req.restUrl, timeoutMs: this.flinkTimeoutMs }).probe();
      if (req.gatewayUrl) await new SqlGatewayClient({ baseUrl: req.gatewayUrl, timeoutMs: this.flinkTimeoutMs }).probe();
      const now = this.now();
      const cluster = await this.store.create({
        name: req.name,
        restUrl: req.restUrl,
        gatewayUrl: req.gatewayUrl ?? null,
        historyUrl: req.historyUrl ?? null,
        description: req.description ?? null,
        isLocal: opts.isLocal ?? false,
      });
      const checked = await this.store.recordHealth(cluster.id, {
        health: 'HEALTHY',
        ...probe,
        checkedAt: now,
        error: null,
      });
      this.events.onClustersChanged?.();
      return checked;
    }, { restUrl: req.restUrl, gatewayUrl: req.gatewayUrl });
  }

  async update(actor: Principal, id: string, req: UpdateClusterRequest): Promise<Cluster> {
    const existing = await this.get(id);
    return this.audit.around(actor, 'cluster.update', { type: 'cluster', id, name: existing.name }, async () => {
      if (req.name && req.name !== existing.name && (await this.store.getByName(req.name))) {
        throw new ConflictError(`A cluster named ${req.name} already exists`);
      }
      if (req.restUrl && req.restUrl !== existing.restUrl) {
        await new JobManagerClient({ baseUrl: req.restUrl, timeoutMs: this.flinkTimeoutMs }).probe();
      }
      if (req.gatewayUrl && req.gatewayUrl !== existing.gatewayUrl) {
        await new SqlGatewayClient({ baseUrl: req.gatewayUrl, timeoutMs: this.flinkTimeoutMs }).probe();
      }
      const updated = await this.store.update(id, req);
      this.events.onClustersChanged?.();
      return this.check(updated.id);
    }, req);
  }

  async remove(actor: Principal, id: string): Promise<void> {
    const existing = await this.get(id);
    await this.audit.around(actor, 'cluster.delete', { type: 'cluster', id, name: existing.name }, async () => {
      await this.store.delete(id);
      this.clients.delete(id);
      this.events.onClustersChanged?.();
    });
  }

  /** Checks one cluster now and stores what it found; never throws for an unhealthy cluster. */
  async check(id: string): Promise<Cluster> {
    const cluster = await this.get(id);
    const checkedAt = this.now();
    let checked: Cluster;
    try {
      const probe = await this.jobManager(cluster).probe();
      checked = await this.store.recordHealth(id, { health: 'HEALTHY', ...probe, checkedAt, error: null });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const health = err.code === 'NOT_FLINK' ? 'NOT_FLINK' : 'UNREACHABLE';
      checked = await this.store.recordHealth(id, { health, checkedAt, error: err.message });
    }
    if (checked.health !== cluster.health) {
      this.events.bus?.publish({
        type: 'cluster.health',
        clusterId: id,
        clusterName: checked.name,
        from: cluster.health,
        to: checked.health,
        at: checkedAt,
        error: checked.lastError,
      });
    }
    return checked;
  }

  async checkAll(): Promise<void> {
    const clusters = await this.store.list();
    await Promise.all(clusters.map((c) => this.check(c.id)));
  }
}
