/** A cluster's lease as the plan sees it. */
export interface LeaseView {
  clusterId: string;
  owner: string | null;
  expiresAt: number;
}

export interface LeasePlanInput {
  /** This instance. */
  me: string;
  /** Every registered cluster. */
  clusterIds: readonly string[];
  leases: readonly LeaseView[];
  /** The instances alive (seen within a lease's length), this one included. */
  alive: readonly string[];
  now: number;
}

export interface LeasePlan {
  /** Clusters nobody holds that this instance claims now. */
  acquire: string[];
  /** Clusters this instance holds beyond its share, given up so another instance takes them. */
  release: string[];
}

/**
 * Which clusters this instance claims or gives up, so that clusters spread across the instances
 * alive: each aims at its share, ⌈clusters ÷ instances⌉. A cluster is free when nobody ever held
 * it or its lease expired (its owner stopped renewing: stopped, killed, paused or cut off); a lease
 * that has not expired is never taken, whoever holds it. An instance gives clusters up only while
 * another alive instance is below its share, so the spread settles instead of swinging. Pure, so
 * that every instance, reading the same rows, decides the same way.
 */
export function planLeases(input: LeasePlanInput): LeasePlan {
  const { me, now } = input;
  const alive = new Set([...input.alive, me]);
  const registered = new Set(input.clusterIds);
  const held = new Map<string, string>();
  for (const lease of input.leases) {
    if (registered.has(lease.clusterId) && lease.owner !== null && lease.expiresAt > now) held.set(lease.clusterId, lease.owner);
  }
  const share = Math.ceil(registered.size / alive.size);
  const count = (owner: string) => [...held.values()].filter((o) => o === owner).length;
  const mine = [...held].filter(([, owner]) => owner === me).map(([clusterId]) => clusterId).sort();
  const free = [...registered].filter((clusterId) => !held.has(clusterId)).sort();

  const othersBelowShare = [...alive].some((instance) => instance !== me && count(instance) < share);
  const acquire = free.slice(0, Math.max(0, share - mine.length));
  // Nobody else can take the rest (every other instance has its share): they are taken too rather than left unwatched.
  if (!othersBelowShare) acquire.push(...free.slice(acquire.length));
  const release = othersBelowShare && mine.length > share ? mine.slice(share) : [];
  return { acquire, release };
}
