import { RunStatus, type GlobalLineage, type GlobalLineageTask, type LineageResult, type LineageTableHit, type LineageTableSearch, type TableLineage } from '@weir/contract';
import type { TeamScope } from '../access/principal.js';
import { NotFoundError } from '../errors/errors.js';
import type { Logger } from '../logging/logger.js';
import { buildGlobalLineage, lineageForTable } from './global-lineage.js';
import { analyzeLineageOnDemand, parseStoredLineage } from './lineage-on-demand.js';
import type { CurrentLineageRow, LineageStore } from './lineage.store.js';

/**
 * What this service needs of the task versions: a version's script, and a place for its lineage.
 * Said here rather than imported from the tasks domain, which itself asks lineage to analyse a
 * script at publish: the two domains do not import each other.
 */
export interface VersionLineage {
  get(id: string): Promise<{ content: string } | undefined>;
  setLineage(id: string, lineage: string | null): Promise<boolean>;
}

export interface LineageServiceDeps {
  store: LineageStore;
  /** Where published versions keep their script and its lineage (the task versions store). */
  versions: VersionLineage;
  log: Logger;
  /** The analyser; replaced in tests to count calls. */
  analyze?: (script: string) => Promise<LineageResult>;
}

/**
 * Global lineage: which tasks read and write each table, over every SQL task's current version.
 * Each version's lineage is computed once: at publish, or here the first time it is missing, and
 * then stored on the version.
 *
 * A caller sees the graph of their teams' tasks only (`scope`): the tables those tasks read or
 * write, with those tasks as readers and writers. A table only other teams' tasks touch is not in
 * it, so neither another team's jobs nor its table names show.
 */
export class LineageService {
  private readonly analyze: (script: string) => Promise<LineageResult>;
  /** Versions are immutable, so a parsed result stays valid while its stored JSON is unchanged. */
  private readonly parsed = new Map<string, { raw: string; result: LineageResult }>();
  /** One analysis per version even when several requests find it missing at once. */
  private readonly analysing = new Map<string, Promise<LineageResult | null>>();

  constructor(private readonly deps: LineageServiceDeps) {
    this.analyze = deps.analyze ?? analyzeLineageOnDemand;
  }

  async global(scope: TeamScope = 'all'): Promise<GlobalLineage> {
    const rows = await this.deps.store.currentVersions(scope === 'all' ? undefined : scope);
    const inputs: { task: GlobalLineageTask; lineage: LineageResult }[] = [];
    for (const row of rows) {
      const lineage = await this.lineageOf(row);
      if (lineage) inputs.push({ task: { id: row.taskId, name: row.taskName, lifecycle: row.lifecycle, version: row.version, status: runStatusOrNull(row.latestStatus) }, lineage });
    }
    const graph = buildGlobalLineage(inputs);
    graph.tables.sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
    return graph;
  }

  /** Tables whose name or qualified id contains `q`: exact names first, then names starting with it. */
  async searchTables(q: string, limit: number, scope: TeamScope = 'all'): Promise<LineageTableSearch> {
    const needle = q.trim().toLowerCase();
    const { tables } = await this.global(scope);
    const rank = (t: { id: string; name: string }) => {
      const name = t.name.toLowerCase();
      if (needle === '' || name === needle || t.id.toLowerCase() === needle) return 0;
      if (name.startsWith(needle)) return 1;
      if (name.includes(needle)) return 2;
      return t.id.toLowerCase().includes(needle) ? 3 : -1;
    };
    const hits = tables
      .map((t) => ({ t, r: rank(t) }))
      .filter((h) => h.r >= 0)
      .sort((a, b) => a.r - b.r || compareText(a.t.name, b.t.name) || compareText(a.t.id, b.t.id));
    const items: LineageTableHit[] = hits.slice(0, limit).map(({ t }) => ({
      id: t.id,
      name: t.name,
      connector: t.connector,
      readerCount: t.readers.length,
      writerCount: t.writers.length,
    }));
    return { items, total: hits.length };
  }

  /** The tasks around one table, `depth` task hops upstream and downstream. */
  async table(tableId: string, depth: number, scope: TeamScope = 'all'): Promise<TableLineage> {
    const graph = await this.global(scope);
    const around = lineageForTable(graph, tableId, depth);
    if (!around) throw new NotFoundError('Table', tableId);
    const centre = around.tables.find((t) => t.id.toLowerCase() === tableId.toLowerCase())!;
    return { ...around, table: centre.id, depth };
  }

  private async lineageOf(row: CurrentLineageRow): Promise<LineageResult | null> {
    if (row.lineage !== null) {
      const cached = this.parsed.get(row.versionId);
      if (cached?.raw === row.lineage) return cached.result;
      const result = parseStoredLineage(row.lineage);
      if (result) {
        this.parsed.set(row.versionId, { raw: row.lineage, result });
        return result;
      }
      // Stored by an older analyser or damaged: analysed again below, and replaced.
    }
    let pending = this.analysing.get(row.versionId);
    if (!pending) {
      pending = this.analyseAndStore(row).finally(() => this.analysing.delete(row.versionId));
      this.analysing.set(row.versionId, pending);
    }
    return pending;
  }

  private async analyseAndStore(row: CurrentLineageRow): Promise<LineageResult | null> {
    const version = await this.deps.versions.get(row.versionId);
    if (!version) return null; // deleted with its task meanwhile
    try {
      const result = await this.analyze(version.content);
      const raw = JSON.stringify(result);
      await this.deps.versions.setLineage(row.versionId, raw);
      this.parsed.set(row.versionId, { raw, result });
      return result;
    } catch (err) {
      // The analyser reports SQL problems inside its result; a throw is a bug in it. Leave this
      // task out of the graph rather than failing everyone's page.
      this.deps.log.error({ err, taskId: row.taskId, versionId: row.versionId }, 'SQL lineage analysis failed');
      return null;
    }
  }
}

const compareText = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });

/** A status as stored (text) when it is one Weir knows; anything else shows as no status rather than failing the graph. */
function runStatusOrNull(status: string | null): RunStatus | null {
  return RunStatus.safeParse(status).data ?? null;
}
