import { createHash, timingSafeEqual } from 'node:crypto';
import type { AuthService } from '../auth/auth.service.js';
import type { EventBus } from '../events/events.js';
import { WeirExposition, type ExportRuntime } from './exposition.js';
import type { MetricsExportStore } from './metrics-export.store.js';

/**
 * Weir's fleet in the Prometheus text format, for the team's own Prometheus and Grafana. Collected
 * at scrape time from a few aggregate queries and what the watchers and the checkpoint tracker hold
 * in memory; scrapes are serialised so two never interleave their updates of the same gauges.
 */
export class MetricsExportService {
  private readonly exposition = new WeirExposition();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly scrapeTokenDigest: Buffer | null;

  constructor(
    private readonly deps: {
      store: MetricsExportStore;
      auth: AuthService;
      bus: EventBus;
      watcherCycles: () => ExportRuntime['watcherCycles'];
      checkpoints: () => ExportRuntime['checkpoints'];
      /** WEIR_METRICS_TOKEN: a token only for scraping, besides API tokens. */
      scrapeToken?: string;
      now?: () => number;
    },
  ) {
    this.scrapeTokenDigest = deps.scrapeToken ? digest(deps.scrapeToken) : null;
    deps.bus.subscribe((event) => void this.exposition.eventsPublished.inc({ type: event.type }));
  }

  get contentType(): string {
    return this.exposition.registry.contentType;
  }

  /**
   * Whether a Bearer secret may scrape: the scrape token (compared in constant time, over digests so
   * its length leaks nothing either) or any active API token, whatever its role.
   */
  async mayScrape(bearer: string): Promise<boolean> {
    if (this.scrapeTokenDigest && timingSafeEqual(digest(bearer), this.scrapeTokenDigest)) return true;
    // The export covers every team's jobs: a token of one team may not read the others' through it.
    const principal = await this.deps.auth.principalFromToken(bearer);
    return principal !== undefined && principal.globalRole !== 'none';
  }

  /** One scrape's text. */
  scrape(): Promise<string> {
    const next = this.queue.then(() => this.collect());
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async collect(): Promise<string> {
    const now = this.deps.now ?? Date.now;
    const started = performance.now();
    const snapshot = await this.deps.store.snapshot();
    const queryMs = performance.now() - started;
    return this.exposition.render(snapshot, { now: now(), checkpoints: this.deps.checkpoints(), watcherCycles: this.deps.watcherCycles(), queryMs });
  }
}

function digest(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}
