import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { Tables } from '../db/tables.js';
import { LeaseLostError } from '../errors/errors.js';
import { insertIfAbsent, upsert } from '../db/upsert.js';
import type { LeaseView } from './lease-plan.js';
import './instance-tables.js';

export interface ClusterLease extends LeaseView {
  fence: number;
  acquiredAt: number;
}

/**
 * The instances alive and the cluster leases, in the database every instance shares. Every claim is
 * one conditional statement, so two instances racing for a cluster cannot both get it.
 */
export class LeasesStore {
  constructor(private readonly database: Pick<Database, 'db' | 'dialect'>) {}

  async heartbeat(instanceId: string, startedAt: number, now: number): Promise<void> {
    await upsert(this.database, 'weir_instances', { id: instanceId, started_at: startedAt, seen_at: now }, ['id'], ['seen_at']);
  }

  /** Instances seen since `since`, oldest start first. */
  async aliveInstances(since: number): Promise<{ id: string; startedAt: number; seenAt: number }[]> {
    const rows = await this.database.db.selectFrom('weir_instances').selectAll().where('seen_at', '>=', since).orderBy('started_at').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, startedAt: Number(r.started_at), seenAt: Number(r.seen_at) }));
  }

  /** Forgets instances not seen since `before` (their leases expired long ago). */
  async forgetInstances(before: number): Promise<void> {
    await this.database.db.deleteFrom('weir_instances').where('seen_at', '<', before).execute();
  }

  async removeInstance(instanceId: string): Promise<void> {
    await this.database.db.deleteFrom('weir_instances').where('id', '=', instanceId).execute();
  }

  async leases(): Promise<ClusterLease[]> {
    const rows = await this.database.db.selectFrom('cluster_leases').selectAll().execute();
    return rows.map((r) => ({ clusterId: r.cluster_id, owner: r.owner, fence: Number(r.fence), expiresAt: Number(r.expires_at), acquiredAt: Number(r.acquired_at) }));
  }

  /**
   * Claims a cluster that nobody holds (no row, no owner, or an expired lease); returns the new
   * fence number, or null when another instance holds it.
   */
  async acquire(clusterId: string, owner: string, now: number, ttlMs: number): Promise<number | null> {
    const expiresAt = now + ttlMs;
    if (await insertIfAbsent(this.database, 'cluster_leases', { cluster_id: clusterId, owner, fence: 1, expires_at: expiresAt, acquired_at: now }, ['cluster_id'])) return 1;
    const result = await this.database.db
      .updateTable('cluster_leases')
      .set((eb) => ({ owner, fence: eb('fence', '+', 1), expires_at: expiresAt, acquired_at: now }))
      .where('cluster_id', '=', clusterId)
      .where((eb) => eb.or([eb('owner', 'is', null), eb('expires_at', '<=', now)]))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return null;
    const row = await this.database.db.selectFrom('cluster_leases').select(['owner', 'fence']).where('cluster_id', '=', clusterId).executeTakeFirst();
    return row?.owner === owner ? Number(row.fence) : null;
  }

  /**
   * Extends every lease this instance still holds, in one statement. A lease that already expired
   * is not revived (another instance may have taken it, or may be about to): it is lost.
   */
  async renewAll(owner: string, now: number, ttlMs: number): Promise<void> {
    await this.database.db.updateTable('cluster_leases').set({ expires_at: now + ttlMs }).where('owner', '=', owner).where('expires_at', '>', now).execute();
  }

  /**
   * Inside a writer's transaction: refuses unless `owner` still holds the cluster under `fence`. The
   * lease row stays locked until the transaction ends, so a takeover (which updates that row) waits
   * for the write to commit, and a write after the takeover sees the new fence and is refused.
   */
  async assertHeld(trx: Kysely<Tables>, lease: { clusterId: string; owner: string; fence: number }): Promise<void> {
    let query = trx.selectFrom('cluster_leases').select('fence').where('cluster_id', '=', lease.clusterId).where('owner', '=', lease.owner).where('fence', '=', lease.fence);
    if (this.database.dialect !== 'sqlite') query = query.forUpdate();
    if (!(await query.executeTakeFirst())) throw new LeaseLostError(`instance ${lease.owner} no longer holds cluster ${lease.clusterId} (fence ${lease.fence})`);
  }

  /** Gives a lease up at once (the fence stays, for whoever takes it next). */
  async release(owner: string, clusterIds?: readonly string[]): Promise<void> {
    if (clusterIds?.length === 0) return;
    let query = this.database.db.updateTable('cluster_leases').set({ owner: null, expires_at: 0 }).where('owner', '=', owner);
    if (clusterIds) query = query.where('cluster_id', 'in', [...clusterIds]);
    await query.execute();
  }
}
