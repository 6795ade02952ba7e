import type { AuditQuery } from '@weir/contract';

/** The audit page's filters, kept in the URL so a filtered view can be shared and survives a reload. */
export interface AuditFilters {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, exclusive. */
  to?: number;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export const AUDIT_PAGE_SIZES = [20, 50, 100] as const;
const TEXT_KEYS = ['actor', 'action', 'targetType', 'targetId'] as const;

function positiveInt(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Reads filters from the URL; anything malformed is ignored rather than sent to the server. */
export function parseAuditFilters(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = { page: 1, pageSize: 50 };
  for (const key of TEXT_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value.slice(0, 200);
  }
  const from = positiveInt(params.get('from'));
  const to = positiveInt(params.get('to'));
  if (from !== undefined) filters.from = from;
  if (to !== undefined && (from === undefined || to > from)) filters.to = to;
  const page = positiveInt(params.get('page'));
  if (page && page >= 1) filters.page = page;
  const size = positiveInt(params.get('size'));
  if (size && (AUDIT_PAGE_SIZES as readonly number[]).includes(size)) filters.pageSize = size;
  return filters;
}

/** Writes filters back into the URL, leaving defaults out so URLs stay short. */
export function auditFiltersToParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of TEXT_KEYS) if (filters[key]) params.set(key, filters[key]!);
  if (filters.from !== undefined) params.set('from', String(filters.from));
  if (filters.to !== undefined) params.set('to', String(filters.to));
  if (filters.page > 1) params.set('page', String(filters.page));
  if (filters.pageSize !== 50) params.set('size', String(filters.pageSize));
  return params;
}

/** The API query for these filters. */
export function toAuditQuery(filters: AuditFilters): AuditQuery {
  const query: AuditQuery = { limit: filters.pageSize, offset: (filters.page - 1) * filters.pageSize };
  for (const key of TEXT_KEYS) if (filters[key]) query[key] = filters[key];
  if (filters.from !== undefined) query.from = filters.from;
  if (filters.to !== undefined) query.to = filters.to;
  return query;
}

/** A filter change starts again at page 1; paging alone keeps the filters. */
export function withFilter(filters: AuditFilters, change: Partial<Omit<AuditFilters, 'page' | 'pageSize'>>): AuditFilters {
  const next: AuditFilters = { ...filters, ...change, page: 1 };
  for (const [key, value] of Object.entries(change)) if (value === undefined || value === '') delete next[key as keyof typeof change];
  return next;
}
