import type { ClusterPushToken } from '@weir/contract';
import type { Principal } from '../access/principal.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ClustersService } from '../clusters/clusters.service.js';
import type { PushTokens } from './push-tokens.js';

export interface ClusterPushServiceDeps {
  tokens: PushTokens;
  clusters: ClustersService;
  audit: AuditService;
  /** The cluster's watcher reads it at its next cycle (WatcherManager.pushed); at most once per cycle however many come. */
  pushed: (clusterId: string) => void;
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
  readonly tokens: PushTokens;

  constructor(private readonly deps: ClusterPushServiceDeps) {
    this.tokens = deps.tokens;
  }

  /**
   * The cluster's token and push URL. Whoever reads it can wake the cluster's watcher as often as
   * they like, so each read is audited (who, which cluster, when), never with the token itself.
   */
  async showToken(actor: Principal, clusterId: string): Promise<ClusterPushToken> {
    const cluster = await this.deps.clusters.get(clusterId);
    const shown = this.describe(cluster.id, this.deps.tokens.tokenFor(cluster.id));
    await this.deps.audit.record(actor, 'cluster.push-token.read', { type: 'cluster', id: cluster.id, name: cluster.name }, 'success');
    return shown;
  }

  verify(clusterId: string, presented: string): boolean {
    return this.deps.tokens.verify(clusterId, presented);
  }

  /** An authenticated push: a wake-up for the cluster's watcher, never a status to record. */
  pushed(clusterId: string): void {
    this.deps.pushed(clusterId);
  }

  private describe(clusterId: string, token: string): ClusterPushToken {
    const path = pushPath(clusterId);
    return { token, path, url: this.deps.publicUrl ? this.deps.publicUrl.replace(/\/+$/, '') + path : null };
  }
}
