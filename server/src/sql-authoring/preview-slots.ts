import type { Principal } from '../access/principal.js';
import { AppError } from '../errors/errors.js';

/**
 * How many previews may run at once. Each preview is a Flink job that holds task slots on the
 * task's cluster until it ends (up to two minutes), so an operator clicking Preview in a loop, or a
 * script calling the API, could take every slot the cluster's production jobs need to restart.
 */
export interface PreviewLimits {
  /** Previews one user or API token may run at once, over all their tabs and tasks. */
  perPrincipal: number;
  /** Previews that may run at once on one cluster, whoever started them. */
  perCluster: number;
}

export const DEFAULT_PREVIEW_LIMITS: PreviewLimits = { perPrincipal: 2, perCluster: 4 };

/**
 * The previews running on this Weir instance, counted per principal and per cluster. One more than
 * a limit allows is refused at once (429) rather than queued: a queued preview would hold the
 * user's request open with no rows while they wonder why. A preview's place is given back however
 * it ends, and only once.
 */
export class PreviewSlots {
  private readonly running = new Map<string, number>();

  constructor(private readonly limits: PreviewLimits = DEFAULT_PREVIEW_LIMITS) {}

  /** Takes a place for a preview, or throws RATE_LIMITED naming the limit; returns what gives it back. */
  take(principal: Principal, clusterId: string, clusterName: string): () => void {
    const mine = `principal:${principal.kind}:${principal.id}`;
    const cluster = `cluster:${clusterId}`;
    if (this.count(mine) >= this.limits.perPrincipal) {
      throw new AppError('RATE_LIMITED', `At most ${this.limits.perPrincipal} previews per user or token run at once; stop one, or wait for it to end`);
    }
    if (this.count(cluster) >= this.limits.perCluster) {
      throw new AppError('RATE_LIMITED', `At most ${this.limits.perCluster} previews run at once on cluster ${clusterName}; try again when one has ended`);
    }
    this.add(mine, 1);
    this.add(cluster, 1);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      this.add(mine, -1);
      this.add(cluster, -1);
    };
  }

  private count(key: string): number {
    return this.running.get(key) ?? 0;
  }

  private add(key: string, delta: number): void {
    const next = this.count(key) + delta;
    if (next > 0) this.running.set(key, next);
    else this.running.delete(key);
  }
}
