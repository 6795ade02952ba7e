import type { ClusterPushToken } from '@weir/contract';
import type { Principal } from '../access/principal.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ClustersService } from '../clusters/clusters.service.js';
import { NotFoundError } from '../errors/errors.js';
import type { PushTokenGenerationsStore } from './push-token-generations.store.js';
import type { PushTokens } from './push-tokens.js';

export interface ClusterPushServiceDeps {
  tokens: PushTokens;
  generations: PushTokenGenerationsStore;
  clusters: ClustersService;
  audit: AuditService;
  /**
   * Ends the calm wait of the cluster's watcher on this instance (WatcherManager.pushed): it reads
   * the cluster at its next cycle, at most once per cycle however many come. False when this
   * instance does not watch the cluster.
   */
  wake: (clusterId: string) => boolean;
  /** Hands the wake-up to the other instances, one of which watches the cluster (EventRelay.wakeUp). */
  relay: (clusterId: string) => void;
  /** Weir's public address, for the full push URL; '' when not configured. */
  publicUrl: string;
}

/** Where a cluster's JobManager pushes to, relative to Weir's public address. */
export const pushPath = (clusterId: string) => `/push/clusters/${encodeURIComponent(clusterId)}`;

/**
 * Push from Flink 2.x (docs/watcher-scale.md, "Push"): hands out each cluster's push token to its
 * admins, checks the token a JobManager presents, and turns an accepted push into a wake-up.
 */
export class ClusterPushService {
  constructor(private readonly deps: ClusterPushServiceDeps) {}

  /**
   * The cluster's token and push URL. Whoever reads it can wake the cluster's watcher as often as
   * they like, so each read is audited (who, which cluster, when), never with the token itself.
   */
  async showToken(actor: Principal, clusterId: string): Promise<ClusterPushToken> {
    const cluster = await this.deps.clusters.get(clusterId);
    const shown = this.describe(cluster.id, await this.currentToken(cluster.id));
    await this.deps.audit.record(actor, 'cluster.push-token.read', { type: 'cluster', id: cluster.id, name: cluster.name }, 'success');
    return shown;
  }

  /**
   * Gives the cluster a new token and answers it; the old one is refused from then on, on every
   * instance (each push reads the generation from the database). Other clusters keep theirs.
   */
  async rotate(actor: Principal, clusterId: string): Promise<ClusterPushToken> {
    const cluster = await this.deps.clusters.get(clusterId);
    const generation = await this.deps.audit.around(actor, 'cluster.push-token.rotate', { type: 'cluster', id: cluster.id, name: cluster.name }, async () => {
      const next = await this.deps.generations.advance(cluster.id);
      if (next === undefined) throw new NotFoundError('Cluster', cluster.id);
      return next;
    });
    return this.describe(cluster.id, this.deps.tokens.tokenFor(cluster.id, generation));
  }

  /**
   * The token a cluster's JobManager must present now, for Weir's own use (a local Flink it starts,
   * tests, the benchmark): no person reads it here, so it is not audited; people go through showToken.
   */
  async currentToken(clusterId: string): Promise<string> {
    const generation = await this.deps.generations.get(clusterId);
    if (generation === undefined) throw new NotFoundError('Cluster', clusterId);
    return this.deps.tokens.tokenFor(clusterId, generation);
  }

  /**
   * Whether a push presents the cluster's current token. The generation is read from the database on
   * every push rather than cached: a rotation must refuse the old token at once on every instance,
   * and a cache would need the cross-instance relay, which takes up to a quarter second on MariaDB.
   * A push is one status change of a job, so this is one primary-key read per change. An unknown
   * cluster is refused like a wrong token, after the same comparison.
   */
  async verify(clusterId: string, presented: string): Promise<boolean> {
    const generation = await this.deps.generations.get(clusterId);
    const matches = this.deps.tokens.verify(clusterId, generation ?? 0, presented);
    return generation !== undefined && matches;
  }

  /**
   * An authenticated push: a wake-up for the cluster's watcher, never a status to record. With
   * several instances behind one push URL it may reach one that does not hold the cluster's lease;
   * that one relays it to the others rather than drop it, and the lease holder's watcher wakes.
   */
  pushed(clusterId: string): void {
    if (!this.deps.wake(clusterId)) this.deps.relay(clusterId);
  }

  private describe(clusterId: string, token: string): ClusterPushToken {
    const path = pushPath(clusterId);
    return { token, path, url: this.deps.publicUrl ? this.deps.publicUrl.replace(/\/+$/, '') + path : null };
  }
}
