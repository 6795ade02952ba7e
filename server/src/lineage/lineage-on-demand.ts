import { LineageResult } from './lineage.schemas.js';

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

/**
 * A version's stored lineage (JSON), or null when it is not a LineageResult: written by an
 * older analyser, or damaged. Callers then analyse the script again instead of serving it.
 */
export function parseStoredLineage(stored: string): LineageResult | null {
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return null;
  }
  const parsed = LineageResult.safeParse(value);
  return parsed.success ? parsed.data : null;
}
