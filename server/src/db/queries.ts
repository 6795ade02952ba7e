import { sql, type RawBuilder } from 'kysely';
import type { DialectName } from './database.js';

export interface PageRequest {
  limit?: number;
  offset?: number;
}

export interface Page<T> {
  items: T[];
  /** All rows matching the filters, not just this page. */
  total: number;
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;

/** A page request clamped to sane bounds: 1 ≤ limit ≤ 1000 (default 50), offset ≥ 0. */
export function paged(request: PageRequest = {}): { limit: number; offset: number } {
  const limit = Math.min(Math.max(Math.trunc(request.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  const offset = Math.max(Math.trunc(request.offset ?? 0), 0);
  return { limit, offset };
}

/** Adds FOR UPDATE on engines that have row locks; SQLite serialises writers already. */
export function forUpdate<QB extends { forUpdate(): QB }>(query: QB, dialect: DialectName): QB {
  return dialect === 'sqlite' ? query : query.forUpdate();
}

/**
 * Case-insensitive "column contains text", the same on every engine (SQLite's LIKE ignores ASCII
 * case, PostgreSQL's does not, MySQL's follows the collation), with % and _ taken literally.
 */
export function containsIgnoringCase(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[!%_]/g, (char) => `!${char}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '!'`;
}

/** Portable "NULLs last" sort key: 0 for values, 1 for NULL (engines disagree on the default). */
export function nullsLast(column: string): RawBuilder<number> {
  return sql<number>`case when ${sql.ref(column)} is null then 1 else 0 end`;
}

/** A nullable numeric column as a JS number (drivers may hand back strings for big values). */
export function numberOrNull(value: number | string | bigint | null): number | null {
  return value === null ? null : Number(value);
}
