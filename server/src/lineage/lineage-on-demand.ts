import type { LineageResult } from './lineage.schemas.js';

/**
 * The analyser pulls in a whole ANTLR grammar (dt-sql-parser, ~150 MB resident
 * once loaded). Weir needs it only when a version is published or an old run's
 * lineage is asked for, so it is loaded then, not at start-up: a Weir that only
 * watches jobs stays small.
 */
export async function analyzeLineageOnDemand(script: string): Promise<LineageResult> {
  const { analyzeLineage } = await import('./lineage-analyzer.js');
  return analyzeLineage(script);
}
