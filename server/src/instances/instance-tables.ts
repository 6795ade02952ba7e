// Row shapes of the instance tables exactly as stored (migration 2026-12-05-001-cluster-leases),
// merged into the shared `Tables` interface next to the only code that reads them.

/** One row per Weir instance on this database, kept fresh while it runs. */
export interface WeirInstancesTable {
  id: string;
  started_at: number;
  /** Its last heartbeat: an instance not seen for a lease's length is gone. */
  seen_at: number;
}

/** Who watches a cluster, until when. The row outlives its owners so the fence keeps counting. */
export interface ClusterLeasesTable {
  cluster_id: string;
  owner: string | null;
  /** Grows by one at every change of owner: a write carrying an older number is from a lost lease. */
  fence: number;
  expires_at: number;
  acquired_at: number;
}

declare module '../db/tables.js' {
  interface Tables {
    weir_instances: WeirInstancesTable;
    cluster_leases: ClusterLeasesTable;
  }
}
