import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/tables.js';
import { LeaseLostError } from '../errors/errors.js';
import { planLeases } from './lease-plan.js';
import type { ClusterLease, LeasesStore } from './leases.store.js';
import type { Logger } from '../logging/logger.js';

export interface LeaseSettings {
  /** How long a lease lasts without renewal: another instance takes the cluster over after at most this. */
  ttlMs: number;
  /** How often leases are renewed and the spread reconsidered. */
  tickMs: number;
}

export const DEFAULT_LEASE_SETTINGS: LeaseSettings = { ttlMs: 6_000, tickMs: 1_000 };

/**
 * The lease of the work done on one instance at a time (scheduled tasks declared `instance: 'one'`).
 * It lives among the cluster leases under a key no cluster id can take (ids are hexadecimal), so it
 * is claimed, renewed, fenced and handed over by the same statements; the spread ignores it.
 */
export const ONE_INSTANCE_LEASE = '~one-instance-work';

export function newInstanceId(): string {
  return `${hostname().slice(0, 60)}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/**
 * This instance's share of the clusters: which ones it watches, decided with the other instances
 * on the same database through a lease per cluster (see planLeases). Each tick renews every lease
 * it holds in one statement, then claims or gives up clusters. It counts a lease as its own only
 * until renewal time + ttl − one tick by its own clock, so it stops watching before another
 * instance may take over; a paused or cut-off instance therefore stops by itself.
 */
export class ClusterLeases {
  readonly instanceId: string;
  readonly startedAt: number;
  private held = new Map<string, { fence: number; until: number }>();
  /** Until when this instance holds the one-instance lease by its own clock (0: it does not). */
  private oneInstanceUntil = 0;
  private latest: { leases: ClusterLease[]; alive: string[] } = { leases: [], alive: [] };
  private readonly listeners = new Set<(change: { gained: string[]; lost: string[] }) => void>();
  private readonly now: () => number;

  constructor(
    private readonly deps: {
      store: LeasesStore;
      clusterIds: () => Promise<string[]>;
      settings: LeaseSettings;
      log: Logger;
      instanceId?: string;
      now?: () => number;
    },
  ) {
    this.now = deps.now ?? Date.now;
    this.instanceId = deps.instanceId ?? newInstanceId();
    this.startedAt = this.now();
  }

  /** Whether this instance may watch the cluster now. */
  holds(clusterId: string): boolean {
    return (this.held.get(clusterId)?.until ?? 0) > this.now();
  }

  /** Whether this instance does the one-instance work now. */
  holdsOneInstanceLease(): boolean {
    return this.oneInstanceUntil > this.now();
  }

  /** The fence number of this instance's lease on the cluster (undefined when it does not hold it). */
  fence(clusterId: string): number | undefined {
    return this.holds(clusterId) ? this.held.get(clusterId)!.fence : undefined;
  }

  /**
   * The check a write about the cluster makes inside its transaction: this instance's lease, under
   * the fence it was granted, still in the database. Refuses at once when the lease ran out here.
   */
  writeGuard(clusterId: string): (trx: Kysely<Tables>) => Promise<void> {
    const held = this.held.get(clusterId);
    if (!held || held.until <= this.now()) return () => Promise.reject(new LeaseLostError(`instance ${this.instanceId} no longer holds cluster ${clusterId}`));
    return (trx) => this.deps.store.assertHeld(trx, { clusterId, owner: this.instanceId, fence: held.fence });
  }

  onChange(listener: (change: { gained: string[]; lost: string[] }) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Who watches each cluster and which instances are alive, as of the last tick. */
  view(): { instanceId: string; alive: string[]; owners: Map<string, string>; oneInstanceWork: string | null } {
    const now = this.now();
    const owners = new Map(this.latest.leases.filter((l) => l.owner !== null && l.expiresAt > now).map((l) => [l.clusterId, l.owner!]));
    const oneInstanceWork = owners.get(ONE_INSTANCE_LEASE) ?? null;
    owners.delete(ONE_INSTANCE_LEASE);
    return { instanceId: this.instanceId, alive: this.latest.alive, owners, oneInstanceWork };
  }

  async tick(): Promise<void> {
    const { store, settings } = this.deps;
    const startedAt = this.now();
    const me = this.instanceId;
    await store.heartbeat(me, this.startedAt, startedAt);
    await store.renewAll(me, startedAt, settings.ttlMs);
    const until = startedAt + settings.ttlMs - settings.tickMs;
    const [leases, instances, clusterIds] = await Promise.all([store.leases(), store.aliveInstances(startedAt - settings.ttlMs), this.deps.clusterIds()]);
    const alive = instances.map((i) => i.id);
    const plan = planLeases({ me, clusterIds, leases, alive, now: startedAt });
    const next = new Map<string, { fence: number; until: number }>();
    for (const lease of leases) {
      if (lease.clusterId === ONE_INSTANCE_LEASE) continue;
      if (lease.owner === me && lease.expiresAt > startedAt && !plan.release.includes(lease.clusterId)) next.set(lease.clusterId, { fence: lease.fence, until });
    }
    await store.release(me, plan.release);
    for (const clusterId of plan.acquire) {
      const fence = await store.acquire(clusterId, me, startedAt, settings.ttlMs);
      if (fence !== null) next.set(clusterId, { fence, until });
    }
    const oneInstanceUntil = await this.claimOneInstanceLease(leases.find((l) => l.clusterId === ONE_INSTANCE_LEASE), startedAt, until);
    // Instances gone for ten leases' time are forgotten; their leases expired long before.
    await store.forgetInstances(startedAt - 10 * settings.ttlMs);
    this.latest = { leases: await store.leases(), alive };
    this.replaceHeld(next);
    this.replaceOneInstance(oneInstanceUntil);
  }

  /** Keeps the one-instance lease (renewed with the others above) or claims it when it is free. */
  private async claimOneInstanceLease(row: ClusterLease | undefined, now: number, until: number): Promise<number> {
    if (row?.owner === this.instanceId && row.expiresAt > now) return until;
    if (row && row.owner !== null && row.expiresAt > now) return 0;
    return (await this.deps.store.acquire(ONE_INSTANCE_LEASE, this.instanceId, now, this.deps.settings.ttlMs)) !== null ? until : 0;
  }

  private replaceOneInstance(until: number): void {
    const had = this.holdsOneInstanceLease();
    this.oneInstanceUntil = until;
    const has = this.holdsOneInstanceLease();
    if (has && !had) this.deps.log.info({ instance: this.instanceId }, 'this instance now does the one-instance work (sessions, savepoints, retention)');
    if (had && !has) this.deps.log.warn({ instance: this.instanceId }, 'this instance no longer does the one-instance work');
  }

  /** Gives every lease up (so another instance takes over at once) and leaves the instances' list. */
  async stop(): Promise<void> {
    this.replaceHeld(new Map());
    this.replaceOneInstance(0);
    await this.deps.store.release(this.instanceId);
    await this.deps.store.removeInstance(this.instanceId);
  }

  private replaceHeld(next: Map<string, { fence: number; until: number }>): void {
    const now = this.now();
    const before = new Set([...this.held].filter(([, h]) => h.until > now).map(([id]) => id));
    const gained = [...next.keys()].filter((id) => !before.has(id));
    const lost = [...before].filter((id) => !next.has(id));
    this.held = next;
    if (gained.length > 0) this.deps.log.info({ instance: this.instanceId, clusters: gained }, 'this instance now watches these clusters');
    if (lost.length > 0) this.deps.log.warn({ instance: this.instanceId, clusters: lost }, 'this instance no longer watches these clusters');
    if (gained.length > 0 || lost.length > 0) for (const listener of this.listeners) listener({ gained, lost });
  }
}
