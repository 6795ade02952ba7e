/**
 * Catalog listings kept for a short while, so the editor can list the catalog each time it opens
 * without a gateway session and up to a few hundred DESCRIBE statements per opening. A listing is
 * kept per cluster, gateway address and the exact setup it was taken after (the script's statements
 * that start no job and the session's settings); callers that ask at the same moment share one
 * listing, and a failed listing is not kept. A catalog that changed outside Weir is seen at the
 * latest `ttlMs` later, or at once by asking to refresh.
 */
export class CatalogCache<T> {
  private readonly entries = new Map<string, { clusterId: string; at: number; listing: Promise<T> }>();

  constructor(
    private readonly options: { ttlMs: number; maxEntries: number; now?: () => number },
  ) {}

  /** The listing kept under `key` while it is fresh, else the one `list` produces (then kept). */
  get(clusterId: string, key: string, list: () => Promise<T>, opts: { refresh?: boolean } = {}): Promise<T> {
    const now = this.now();
    const id = `${clusterId}\u0000${key}`;
    const kept = this.entries.get(id);
    if (kept && !opts.refresh && now - kept.at < this.options.ttlMs) return kept.listing;
    const listing = list();
    const entry = { clusterId, at: now, listing };
    this.entries.delete(id);
    this.entries.set(id, entry);
    listing.catch(() => {
      if (this.entries.get(id) === entry) this.entries.delete(id);
    });
    this.evict(now);
    return listing;
  }

  /** Forgets every listing of a cluster: a statement that may change its catalogs has run there. */
  forgetCluster(clusterId: string): void {
    for (const [id, entry] of this.entries) if (entry.clusterId === clusterId) this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(now: number): void {
    for (const [id, entry] of this.entries) if (now - entry.at >= this.options.ttlMs) this.entries.delete(id);
    // A Map iterates in insertion order and a listing is re-inserted when taken afresh: the first is the oldest.
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }
}
